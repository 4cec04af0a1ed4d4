/* REXX - HMLXRUN: the TSO/E front end of hostmig's layout-driven
   extractors, MEMOEXT (Verimation MEMO) and TAOEXT (Fischer TAO).
   Called by the MEMOEXT and TAOEXT execs, or directly:

   %HMLXRUN prog operands

   Operands (TSO style, any order; data set names as in TSO: in
   apostrophes fully qualified, else your prefix is added):
     OUT(path)            the z/OS UNIX directory for the set
                          (required, except with INSPECT)
     PROFILE(dsn)         the store profile (required)
     COPYBOOK(dsn ...)    the copybooks (record layouts)
     DATA(dsn ...)        the unloaded clusters, 1 to 64 (required)
     USERS(dsn)           the user list (MEMO)
     CONTROL(dsn)         a batch control file (keyword,value lines)
     ACCOUNTS(dsn)        the accounts to migrate, one id a line
     SINCE(yyyymmdd) UNTIL(yyyymmdd) PARTITION(k/n) STATUS(name)
     CCSID(n) CODEPAGE(n) INSPECT(n) RECFM(REC|V)
     OPTS('--more --options')  passed on as they are
     LOAD(dsn)            the load library with the program (else it
                          must be in STEPLIB, the link list or the
                          task library)
     UNIX(dir)            run the z/OS UNIX program dir/memoext (or
                          taoext) through BPXWUNIX instead; the data
                          sets are then named //'DSN', no DDs
     LEOPTS(opts)         LE run-time options (default POSIX(ON))
     LOG(dsn)             the log (SYSPRINT) into a data set; else
                          the terminal (foreground) or the job's
                          SYSPRINT (batch, IKJEFT01)
     SHOW                 show the ALLOCs and the call, run nothing

   It allocates the DD names of the JCL (HMMEMO, HMTAO): MIGPARM
   (--control), MIGACCT (--accounts), MIGUSRL (--users), MIGPROF
   (--profile), MIGCOPY, MIGCOPY2 ... (--copybook), MIGDAT1 ...
   MIGDAT64 (--data), with ALLOC FI(dd) DA(dsn) SHR REUSE, calls the
   program through ADDRESS LINKMVS with a parameter string that may
   be longer than the 100 characters of CALL or PARM=, and frees
   the DDs again. Return code: the program's (0, 4, 8, 12, 16), 20
   for bad operands, 24 when an ALLOC failed.

   STATUS: NOT RUN - no z/OS system was available. Checked on Linux
   by build/jcllint.py (Regina's parser, labels, environments); the
   operand handling is run under Regina with SHOW.
*/
signal on novalue

if arg() > 1 then do
  prog = translate(arg(1))
  ops = arg(2)
end
else parse arg prog ops
prog = translate(strip(prog))
if wordpos(prog, 'MEMOEXT TAOEXT') = 0 then do
  say 'HMLXRUN: the program is MEMOEXT or TAOEXT, not' prog
  exit 20
end

keys = 'OUT PROFILE COPYBOOK DATA USERS CONTROL ACCOUNTS SINCE',
  'UNTIL PARTITION STATUS CCSID CODEPAGE INSPECT RECFM OPTS LOAD',
  'UNIX LEOPTS LOG'
do i = 1 to words(keys)
  k = word(keys, i)
  v.k = ''
end
v.LEOPTS = 'POSIX(ON)'
v.RECFM = 'REC'
show = 0

/* KEY(value) operands; a value may hold blanks and 'quoted' parts */
rest = strip(ops)
do while rest <> ''
  if pos('(', rest) = 0 then do
    call flags rest
    leave
  end
  parse var rest key '(' rest
  key = translate(strip(key))
  if words(key) > 1 then do
    call flags subword(key, 1, words(key) - 1)
    key = word(key, words(key))
  end
  depth = 1; q = 0
  do i = 1 to length(rest)
    c = substr(rest, i, 1)
    if c = "'" then q = \q
    else if \q & c = '(' then depth = depth + 1
    else if \q & c = ')' then do
      depth = depth - 1
      if depth = 0 then leave
    end
  end
  if depth > 0 then do
    say 'HMLXRUN: no ) after' key'('
    exit 20
  end
  val = strip(left(rest, i - 1))
  rest = strip(substr(rest, i + 1))
  if wordpos(key, keys) = 0 then do
    say 'HMLXRUN: unknown operand' key'()'
    exit 20
  end
  v.key = val
end

if v.PROFILE = '' | v.DATA = '' then do
  say 'HMLXRUN: PROFILE() and DATA() are required'
  exit 20
end
if v.OUT = '' & v.INSPECT = '' then do
  say 'HMLXRUN: OUT(path) is required'
  exit 20
