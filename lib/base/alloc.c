/* alloc.c: dying allocators and the growable buffer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"

static void
oom(size_t n)
{
	scio_die(SCIO_EXIT_ERROR, "out of memory (asked for %zu bytes)", n);
}

void *
scio_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
scio_calloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		oom(nmemb * size);
	return p;
}

void *
scio_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

void *
scio_reallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		oom(SIZE_MAX);
	return scio_realloc(p, nmemb * size);
}

size_t
scio_alloc_nr(size_t alloc, size_t nr)
{
	size_t cap = alloc < 8 ? 8 : alloc;

	do {
		if (cap > SIZE_MAX / 2)
			oom(SIZE_MAX);
		cap *= 2;
	} while (cap < nr);
	return cap;
}

char *
scio_strdup(const char *s)
{
	return scio_strndup(s, strlen(s));
}

char *
scio_strndup(const char *s, size_t n)
{
	char *p = scio_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
scio_buf_grow(struct scio_buf *b, size_t extra)
{
	size_t need, cap;

	if (extra > SIZE_MAX - b->len - 1)
		oom(SIZE_MAX);
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->s = scio_realloc(b->s, cap);
	b->cap = cap;
}

void
scio_buf_add(struct scio_buf *b, const void *p, size_t n)
{
	scio_buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
scio_buf_adds(struct scio_buf *b, const char *s)
{
	scio_buf_add(b, s, strlen(s));
}

void
scio_buf_addc(struct scio_buf *b, int c)
{
	scio_buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
scio_buf_vprintf(struct scio_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	/* GCC's sanitizer builds take fmt for possibly null without this */
	if (fmt == NULL)
		return;
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)
		scio_die(SCIO_EXIT_ERROR, "cannot format a message");
	scio_buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
	va_end(again);
	b->len += (size_t)n;
}

void
scio_buf_printf(struct scio_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	scio_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
scio_buf_reset(struct scio_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
scio_buf_free(struct scio_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

char *
scio_buf_take(struct scio_buf *b)
{
	char *s = b->s ? b->s : scio_strdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

const char *
scio_buf_str(const struct scio_buf *b)
{
	return b->s ? b->s : "";
}
