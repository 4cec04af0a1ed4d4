#!/usr/bin/env python3
"""jcllint.py - the lint of hostmig's host job control (Python 3,
stdlib only): z/OS JCL in jcl/*.jcl, CMS EXECs in exec/*.exec and TSO
REXX in exec/*.rexx. None of it can run here (no z/OS, no z/VM), so
this lint is all the checking they get, with Regina's parser for the
REXX syntax. Findings are printed as  file:line: reason ; the exit
status is 1 when there is any, 2 on a usage error, 0 otherwise.

  jcllint.py --jcl  [FILE...]   the JCL checks (default: jcl/*.jcl,
                                and jcl/HMBUILD.jcl must be current)
  jcllint.py --rexx [FILE...]   the REXX checks (default: exec/*)
  jcllint.py --write-build      regenerate jcl/HMBUILD.jcl from the
                                source tree
  jcllint.py --members          the source files and their names on
                                z/OS (PDS members) and CMS (file ids)
  (build/lint.py --jcl and --rexx run the same checks.)

JCL checks
  - file names jcl/NAME.jcl, NAME a member name (1-8 of A-Z 0-9 @ # $,
    not starting with a digit); a member is one job (first statement
    JOB) or one cataloged PROC named like the member (no JOB, JCLLIB);
  - statements and comments within columns 1-71; `//` in columns 1-2;
    names 1-8 valid characters (stepname.ddname for overrides);
    known operations; no lowercase letters outside apostrophes; no
    characters that differ between EBCDIC code pages ([ ] ^ ~ { } \\)
    and nothing outside ASCII;
  - continuation: a statement whose operands end with a comma goes on
    in the next `//` line with columns 3 blank and the text starting
    in columns 4-16; a `//` line without a name after a statement
    that did not end with a comma is flagged; no apostrophe string
    split over lines; balanced parentheses; IF ... THEN, ELSE, ENDIF
    nested right;
  - in-stream data (DD * and DD DATA, DLM=): lines outside it that are
    not JCL are flagged; a stray `/*`; data for IDCAMS and the binder
    starts in column 2; PARMDD data: every record after the first
    starts with a blank (PARMDD joins records without one) and stays
    within 71 columns; in-stream job streams (jobs submitted through
    the internal reader) are linted as JCL themselves;
  - symbols: every &NAME is defined (PROC parameter, SET, or a system
    symbol such as &SYSUID); PROC parameters are used; symbols in
    in-stream data need SYMBOLS= on the DD and an EXPORT of the
    symbol; PROC parameters are not substituted in in-stream data;
  - steps: unique step names, unique DD names in a step; EXEC of a
    PROC in jcl/: it exists, every parameter passed is one of its
    parameters, parameters it needs (empty default, used in DSN= or
    PGM=) are passed, overrides name one of its steps; PARM at most
    100 characters after substituting the values; PARMDD names a DD
    of the step; every DD:NAME in the parameters (PARM or PARMDD
    data) is a DD of the step; data set names (after substitution)
    are valid (qualifiers of 1-8, at most 44, member 1-8);
  - jcl/HMBUILD.jcl is what --write-build makes from the tree.

REXX checks
  - file names exec/NAME.exec (CMS) or exec/NAME.rexx (TSO), NAME as
    above; the first line starts with a comment in column 1 (CMS and
    SYSPROC tell REXX by it; for .rexx it holds the word REXX);
  - lines of at most 72 columns, no tabs, ASCII only, none of the
    characters [ ] ^ ~ { } outside comments;
  - Regina's tokeniser (regina -c) parses the whole program, so syntax
    errors anywhere are found (nothing is run: commands for CMS or
    TSO would go to the Linux shell). Without regina: a SKIP line;
  - CALL and SIGNAL targets, SIGNAL ON/CALL ON handlers and function
    calls name an internal label, a built-in function, a function of
    the host (CMS: DIAG, USERID ...; TSO: OUTTRAP, SYSDSN, BPXWUNIX
    ...) or another EXEC in exec/;
  - ADDRESS environments belong to the host: CMS, COMMAND, XEDIT ...
    in .exec; TSO, MVS, LINKMVS, ISPEXEC, SYSCALL ... in .rexx.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

JCL_COLS = 71       # statement columns (72 continues comments)
REXX_COLS = 72
PARM_MAX = 100

NAME_RE = re.compile(r'^[A-Z@#$][A-Z0-9@#$]{0,7}$')
SYMCH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$'

OPERATIONS = set('''JOB EXEC DD PROC PEND SET IF ELSE ENDIF JCLLIB INCLUDE
OUTPUT EXPORT CNTL ENDCNTL XMIT COMMAND SCHEDULE JOBGROUP ENDGROUP
GJOB JOBSET ENDSET SJOB AFTER BEFORE CONCURRENT'''.split())
NO_OPERANDS = set(['PEND', 'ELSE', 'ENDIF', 'ENDCNTL', 'ENDGROUP',
                   'ENDSET'])
JES2_STMTS = set('''JOBPARM MESSAGE NETACCT NOTIFY OUTPUT PRIORITY ROUTE
SETUP SIGNOFF SIGNON XEQ XMIT'''.split())
EXEC_KEYS = set('''ACCT ADDRSPC CCSID COND DPRTY DYNAMNBR MEMLIMIT PARM
PARMDD PERFORM PGM PROC RD REGION REGIONX RLSTMOUT TIME TVSMSG'''.split())
SYSTEM_SYMBOLS = set('''SYSUID SYSNAME SYSCLONE SYSPLEX SYSR1 SYSALVL
LYYMMDD LYR2 LYR4 LMON LDAY LJDAY LHR LMIN LSEC LHHMMSS LWDAY YYMMDD
YR2 YR4 MON DAY JDAY HR MIN SEC HHMMSS WDAY JOBNAME SID'''.split())
# programs whose control statements start in column 2
COL2_PROGRAMS = set(['IDCAMS', 'IEWL', 'HEWL', 'IEWBLINK', 'HEWLH096'])
VARIANT_CHARS = '[]^~{}\\'
VARIANT_REXX = '[]^~{}'

CMS_ENVS = set(['CMS', 'COMMAND', 'XEDIT', 'CPICOMM', 'OPENVM', 'CPI'])
TSO_ENVS = set(['TSO', 'MVS', 'LINK', 'LINKMVS', 'LINKPGM', 'ATTACH',
                'ATTCHMVS', 'ATTCHPGM', 'ISPEXEC', 'ISREDIT', 'SYSCALL',
                'SH', 'CONSOLE', 'CPICOMM', 'LU62', 'APPCMVS'])
REXX_BUILTINS = set('''ABBREV ABS ADDRESS ARG B2X BITAND BITOR BITXOR C2D
C2X CENTER CENTRE CHANGESTR CHARIN CHAROUT CHARS COMPARE CONDITION
COPIES COUNTSTR D2C D2X DATATYPE DATE DELSTR DELWORD DIGITS ERRORTEXT
FORM FORMAT FUZZ INSERT LASTPOS LEFT LENGTH LINEIN LINEOUT LINES MAX
MIN OVERLAY POS QUEUED RANDOM REVERSE RIGHT SIGN SOURCELINE SPACE
STREAM STRIP SUBSTR SUBWORD SYMBOL TIME TRACE TRANSLATE TRUNC VALUE
VERIFY WORD WORDINDEX WORDLENGTH WORDPOS WORDS X2B X2C X2D XRANGE
EXTERNALS FIND INDEX JUSTIFY LINESIZE USERID'''.split())
CMS_FUNCS = set('''DIAG DIAGRC CMSFLAG CSL STORAGE APILOAD SOCKET
CMSSTACK'''.split())
TSO_FUNCS = set('''GETMSG LISTDSI MSG MVSVAR OUTTRAP PROMPT SETLANG
STORAGE SYSCPUS SYSDSN SYSVAR BPXWUNIX BPXWDYN'''.split())
REXX_KEYWORDS = set('''ADDRESS ARG CALL DO DROP ELSE END EXIT IF INTERPRET
ITERATE LEAVE NOP NUMERIC OPTIONS OTHERWISE PARSE PROCEDURE PULL PUSH
QUEUE RETURN SAY SELECT SIGNAL THEN TRACE UPPER WHEN WHILE UNTIL TO BY
FOR FOREVER WITH VALUE VAR EXPOSE'''.split())
CONDITIONS = set(['ERROR', 'FAILURE', 'HALT', 'NOVALUE', 'SYNTAX',
                  'LOSTDIGITS', 'NOTREADY'])


class Findings(object):
    def __init__(self):
        self.items = []
        self.skips = []

    def add(self, path, line, reason):
        self.items.append('%s:%d: %s' % (path, line, reason))

    def __len__(self):
        return len(self.items)


# ================================================================
# JCL: statements
# ================================================================

class Stmt(object):
    def __init__(self, line, name, op, operand, col):
        self.line = line          # line number of its first line
        self.name = name          # '' when none
        self.op = op
        self.operand = operand    # continued operands joined
        self.col = col            # column of the operand (1-based)
        self.data = None          # in-stream data: [(line, text)]
        self.params = None
        self.nested = False


def scan_operand(text):
    """The operand field at the start of text: up to the first blank
    outside apostrophes. Returns (operand, open_quote)."""
    q = False
    i = 0
    while i < len(text):
        c = text[i]
        if c == "'":
            q = not q
        elif c == ' ' and not q:
            break
        i += 1
    return text[:i], q


def outside_quotes(text):
    """text with the contents of apostrophe strings blanked."""
    out = []
    q = False
    for c in text:
        if c == "'":
            q = not q
            out.append(c)
        else:
            out.append(' ' if q else c)
    return ''.join(out)


def split_top(text):
    """Split at commas outside parentheses and apostrophes."""
    items, depth, q, cur = [], 0, False, []
    for c in text:
        if c == "'":
            q = not q
        elif not q and c == '(':
            depth += 1
        elif not q and c == ')':
            depth -= 1
        if c == ',' and depth == 0 and not q:
            items.append(''.join(cur))
            cur = []
        else:
            cur.append(c)
    items.append(''.join(cur))
    return items


def unquote(v):
    if len(v) >= 2 and v[0] == "'" and v[-1] == "'":
        return v[1:-1].replace("''", "'")
    return v


def params_of(st):
    """[(key or None, value)] of a statement's operands."""
    if st.params is None:
        st.params = []
        if st.operand:
            for it in split_top(st.operand):
                m = re.match(r'^([A-Z][A-Z0-9@#$]*(?:\.[A-Z0-9@#$]+)?)='
                             r'(.*)$', it, re.S)
                if m:
                    st.params.append((m.group(1), m.group(2)))
                else:
                    st.params.append((None, it))
    return st.params


