/* jscan.c: a validating scanner for one JSON Lines record.
 *
 * It accepts exactly what jansson's json_loadb(line, len, 0, ...) accepts
 * for an object (the unit test checks it against jansson on valid, invalid
 * and fuzzed lines): RFC 8259 grammar; values nested at most 2048 deep
 * (jansson's JSON_PARSER_MAX_DEPTH, counting the top-level object as 1);
 * integers within long long and reals that do not overflow a double;
 * strings of valid UTF-8 (no overlongs, no encoded surrogates, nothing past
 * U+10FFFF), no raw control characters, no \u0000, and \u surrogates only
 * as a high one followed at once by a low one.
 *
 * The hot part is skipping the plain bytes of strings: 16 at a time with
 * SSE2 where the compiler offers it, a byte table otherwise.
 *
 * Reading the members of a scanned line is jvalue.c's. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "scio/base/jscan.h"
#include "scio/base/jscan_impl.h"

/* jansson's JSON_PARSER_MAX_DEPTH; the top-level object is at depth 1. */
#define MAX_DEPTH 2048

/* Byte classes inside a string. */
enum {
	C_PLAIN,	/* printable ASCII other than '"' and '\\' */
	C_QUOTE,
	C_BSLASH,
	C_CTRL,		/* 0x00-0x1f: refused raw */
	C_LEAD,		/* 0xc2-0xf4: may start a UTF-8 sequence */
	C_BAD,		/* 0x80-0xc1, 0xf5-0xff: never valid first */
};

static unsigned char str_class[256];
static int classes_ready;

static void
init_classes(void)
{
	for (int c = 0; c < 256; c++) {
		unsigned char k = C_PLAIN;

		if (c < 0x20)
			k = C_CTRL;
		else if (c == '"')
			k = C_QUOTE;
		else if (c == '\\')
			k = C_BSLASH;
		else if (c >= 0xc2 && c <= 0xf4)
			k = C_LEAD;
		else if (c >= 0x80)
			k = C_BAD;
		str_class[c] = k;
	}
	classes_ready = 1;
}

typedef const unsigned char *ucp;

struct scan {
	ucp start;
	ucp end;
	struct scio_jerr *err;
};

static ucp fail(struct scan *s, ucp at, const char *fmt, ...) SCIO_PRINTF(3, 4);

/* Records the reason and returns NULL, so callers can "return fail(...)". */
static ucp
fail(struct scan *s, ucp at, const char *fmt, ...)
{
	va_list ap;

	if (s->err != NULL) {
		va_start(ap, fmt);
		vsnprintf(s->err->text, sizeof(s->err->text), fmt, ap);
		va_end(ap);
		s->err->column = (size_t)(at - s->start) + 1;
	}
	return NULL;
}

