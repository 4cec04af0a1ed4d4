/* REXX - TAOEXT: run hostmig's taoext (Fischer TAO) from TSO/E,
   foreground or batch (IKJEFT01):

   %TAOEXT OUT(/u/hostmig/tao) PROFILE('HOSTMIG.PARMLIB(TAOPROF)')
           COPYBOOK('HOSTMIG.PARMLIB(TAOCOPY)')
           DATA('HOSTMIG.TAO.STORE' 'HOSTMIG.TAO.CAL'
                'HOSTMIG.TAO.DIRECT')
           [ACCOUNTS(dsn) CONTROL(dsn) SINCE(yyyymmdd) STATUS(name)
            LOAD('HOSTMIG.LOAD') UNIX(/u/hostmig/bin) SHOW ...]

   The data sets are the clusters unloaded by the job HMTUNLD. All
   operands and what they become: HMLXRUN. NOT RUN (no z/OS here).
*/
parse arg operands
exit HMLXRUN('TAOEXT', operands)