def param(st, key):
    for k, v in params_of(st):
        if k == key:
            return v
    return None


def symbols_in(text):
    """[(name, pos)] of the &NAME symbols (not &&NAME)."""
    out = []
    i = 0
    while i < len(text):
        if text[i] != '&':
            i += 1
            continue
        if text[i + 1:i + 2] == '&':
            i += 2
            while i < len(text) and text[i] in SYMCH:
                i += 1
            continue
        j = i + 1
        while j < len(text) and text[j] in SYMCH:
            j += 1
        if j > i + 1:
            out.append((text[i + 1:j], i))
        i = j
    return out


def resolve(text, env):
    """Substitute &NAME (and &NAME.) by env[NAME] where known."""
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c != '&':
            out.append(c)
            i += 1
            continue
        if text[i + 1:i + 2] == '&':
            out.append('&&')
            i += 2
            continue
        j = i + 1
        while j < len(text) and text[j] in SYMCH:
            j += 1
        name = text[i + 1:j]
        if name and name in env:
            out.append(env[name])
            if text[j:j + 1] == '.':
                j += 1
        else:
            out.append(text[i:j])
        i = j
    return ''.join(out)


def parm_string(value):
    """What the program receives for PARM=value."""
    v = value.strip()
    if v.startswith('(') and v.endswith(')'):
        return ','.join(unquote(x) for x in split_top(v[1:-1]))
    return unquote(v)


