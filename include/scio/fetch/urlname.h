/* urlname.h: safe file names for saved bodies (--save DIR). */
#ifndef SCIO_URLNAME_H
#define SCIO_URLNAME_H

#include <stddef.h>

/* The relative path a URL's body is saved under: "HOST/SEG/.../NAME",
 * one directory per path segment. Every component is made of the bytes
 * [A-Za-z0-9._-] with anything else as %XX, never "", "." or "..", never
 * starting with '.', at most 200 bytes (a longer one is cut and ends with
 * a hash of the whole); a query is kept in the last component after "%3F".
 * So that a file never has the name a directory needs, a directory whose
 * name holds a '.' ends in "%-", and a file whose name holds none ends in
 * "%-.html" (a path ending in '/' gives "index%-.html", apart from
 * "/index.html"); escaping never makes "%-". The result never holds "..",
 * an absolute path or any '/' the URL did not put between segments. A new
 * string, or NULL for a URL that does not parse. */
char *scio_urlname(const char *url);

/* Writes body under dir at scio_urlname(url), creating directories as
 * needed: every component below dir is opened with openat and O_NOFOLLOW
 * (a symbolic link there is refused), the body goes to a new temporary
 * file (O_EXCL), is fsync'ed and renamed into place. Returns 0, or -1
 * after reporting the error. */
int scio_save_body(const char *dir, const char *url, const char *body,
    size_t len);

#endif
