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

/* Grows the array x, of which alloc elements are allocated, to hold at
 * least nr elements, as git's ALLOC_GROW: alloc at least doubles, so that
 * appending one at a time costs amortised constant time.  Ends the program
 * when the size overflows or memory runs out.  x and alloc are lvalues
 * evaluated more than once; nr is evaluated twice.  Zero-initialised
 * (NULL, 0) is an empty array. */
#define SCIO_ALLOC_GROW(x, nr, alloc) \
	do { \
		if ((nr) > (alloc)) { \
			(alloc) = scio_alloc_nr((alloc), (nr)); \
			(x) = scio_reallocarray((x), (alloc), sizeof(*(x))); \
		} \
	} while (0)

/* The capacity SCIO_ALLOC_GROW gives an array of alloc elements that must
 * hold nr (> alloc): at least 16, at least twice alloc. */
size_t scio_alloc_nr(size_t alloc, size_t nr);

/* The number of elements of the array a (an array, not a pointer). */
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

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
void scio_buf_vprintf(struct scio_buf *b, const char *fmt, va_list ap)
	SCIO_PRINTF(2, 0);
void scio_buf_reset(struct scio_buf *b);
void scio_buf_free(struct scio_buf *b);
/* Hands the buffer's string to the caller (who frees it) and empties b. */
char *scio_buf_take(struct scio_buf *b);
/* The contents as a C string: "" for an empty buffer. */
const char *scio_buf_str(const struct scio_buf *b);

#endif