class JclParser(object):
    """Turns lines into statements; reports the column rules."""

    def __init__(self, path, fnd, base=0):
        self.path = path
        self.fnd = fnd
        self.base = base
        self.stmts = []

    def add(self, line, why):
        self.fnd.add(self.path, line, why)

    def check_chars(self, ln, text, what='statement'):
        for c in VARIANT_CHARS:
            if c in text:
                self.add(ln, "character '%s' in a JCL %s (it is not the "
                         "same in every EBCDIC code page)" % (c, what))
        if re.search(r'[^\x00-\x7f]', text):
            self.add(ln, 'non-ASCII character in JCL')
        if '\t' in text:
            self.add(ln, 'tab character in JCL')

    def parse(self, lines):
        pend = None         # statement waiting for a continuation
        pend_if = False     # IF waiting for THEN
        data_dd = None      # DD collecting in-stream data
        dlm = None
        for idx, raw in enumerate(lines):
            ln = self.base + idx + 1
            line = raw.rstrip('\n').rstrip('\r')
            if data_dd is not None:
                if dlm is not None:
                    if line.startswith(dlm):
                        data_dd = None
                        continue
                    data_dd.data.append((ln, line))
                    continue
                if line.startswith('/*'):
                    data_dd = None
                    if line[2:3] in ('', ' '):
                        continue
                elif line.startswith('//') and not data_dd.is_data:
                    data_dd = None
                else:
                    data_dd.data.append((ln, line))
                    continue
            if len(line.rstrip()) > JCL_COLS:
                self.add(ln, 'JCL statement is %d columns (at most %d; '
                         '72 is the continuation column)'
                         % (len(line.rstrip()), JCL_COLS))
            if line.startswith('//*'):
                self.check_chars(ln, '', 'comment')
                if re.search(r'[^\x00-\x7f]', line):
                    self.add(ln, 'non-ASCII character in JCL')
                continue
            if line.startswith('/*'):
                word = line[2:].split()[0] if line[2:3].strip() else ''
                if pend is not None:
                    self.add(ln, 'continuation expected (the line before '
                             'ends with a comma)')
                    pend = None
                if not word:
                    self.add(ln, "stray '/*' delimiter outside in-stream "
                             "data")
                elif word not in JES2_STMTS:
                    self.add(ln, "unknown JES2 statement '/*%s'" % word)
                continue
            if not line.startswith('//'):
                self.add(ln, 'not a JCL statement: data outside in-stream '
                         'data (a DD * or DD DATA missing, or a line '
                         'without // in columns 1-2)')
                pend = None
                continue
            body = line[2:]
            self.check_chars(ln, body)
            if body.strip() == '':
                if pend is not None:
                    self.add(ln, 'continuation expected, found a null '
                             'statement')
                    pend = None
                st = Stmt(ln, '', 'NULL', '', 3)
                self.stmts.append(st)
                continue
            if pend is not None:
                if body[0] != ' ':
                    self.add(ln, 'continuation expected (the line before '
                             'ends with a comma), found a named statement')
                    pend = None
                else:
                    col = 3 + len(body) - len(body.lstrip())
                    if col < 4 or col > 16:
                        self.add(ln, 'continued operands must start in '
                                 'columns 4-16 (found column %d)' % col)
                    text = body.lstrip()
                    if pend_if:
                        pend.operand += ' ' + text
                        if re.search(r'(^|\s)THEN(\s|$)', text):
                            pend.operand = re.sub(r'\s+THEN(\s.*)?$', '',
                                                  pend.operand)
                            pend = None
                            pend_if = False
                        continue
                    opnd, q = scan_operand(text)
                    self.check_case(ln, opnd)
                    if q:
                        self.add(ln, 'apostrophe string goes past the end '
                                 'of the line (keep quoted strings on '
                                 'one line)')
                    pend.operand += opnd
                    if not opnd.endswith(','):
                        st = pend
                        pend = None
                        data_dd, dlm = self.finish(st)
                    continue
            # a new statement
            if body[0] != ' ':
                name = body.split()[0]
                rest = body[len(name):]
                self.check_name(ln, name)
            else:
                name = ''
                rest = body
            words = rest.split()
            if not words:
                self.add(ln, 'statement without an operation')
                continue
            op = words[0]
            if op not in OPERATIONS:
                if op.upper() in OPERATIONS:
                    self.add(ln, "operation '%s' must be upper case" % op)
                elif not name:
                    self.add(ln, "unknown operation '%s' (a continuation "
                             "whose line before does not end with a "
                             "comma?)" % op)
                else:
                    self.add(ln, "unknown operation '%s'" % op)
                continue
            opstart = rest.index(op) + len(op)
            after = rest[opstart:]
            col = 3 + len(body) - len(rest) + opstart + \
                (len(after) - len(after.lstrip()))
            text = after.lstrip()
            st = Stmt(ln, name, op, '', col)
            if op in NO_OPERANDS:
                self.stmts.append(st)
                continue
            if op == 'IF':
                m = re.search(r'(^|\s)THEN(\s|$)', text)
                if m:
                    st.operand = text[:m.start()].strip()
                    self.stmts.append(st)
                else:
                    st.operand = text.strip()
                    self.stmts.append(st)
                    pend, pend_if = st, True
                continue
            opnd, q = scan_operand(text)
            self.check_case(ln, opnd)
            if q:
                self.add(ln, 'apostrophe string goes past the end of the '
                         'line (keep quoted strings on one line)')
            st.operand = opnd
            if opnd.endswith(','):
                pend = st
                self.stmts.append(st)
                continue
            self.stmts.append(st)
            data_dd, dlm = self.finish(st)
        if pend is not None:
            self.add(pend.line, 'statement ends with a comma but no '
                     'continuation follows')
        if data_dd is not None and dlm is not None:
            self.add(data_dd.line, "in-stream data not ended by its "
                     "delimiter '%s'" % dlm)
        return self.stmts

    def check_name(self, ln, name):
        parts = name.split('.')
        if len(parts) > 2 or not all(NAME_RE.match(p) for p in parts):
            self.add(ln, "invalid name '%s' (1-8 of A-Z 0-9 @ # $, not "
                     "starting with a digit)" % name)

    def check_case(self, ln, opnd):
        if re.search(r'[a-z]', outside_quotes(opnd)):
            self.add(ln, 'lower-case letters outside apostrophes')

    def finish(self, st):
        """A complete statement: in-stream data after a DD?"""
        st.is_data = False
        if st.op != 'DD':
            return None, None
        pos = [v for k, v in params_of(st) if k is None]
        if pos and pos[0] in ('*', 'DATA'):
            st.data = []
            st.is_data = pos[0] == 'DATA'
            d = param(st, 'DLM')
            d = unquote(d) if d else None
            if d is not None and len(d) != 2:
                self.add(st.line, 'DLM= must be two characters')
            return st, d
        return None, None


# ================================================================
# JCL: the checks on statements
# ================================================================

class Proc(object):
    def __init__(self, name, path):
        self.name = name
        self.path = path
        self.params = {}          # name -> default
        self.required = set()
        self.steps = {}           # step -> {'pgm':, 'dds': set()}
        self.order = []


def dsn_ok(dsn):
    """None, or why dsn (resolved) is not a valid data set name."""
    if '&' in dsn or dsn.startswith('*') or dsn == 'NULLFILE':
        return None
    m = re.match(r'^([^()]+)(?:\(([^)]*)\))?$', dsn)
    if not m:
        return 'malformed'
    name, mem = m.group(1), m.group(2)
    if len(name) > 44:
        return 'longer than 44 characters'
    for q in name.split('.'):
        if not re.match(r'^[A-Z@#$][A-Z0-9@#$-]{0,7}$', q):
            return "qualifier '%s' is not 1-8 valid characters" % q
    if mem is not None and not re.match(r'^[+-]?\d+$', mem) \
            and not NAME_RE.match(mem):
        return "member '%s' is not a valid member name" % mem
    return None


