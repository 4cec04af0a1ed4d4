#!/usr/bin/env python3
"""lint.py - the mainframe lint of hostmig (Python 3, stdlib only).

It catches what the Linux, EBCDIC and s390x builds cannot: rules that
only bite on z/OS or CMS. Every finding is printed as
    file:line: reason
and the exit status is 1 when there is any finding, 2 on a usage
error, 0 otherwise. Run it from anywhere; paths are relative to the
repository root (the parent of build/), or to --root.

Checks (each option runs that check alone; several may be combined;
--all, or no check option, runs every source check: all but --names):

  --lines    every code file (C, .def, Python, shell, Makefiles, JCL,
             jcl/*, exec/*, .ci/*; not *.md, not test data such as
             tests/golden/ and tests/fuzz/corpus/): at most 80
             characters per line (a tab counts as one, like awk's
             length), JCL at most 72; no tab in C sources (.c .h
             .def) or Python; no carriage return; product C sources
             (common/, extractors/) pure ASCII, because they are
             converted to IBM-1047 on the host.
  --headers  #include <...> in common/ and extractors/: the portable
             core may include only CORE_HEADERS; program mains
             (common/prog/*.c, extractors/*/*.c defining main) also
             MAIN_HEADERS; common/plat_*.c anything. <zlib.h> only in
             ZLIB_FILES.
  --calls    the core (product code except plat_*.c and mains) calls
             no C library function except CORE_CALLS: the bare-metal
             shim provides only these.
  --ascii    product C code: no ASCII assumptions - relational tests
             against character literals other than digits ('a' <= c,
             c < ' '), except ranges that are contiguous in EBCDIC as
             well (c >= 'A' && c <= 'F'); arithmetic on letter literals
             (c - 'a', 'a' - 'A'); case flipping by 32 / 0x20 / 0xDF
             on a character-like operand (c - 32, ch ^ 0x20) unless
             it is PC-side data guarded by numeric constants in the
             same or the two previous lines (c >= 0x61 && ...); the
             <ctype.h> functions outside plat_*.c; the printf family
             outside plat_*.c.
  --float    product C code uses no floating point (float, double,
             floating literals, difftime/strtod/atof): z/OS defaults
             to hexadecimal floating point, PDPCLIB on S/370 has only
             that, and Makefile.zos states that none is used.
  --plat     syntax check of common/plat_zos.c and common/plat_cms.c
             on Linux: gcc and clang -std=c90 -pedantic -Werror with
             -D__MVS__ -DHM_ZOS_STUBS (or the CMS macros) and the stub
             headers in build/zosstub/; also with -fexec-charset=
             IBM1047 (gcc); both must also compile to nothing without
             those macros, and must define exactly the external names
             that common/plat_posix.c defines.
  --names    8-character external names. Arguments are object files
             and/or archives (or --nm-file with `nm -P` output). Runs
             `nm -P -g` on them, maps every defined external name to a
             short name (rule below), and checks the map.
  --selftest feeds the checks synthetic input, including a forced
             collision of short names, and verifies that they fail
             exactly where they must. Exit 0 when they behave.
  --jcl      the z/OS JCL in jcl/ (columns, continuations, names,
             symbols, PROC calls, PARM/PARMDD, in-stream data) and
             that jcl/HMBUILD.jcl is current: build/jcllint.py.
  --rexx     the CMS EXECs and TSO REXX in exec/ (Regina's parser,
             labels, environments, columns): build/jcllint.py.
             --jcl and --rexx run only when named; explicit files
             go to them as to jcllint.py.

Explicit file arguments replace the repository scan for the source
checks; --root DIR makes their paths relative to DIR for the path
rules (tests point at tests/golden/lint/common/x.c with --root
tests/golden/lint so that it counts as common/x.c).

The name map (decided policy)
-----------------------------
External names are not limited on Linux, but the CMS loader and the
MVS linkage editor see 8 characters, upper-cased (z/OS XL C with
NOLONGNAME truncates too, and GCC-for-CMS/PDPCLIB has no LONGNAME at
all). Because every module still changes, the map is NOT committed:
the Makefile generates it at build time from the core library,
    build/lint.py --names --write build/obj/native/libhm.a
writing build/names.map (lines "long_name SHORT", sorted) and
build/hmnames.h (#pragma map for z/OS/VM XL C under NOLONGNAME, and
#define long_name SHORT under HM_SHORTNAMES for GCC-for-CMS). Both
files are build products shipped with a host source package. The lint
fails (--check, or --write) when the map is unusable: a short name
that is not unique case-insensitively, longer than 8, not a valid
external symbol, equal to a C library or runtime name (C90 library,
POSIX names we call, names starting CEE, EDC, IBM, IGZ, @@), or equal
to an external the objects reference but do not define; or when an
external name does not start with hm_ (it should be static). With
--check, an existing build/names.map (or --map FILE) is validated too
and reported when stale (it no longer matches the objects).

Mapping rule, deterministic: for hm_<w1>_<w2>..., the candidate is HM
followed by the words joined, upper-cased, when that fits in 8
characters (hm_pl_open -> HMPLOPEN). Otherwise the words are shortened
until they fit in 6 characters: first the longest words (ties: the
rightmost) lose their vowels after the first letter (format -> frmt),
then the longest word (ties: the rightmost) loses its last letter, one
letter at a time (hm_msg_format -> HMMSGFRM, hm_pl_log_is_terminal ->
HMPLLGIT). Names without the hm_ prefix get the same treatment in 8
characters. When two or more names give the same candidate, or the
candidate is reserved, ALL of them take the hash form: HM and 6 base-36
digits of CRC-32(name) modulo 36**6 (CRC-32(name#1), #2... if that is
taken too). Names are processed sorted, so the map depends only on the
set of names.
"""

import fnmatch
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

# ---- policy, meant to be edited by the lead ----

MAX_COLS = 80
JCL_COLS = 72

# Headers the portable core may include.
CORE_HEADERS = ['stddef.h', 'limits.h', 'string.h']
# Additionally allowed in program mains (exit status, string helpers).
MAIN_HEADERS = ['stdlib.h']
# Files that may include <zlib.h> (shell patterns on repo paths).
ZLIB_FILES = ['common/plat_*.c', 'common/zip*.c', 'common/prog/*.c']
# C library functions the core may call (the bare-metal shim has them).
CORE_CALLS = ['memcpy', 'memmove', 'memset', 'memcmp', 'strlen',
              'strcmp']

