/* REXX - MEMOEXT: run hostmig's memoext (Verimation MEMO) from
   TSO/E, foreground or batch (IKJEFT01):

   %MEMOEXT OUT(/u/hostmig/memo) PROFILE('HOSTMIG.PARMLIB(MEMOPROF)')
            COPYBOOK('HOSTMIG.PARMLIB(MEMOCOPY)')
            USERS('HOSTMIG.MEMO.USERS')
            DATA('HOSTMIG.MEMO.MAIL' 'HOSTMIG.MEMO.BBOARD'
                 'HOSTMIG.MEMO.DIRECT')
            [ACCOUNTS(dsn) CONTROL(dsn) SINCE(yyyymmdd) STATUS(name)
             LOAD('HOSTMIG.LOAD') UNIX(/u/hostmig/bin) SHOW ...]

   The data sets are the clusters unloaded by the job HMMUNLD. All
   operands and what they become: HMLXRUN. NOT RUN (no z/OS here).
*/
parse arg operands
exit HMLXRUN('MEMOEXT', operands)
