/* urlname.h: safe file names for saved bodies (--save DIR). */
#ifndef SCIO_URLNAME_H
#define SCIO_URLNAME_H

#include <stddef.h>

/* The relative path a URL's body is saved under: "HOST/SEG/.../NAME",
 * one directory per path segment. Every component is made of the bytes
 * [A-Za-z0-9._-] with anything else as %XX, never "", "." or "..", never
 * starting with '.', at most 200 bytes (a longer one is cut and ends with
 * a hash of the whole); a query is kept in the last component after "%3F";
 * a path ending in '/' gets "index.html". The result never holds "..",
 * an absolute path or any '/' the URL did not put between segments. A new
 * string, or NULL for a URL that does not parse. */
char *scio_urlname(const char *url);

/* Writes body under dir at scio_urlname(url), creating directories as
 * needed, through a temporary file renamed into place. Returns 0, or -1
 * after reporting the error. */
int scio_save_body(const char *dir, const char *url, const char *body,
    size_t len);

#endif