OS_HEADERS = ['stdio.h', 'stdlib.h', 'unistd.h', 'fcntl.h', 'errno.h',
              'time.h', 'iconv.h', 'dirent.h', 'signal.h', 'ctype.h',
              'setjmp.h', 'locale.h', 'math.h', 'assert.h', 'float.h',
              'stdarg.h', 'wchar.h', 'wctype.h', 'zlib.h', 'pwd.h',
              'grp.h', 'termios.h', 'pthread.h', 'langinfo.h']
C99_HEADERS = ['stdint.h', 'stdbool.h', 'inttypes.h', 'complex.h',
               'fenv.h', 'tgmath.h', 'iso646.h']

# The C90 library (and the usual POSIX calls), used for --calls and as
# reserved external names.
LIBC_NAMES = """
assert isalnum isalpha iscntrl isdigit isgraph islower isprint ispunct
isspace isupper isxdigit tolower toupper errno setlocale localeconv
acos asin atan atan2 cos sin tan cosh sinh tanh exp frexp ldexp log
log10 modf pow sqrt ceil fabs floor fmod setjmp longjmp signal raise
remove rename tmpfile tmpnam fclose fflush fopen freopen setbuf
setvbuf fprintf fscanf printf scanf sprintf sscanf vfprintf vprintf
vsprintf fgetc fgets fputc fputs getc getchar gets putc putchar puts
ungetc fread fwrite fgetpos fseek fsetpos ftell rewind clearerr feof
ferror perror stdin stdout stderr atof atoi atol strtod strtol strtoul
rand srand calloc free malloc realloc abort atexit exit getenv system
bsearch qsort abs div labs ldiv mblen mbtowc wctomb mbstowcs wcstombs
memcpy memmove strcpy strncpy strcat strncat memcmp strcmp strcoll
strncmp strxfrm memchr strchr strcspn strpbrk strrchr strspn strstr
strtok memset strerror strlen clock difftime mktime time asctime ctime
gmtime localtime strftime snprintf vsnprintf
open close read write lseek unlink mkdir rmdir opendir readdir
closedir stat fstat lstat isatty fileno fdopen mkstemp fsync chmod
fchmod getpid gettimeofday getrusage iconv iconv_open iconv_close
access dup dup2 pipe fork execv execvp waitpid kill sleep usleep
""".split()
RESERVED_PREFIXES = ['CEE', 'EDC', 'IBM', 'IGZ', '@@']

CTYPE_FUNCS = ['isalnum', 'isalpha', 'iscntrl', 'isdigit', 'isgraph',
               'islower', 'isprint', 'ispunct', 'isspace', 'isupper',
               'isxdigit', 'tolower', 'toupper']
PRINTF_FUNCS = ['printf', 'fprintf', 'sprintf', 'snprintf', 'vprintf',
                'vfprintf', 'vsprintf', 'vsnprintf']
FLOAT_FUNCS = ['difftime', 'strtod', 'atof']

C_EXT = ('.c', '.h', '.def')
CODE_PATTERNS = ['*.c', '*.h', '*.def', '*.py', '*.sh', 'Makefile*',
                 '*.mk', '*.jcl', '*.rexx', '*.exec', '*.awk']
CODE_DIRS = ['jcl/', 'exec/', '.ci/']
SKIP_DIRS = ['tests/golden/lint/', 'tests/golden/jcl-bad/',
             'tests/fuzz/corpus/',
             'tests/fuzz/regress/', 'build/obj/', 'build/bin/',
             'build/out/', 'build/deps/', 'build/demo/',
             'build/bench/', 'build/fuzz/', 'build/zos/']
DATA_DIRS = ['tests/golden/']  # only scripts in here are code

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


class Findings(object):
    """Collects 'file:line: reason' lines."""

    def __init__(self):
        self.items = []

    def add(self, path, line, reason):
        self.items.append('%s:%d: %s' % (path, line, reason))

    def __len__(self):
        return len(self.items)


# ---- file selection and classification ----

def is_code_file(rel):
    """True when rel (a repo path with /) is a code file to lint."""
    if rel.endswith('.md'):
        return False
    for d in SKIP_DIRS:
        if rel.startswith(d):
            return False
    base = rel.rsplit('/', 1)[-1]
    code = any(fnmatch.fnmatch(base, p) for p in CODE_PATTERNS)
    code = code or any(rel.startswith(d) for d in CODE_DIRS)
    for d in DATA_DIRS:
        if rel.startswith(d):
            return code and base.endswith(('.sh', '.py'))
    return code


def repo_files(root):
    """Tracked and new (not ignored) files, or a walk without git."""
    try:
        out = subprocess.run(
            ['git', 'ls-files', '-co', '--exclude-standard'],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            check=True).stdout.decode('utf-8', 'replace')
        names = [n for n in out.splitlines() if n]
    except (OSError, subprocess.CalledProcessError):
        names = []
        for d, subdirs, files in os.walk(root):
            subdirs[:] = [s for s in subdirs if s != '.git']
            for f in files:
                p = os.path.relpath(os.path.join(d, f), root)
                names.append(p.replace(os.sep, '/'))
    return sorted(n for n in set(names)
                  if os.path.isfile(os.path.join(root, n)))


def is_product(rel):
    return rel.startswith('common/') or rel.startswith('extractors/')


def is_plat(rel):
    return re.match(r'^common/plat_[^/]*\.c$', rel) is not None


MAIN_RE = re.compile(r'(?m)^\s*(?:int|void)\s+main\s*\(')


def is_main(rel, code):
    """Program mains: common/prog/*.c, extractors/*/*.c with main()."""
    if re.match(r'^common/prog/[^/]*\.c$', rel):
        return True
    if re.match(r'^extractors/[^/]+/[^/]*\.c$', rel):
        return MAIN_RE.search(code) is not None
    return False


def is_core(rel, code):
    return is_product(rel) and not is_plat(rel) and \
        not is_main(rel, code)


# ---- C lexing helpers ----