end
viaunix = (v.UNIX <> '')

/* the parameters, and the ALLOCs they need */
nalloc = 0
args = ''
if v.OUT <> '' then args = args '--out' v.OUT
if v.CONTROL <> '' then
  args = args '--control' file('MIGPARM', v.CONTROL)
if v.ACCOUNTS <> '' then
  args = args '--accounts' file('MIGACCT', v.ACCOUNTS)
args = args '--profile' file('MIGPROF', v.PROFILE)
do i = 1 to words(v.COPYBOOK)
  dd = 'MIGCOPY'
  if i > 1 then dd = 'MIGCOPY'i
  args = args '--copybook' file(dd, word(v.COPYBOOK, i))
end
if v.USERS <> '' then args = args '--users' file('MIGUSRL', v.USERS)
ndata = words(v.DATA)
if ndata > 64 then do
  say 'HMLXRUN: at most 64 DATA() data sets'
  exit 20
end
do i = 1 to ndata
  args = args '--data' file('MIGDAT'i, word(v.DATA, i))
end
args = args '--recfm' v.RECFM
if v.SINCE <> '' then args = args '--since' v.SINCE
if v.UNTIL <> '' then args = args '--until' v.UNTIL
if v.PARTITION <> '' then args = args '--partition' v.PARTITION
if v.STATUS <> '' then args = args '--status' v.STATUS
if v.CCSID <> '' then args = args '--ccsid' v.CCSID
if v.CODEPAGE <> '' then args = args '--codepage' v.CODEPAGE
if v.INSPECT <> '' then args = args '--inspect' v.INSPECT
if v.OPTS <> '' then args = args strip(v.OPTS, 'B', "'")
args = strip(args)

if viaunix then do
  lower = 'abcdefghijklmnopqrstuvwxyz'
  upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  cmd = v.UNIX'/'translate(prog, lower, upper) args
  if show then do
    say cmd
    exit 0
  end
  out.0 = 0
  err.0 = 0
  xrc = bpxwunix(cmd, , out., err.)
  do i = 1 to out.0
    say out.i
  end
  do i = 1 to err.0
    say err.i
  end
  exit xrc
end

parm = v.LEOPTS'/' args
if show then do
  do i = 1 to nalloc
    say alloc.i
  end
  if v.LOG <> '' then say 'ALLOC FI(SYSPRINT) DA('v.LOG') MOD REUSE'
  if v.LOAD <> '' then say 'TSOLIB ACTIVATE DATASET('v.LOAD')'
  say 'LINKMVS' prog "'"parm"'"
  exit 0
end

/* allocate, run, free */
address TSO
arc = 0
do i = 1 to nalloc
  alloc.i
  if rc <> 0 then do
    say 'HMLXRUN:' alloc.i 'ended with rc' rc
    arc = 24
  end
end
fore = (sysvar('SYSENV') = 'FORE')
if v.LOG <> '' then 'ALLOC FI(SYSPRINT) DA('v.LOG') MOD REUSE'
else if fore then 'ALLOC FI(SYSPRINT) DA(*) REUSE'
ispf = (sysvar('SYSISPF') = 'ACTIVE')
xrc = arc
if arc = 0 then do
  if v.LOAD <> '' then do
    if ispf then address ISPEXEC,
      "LIBDEF ISPLLIB DATASET ID("v.LOAD")"
    else 'TSOLIB ACTIVATE DATASET('v.LOAD')'
  end
  address LINKMVS prog 'parm'
  xrc = rc
  if v.LOAD <> '' then do
    if ispf then address ISPEXEC 'LIBDEF ISPLLIB'
    else 'TSOLIB DEACTIVATE'
  end
  if xrc < 0 then say 'HMLXRUN:' prog 'ended abnormally (rc' xrc')'
end
do i = 1 to nalloc
  parse var alloc.i . 'FI(' dd ')' .
  'FREE FI('dd')'
end
if v.LOG <> '' | fore then 'FREE FI(SYSPRINT)'
exit xrc

/* the name the program gets for a data set: a DD it allocates, or
   with UNIX() the data set itself as //'DSN' */
file:
  parse arg fdd, fdsn
  if viaunix then return '"//'fdsn'"'
  nalloc = nalloc + 1
  alloc.nalloc = 'ALLOC FI('fdd') DA('fdsn') SHR REUSE'
  return '//DD:'fdd

flags:
  parse upper arg fl
  do f = 1 to words(fl)
    if word(fl, f) = 'SHOW' then show = 1
    else do
      say 'HMLXRUN: unknown operand' word(fl, f)
      exit 20
    end
  end
  return

novalue:
  say 'HMLXRUN: variable' condition('D') 'has no value, line' sigl
  exit 20