class JclChecker(object):
    def __init__(self, fnd, procs):
        self.fnd = fnd
        self.procs = procs

    # ---- the declarations of a PROC ----

    def proc_of(self, path, stmts):
        first = [s for s in stmts if s.op != 'NULL']
        if not first or first[0].op != 'PROC':
            return None
        p = Proc(first[0].name, path)
        for k, v in params_of(first[0]):
            if k:
                p.params[k] = unquote(v)
        step = None
        for st in first[1:]:
            if st.op == 'EXEC':
                step = st.name
                pgm = param(st, 'PGM')
                p.steps[step] = {'pgm': pgm, 'dds': set()}
                p.order.append(step)
            elif st.op == 'DD' and step and st.name:
                p.steps[step]['dds'].add(st.name)
        for st in first[1:]:
            if st.op not in ('DD', 'EXEC'):
                continue
            for k, v in params_of(st):
                if k in ('DSN', 'DSNAME', 'PGM'):
                    for sym, _ in symbols_in(v):
                        if sym in p.params and p.params[sym] == '':
                            p.required.add(sym)
        return p

    # ---- a member or a job stream ----

    def check_member(self, path, stmts, kind_expected=None,
                     predefined=None):
        real = [s for s in stmts if s.op != 'NULL']
        if not real:
            self.fnd.add(path, 1, 'no JCL statement')
            return
        first = real[0]
        base = os.path.basename(path)
        member = base[:-4] if base.endswith('.jcl') else base
        if kind_expected == 'stream':
            jobs = self.split_jobs(path, stmts)
            for job in jobs:
                self.check_unit(path, job, False, predefined or {})
            return
        if first.op == 'PROC':
            if first.name and first.name != member:
                self.fnd.add(path, first.line, "PROC '%s' is not named "
                             "like its member '%s'" % (first.name, member))
            for st in real[1:]:
                if st.op in ('JOB', 'JCLLIB', 'PROC'):
                    self.fnd.add(path, st.line, '%s statement in a '
                                 'cataloged PROC' % st.op)
            self.check_unit(path, real, True, {})
        elif first.op == 'JOB':
            for st in real[1:]:
                if st.op == 'JOB':
                    self.fnd.add(path, st.line, 'second JOB statement in '
                                 'a member (one job per member)')
            self.check_unit(path, real, False, predefined or {})
        else:
            self.fnd.add(path, first.line, 'a member must start with a '
                         'JOB or a PROC statement')

    def split_jobs(self, path, stmts):
        jobs, cur = [], None
        for st in stmts:
            if st.op == 'JOB':
                cur = [st]
                jobs.append(cur)
            elif st.op == 'NULL':
                cur = None
            elif cur is None:
                self.fnd.add(path, st.line, 'statement outside a job in '
                             'an in-stream job stream')
            else:
                cur.append(st)
        return jobs

    def check_unit(self, path, stmts, is_proc, predefined):
        fnd = self.fnd
        env = dict(predefined)
        declared = set(SYSTEM_SYMBOLS) | set(predefined)
        exported = set()
        export_all = False
        proc = None
        if is_proc:
            proc = self.proc_of(path, stmts)
            for k, v in proc.params.items():
                if v != '':
                    env[k] = v
                declared.add(k)
        for st in stmts:
            if st.op == 'SET':
                for k, v in params_of(st):
                    if k:
                        env[k] = unquote(v)
                        declared.add(k)
            elif st.op == 'EXPORT':
                v = param(st, 'SYMLIST') or ''
                if v.strip() == '*':
                    export_all = True
                for s in re.findall(r'[A-Z@#$][A-Z0-9@#$]*', v):
                    exported.add(s)
        used = set()
        # symbols in statements
        for st in stmts:
            if st.op == 'PROC':
                continue
            for sym, _ in symbols_in(st.operand):
                used.add(sym)
                if sym not in declared:
                    fnd.add(path, st.line, "symbol &%s is not defined (no "
                            "SET%s)" % (sym, ' or PROC parameter'
                                        if is_proc else ''))
            if st.op == 'PROC':
                continue
        if is_proc:
            for sym, _ in symbols_in(stmts[0].operand):
                used.add(sym)
            for k in sorted(proc.params):
                if k not in used:
                    fnd.add(path, stmts[0].line, "PROC parameter %s is "
                            "never used" % k)
        # structure: IF nesting, unique names, steps
        depth = []
        steps = {}
        cur = None              # current step: dict
        for st in stmts:
            if st.op == 'IF':
                depth.append([st, False])
            elif st.op == 'ELSE':
                if not depth:
                    fnd.add(path, st.line, 'ELSE without IF')
                elif depth[-1][1]:
                    fnd.add(path, st.line, 'second ELSE for one IF')
                else:
                    depth[-1][1] = True
            elif st.op == 'ENDIF':
                if not depth:
                    fnd.add(path, st.line, 'ENDIF without IF')
                else:
                    depth.pop()
            elif st.op == 'EXEC':
                if st.name:
                    if st.name in steps:
                        fnd.add(path, st.line, "step name '%s' used twice"
                                % st.name)
                cur = self.exec_step(path, st, env, is_proc)
                steps[st.name or '(unnamed %d)' % st.line] = cur
            elif st.op == 'DD':
                if cur is None:
                    if st.name and '.' in st.name:
                        fnd.add(path, st.line, 'override before any EXEC')
                    continue
                self.dd_stmt(path, st, cur, env, exported, export_all,
                             is_proc, proc)
            if st.op in ('DD', 'EXEC'):
                for k, v in params_of(st):
                    if k in ('DSN', 'DSNAME'):
                        why = dsn_ok(resolve(unquote(v), env))
                        if why:
                            fnd.add(path, st.line, 'data set name %s: %s'
                                    % (v, why))
            if '(' in st.operand or ')' in st.operand:
                oq = outside_quotes(st.operand)
                if oq.count('(') != oq.count(')'):
                    fnd.add(path, st.line, 'unbalanced parentheses')
        for d in depth:
            fnd.add(path, d[0].line, 'IF without ENDIF')
        for name, step in steps.items():
            self.finish_step(path, step, env)

    # ---- steps ----

    def exec_step(self, path, st, env, is_proc):
        fnd = self.fnd
        step = {'st': st, 'pgm': None, 'proc': None, 'dds': {},
                'over': {}, 'data': []}
        pgm = param(st, 'PGM')
        pos = [v for k, v in params_of(st) if k is None]
        pname = param(st, 'PROC') or (pos[0] if pos else None)
        if pgm is not None:
            step['pgm'] = resolve(pgm, env)
            if not NAME_RE.match(step['pgm']) and '&' not in step['pgm'] \
                    and not step['pgm'].startswith('*'):
                fnd.add(path, st.line, "program name '%s' is not a valid "
                        "member name" % pgm)
        elif pname:
            step['proc'] = pname
            p = self.procs.get(pname)
            if p is None:
                fnd.add(path, st.line, "EXEC of PROC %s, which is not in "
                        "jcl/" % pname)
            else:
                given = set()
                for k, v in params_of(st):
                    if k is None or k in EXEC_KEYS or '.' in k:
                        continue
                    given.add(k)
                    if k not in p.params:
                        fnd.add(path, st.line, "PROC %s has no parameter "
                                "%s" % (pname, k))
                for k in sorted(p.required - given):
                    fnd.add(path, st.line, "PROC %s needs %s= (no "
                            "default)" % (pname, k))
        else:
            fnd.add(path, st.line, 'EXEC without PGM= or a PROC name')
        parm = param(st, 'PARM')
        if parm is not None and pgm is not None:
            s = parm_string(resolve(parm, env))
            if '&' not in s and len(s) > PARM_MAX:
                fnd.add(path, st.line, 'PARM is %d characters (at most '
                        '%d; use PARMDD)' % (len(s), PARM_MAX))
        if param(st, 'PARM') is not None and \
                param(st, 'PARMDD') is not None:
            fnd.add(path, st.line, 'PARM and PARMDD together')
        return step

    def dd_stmt(self, path, st, cur, env, exported, export_all, is_proc,
                proc):
        fnd = self.fnd
        name = st.name
        target = cur
        if name and '.' in name:
            pstep, dd = name.split('.')
            if cur['proc'] is None:
                fnd.add(path, st.line, "override %s for a step that runs "
                        "a program, not a PROC" % name)
                return
            p = self.procs.get(cur['proc'])
            if p is not None and pstep not in p.steps:
                fnd.add(path, st.line, "PROC %s has no step %s"
                        % (cur['proc'], pstep))
            cur['over'].setdefault(pstep, {})
            if dd in cur['over'][pstep]:
                fnd.add(path, st.line, "DD %s given twice" % name)
            cur['over'][pstep][dd] = st
            target = None
        elif name:
            if name in cur['dds']:
                fnd.add(path, st.line, "DD name %s used twice in the step"
                        % name)
            cur['dds'][name] = st
        if name:
            cur['last'] = st
        if st.data is not None:
            self.data_checks(path, st, env, exported, export_all,
                             is_proc, proc)
            if target is not None or name:
                cur['data'].append(st)

    def data_checks(self, path, st, env, exported, export_all, is_proc,
                    proc):
        fnd = self.fnd
        sym = param(st, 'SYMBOLS')
        for ln, text in st.data:
            if re.search(r'[^\x00-\x7f]', text):
                fnd.add(path, ln, 'non-ASCII character in in-stream data')
            for s, _ in symbols_in(text):
                if is_proc and proc and s in proc.params:
                    fnd.add(path, ln, "PROC parameter &%s is not "
                            "substituted in in-stream data" % s)
                elif sym is None:
                    if s in env and s not in SYSTEM_SYMBOLS:
                        fnd.add(path, ln, "symbol &%s in in-stream data "
                                "is not substituted without SYMBOLS= on "
                                "the DD" % s)
                elif s != 'SYSUID' and not export_all and \
                        s not in exported:
                    fnd.add(path, ln, "symbol &%s in in-stream data is not "
                            "EXPORTed (EXPORT SYMLIST=)" % s)
                elif s != 'SYSUID' and s not in env:
                    fnd.add(path, ln, "symbol &%s in in-stream data has "
                            "no SET" % s)
        first = [t for _, t in st.data if t.strip()]
        if first and re.match(r'^//\S+\s+JOB(\s|$)', first[0]):
            self.nested(path, st, env, exported, export_all)

    def nested(self, path, st, env, exported, export_all):
        """An in-stream job stream (for the internal reader)."""
        sym = param(st, 'SYMBOLS')
        lines = []
        pre = {}
        for ln, text in st.data:
            if sym is not None:
                keep = dict((k, v) for k, v in env.items()
                            if export_all or k in exported)
                text = resolve(text, keep)
            lines.append(text)
        base = st.data[0][0] - 1
        p = JclParser(path, self.fnd, base)
        stmts = p.parse(lines)
        for s in stmts:
            s.nested = True
        self.check_member(path, stmts, 'stream', pre)

    def finish_step(self, path, step, env):
        """PARMDD, DD:NAME references, column-2 data, PARM of procs."""
        fnd = self.fnd
        st = step['st']
        if step['proc'] is None:
            units = [(None, step['pgm'], st, set(step['dds']),
                      dict((d.name, d) for d in step['data']))]
        else:
            p = self.procs.get(step['proc'])
            if p is None:
                return
            units = []
            for ps in p.order:
                over = step['over'].get(ps, {})
                dds = set(p.steps[ps]['dds']) | set(over)
                units.append((ps, p.steps[ps]['pgm'], st, dds,
                              dict((k, v) for k, v in over.items()
                                   if v.data is not None)))
            self.proc_parms(path, step, p, env)
        for ps, pgm, est, dds, datadd in units:
            pdd = None
            if ps is None:
                pdd = param(est, 'PARMDD')
                parm = param(est, 'PARM')
            else:
                pdd = self.proc_parmdd(step['proc'], ps)
                parm = None
            refs = []
            if parm is not None:
                refs += [(est.line, r) for r in
                         re.findall(r'DD:([A-Z@#$][A-Z0-9@#$]*)',
                                    parm_string(resolve(parm, env)))]
            if pdd is not None and '&' not in pdd:
                if pdd not in dds:
                    fnd.add(path, est.line, "PARMDD=%s: no DD %s in the "
                            "step" % (pdd, pdd))
                d = datadd.get(pdd)
                if d is not None:
                    recs = [(ln, t) for ln, t in d.data if t.strip()]
                    for i, (ln, t) in enumerate(recs):
                        if i > 0 and not t.startswith(' '):
                            fnd.add(path, ln, 'PARMDD record does not start '
                                    'with a blank: PARMDD joins it to the '
                                    'record before without one')
                        if len(t.rstrip()) > JCL_COLS:
                            fnd.add(path, ln, 'PARMDD record is %d columns'
                                    ' (at most %d)' % (len(t.rstrip()),
                                                       JCL_COLS))
                        refs += [(ln, r) for r in re.findall(
                            r'DD:([A-Z@#$][A-Z0-9@#$]*)', t)]
            for ln, r in refs:
                if len(r) > 8:
                    fnd.add(path, ln, 'DD:%s: a DD name has at most 8 '
                            'characters' % r)
                elif r not in dds:
                    fnd.add(path, ln, 'DD:%s is not a DD of the step%s'
                            % (r, ' %s' % ps if ps else ''))
            if pgm and unquote(pgm) in COL2_PROGRAMS:
                for name, d in datadd.items():
                    for ln, t in d.data:
                        if t.strip() and not t.startswith(' '):
                            fnd.add(path, ln, '%s reads its control '
                                    'statements from column 2: column 1 '
                                    'must be blank' % unquote(pgm))

    def proc_parmdd(self, pname, pstep):
        p = self.procs.get(pname)
        return p.steps[pstep].get('parmdd') if p else None

    def proc_parms(self, path, step, p, env):
        """PARM of each step of a called PROC, with the call's
        values."""
        st = step['st']
        vals = dict(p.params)
        for k, v in params_of(st):
            if k and k not in EXEC_KEYS and '.' not in k:
                vals[k] = unquote(resolve(v, env))
        for ps in p.order:
            parm = p.steps[ps].get('parm')
            if parm is None:
                continue
            s = parm_string(resolve(parm, vals))
            if '&' not in s and len(s) > PARM_MAX:
                self.fnd.add(path, st.line, 'PARM of %s.%s is %d '
                             'characters with these values (at most %d)'
                             % (p.name, ps, len(s), PARM_MAX))