static ucp
skip_ws(ucp p, ucp end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* Checks one UTF-8 sequence starting with a C_LEAD byte at p; returns the
 * byte after it, or NULL. The ranges are those of RFC 3629's table, which
 * are also exactly what jansson's decoder lets through. */
static ucp
skip_utf8(ucp p, ucp end)
{
	unsigned c = *p;
	unsigned lo = 0x80, hi = 0xbf;
	int n;

	if (c < 0xe0)
		n = 1;
	else if (c < 0xf0)
		n = 2;
	else
		n = 3;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (end - p <= n)
		return NULL;
	if (p[1] < lo || p[1] > hi)
		return NULL;
	for (int i = 2; i <= n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return NULL;
	return p + n + 1;
}

/* Checks one escape; p is at the backslash. Returns the byte after it. */
static ucp
skip_escape(struct scan *s, ucp p, int is_key)
{
	ucp end = s->end;
	long v, v2;

	if (end - p < 2)
		return fail(s, p, "premature end of input");
	switch (p[1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
		return p + 2;
	case 'u':
		break;
	default:
		return fail(s, p, "invalid escape");
	}
	if (end - p < 6 || (v = scio_jhex4(p + 2)) < 0)
		return fail(s, p, "invalid escape");
	if (v == 0)
		return fail(s, p, is_key ? "NUL byte in object key not supported" :
		    "\\u0000 is not allowed");
	if (v >= 0xdc00 && v <= 0xdfff)
		return fail(s, p, "invalid Unicode '\\u%04lX'", v);
	if (v < 0xd800 || v > 0xdbff)
		return p + 6;
	if (end - p < 12 || p[6] != '\\' || p[7] != 'u')
		return fail(s, p, "invalid Unicode '\\u%04lX'", v);
	if ((v2 = scio_jhex4(p + 8)) < 0)
		return fail(s, p + 6, "invalid escape");
	if (v2 < 0xdc00 || v2 > 0xdfff)
		return fail(s, p, "invalid Unicode '\\u%04lX\\u%04lX'", v, v2);
	return p + 12;
}

/* Skips a string; p is just after the opening quote. Returns the byte
 * after the closing quote, or NULL. *escaped tells whether it had any
 * backslash. */
static ucp
skip_string(struct scan *s, ucp p, int is_key, int *escaped)
{
	ucp end = s->end;
	ucp q;

	for (;;) {
#ifdef __SSE2__
		const __m128i quote = _mm_set1_epi8('"');
		const __m128i bslash = _mm_set1_epi8('\\');
		const __m128i space = _mm_set1_epi8(0x20);

		while (end - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
			/* Signed compare: bytes >= 0x80 are negative, so "< 0x20"
			 * catches control and non-ASCII bytes at once. */
			__m128i hit = _mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
			    _mm_cmplt_epi8(v, space));
			unsigned m = (unsigned)_mm_movemask_epi8(hit);

			if (m != 0) {
				p += __builtin_ctz(m);
				goto special;
			}
			p += 16;
		}
#endif
		while (p < end && str_class[*p] == C_PLAIN)
			p++;
#ifdef __SSE2__
special:
#endif
		if (p >= end)
			return fail(s, p, "premature end of input");
		switch (str_class[*p]) {
		case C_PLAIN:
			p++;
			break;
		case C_QUOTE:
			return p + 1;
		case C_BSLASH:
			*escaped = 1;
			if ((p = skip_escape(s, p, is_key)) == NULL)
				return NULL;
			break;
		case C_CTRL:
			return fail(s, p, "control character 0x%x", *p);
		case C_LEAD:
			if ((q = skip_utf8(p, end)) == NULL)
				return fail(s, p, "unable to decode byte 0x%x", *p);
			p = q;
			break;
		default:
			return fail(s, p, "unable to decode byte 0x%x", *p);
		}
	}
}

/* Whether the digits [p, q) of an integer, with a sign, fit a long long. */
static int
int_fits(ucp p, ucp q, int neg)
{
	static const char max[] = "9223372036854775807";
	static const char min[] = "9223372036854775808";
	size_t n = (size_t)(q - p);

	if (n < sizeof(max) - 1)
		return 1;
	if (n > sizeof(max) - 1)
		return 0;
	return memcmp(p, neg ? min : max, n) <= 0;
}

/* Whether the real [p, q) overflows a double, as strtod reports it. Most
 * reals are decided from their decimal magnitude; the few near DBL_MAX go
 * through strtod, with the locale's decimal point as jansson does. */
static int
real_overflows(ucp p, ucp q)
{
	long long mag, exp = 0;
	int eneg = 0;
	ucp r = p, ip;

	if (*r == '-')
		r++;
	for (ip = r; r < q && *r >= '0' && *r <= '9'; r++)
		;
	if (r - ip > 1 || *ip != '0') {
		mag = r - ip;	/* value in [10^(mag-1), 10^mag) */
	} else {
		/* 0.000d...: the first nonzero fraction digit sets the scale. */
		if (r == q || *r != '.')
			return 0;
		for (r++, mag = 0; r < q && *r == '0'; r++)
			mag--;
		if (r == q || *r < '1' || *r > '9')
			return 0;	/* zero: never overflows */
	}
	while (r < q && *r != 'e' && *r != 'E')
		r++;
	if (r < q) {
		r++;
		if (*r == '+' || *r == '-')
			eneg = *r++ == '-';
		for (; r < q; r++)
			if (exp < 1000000000000000LL)
				exp = exp * 10 + (*r - '0');
		if (eneg)
			exp = -exp;
	}
	mag += exp;
	if (mag <= 308)		/* below 1e308 < DBL_MAX */
		return 0;
	if (mag >= 310)		/* at least 1e309 > DBL_MAX */
		return 1;

	struct scio_buf b = {0};
	const char *dp = localeconv()->decimal_point;
	double d;

	for (r = p; r < q; r++) {
		if (*r == '.' && dp != NULL && *dp != '\0')
			scio_buf_adds(&b, dp);
		else
			scio_buf_addc(&b, *r);
	}
	errno = 0;
	d = strtod(b.s, NULL);
	scio_buf_free(&b);
	return errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL);
}

/* Skips a number starting at p ('-' or a digit). */
static ucp
skip_number(struct scan *s, ucp p, int *is_real)
{
	ucp end = s->end;
	ucp start = p, digits;
	int neg = 0;

	*is_real = 0;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	digits = p;
	if (p < end && *p == '0') {
		p++;
		if (p < end && *p >= '0' && *p <= '9')
			return fail(s, start, "invalid token");
	} else if (p < end && *p >= '1' && *p <= '9') {
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	} else {
		return fail(s, start, "invalid token");
	}
	if (p < end && *p == '.') {
		*is_real = 1;
		p++;
		if (p >= end || *p < '0' || *p > '9')
			return fail(s, start, "invalid token");
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		*is_real = 1;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || *p < '0' || *p > '9')
			return fail(s, start, "invalid token");
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	if (!*is_real && !int_fits(digits, p, neg))
		return fail(s, start, neg ? "too big negative integer" : "too big integer");
	if (*is_real && real_overflows(start, p))
		return fail(s, start, "real number overflow");
	return p;
}

/* Skips a scalar value at p; sets *type. Containers are not handled here. */
static ucp
skip_scalar(struct scan *s, ucp p, enum scio_jtype *type)
{
	ucp end = s->end;
	size_t left = (size_t)(end - p);
	int flag = 0;

	switch (*p) {
	case '"':
		*type = SCIO_JSTRING;
		return skip_string(s, p + 1, 0, &flag);
	case 't':
		*type = SCIO_JTRUE;
		if (left >= 4 && memcmp(p, "true", 4) == 0)
			return p + 4;
		break;
	case 'f':
		*type = SCIO_JFALSE;
		if (left >= 5 && memcmp(p, "false", 5) == 0)
			return p + 5;
		break;
	case 'n':
		*type = SCIO_JNULL;
		if (left >= 4 && memcmp(p, "null", 4) == 0)
			return p + 4;
		break;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		*type = SCIO_JNUMBER;
		return skip_number(s, p, &flag);
	case '}': case ']': case ',': case ':':
		return fail(s, p, "unexpected token");
	default:
		break;
	}
	return fail(s, p, "invalid token");
}

/* jansson reads one byte past a number or a literal and puts it back; a
 * NUL byte put back that way is lost (its reader takes a NUL in its
 * one-character buffer to mean "empty"), so one NUL right after such a
 * token is ignored. Mirrored here so the verdicts stay the same. */
static ucp
skip_lookahead_nul(const struct scan *s, ucp p, enum scio_jtype type)
{
	if (type != SCIO_JSTRING && type != SCIO_JARRAY && type != SCIO_JOBJECT &&
	    p < s->end && *p == '\0')
		return p + 1;
	return p;
}

/* Skips an array or object at p whose own depth is depth (>= 2), without
 * recursion: open[] remembers which bracket each level waits for. */
static ucp
skip_container(struct scan *s, ucp p, size_t depth)
{
	unsigned char open[MAX_DEPTH];
	size_t top = 0;
	ucp end = s->end;
	enum scio_jtype type = SCIO_JNULL;	/* set by skip_scalar */
	int first, flag;

	open[top++] = *p++;
	first = 1;
	for (;;) {
		/* At the start of an element: after the bracket or a comma. */
		p = skip_ws(p, end);
		if (p >= end)
			return fail(s, p, "premature end of input");
		if (open[top - 1] == '{') {
			if (first && *p == '}')
				goto closed;
			if (*p != '"')
				return fail(s, p, "string or '}' expected");
			if ((p = skip_string(s, p + 1, 1, &flag)) == NULL)
				return NULL;
			p = skip_ws(p, end);
			if (p >= end || *p != ':')
				return fail(s, p, "':' expected");
			p = skip_ws(p + 1, end);
			if (p >= end)
				return fail(s, p, "premature end of input");
		} else if (first && *p == ']') {
			goto closed;
		}
		if (depth + top > MAX_DEPTH)
			return fail(s, p, "maximum parsing depth reached");
		if (*p == '{' || *p == '[') {
			open[top++] = *p++;
			first = 1;
			continue;
		}
		if ((p = skip_scalar(s, p, &type)) == NULL)
			return NULL;
		p = skip_lookahead_nul(s, p, type);
		for (;;) {
			/* After an element: a comma, or the closing bracket. */
			p = skip_ws(p, end);
			if (p >= end)
				return fail(s, p, "premature end of input");
			if (*p == ',') {
				p++;
				first = 0;
				break;
			}
			if (*p != (open[top - 1] == '{' ? '}' : ']'))
				return fail(s, p, open[top - 1] == '{' ? "'}' expected" :
				    "']' expected");
closed:
			p++;
			if (--top == 0)
				return p;
		}
	}
}

static void
add_member(struct scio_jobj *obj, const struct scio_jmember *m)
{
	SCIO_ALLOC_GROW(obj->m, obj->n + 1, obj->cap);
	obj->m[obj->n++] = *m;
}

int
scio_jscan(const char *line, size_t len, struct scio_jobj *obj,
    struct scio_jerr *err)
{
	struct scan s;
	struct scio_jmember m;
	ucp p, q;

	if (!classes_ready)
		init_classes();
	s.start = (ucp)line;
	s.end = s.start + len;
	s.err = err;
	obj->n = 0;

	p = skip_ws(s.start, s.end);
	if (p >= s.end || (*p != '{' && *p != '[')) {
		fail(&s, p, "'[' or '{' expected");
		return -1;
	}
	if (*p == '[') {
		fail(&s, p, "not a JSON object");
		return -1;
	}
	p = skip_ws(p + 1, s.end);
	if (p < s.end && *p == '}') {
		p++;
		goto done;
	}
	for (;;) {
		if (p >= s.end || *p != '"') {
			fail(&s, p, "string or '}' expected");
			return -1;
		}
		m.key = (const char *)p + 1;
		m.key_escaped = 0;
		if ((q = skip_string(&s, p + 1, 1, &m.key_escaped)) == NULL)
			return -1;
		m.keylen = (size_t)(q - p) - 2;
		p = skip_ws(q, s.end);
		if (p >= s.end || *p != ':') {
			fail(&s, p, "':' expected");
			return -1;
		}
		p = skip_ws(p + 1, s.end);
		if (p >= s.end) {
			fail(&s, p, "premature end of input");
			return -1;
		}
		m.val = (const char *)p;
		if (*p == '{' || *p == '[') {
			m.type = *p == '{' ? SCIO_JOBJECT : SCIO_JARRAY;
			q = skip_container(&s, p, 2);
		} else {
			m.type = SCIO_JNULL;	/* skip_scalar sets it when it succeeds */
			q = skip_scalar(&s, p, &m.type);
		}
		if (q == NULL)
			return -1;
		m.vallen = (size_t)(q - p);
		add_member(obj, &m);
		q = skip_lookahead_nul(&s, q, m.type);
		p = skip_ws(q, s.end);
		if (p < s.end && *p == ',') {
			p = skip_ws(p + 1, s.end);
			continue;
		}
		if (p < s.end && *p == '}') {
			p++;
			break;
		}
		fail(&s, p, "'}' expected");
		return -1;
	}
done:
	p = skip_ws(p, s.end);
	if (p != s.end) {
		fail(&s, p, "end of file expected");
		return -1;
	}
	return 0;
}

void
scio_jobj_free(struct scio_jobj *obj)
{
	free(obj->m);
	scio_buf_free(&obj->tmp);
	memset(obj, 0, sizeof(*obj));
}
