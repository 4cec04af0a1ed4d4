/* crlf.h - CR LF line ends. */
int hm_crlf;
