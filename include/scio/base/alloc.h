/* alloc.h: allocation that dies on failure, and a growable byte buffer. */
#ifndef SCIO_ALLOC_H
#define SCIO_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

#include "scio/base/diag.h"

/* malloc, calloc, realloc and strdup that end the program (status 2) when
 * memory runs out, so callers never test for NULL. */
void *scio_malloc(size_t n);
void *scio_calloc(size_t nmemb, size_t size);
void *scio_realloc(void *p, size_t n);
void *scio_reallocarray(void *p, size_t nmemb, size_t size);
char *scio_strdup(const char *s);
char *scio_strndup(const char *s, size_t n);

/* A growable byte string, always NUL-terminated when len > 0 or after any
 * append. Zero-initialise it ({0}) and free it with scio_buf_free. */
struct scio_buf {
	char *s;
	size_t len;
	size_t cap;
};

void scio_buf_grow(struct scio_buf *b, size_t extra);
void scio_buf_add(struct scio_buf *b, const void *p, size_t n);
void scio_buf_adds(struct scio_buf *b, const char *s);
void scio_buf_addc(struct scio_buf *b, int c);
void scio_buf_printf(struct scio_buf *b, const char *fmt, ...) SCIO_PRINTF(2, 3);
void scio_buf_reset(struct scio_buf *b);
void scio_buf_free(struct scio_buf *b);
/* Hands the buffer's string to the caller (who frees it) and empties b. */
char *scio_buf_take(struct scio_buf *b);
/* The contents as a C string: "" for an empty buffer. */
const char *scio_buf_str(const struct scio_buf *b);

#endif