def parse_file(path, fnd, shown):
    try:
        with open(path, 'rb') as fh:
            data = fh.read().decode('utf-8', 'replace')
    except OSError as e:
        fnd.add(shown, 0, 'cannot read: %s' % e)
        return None
    lines = data.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    return JclParser(shown, fnd).parse(lines)


def load_procs(paths, fnd_sink):
    """PROC members among paths: {name: Proc} (their findings are not
    kept here)."""
    procs = {}
    ck = JclChecker(Findings(), {})
    for full, shown in paths:
        stmts = parse_file(full, Findings(), shown)
        if not stmts:
            continue
        p = ck.proc_of(shown, [s for s in stmts if s.op != 'NULL'])
        if p is None:
            continue
        base = os.path.basename(full)
        p.name = base[:-4] if base.endswith('.jcl') else base
        step = None
        for st in stmts:
            if st.op == 'EXEC':
                step = st.name
                p.steps[step]['parmdd'] = param(st, 'PARMDD')
                p.steps[step]['parm'] = param(st, 'PARM')
        procs[p.name] = p
    return procs


def member_name_ok(path, ext):
    base = os.path.basename(path)
    if not base.endswith(ext):
        return False
    return NAME_RE.match(base[:-len(ext)]) is not None


def lint_jcl(files, root, fnd, library=None):
    """files: [(full, shown)]. library: PROC members to resolve EXECs
    (default: jcl/*.jcl under root)."""
    lib = library if library is not None else \
        [(os.path.join(root, 'jcl', f), 'jcl/' + f)
         for f in sorted(os.listdir(os.path.join(root, 'jcl')))
         if f.endswith('.jcl')] if os.path.isdir(
             os.path.join(root, 'jcl')) else []
    procs = load_procs(lib + files, fnd)
    ck = JclChecker(fnd, procs)
    for full, shown in files:
        if not member_name_ok(full, '.jcl'):
            fnd.add(shown, 0, 'file name must be NAME.jcl with NAME a '
                    'member name (1-8 of A-Z 0-9 @ # $, upper case)')
        stmts = parse_file(full, fnd, shown)
        if stmts is None:
            continue
        ck.check_member(shown, stmts)