def strip_c(text, keep_chars=True):
    """Blank comments and string literal contents (keeping newlines
    and columns); character literals stay unless keep_chars is
    false."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '/' and text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif c == '/' and text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j = min(j + 1, n)
            body = text[i + 1:j - 1]
            if c == '"' or not keep_chars:
                body = re.sub(r'[^\n]', ' ', body)
            out.append(c + body + text[j - 1:j])
            i = j
        else:
            j = i + 1
            while j < n and text[j] not in '/"\'':
                j += 1
            out.append(text[i:j])
            i = j
    return ''.join(out)


class LineIndex(object):
    def __init__(self, text):
        self.starts = [0]
        for m in re.finditer('\n', text):
            self.starts.append(m.end())

    def line(self, pos):
        lo, hi = 0, len(self.starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if self.starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo + 1


# ---- check (a): lines ----

def check_lines(rel, data, fnd, max_cols=MAX_COLS):
    text = data.decode('utf-8', 'replace')
    is_c = rel.endswith(C_EXT)
    no_tabs = is_c or rel.endswith('.py')
    jcl = rel.endswith('.jcl') or rel.startswith('jcl/')
    ascii_only = is_c and is_product(rel)
    limit = JCL_COLS if jcl else max_cols
    for num, line in enumerate(text.split('\n'), 1):
        if '\r' in line:
            fnd.add(rel, num, 'carriage return (CRLF or stray CR)')
        line = line.rstrip('\r')
        if len(line) > limit:
            what = 'JCL line' if jcl else 'line'
            fnd.add(rel, num, '%s is %d characters (at most %d)'
                    % (what, len(line), limit))
        if no_tabs and '\t' in line:
            kind = 'C source' if is_c else 'Python'
            fnd.add(rel, num, 'tab character in %s' % kind)
        if ascii_only and re.search(r'[^\x00-\x7f]', line):
            fnd.add(rel, num, 'non-ASCII character in product C '
                    'source (it must convert to IBM-1047)')


# ---- check (b): headers ----

INCLUDE_RE = re.compile(r'(?m)^[ \t]*#[ \t]*include[ \t]*<([^>\n]+)>')


def zlib_allowed(rel):
    return any(fnmatch.fnmatch(rel, p) for p in ZLIB_FILES)


def check_headers(rel, code, fnd):
    if not (is_product(rel) and rel.endswith(('.c', '.h'))):
        return
    if is_plat(rel):
        return
    main = is_main(rel, code)
    idx = LineIndex(code)
    allowed = set(CORE_HEADERS)
    if main:
        allowed |= set(MAIN_HEADERS)
    for m in INCLUDE_RE.finditer(code):
        h = m.group(1).strip()
        ln = idx.line(m.start())
        if h == 'zlib.h':
            if not zlib_allowed(rel):
                fnd.add(rel, ln, '<zlib.h> only in %s'
                        % ', '.join(ZLIB_FILES))
            continue
        if h in allowed:
            continue
        where = 'program mains' if main else 'the portable core'
        if h in C99_HEADERS:
            why = 'C99 header <%s> in C90 product code' % h
        elif h in OS_HEADERS or h.startswith('sys/'):
            why = ('OS header <%s> outside common/plat_*.c (%s: use '
                   'hm_pl_* / hm_base.h callbacks)' % (h, where))
        else:
            why = 'header <%s> not allowed in %s' % (h, where)
        fnd.add(rel, ln, why)


# ---- check: C library calls in the core ----

def call_re(names):
    return re.compile(r'(?<![\w.>])(?<!->)(%s)\s*\('
                      % '|'.join(sorted(names, key=len, reverse=True)))


LIBCALL_RE = call_re([n for n in LIBC_NAMES if n not in CORE_CALLS])


def check_calls(rel, code, fnd):
    if not (rel.endswith(('.c', '.h')) and is_core(rel, code)):
        return
    idx = LineIndex(code)
    for m in LIBCALL_RE.finditer(code):
        fnd.add(rel, idx.line(m.start()),
                'C library call %s() in the core (only %s there)'
                % (m.group(1), ', '.join(CORE_CALLS)))


# ---- check (c): ASCII assumptions ----

CHARLIT = r"'(?:\\(?:x[0-9A-Fa-f]+|[0-7]{1,3}|.)|[^'\\\n])'"
REL_OP = r'(?:<=|>=|<|>)'
REL_AFTER = re.compile(r'(?<![<>=!-])(%s)\s*(%s)' % (REL_OP, CHARLIT))
REL_BEFORE = re.compile(r'(%s)\s*(%s)(?![<>=])' % (CHARLIT, REL_OP))
LETTER_ARITH = re.compile(
    r"(?:(?<![-+])[-+]\s*'[A-Za-z]'|'[A-Za-z]'\s*[-+](?![-+=]))")
HEX_IDIOM = re.compile(r"-\s*'[Aa]'\s*\+\s*10\b")
CHARWORD = (r'(?:c|ch|chr|uc|lc|[A-Za-z_0-9]*(?:char|chr|letter|upper'
            r'|lower|case)[A-Za-z_0-9]*)')
STRWORD = (r'(?:s|str|p|q|t|buf|line|name|text|word|src|dst|'
           r'[A-Za-z_0-9]*(?:str|name|text|buf|line)[A-Za-z_0-9]*)')
# A character-like operand: a plain literal, a char-named variable
# (optionally indexed), an indexed or dereferenced string-named one.
CHARISH = (r"(?:'[^'\\\n]'|\b%s\b(?:\s*\[[^]]*\])?|\b%s\s*\[[^]]*\]"
           r"|\*\s*%s\b)" % (CHARWORD, STRWORD, STRWORD))
CASE32 = re.compile(
    r"(?i)%s\s*(?:[-+^|&]=?)\s*(?:32|0x20|0xdf|~\s*0x20|~\s*32)\b"
    % CHARISH)
CASE32_REV = re.compile(
    r"(?i)(?<![\w.])(?:32|0x20)\s*[-+^|]\s*%s" % CHARISH)
# A case flip is fine on PC-side (ASCII) data bytes whose range was
# tested against numbers or constant macros, e.g. c >= 0x61 or
# c <= HM_A_z, within the same line or the two before, when its own
# line has no letter literal.
LETTER_LIT = re.compile(r"'[A-Za-z]'")
NUM_GUARD = re.compile(
    r'(?:<=|>=|<|>)\s*(?:0[xX][0-9A-Fa-f]+|\d+|[A-Z][A-Z0-9_]*[a-z]?)\b')
CTYPE_RE = call_re(CTYPE_FUNCS)
PRINTF_RE = call_re(PRINTF_FUNCS)
# Runs that are contiguous in both ASCII and EBCDIC.
RUNS = ['0123456789', 'abcdefghi', 'jklmnopqr', 'stuvwxyz',
        'ABCDEFGHI', 'JKLMNOPQR', 'STUVWXYZ']


def lit_value(lit):
    """The character of a simple literal, or None for escapes."""
    body = lit[1:-1]
    if body.startswith('\\'):
        return '\0' if body in ('\\0', '\\x0', '\\x00', '\\000') \
            else None
    return body


def same_run(lo, hi):
    for r in RUNS:
        if lo in r and hi in r and r.index(lo) <= r.index(hi):
            return True
    return False


def range_pairs(code):
    """Positions of comparisons that form a range test contiguous in
    EBCDIC as well: v >= 'A' && v <= 'F', 'a' <= v && v <= 'f'."""
    ok = set()
    lit = CHARLIT
    val = r'([A-Za-z_][\w]*(?:\s*\[[^]]*\])?|\*\s*\w+)'
    pats = [
        r'%s\s*(>=|>)\s*(%s)\s*&&\s*\1\s*(<=|<)\s*(%s)' % (val, lit, lit),
        r'(%s)\s*(<=|<)\s*%s\s*&&\s*\3\s*(<=|<)\s*(%s)' % (lit, val, lit),
    ]
    for k, p in enumerate(pats):
        for m in re.finditer(p, code):
            if k == 0:
                lo, hi = lit_value(m.group(3)), lit_value(m.group(5))
            else:
                lo, hi = lit_value(m.group(1)), lit_value(m.group(5))
            if lo and hi and same_run(lo, hi):
                ok.update(range(m.start(), m.end()))
    return ok


def check_ascii(rel, code, fnd):
    if not (is_product(rel) and rel.endswith(('.c', '.h'))):
        return
    idx = LineIndex(code)
    ok = range_pairs(code)
    seen = set()

    def add(pos, why):
        key = (idx.line(pos), why)
        if key not in seen:
            seen.add(key)
            fnd.add(rel, key[0], why)

    for rx, g in ((REL_AFTER, 2), (REL_BEFORE, 1)):
        for m in rx.finditer(code):
            v = lit_value(m.group(g))
            if v is not None and (v.isdigit() or v == '\0'):
                continue
            if m.start(g) in ok:
                continue
            add(m.start(), 'comparison with character literal %s '
                'assumes ASCII order (EBCDIC letters have gaps; use a '
                'table or numeric byte constants)' % m.group(g))
    for m in LETTER_ARITH.finditer(code):
        if HEX_IDIOM.match(code, m.start()):
            continue
        add(m.start(), 'arithmetic on a letter literal assumes '
            'contiguous A-Z (not true in EBCDIC)')
    for rx in (CASE32, CASE32_REV):
        for m in rx.finditer(code):
            ln = idx.line(m.start())
            ctx = code[idx.starts[max(ln - 3, 0)]:m.end()]
            own = code[idx.starts[ln - 1]:m.end()]
            if not LETTER_LIT.search(own) and NUM_GUARD.search(ctx):
                continue  # PC-side bytes guarded by numeric constants
            add(m.start(), 'case change by 32/0x20 is ASCII-only '
                '(EBCDIC case differs by 0x40)')
    if is_plat(rel):
        return
    for m in CTYPE_RE.finditer(code):
        add(m.start(), '%s() from <ctype.h> outside common/plat_*.c '
            '(locale and code page dependent; use a table)'
            % m.group(1))
    for m in PRINTF_RE.finditer(code):
        add(m.start(), '%s() outside common/plat_*.c and tests (use '
            'the message catalogue and hm_fmt_*)' % m.group(1))


# ---- check: floating point ----

FLOAT_RE = re.compile(
    r'(?<![\w.])(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?[fFlL]?(?![\w.])'
    r'|(?<![\w.])\d+[eE][-+]?\d+[fFlL]?(?![\w.])'
    r'|\b(?:float|double)\b')
FLOATCALL_RE = call_re(FLOAT_FUNCS)


def check_float(rel, code, fnd):
    if not (is_product(rel) and rel.endswith(('.c', '.h'))):
        return
    idx = LineIndex(code)
    for rx in (FLOAT_RE, FLOATCALL_RE):
        for m in rx.finditer(code):
            fnd.add(rel, idx.line(m.start()),
                    'floating point (%s) in product code: z/OS and '
                    'S/370 default to hexadecimal FP' % m.group(0)
                    .strip().rstrip('('))


# ---- running the source checks ----

SOURCE_CHECKS = ['lines', 'headers', 'calls', 'ascii', 'float', 'plat']


def run_source_checks(checks, files, root, fnd, max_cols):
    for path in files:
        full = path if os.path.isabs(path) else os.path.join(root, path)
        if not os.path.isfile(full):
            full = path
        rel = os.path.relpath(os.path.abspath(full), root)
        rel = rel.replace(os.sep, '/')
        try:
            with open(full, 'rb') as fh:
                data = fh.read()
        except OSError as e:
            fnd.add(rel, 0, 'cannot read: %s' % e)
            continue
        if b'\0' in data:
            continue
        shown = path if os.path.isabs(path) or path.startswith('.') \
            else os.path.relpath(full)
        local = Findings()
        if 'lines' in checks:
            check_lines(rel, data, local, max_cols)
        if rel.endswith(C_EXT):
            code = strip_c(data.decode('utf-8', 'replace'))
            if 'headers' in checks:
                check_headers(rel, code, local)
            if 'calls' in checks:
                check_calls(rel, code, local)
            if 'ascii' in checks:
                check_ascii(rel, code, local)
            if 'float' in checks:
                check_float(rel, code, local)
        for item in local.items:
            fnd.items.append(shown + item[len(rel):])


# ---- check: plat_zos.c / plat_cms.c syntax on Linux ----

PLAT_VARIANTS = [
    ('common/plat_zos.c', ['-D__MVS__', '-DHM_ZOS_STUBS']),
    ('common/plat_cms.c', ['-D__VM__', '-DHM_CMS_STUBS']),
    ('common/plat_cms.c', ['-D__CMS__', '-DHM_CMS_PDPCLIB',
                           '-DHM_CMS_STUBS']),
]
STRICT = ['-std=c90', '-pedantic', '-Wall', '-Wextra', '-Werror']


def defined_externals(obj):
    out = subprocess.run(['nm', '-P', '-g', '--defined-only', obj],
                         stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE).stdout.decode()
    return set(l.split()[0] for l in out.splitlines()
               if len(l.split()) >= 2 and not l.endswith(':'))


def check_plat(root, fnd):
    compilers = [c for c in ('gcc', 'clang') if shutil.which(c)]
    if not compilers:
        print('SKIP: --plat: neither gcc nor clang found')
        return
    inc = ['-I' + os.path.join(root, 'common'),
           '-I' + os.path.join(root, 'build', 'zosstub')]
    tmp = tempfile.mkdtemp(prefix='hmlint')
    try:
        api = None
        posix = os.path.join(root, 'common', 'plat_posix.c')
        if os.path.isfile(posix) and shutil.which('nm'):
            o = os.path.join(tmp, 'posix.o')
            r = subprocess.run([compilers[0]] + STRICT + inc +
                               ['-c', posix, '-o', o],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
            if r.returncode == 0:
                api = defined_externals(o)
        done = set()
        for src, macros in PLAT_VARIANTS:
            full = os.path.join(root, src)
            if not os.path.isfile(full):
                if src not in done:
                    fnd.add(src, 0, 'missing')
                done.add(src)
                continue
            runs = [(cc, macros) for cc in compilers]
            runs.append((compilers[0], []))
            if 'gcc' in compilers:
                runs.append(('gcc', macros + ['-fexec-charset=IBM1047',
                                              '-funsigned-char']))
            for cc, extra in runs:
                if (src, cc, tuple(extra)) in done:
                    continue
                done.add((src, cc, tuple(extra)))
                o = os.path.join(tmp, 'plat.o')
                cmd = [cc] + STRICT + inc + extra + ['-c', full,
                                                     '-o', o]
                r = subprocess.run(cmd, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
                if r.returncode != 0:
                    sys.stdout.write(r.stdout.decode('utf-8',
                                                     'replace'))
                    fnd.add(src, 0, 'does not compile: %s'
                            % ' '.join(cmd[:1] + extra))
                    continue
                if not shutil.which('nm'):
                    continue
                names = defined_externals(o)
                if not extra and names:
                    fnd.add(src, 0, 'defines %s without its platform '
                            'macros (must compile to nothing)'
                            % ', '.join(sorted(names)))
                elif extra and api is not None and names != api:
                    miss = sorted(api - names)
                    more = sorted(names - api)
                    fnd.add(src, 0, 'external names differ from '
                            'plat_posix.c (%s): missing %s, extra %s'
                            % (' '.join([cc] + extra[:2]), miss or '-',
                               more or '-'))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---- check (d): 8-character external names ----

VOWELS = 'aeiou'
SHORT_RE = re.compile(r'^[A-Z@#$][A-Z0-9@#$]{0,7}$')


def parse_nm(text, origin):
    """nm -P output -> (defined {name: origin}, undefined set)."""
    defined, undefined = {}, set()
    cur = origin
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(':') and len(line.split()) == 1:
            cur = line[:-1]
            continue
        parts = line.split()
        if len(parts) < 2 or len(parts[1]) != 1:
            continue
        name, typ = parts[0], parts[1]
        if typ in 'Uwv':
            undefined.add(name)
        elif typ.isupper() or typ in 'u':
            defined.setdefault(name, cur)
    undefined -= set(defined)
    return defined, undefined


def nm_objects(paths):
    defined, undefined = {}, set()
    for p in paths:
        r = subprocess.run(['nm', '-P', '-g', p], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise SystemExit('lint.py: nm failed on %s: %s'
                             % (p, r.stderr.decode().strip()))
        d, u = parse_nm(r.stdout.decode('utf-8', 'replace'), p)
        for k, v in d.items():
            defined.setdefault(k, v)
        undefined |= u
    undefined -= set(defined)
    return defined, undefined


def mappable(name):
    return name != 'main' and not name.startswith(('_', '.', '$'))


def squeeze(word):
    return word[0] + ''.join(c for c in word[1:] if c not in VOWELS)


def readable(name):
    """The readable candidate of the mapping rule (see the top)."""
    low = name.lower()
    if low.startswith('hm_'):
        prefix, budget, rest = 'HM', 6, low[3:]
    else:
        prefix, budget, rest = '', 8, low
    words = [w for w in rest.split('_') if w]
    if not words:
        return None

    def total():
        return sum(len(w) for w in words)

    if total() > budget:
        order = sorted(range(len(words)),
                       key=lambda i: (-len(words[i]), -i))
        for i in order:
            if total() <= budget:
                break
            words[i] = squeeze(words[i])
    while total() > budget:
        i = max(range(len(words)), key=lambda k: (len(words[k]), k))
        if len(words[i]) <= 1:
            words.pop()
        else:
            words[i] = words[i][:-1]
    short = (prefix + ''.join(words)).upper()
    return short if SHORT_RE.match(short) else None


def base36(v, width):
    digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    s = ''
    for _ in range(width):
        s = digits[v % 36] + s
        v //= 36
    return s


def hash_short(name, k=0):
    s = name if k == 0 else '%s#%d' % (name, k)
    v = zlib.crc32(s.encode('utf-8')) & 0xffffffff
    return 'HM' + base36(v % 36 ** 6, 6)


def reserved_set(undefined):
    res = set(n.upper() for n in LIBC_NAMES)
    res |= set(n.upper()[:8] for n in undefined)
    return res


def is_reserved(short, reserved):
    up = short.upper()
    return up in reserved or up.startswith(tuple(RESERVED_PREFIXES))


def build_map(defined, undefined):
    """{long: SHORT} for every mappable defined name."""
    names = sorted(n for n in defined if mappable(n))
    reserved = reserved_set(undefined)
    cand = dict((n, readable(n)) for n in names)
    count = {}
    for c in cand.values():
        count[c] = count.get(c, 0) + 1
    result, taken = {}, set()
    for n in names:
        c = cand[n]
        if c and count[c] == 1 and not is_reserved(c, reserved):
            result[n] = c
            taken.add(c)
    for n in names:
        if n in result:
            continue
        k = 0
        while True:
            h = hash_short(n, k)
            if h not in taken and not is_reserved(h, reserved):
                break
            k += 1
        result[n] = h
        taken.add(h)
    return result


def validate_map(mapping, defined, undefined, where, fnd, lines=None,
                 prefix_rule=True):
    """Checks a map; where names the map (file) for findings."""
    reserved = reserved_set(undefined)
    lines = lines or {}
    for n in sorted(defined if prefix_rule else ()):
        if n == 'main' or n.startswith(('_', '.')):
            continue
        if not n.startswith('hm_'):
            fnd.add(defined[n], 0, "external name '%s' does not start "
                    "with hm_ (make it static?)" % n)
    seen = {}
    for n in sorted(mapping):
        s = mapping[n]
        ln = lines.get(n, 0)
        if not SHORT_RE.match(s.upper()) or len(s) > 8:
            fnd.add(where, ln, "short name '%s' for %s is not a valid "
                    "8-character external name" % (s, n))
        if is_reserved(s, reserved):
            fnd.add(where, ln, "short name '%s' for %s collides with a "
                    "C library or runtime name" % (s, n))
        key = s.upper()
        if key in seen:
            fnd.add(where, ln, "short name '%s' for %s collides with "
                    "'%s' for %s (case-insensitively)"
                    % (s, n, mapping[seen[key]], seen[key]))
        else:
            seen[key] = n
        if n not in defined:
            fnd.add(where, ln, '%s is not defined by the objects '
                    '(stale map)' % n)
    for n in sorted(defined):
        if mappable(n) and n not in mapping:
            fnd.add(where, 0, '%s (defined in %s) has no short name '
                    '(stale map)' % (n, defined[n]))


def map_text(mapping):
    return ''.join('%s %s\n' % (n, mapping[n]) for n in sorted(mapping))


def header_text(mapping):
    out = [
        '/*',
        ' * hmnames.h - GENERATED by build/lint.py --names --write from',
        ' * the core objects; do not edit, do not commit. It maps the',
        ' * external names of hostmig to 8-character names:',
        ' *  - HM_SHORTNAMES (GCC for CMS/MVS with PDPCLIB): #define',
        ' *  - z/OS or z/VM XL C with NOLONGNAME: #pragma map (define',
        ' *    HM_LONGNAMES to keep long names when __LONGNAME__ is',
        ' *    not predefined by the compiler).',
        ' * It must come before any declaration: hm_base.h includes it',
        ' * first when HM_USE_NAMEMAP or HM_SHORTNAMES is defined.',
        ' */',
        '#ifndef HMNAMES_H',
        '#define HMNAMES_H',
        '#if defined(HM_SHORTNAMES)',
    ]
    for n in sorted(mapping):
        out.append('#define %s %s' % (n, mapping[n]))
    out.append('#elif (defined(__MVS__) || defined(__VM__)) && \\')
    out.append('    !defined(__LONGNAME__) && !defined(HM_LONGNAMES)')
    for n in sorted(mapping):
        out.append('#pragma map(%s, "%s")' % (n, mapping[n]))
    out.append('#endif')
    out.append('#endif')
    return '\n'.join(out) + '\n'


def read_map(path):
    mapping, lines, bad = {}, {}, []
    with open(path) as fh:
        for num, line in enumerate(fh, 1):
            parts = line.split()
            if not parts or parts[0].startswith('#'):
                continue
            if len(parts) != 2:
                bad.append(num)
                continue
            mapping[parts[0]] = parts[1]
            lines[parts[0]] = num
    return mapping, lines, bad


def write_if_changed(path, text):
    try:
        with open(path) as fh:
            if fh.read() == text:
                return
    except OSError:
        pass
    with open(path, 'w') as fh:
        fh.write(text)


def run_names(args, fnd):
    if args.nm_files:
        defined, undefined = {}, set()
        for p in args.nm_files:
            with open(p) as fh:
                d, u = parse_nm(fh.read(), p)
            for k, v in d.items():
                defined.setdefault(k, v)
            undefined |= u
        undefined -= set(defined)
    else:
        if not args.files:
            raise SystemExit('lint.py: --names needs object files, '
                             'archives or --nm-file')
        defined, undefined = nm_objects(args.files)
    mapping = build_map(defined, undefined)
    validate_map(mapping, defined, undefined, '(generated map)', fnd)
    out_map = os.path.join(args.out_dir, 'names.map')
    out_h = os.path.join(args.out_dir, 'hmnames.h')
    if args.write:
        if not os.path.isdir(args.out_dir):
            os.makedirs(args.out_dir)
        write_if_changed(out_map, map_text(mapping))
        write_if_changed(out_h, header_text(mapping))
    if args.check:
        mpath = args.map_file or out_map
        if os.path.isfile(mpath):
            given, lines, bad = read_map(mpath)
            for num in bad:
                fnd.add(mpath, num, 'not "long_name SHORT"')
            validate_map(given, defined, undefined, mpath, fnd, lines,
                         prefix_rule=False)
            hpath = os.path.join(os.path.dirname(mpath), 'hmnames.h')
            if not args.map_file and os.path.isfile(hpath):
                with open(hpath) as fh:
                    if fh.read() != header_text(given):
                        fnd.add(hpath, 0, 'does not match %s (stale; '
                                'run lint.py --names --write)' % mpath)
        elif args.map_file:
            fnd.add(mpath, 0, 'missing')
    if args.show:
        sys.stdout.write(map_text(mapping))


# ---- self-test ----

class SelfTest(object):
    def __init__(self):
        self.failed = 0
        self.passed = 0

    def expect(self, what, cond):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print('selftest FAILED: %s' % what)


def src_findings(rel, text, checks):
    fnd = Findings()
    data = text.encode('utf-8')
    if 'lines' in checks:
        check_lines(rel, data, fnd)
    code = strip_c(text)
    if 'headers' in checks:
        check_headers(rel, code, fnd)
    if 'calls' in checks:
        check_calls(rel, code, fnd)
    if 'ascii' in checks:
        check_ascii(rel, code, fnd)
    if 'float' in checks:
        check_float(rel, code, fnd)
    return fnd.items


def selftest_sources(t):
    c80 = 'int x; /*' + 'x' * 69 + '*/'
    t.expect('80 columns pass', len(c80) == 80 and
             not src_findings('common/a.c', c80 + '\n', ['lines']))
    f = src_findings('common/a.c', 'int y;\n' + c80 + 'x\n', ['lines'])
    t.expect('81 columns fail at line 2',
             f == ['common/a.c:2: line is 81 characters (at most 80)'])
    t.expect('tab in C fails',
             src_findings('common/a.c', 'int\tx;\n', ['lines']))
    t.expect('tab in Makefile passes',
             not src_findings('Makefile.zos', 'a:\n\tx\n', ['lines']))
    t.expect('CR fails',
             src_findings('tests/a.sh', 'x\r\n', ['lines']))
    t.expect('JCL over 72 fails',
             src_findings('jcl/A.jcl', '//' + 'X' * 71 + '\n',
                          ['lines']))
    t.expect('non-ASCII in product C fails',
             src_findings('common/a.c', '/* \u00e9 */\n', ['lines']))
    t.expect('non-ASCII in tests passes',
             not src_findings('tests/unit/t.c', '/* \u00e9 */\n',
                              ['lines']))
    hd = ['headers']
    t.expect('stdio in core fails',
             src_findings('common/x.c', '#include <stdio.h>\n', hd))
    t.expect('sys/ in core fails',
             src_findings('extractors/ovvm/n.c',
                          '# include <sys/stat.h>\n', hd))
    t.expect('stdio in plat passes',
             not src_findings('common/plat_zos.c',
                              '#include <stdio.h>\n', hd))
    t.expect('string.h in core passes',
             not src_findings('common/x.c', '#include <string.h>\n'
                              '#include "hm_base.h"\n', hd))
    t.expect('stdlib in main passes',
             not src_findings('common/prog/hmcat.c',
                              '#include <stdlib.h>\n', hd))
    t.expect('stdio in main fails',
             src_findings('common/prog/hmcat.c', '#include <stdio.h>\n',
                          hd))
    t.expect('extractor main with stdlib passes',
             not src_findings('extractors/memo/memox.c',
                              '#include <stdlib.h>\nint main(void)\n'
                              '{ return 0; }\n', hd))
    t.expect('extractor parser with stdlib fails',
             src_findings('extractors/memo/parse.c',
                          '#include <stdlib.h>\n', hd))
    t.expect('zlib in zip*.c passes, in other core fails',
             not src_findings('common/zipw.c', '#include <zlib.h>\n', hd)
             and src_findings('common/x.c', '#include <zlib.h>\n', hd))
    t.expect('stdint fails',
             src_findings('common/x.c', '#include <stdint.h>\n', hd))
    t.expect('include in a comment passes',
             not src_findings('common/x.c',
                              '/*\n#include <stdio.h>\n*/\n', hd))
    cl = ['calls']
    t.expect('strchr in core fails',
             src_findings('common/x.c', 'p = strchr(s, 1);\n', cl))
    t.expect('malloc in core fails',
             src_findings('common/x.c', 'p = malloc (4);\n', cl))
    t.expect('memcpy, member calls, hm_ names pass',
             not src_findings('common/x.c',
                              'memcpy(a, b, 1); a->free(p); s.exit(1);'
                              ' hm_free(p); my_time(1);\n', cl))
    t.expect('calls in plat pass',
             not src_findings('common/plat_zos.c', 'fopen(a, b);\n', cl))
    asc = ['ascii']
    bad = ["if (c >= 'a' && c <= 'z') n++;",
           "if (c < ' ') n++;",
           "if ('A' <= c) n++;",
           "i = c - 'a';",
           "d = 'a' - 'A';",
           "u = c - 32;",
           "u = ch ^ 0x20;",
           "u = s[i] - 32;",
           "u = c & 0xDF;",
           "l = upper_char + 0x20;",
           "if (c >= 'a' && c <= 'z')\n    c = c - 32;",
           "if (c >= 0x61 && c <= 0x7A && c != 'q') c -= 0x20;",
           "u = toupper(c);",
           "if (isalpha(b)) n++;",
           "printf(\"%d\", 1);",
           "n = sprintf(buf, \"x\");",
           "if (c >= 'A' && c <= 'Z') n++;"]
    for s in bad:
        t.expect('ascii flags: %s' % s,
                 src_findings('common/x.c', s + '\n', asc))
    good = ["d = c - '0';",
            "c = '0' + d;",
            "if (c >= '0' && c <= '9') n++;",
            "if (c >= 'A' && c <= 'F') v = c - 'A' + 10;",
            "if (c >= 'a' && c <= 'f') v = c - 'a' + 10;",
            "p = buf + 32;",
            "if (c >= 0x61 && c <= 0x7A) c = (unsigned char)(c - 0x20);",
            "if (c == 'A') n++;\nif (c >= 0x61 && c <= 0x7A) c -= 0x20;",
            "if (c >= A_a && c <= A_z)\n    c = (unsigned char)(c - 0x20);",
            "if (b[i] >= HM_A_a && b[i] <= HM_A_z) b[i] ^= 0x20;",
            "off = hdr - 32;",
            "n = len + 0x20;",
            "if (c == 'a') n++;",
            "if (c > '\\0') n++;",
            "x = p->q > 3;",
            "y = a >> 'b' ? 1 : 0;",
            "s = \"a' < 'b\"; t = \"c - 32\";",
            "hm_toupper(c); my_printf(1);",
            "/* if (c >= 'a') */"]
    for s in good:
        t.expect('ascii passes: %s' % s,
                 not src_findings('common/x.c', s + '\n', asc))
    t.expect('printf allowed in plat',
             not src_findings('common/plat_posix.c',
                              'fprintf(stderr, "x");\n', asc))
    fl = ['float']
    for s in ['double d;', 'x = 1.5;', 'x = 2e3;', 'f = .5f;',
              'd = difftime(a, b);']:
        t.expect('float flags: %s' % s,
                 src_findings('common/x.c', s + '\n', fl))
    for s in ['x = 0x1e5;', 'v = "1.5";', '/* 2.0 */', 'a.b = 1;',
              '#if VERSION > 1\n#endif']:
        t.expect('float passes: %s' % s,
                 not src_findings('common/x.c', s + '\n', fl))


def selftest_names(t):
    nm = ('hm_pl_open T 0 0\nhm_pl_log T 10 4\nhm_pl_log_init T 20 4\n'
          'hm_pl_log_is_terminal T 30 4\nhm_msg_format T 40 4\n'
          'hm_msg T 50 4\nhm_log_init T 60 4\nhm_catalog D 0 8\n'
          'main T 70 4\nmemcpy U\nfopen U\n')
    d, u = parse_nm(nm, 'syn.o')
    t.expect('nm parse', 'hm_pl_open' in d and 'memcpy' in u
             and 'main' in d)
    m = build_map(d, u)
    f = Findings()
    validate_map(m, d, u, 'syn.map', f)
    t.expect('clean map validates (%s)' % f.items, not len(f))
    t.expect('rule: hm_pl_open -> HMPLOPEN', m['hm_pl_open'] ==
             'HMPLOPEN')
    t.expect('rule: hm_msg_format -> HMMSGFRM',
             m['hm_msg_format'] == 'HMMSGFRM')
    t.expect('rule: hm_pl_log_is_terminal -> HMPLLGIT',
             m['hm_pl_log_is_terminal'] == 'HMPLLGIT')
    t.expect('rule: hm_log_init -> HMLOGINT',
             m['hm_log_init'] == 'HMLOGINT')
    t.expect('main is not mapped', 'main' not in m)
    t.expect('all short, unique', all(len(s) <= 8 for s in m.values())
             and len(set(m.values())) == len(m))
    items = nm.splitlines()
    random.Random(7).shuffle(items)
    d2, u2 = parse_nm('\n'.join(items), 'x.o')
    t.expect('map independent of input order', build_map(d2, u2) == m)
    # forced collision of readable candidates: both take hash forms
    d3 = {'hm_ab_cd_ef': 'a.o', 'hm_abcdef': 'b.o', 'hm_x': 'c.o'}
    t.expect('candidates really collide',
             readable('hm_ab_cd_ef') == readable('hm_abcdef')
             == 'HMABCDEF')
    m3 = build_map(d3, set())
    f3 = Findings()
    validate_map(m3, d3, set(), 'c.map', f3)
    t.expect('collision resolved by hash forms',
             not len(f3) and m3['hm_ab_cd_ef'] != m3['hm_abcdef']
             and 'HMABCDEF' not in m3.values()
             and m3['hm_abcdef'] == hash_short('hm_abcdef'))
    # a reserved candidate takes the hash form; a taken hash, #1
    m4 = build_map({'hm_q': 'q.o'}, set(['hmq']))
    t.expect('reserved candidate -> hash',
             m4['hm_q'] == hash_short('hm_q'))
    m4 = build_map({'hm_q': 'q.o'},
                   set(['hmq', hash_short('hm_q').lower()]))
    t.expect('taken hash -> name#1',
             m4['hm_q'] == hash_short('hm_q', 1))
    t.expect('rule: hm_memcpy_x -> HMMMCPYX',
             readable('hm_memcpy_x') == 'HMMMCPYX')
    m5 = build_map({'hm_memcpy_x': 'a.o'}, set(['hmmmcpyx_long']))
    t.expect('candidate equal to an undefined external -> hash',
             m5['hm_memcpy_x'] == hash_short('hm_memcpy_x'))
    # maps that must fail
    dd = {'hm_a': 'a.o', 'hm_b': 'b.o'}
    cases = [
        ('duplicate short names (case-insensitive)',
         {'hm_a': 'HMX', 'hm_b': 'hmx'}, dd, 'collides with'),
        ('C library name', {'hm_a': 'MEMCPY', 'hm_b': 'HMB'}, dd,
         'C library'),
        ('CEE prefix', {'hm_a': 'CEEXYZ', 'hm_b': 'HMB'}, dd,
         'C library'),
        ('@@ prefix', {'hm_a': '@@XYZ', 'hm_b': 'HMB'}, dd, 'C library'),
        ('too long', {'hm_a': 'HMABCDEFG', 'hm_b': 'HMB'}, dd,
         'not a valid'),
        ('bad character', {'hm_a': 'HM_A', 'hm_b': 'HMB'}, dd,
         'not a valid'),
        ('missing name', {'hm_a': 'HMA'}, dd, 'no short name'),
        ('extra name', {'hm_a': 'HMA', 'hm_b': 'HMB', 'hm_c': 'HMC'},
         dd, 'stale'),
        ('non-hm external', {'hm_a': 'HMA', 'crc_tab': 'CRCTAB'},
         {'hm_a': 'a.o', 'crc_tab': 'a.o'}, 'does not start with hm_'),
    ]
    for what, mp, defs, word in cases:
        f = Findings()
        validate_map(mp, defs, set(), 'bad.map', f)
        t.expect('map check fails: %s' % what,
                 any(word in i for i in f.items))
    h = header_text(m)
    t.expect('header has pragma map and define',
             '#pragma map(hm_pl_open, "HMPLOPEN")' in h and
             '#define hm_pl_open HMPLOPEN' in h)
    t.expect('map text format', map_text({'hm_b': 'B', 'hm_a': 'A'})
             == 'hm_a A\nhm_b B\n')


def run_selftest():
    t = SelfTest()
    selftest_sources(t)
    selftest_names(t)
    print('lint.py selftest: %d passed, %d failed'
          % (t.passed, t.failed))
    return 1 if t.failed else 0


# ---- command line ----

class Args(object):
    pass


USAGE = """usage: lint.py [checks] [--root DIR] [--max-cols N] [FILE...]
       lint.py --names [--write] [--check] [--map FILE]
               [--out-dir DIR] [--show] (OBJ|LIB... | --nm-file F)
       lint.py --selftest
