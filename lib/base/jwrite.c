/* jwrite.c: compact JSON text for records made in bulk. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "scio/base/jwrite.h"
#include "scio/base/text.h"

/* Bytes that need an escape inside a JSON string. */
static int
needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

/* Whether any of the 8 bytes at p needs an escape: a control character,
 * '"' or '\\', or may start a C1 control (0xC2: bytewise tests on one
 * 64-bit word). */
static int
escape_in8(const char *p)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t w, q, b, c;

	memcpy(&w, p, 8);
	q = w ^ (ones * '"');
	b = w ^ (ones * '\\');
	c = w ^ (ones * 0xC2);
	/* a zero byte in q, b or c, or a byte below 0x20 in w (high bits
	 * masked so that UTF-8 bytes do not count) */
	return ((((q - ones) & ~q) | ((b - ones) & ~b) | ((c - ones) & ~c) |
	    ((w - ones * 0x20) & ~w)) & highs) != 0;
}

static void
escaped(struct scio_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0;

	scio_buf_grow(b, n + 2);
	scio_buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c;

		while (i + 8 <= n && !escape_in8(s + i))
			i += 8;
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] <= 0x9F) {
			/* U+0080..U+009F: the same data as \u0080..\u009f,
			 * and never a control a terminal could obey */
			unsigned char c1 = (unsigned char)s[i + 1];
			char u[6] = {'\\', 'u', '0', '0', hex[c1 >> 4], hex[c1 & 15]};

			scio_buf_add(b, s + run, i - run);
			scio_buf_add(b, u, 6);
			run = i + 2;
			i++;
			continue;
		}
		if (!needs_escape(c))
			continue;
		scio_buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': scio_buf_add(b, "\\\"", 2); break;
		case '\\': scio_buf_add(b, "\\\\", 2); break;
		case '\n': scio_buf_add(b, "\\n", 2); break;
		case '\t': scio_buf_add(b, "\\t", 2); break;
		case '\r': scio_buf_add(b, "\\r", 2); break;
		case '\b': scio_buf_add(b, "\\b", 2); break;
		case '\f': scio_buf_add(b, "\\f", 2); break;
		default: {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};

			scio_buf_add(b, u, 6);
		}
		}
	}
	scio_buf_add(b, s + run, n - run);
	scio_buf_addc(b, '"');
}

void
scio_jw_strn(struct scio_buf *b, const char *s, size_t n)
{
	struct scio_buf clean = {0};

	if (scio_utf8_valid(s, n)) {
		escaped(b, s, n);
		return;
	}
	scio_utf8_sanitize(s, n, &clean);
	escaped(b, clean.s, clean.len);
	scio_buf_free(&clean);
}

void
scio_jw_escape_c1(struct scio_buf *b, size_t from)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	char *p;

	for (size_t i = from; i + 1 < b->len; i++)
		if ((unsigned char)b->s[i] == 0xC2 && (unsigned char)b->s[i + 1] <= 0x9F)
			n++;
	if (n == 0)
		return;
	scio_buf_grow(b, 4 * n);
	/* from the end backwards, each two bytes becoming six */
	p = b->s + b->len + 4 * n;
	for (size_t i = b->len; i-- > from;) {
		unsigned char c = (unsigned char)b->s[i];

		if (c <= 0x9F && c >= 0x80 && i > from &&
		    (unsigned char)b->s[i - 1] == 0xC2) {
			*--p = hex[c & 15];
			*--p = hex[c >> 4];
			*--p = '0';
			*--p = '0';
			*--p = 'u';
			*--p = '\\';
			i--;
		} else {
			*--p = (char)c;
		}
	}
	b->len += 4 * n;
	b->s[b->len] = '\0';
}

void
scio_jw_strn_utf8(struct scio_buf *b, const char *s, size_t n)
{
	escaped(b, s, n);
}

void
scio_jw_str(struct scio_buf *b, const char *s)
{
	if (s == NULL)
		scio_buf_add(b, "null", 4);
	else
		scio_jw_strn(b, s, strlen(s));
}

void
scio_jw_key(struct scio_buf *b, const char *key, int first)
{
	if (!first)
		scio_buf_addc(b, ',');
	escaped(b, key, strlen(key));
	scio_buf_addc(b, ':');
}

void
scio_jw_kstr(struct scio_buf *b, const char *key, const char *s)
{
	scio_jw_key(b, key, 0);
	scio_jw_str(b, s);
}

void
scio_jw_kint(struct scio_buf *b, const char *key, long long v)
{
	char digits[24], *p = digits + sizeof(digits);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	scio_jw_key(b, key, 0);
	/* by hand: a record holds several numbers, and printf is slow */
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	scio_buf_add(b, p, (size_t)(digits + sizeof(digits) - p));
}