# ================================================================
# REXX
# ================================================================

def rexx_blank(text):
    """Blank out comments (nested) and strings, keeping newlines.
    Returns (code, problems)."""
    out = list(text)
    probs = []
    i, n, depth, line = 0, len(text), 0, 1
    while i < n:
        c = text[i]
        if c == '\n':
            line += 1
            i += 1
            continue
        if text.startswith('/*', i):
            depth = 1
            start = line
            out[i] = out[i + 1] = ' '
            i += 2
            while i < n and depth:
                if text.startswith('/*', i):
                    depth += 1
                    out[i] = out[i + 1] = ' '
                    i += 2
                elif text.startswith('*/', i):
                    depth -= 1
                    out[i] = out[i + 1] = ' '
                    i += 2
                else:
                    if text[i] == '\n':
                        line += 1
                    else:
                        out[i] = ' '
                    i += 1
            if depth:
                probs.append((start, 'comment not closed'))
            continue
        if c in ('"', "'"):
            start = line
            j = i + 1
            while j < n:
                if text[j] == c:
                    if text[j + 1:j + 2] == c:
                        j += 2
                        continue
                    break
                if text[j] == '\n':
                    break
                j += 1
            if j >= n or text[j] != c:
                probs.append((start, 'string not closed on its line'))
            for k in range(i + 1, min(j, n)):
                if out[k] != '\n':
                    out[k] = ' '
            out[i] = '"'
            if j < n:
                out[j] = '"'
            i = j + 1
            continue
        i += 1
    return ''.join(out), probs


def rexx_clauses(code):
    """[(line, clause text)] from blanked code: continuation commas
    joined, split at semicolons, labels split off."""
    out = []
    lines = code.split('\n')
    buf, start = '', None
    for num, ln in enumerate(lines, 1):
        s = ln.rstrip()
        if start is None:
            start = num
        if s.endswith(','):
            buf += s[:-1] + ' '
            continue
        buf += s
        for part in buf.split(';'):
            rest = part.strip()
            while True:
                m = re.match(r'^([A-Za-z_@#$!?][\w@#$!?.]*)\s*:(?!=)(.*)$',
                             rest)
                if not m:
                    break
                out.append((start, m.group(1) + ':'))
                rest = m.group(2).strip()
            if rest:
                out.append((start, rest))
        buf, start = '', None
    return out


def regina_check(full, shown, fnd):
    exe = shutil.which('regina') or shutil.which('rexx')
    if not exe or not shutil.which('regina'):
        return False
    fd, tok = tempfile.mkstemp(prefix='hmrx', suffix='.tok')
    os.close(fd)
    try:
        r = subprocess.run(['regina', '-c', os.path.abspath(full), tok],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=60)
        msg = (r.stdout + r.stderr).decode('utf-8', 'replace').strip()
        if r.returncode != 0:
            ln = 0
            m = re.search(r'line (\d+)', msg)
            if m:
                ln = int(m.group(1))
            text = ' '.join(l.strip() for l in msg.splitlines()
                            if l.strip())
            text = re.sub(r' running "[^"]*"', '', text)
            fnd.add(shown, ln, 'REXX syntax (Regina): %s' % text)
    finally:
        os.unlink(tok)
    return True


def lint_rexx(files, root, fnd, own_names=None):
    have_regina = shutil.which('regina') is not None
    if not have_regina:
        fnd.skips.append('SKIP: REXX syntax: regina is not installed '
                         '(apt-get install regina-rexx; build/deps.sh '
                         'does); the other REXX checks ran')
    own = set(own_names or [])
    if own_names is None and os.path.isdir(os.path.join(root, 'exec')):
        for f in os.listdir(os.path.join(root, 'exec')):
            own.add(os.path.splitext(f)[0].upper())
    for full, shown in files:
        own.add(os.path.splitext(os.path.basename(full))[0].upper())
    for full, shown in files:
        ext = '.exec' if full.endswith('.exec') else \
            '.rexx' if full.endswith('.rexx') else None
        if ext is None or not member_name_ok(full, ext):
            fnd.add(shown, 0, 'file name must be NAME.exec (CMS) or '
                    'NAME.rexx (TSO) with NAME a member name (1-8 of '
                    'A-Z 0-9 @ # $, upper case)')
            if ext is None:
                ext = '.exec'
        try:
            with open(full, 'rb') as fh:
                text = fh.read().decode('utf-8', 'replace')
        except OSError as e:
            fnd.add(shown, 0, 'cannot read: %s' % e)
            continue
        lines = text.split('\n')
        if not lines[0].startswith('/*'):
            fnd.add(shown, 1, 'the first line must start with a comment '
                    'in column 1 (/* REXX */): CMS and TSO tell REXX '
                    'from it')
        elif ext == '.rexx' and 'REXX' not in lines[0].upper():
            fnd.add(shown, 1, "the first line's comment must hold the "
                    "word REXX (found by SYSPROC)")
        code, probs = rexx_blank(text)
        for ln, why in probs:
            fnd.add(shown, ln, why)
        for num, (ln, cl) in enumerate(zip(lines, code.split('\n')), 1):
            if len(ln.rstrip('\r')) > REXX_COLS:
                fnd.add(shown, num, 'REXX line is %d columns (at most %d)'
                        % (len(ln.rstrip('\r')), REXX_COLS))
            if '\t' in ln:
                fnd.add(shown, num, 'tab character in REXX')
            if re.search(r'[^\x00-\x7f]', ln):
                fnd.add(shown, num, 'non-ASCII character in REXX')
            for c in VARIANT_REXX:
                if c in strip_comment_line(ln, cl):
                    fnd.add(shown, num, "character '%s' outside comments "
                            "(it is not the same in every EBCDIC code "
                            "page)" % c)
        if have_regina:
            regina_check(full, shown, fnd)
        rexx_refs(shown, ext, code, own, fnd)


