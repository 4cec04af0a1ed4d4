/* asciiok.c - look-alikes the ASCII check must accept. */
static int g(int c, const unsigned char *buf, int d)
{
    int n = 0;
    if (c >= '0' && c <= '9') n = c - '0';
    if (c >= 'A' && c <= 'F') n = c - 'A' + 10;
    if (c >= 0x61 && c <= 0x7A) c = c - 0x20;
    buf = buf + 32;
    n += '0' + d;
    if (c == 'x') n++;
    return n; /* c >= 'a' in a comment; "c - 32" in a string */
}
