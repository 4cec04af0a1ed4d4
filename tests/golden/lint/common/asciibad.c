/* asciibad.c - ASCII assumptions, one a line from line 5. */
static int f(int c, char *s, int i)
{
    int n = 0;
    if (c >= 'a' && c <= 'z') n++;
    if (c < ' ') n++;
    n += c - 'a';
    n += s[i] - 32;
    n += toupper(c);
    printf("x");
    return n;
}