def strip_comment_line(orig, blanked):
    """The characters of orig that are code or strings (not comment):
    positions blanked in 'blanked' that were not blanks in orig count
    as comment unless they sit between string quotes."""
    out = []
    inq = False
    for a, b in zip(orig, blanked):
        if b == '"':
            inq = not inq
            out.append(a)
        elif inq or b != ' ':
            out.append(a)
    return ''.join(out)


def inner_clause(cl):
    """The instruction after IF/WHEN ... THEN, ELSE, OTHERWISE."""
    while True:
        words = cl.split(None, 1)
        if not words:
            return ''
        kw = words[0].upper()
        if kw in ('IF', 'WHEN'):
            m = re.search(r'(?i)(^|\s)THEN(\s+|$)', cl)
            if not m:
                return cl
            cl = cl[m.end():]
        elif kw in ('THEN', 'ELSE', 'OTHERWISE'):
            cl = words[1] if len(words) > 1 else ''
        else:
            return cl


def rexx_refs(shown, ext, code, own, fnd):
    clauses = rexx_clauses(code)
    labels = set()
    for ln, cl in clauses:
        if cl.endswith(':'):
            labels.add(cl[:-1].upper())
    host = CMS_FUNCS if ext == '.exec' else TSO_FUNCS
    envs = CMS_ENVS if ext == '.exec' else TSO_ENVS
    known = REXX_BUILTINS | host | own

    def callable_(name):
        return name in labels or name in known

    for ln, cl in clauses:
        if cl.endswith(':'):
            continue
        cl = inner_clause(cl)
        if not cl:
            continue
        words = cl.split()
        kw = words[0].upper()
        if kw == 'CALL' and len(words) > 1:
            w = words[1].upper()
            if w in ('ON', 'OFF'):
                if w == 'ON' and len(words) > 2:
                    tgt = words[2].upper()
                    if len(words) > 4 and words[3].upper() == 'NAME':
                        tgt = words[4].upper()
                    if tgt not in labels:
                        fnd.add(shown, ln, 'CALL ON handler %s: no such '
                                'label' % tgt)
            elif re.match(r'^[A-Z_@#$!?][\w@#$!?]*$', w) and \
                    not callable_(w):
                fnd.add(shown, ln, "CALL %s: no such label, built-in or "
                        "host function, or EXEC in exec/" % words[1])
        elif kw == 'SIGNAL' and len(words) > 1:
            w = words[1].upper()
            if w in ('ON', 'OFF'):
                if w == 'ON' and len(words) > 2:
                    tgt = words[2].upper()
                    if len(words) > 4 and words[3].upper() == 'NAME':
                        tgt = words[4].upper()
                    if tgt not in labels:
                        fnd.add(shown, ln, 'SIGNAL ON handler %s: no such '
                                'label' % tgt)
            elif w != 'VALUE' and not w.startswith('(') and \
                    w not in labels:
                fnd.add(shown, ln, 'SIGNAL %s: no such label' % words[1])
        elif kw == 'ADDRESS' and len(words) > 1:
            w = words[1].upper()
            if w != 'VALUE' and not w.startswith(('(', '"')) and \
                    w not in envs:
                fnd.add(shown, ln, "ADDRESS %s is not an environment of "
                        "%s" % (words[1], 'CMS' if ext == '.exec'
                                else 'TSO/E'))
        for m in re.finditer(r'(?<![\w@#$!?.])([A-Za-z_@#$!?][\w@#$!?]*)'
                             r'\(', cl):
            name = m.group(1).upper()
            if name in REXX_KEYWORDS:
                continue
            if not callable_(name):
                fnd.add(shown, ln, "function %s(): no such label, built-in "
                        "or host function, or EXEC in exec/"
                        % m.group(1))


# ================================================================
# sources, members and the generated build job
# ================================================================

MAIN_RE = re.compile(r'(?m)^\s*(?:int|void)\s+main\s*\(')
ZLIB_MEMBERS = ['ADLER32', 'CRC32', 'DEFLATE', 'INFFAST', 'INFLATE',
                'INFTREES', 'TREES', 'ZUTIL']


def mvs_member(path):
    """hm_base.h -> HM@BASE: what XL C looks for (leftmost qualifier,
    upper case, '_' as '@', 8 characters)."""
    base = os.path.basename(path).split('.')[0]
    return base.upper().replace('_', '@')[:8]


def cms_fileid(path):
    """codepage.c -> CODEPAGE C: what C for VM looks for."""
    base = os.path.basename(path)
    fn, _, ft = base.partition('.')
    return '%s %s' % (fn.upper()[:8], ft.upper()[:8])


def sources(root):
    """(library C files, main C files, headers) of the product, as
    repo paths: the same rule as Makefile.zos."""
    def ls(d, ext):
        full = os.path.join(root, d)
        if not os.path.isdir(full):
            return []
        return sorted('%s/%s' % (d, f) for f in os.listdir(full)
                      if f.endswith(ext))
    lib, mains, hdrs = [], [], []
    for f in ls('common', '.c'):
        if f in ('common/plat_posix.c', 'common/plat_cms.c'):
            continue
        lib.append(f)
    mains += ls('common/prog', '.c')
    exdir = os.path.join(root, 'extractors')
    subs = sorted(os.listdir(exdir)) if os.path.isdir(exdir) else []
    for s in subs:
        for f in ls('extractors/' + s, '.c'):
            with open(os.path.join(root, f), errors='replace') as fh:
                if MAIN_RE.search(fh.read()):
                    mains.append(f)
                else:
                    lib.append(f)
        hdrs += ls('extractors/' + s, '.h')
    hdrs = ls('common', '.h') + ls('common', '.def') + hdrs
    hdrs = [h for h in hdrs if not h.endswith('zosstub.h')]
    return lib, mains, sorted(hdrs)


def member_problems(root):
    lib, mains, hdrs = sources(root)
    probs = []
    for group, what in ((lib + mains, 'C member'), (hdrs, 'header')):
        seen = {}
        for f in group:
            m = mvs_member(f)
            if not NAME_RE.match(m):
                probs.append('%s: %s name %s is not a valid member name'
                             % (f, what, m))
            if m in seen:
                probs.append('%s and %s are both %s %s on z/OS'
                             % (seen[m], f, what, m))
            seen[m] = f
    for group in (lib + mains, hdrs):
        seen = {}
        for f in group:
            c = cms_fileid(f)
            if c in seen:
                probs.append('%s and %s are both "%s" on CMS'
                             % (seen[c], f, c))
            seen[c] = f
    return probs


