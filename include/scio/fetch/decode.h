/* decode.h: undoing an HTTP Content-Encoding (gzip, deflate) as a body
 * arrives, with a limit on the decoded size.  libcurl hands scio-fetch
 * the body as sent, so that the WARC can keep it; this gives the text. */
#ifndef SCIO_DECODE_H
#define SCIO_DECODE_H

#include <stddef.h>

#include "scio/base/alloc.h"

enum {
	SCIO_DECODE_OK = 0,
	SCIO_DECODE_BIG = -1,	/* the decoded body passed the limit */
	SCIO_DECODE_BAD = -2,	/* not valid data of its coding */
};

struct scio_decode;

/* A decoder for a Content-Encoding value (NULL, "", "identity": none,
 * which is returned as NULL too); "gzip", "x-gzip" and "deflate" (zlib or,
 * as some servers send it, raw deflate) are known.  *known is set to 0
 * for a coding this cannot decode (and NULL returned). */
struct scio_decode *scio_decode_new(const char *coding, int *known);

/* Decodes p[0..n) onto out, which may not grow past max bytes (0: no
 * limit).  SCIO_DECODE_OK, _BIG or _BAD. */
int scio_decode_feed(struct scio_decode *d, const void *p, size_t n,
    struct scio_buf *out, size_t max);

/* Whether the encoded stream came to its proper end: SCIO_DECODE_OK, or
 * SCIO_DECODE_BAD for a body cut short. */
int scio_decode_end(const struct scio_decode *d);

/* What went wrong, in zlib's words or ours (after _BAD). */
const char *scio_decode_error(const struct scio_decode *d);

void scio_decode_free(struct scio_decode *d);

#endif
