/* charset.h: turning a page body into UTF-8. */
#ifndef SCIO_CHARSET_H
#define SCIO_CHARSET_H

#include <stddef.h>

#include "scio/base/alloc.h"

/* The charset parameter of a Content-Type value, unquoted; a new string
 * or NULL. */
char *scio_charset_from_type(const char *content_type);

/* The charset a <meta charset> or <meta http-equiv content="...;
 * charset=..."> declares in the first bytes of an HTML body; a new string
 * or NULL. */
char *scio_charset_from_meta(const char *body, size_t len);

/* The name iconv should decode a declared charset with: GBK, GB2312 and
 * their aliases as GB18030, Latin-1 and ASCII as windows-1252 (as browsers
 * do), anything else as given. A new string. */
char *scio_charset_decoder(const char *declared);

/* Converts body to UTF-8 into out (replacing its contents). The source
 * charset is the BOM's, else the header's, else the meta tag's, else
 * UTF-8. Undecodable bytes and NULs become U+FFFD, so out is always valid
 * UTF-8 without NUL. *declared (when not NULL) gets the charset as served
 * or declared (header, else meta, else BOM), or NULL: a new string. */
void scio_charset_to_utf8(const char *body, size_t len,
    const char *content_type, struct scio_buf *out, char **declared);

#endif