def is_platform(f):
    return re.match(r'^common/plat_[^/]*\.c$', f) is not None


def build_job(root):
    lib, mains, hdrs = sources(root)
    L = []
    w = L.append
    w("//HMBUILD  JOB (ACCT),'HOSTMIG BUILD',CLASS=A,MSGCLASS=X,")
    w("//             NOTIFY=&SYSUID")
    w("//*" + "-" * 68)
    w("//* HMBUILD - build hostmig from data sets: compile every C member")
    w("//* (HMCC), then bind the programs into &HLQ..LOAD (HMLINK).")
    w("//* GENERATED by build/jcllint.py --write-build from the source")
    w("//* tree: do not edit; regenerate when files come or go (the lint")
    w("//* fails while it is stale).")
    w("//*")
    w("//* Before: &HLQ..SOURCE holds the C files, &HLQ..H the headers,")
    w("//* the .def files and HMNAMES (build/hmnames.h), &HLQ..ZLIB.C and")
    w("//* &HLQ..ZLIB.H zlib's sources, as members named by")
    w("//* build/jcllint.py --members; &HLQ..OBJ and &HLQ..LOAD exist")
    w("//* (HMALLOC). NOT RUN: no z/OS system was available.")
    w("//*" + "-" * 68)
    w("//         SET HLQ=HOSTMIG")
    w("//         JCLLIB ORDER=&HLQ..JCL")
    w("//*  zlib (deflate, inflate, CRC-32 for migpack and migcheck)")
    for m in ZLIB_MEMBERS:
        w("//%-8s EXEC HMCC,M=%s,HLQ=&HLQ,SRC=ZLIB.C," % (m, m))
        w("//             LANG='LANGLVL(EXTENDED)'")
    w("//*  the library")
    for f in lib:
        m = mvs_member(f)
        if is_platform(f):
            w("//%-8s EXEC HMCC,M=%s,HLQ=&HLQ,DEFS=',_LARGE_FILES'," % (
                m, m))
            w("//             LANG='LANGLVL(EXTENDED)'")
        else:
            w("//%-8s EXEC HMCC,M=%s,HLQ=&HLQ" % (m, m))
    w("//*  the programs' mains")
    for f in mains:
        m = mvs_member(f)
        w("//%-8s EXEC HMCC,M=%s,HLQ=&HLQ" % (m, m))
    w("//*  bind when every compile ended below 8")
    w("//         IF (RC < 8) THEN")
    objs = ZLIB_MEMBERS + [mvs_member(f) for f in lib]
    for f in mains:
        m = mvs_member(f)
        w("//%-8s EXEC HMLINK,P=%s,HLQ=&HLQ" % (('L' + m)[:8], m))
        w("//BIND.SYSIN DD *")
        w("  INCLUDE OBJ(%s)" % m)
        for o in objs:
            w("  INCLUDE OBJ(%s)" % o)
        w("  ENTRY CEESTART")
        w("  NAME %s(R)" % m)
        w("/*")
    w("//         ENDIF")
    return '\n'.join(L) + '\n'


def check_build(root, fnd):
    path = os.path.join(root, 'jcl', 'HMBUILD.jcl')
    for p in member_problems(root):
        fnd.add('jcl/HMBUILD.jcl', 0, p)
    want = build_job(root)
    try:
        with open(path) as fh:
            have = fh.read()
    except OSError:
        have = None
    if have != want:
        fnd.add('jcl/HMBUILD.jcl', 0, '%s: run python3 build/jcllint.py '
                '--write-build' % ('missing' if have is None else
                                   'stale (the source files changed)'))


def print_members(root):
    lib, mains, hdrs = sources(root)
    rows = []
    for f in lib + mains:
        rows.append((f, 'SOURCE(%s)' % mvs_member(f), cms_fileid(f)))
    for f in hdrs:
        rows.append((f, 'H(%s)' % mvs_member(f), cms_fileid(f)))
    rows.append(('build/hmnames.h', 'H(HMNAMES)', 'HMNAMES H'))
    for f, m, c in rows:
        print('%-34s %-18s %s' % (f, m, c))
    for p in member_problems(root):
        print('PROBLEM: ' + p)


# ================================================================
# command line
# ================================================================

USAGE = """usage: jcllint.py [--jcl] [--rexx] [--root DIR] [FILE...]
       jcllint.py --write-build | --members [--root DIR]"""


def files_under(root, d, exts):
    full = os.path.join(root, d)
    if not os.path.isdir(full):
        return []
    return [(os.path.join(full, f), '%s/%s' % (d, f))
            for f in sorted(os.listdir(full))
            if os.path.isfile(os.path.join(full, f))
            and (exts is None or f.endswith(exts))]


def run(checks, files, root):
    """Run checks ('jcl', 'rexx') on files (default: the tree).
    Returns the findings."""
    fnd = Findings()
    given = [(os.path.abspath(f), f) for f in files]
    if 'jcl' in checks:
        if given:
            sel = [g for g in given if not g[0].endswith(('.exec',
                                                          '.rexx'))]
            lint_jcl(sel, root, fnd)
        else:
            lint_jcl(files_under(root, 'jcl', None), root, fnd)
            check_build(root, fnd)
    if 'rexx' in checks:
        if given:
            sel = [g for g in given if g[0].endswith(('.exec', '.rexx'))
                   or 'jcl' not in checks]
            lint_rexx(sel, root, fnd)
        else:
            lint_rexx(files_under(root, 'exec', None), root, fnd)
    return fnd


def main(argv):
    checks, files = [], []
    root = REPO
    action = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ('--jcl', '--rexx'):
            checks.append(a[2:])
        elif a == '--root':
            i += 1
            if i >= len(argv):
                sys.stderr.write(USAGE + '\n')
                return 2
            root = os.path.abspath(argv[i])
        elif a in ('--write-build', '--members'):
            action = a
        elif a in ('-h', '--help'):
            print(USAGE)
            return 0
        elif a.startswith('-'):
            sys.stderr.write('jcllint.py: unknown option %s\n%s\n'
                             % (a, USAGE))
            return 2
        else:
            files.append(a)
        i += 1
    if action == '--members':
        print_members(root)
        return 0
    if action == '--write-build':
        path = os.path.join(root, 'jcl', 'HMBUILD.jcl')
        probs = member_problems(root)
        for p in probs:
            print('PROBLEM: ' + p)
        with open(path, 'w') as fh:
            fh.write(build_job(root))
        print('wrote %s' % os.path.relpath(path))
        return 1 if probs else 0
    if not checks:
        checks = ['jcl', 'rexx']
    fnd = run(checks, files, root)
    for s in fnd.skips:
        print(s)
    for item in fnd.items:
        print(item)
    if len(fnd):
        sys.stderr.write('jcllint.py: %d finding(s)\n' % len(fnd))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