checks: --lines --headers --calls --ascii --float --plat
        (--all or none given: all of them)
        --jcl --rexx (jcl/ and exec/, build/jcllint.py; only when
        named)"""


def parse_args(argv):
    a = Args()
    a.checks, a.files, a.nm_files, a.host = [], [], [], []
    a.root, a.max_cols, a.names, a.write, a.check = REPO, MAX_COLS, \
        False, False, False
    a.map_file, a.out_dir, a.show, a.selftest = None, None, False, False
    i = 0
    while i < len(argv):
        o = argv[i]

        def val():
            if i + 1 >= len(argv):
                raise SystemExit(USAGE)
            return argv[i + 1]

        if o in ('-h', '--help'):
            print(USAGE)
            raise SystemExit(0)
        if o.startswith('--') and o[2:] in SOURCE_CHECKS:
            a.checks.append(o[2:])
        elif o in ('--jcl', '--rexx'):
            a.host.append(o[2:])
        elif o == '--all':
            a.checks.extend(SOURCE_CHECKS)
        elif o == '--names':
            a.names = True
        elif o == '--write':
            a.write = True
        elif o == '--check':
            a.check = True
        elif o == '--show':
            a.show = True
        elif o == '--selftest':
            a.selftest = True
        elif o in ('--root', '--max-cols', '--map', '--out-dir',
                   '--nm-file'):
            v = val()
            i += 1
            if o == '--root':
                a.root = os.path.abspath(v)
            elif o == '--max-cols':
                a.max_cols = int(v)
            elif o == '--map':
                a.map_file = v
            elif o == '--out-dir':
                a.out_dir = v
            else:
                a.nm_files.append(v)
        elif o.startswith('-'):
            sys.stderr.write('lint.py: unknown option %s\n%s\n'
                             % (o, USAGE))
            raise SystemExit(2)
        else:
            a.files.append(o)
        i += 1
    if a.out_dir is None:
        a.out_dir = os.path.join(REPO, 'build')
    return a


def main(argv):
    args = parse_args(argv)
    if args.selftest:
        return run_selftest()
    fnd = Findings()
    if args.host:
        sys.path.insert(0, HERE)
        import jcllint
        hf = jcllint.run(args.host, args.files, args.root)
        for s in hf.skips:
            print(s)
        fnd.items.extend(hf.items)
        if not args.checks and not args.names:
            for item in fnd.items:
                print(item)
            if len(fnd):
                sys.stderr.write('lint.py: %d finding(s)\n' % len(fnd))
                return 1
            return 0
    if args.names:
        if args.checks:
            sys.stderr.write('lint.py: --names runs alone\n')
            return 2
        run_names(args, fnd)
    else:
        checks = args.checks or SOURCE_CHECKS
        files = args.files
        if not files:
            files = [f for f in repo_files(args.root) if is_code_file(f)]
        file_checks = [c for c in checks if c != 'plat']
        if file_checks:
            run_source_checks(file_checks, files, args.root, fnd,
                              args.max_cols)
        if 'plat' in checks:
            check_plat(args.root, fnd)
    for item in fnd.items:
        print(item)
    if len(fnd):
        sys.stderr.write('lint.py: %d finding(s)\n' % len(fnd))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
