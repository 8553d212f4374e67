/* charset.c: charset detection and conversion to UTF-8 with iconv. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/base/charset.h"
#include "scio/base/text.h"

#define REPLACEMENT "\xEF\xBF\xBD"
/* How far into a body a meta charset is looked for, as HTML's prescan. */
#define META_WINDOW 4096

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
is_token_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == ':' || c == '+';
}

/* The charset value after "charset" (and '=') at s, up to end. */
static char *
charset_value(const char *s, const char *end)
{
	const char *v;

	while (s < end && is_space((unsigned char)*s))
		s++;
	if (s >= end || *s != '=')
		return NULL;
	s++;
	while (s < end && is_space((unsigned char)*s))
		s++;
	if (s < end && (*s == '"' || *s == '\''))
		s++;
	v = s;
	while (s < end && is_token_char((unsigned char)*s))
		s++;
	return s > v ? scio_strndup(v, (size_t)(s - v)) : NULL;
}

static const char *
find_ci(const char *s, const char *end, const char *word)
{
	size_t n = strlen(word);

	for (; s + n <= end; s++)
		if (strncasecmp(s, word, n) == 0)
			return s;
	return NULL;
}

char *
scio_charset_from_type(const char *ct)
{
	const char *p, *end;

	if (ct == NULL)
		return NULL;
	end = ct + strlen(ct);
	for (p = ct; (p = find_ci(p, end, "charset")) != NULL; p += 7) {
		char *v = charset_value(p + 7, end);

		if (v != NULL)
			return v;
	}
	return NULL;
}

char *
scio_charset_from_meta(const char *body, size_t len)
{
	const char *end = body + (len < META_WINDOW ? len : META_WINDOW);
	const char *p = body;

	while ((p = find_ci(p, end, "<meta")) != NULL) {
		const char *close = memchr(p, '>', (size_t)(end - p));
		const char *q;

		if (close == NULL)
			return NULL;
		for (q = p; (q = find_ci(q, close, "charset")) != NULL; q += 7) {
			char *v = charset_value(q + 7, close);

			if (v != NULL)
				return v;
		}
		p = close;
	}
	return NULL;
}

char *
scio_charset_decoder(const char *d)
{
	static const char *const gb[] = {
		"gbk", "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "cp936",
		"ms936", "windows-936", "csgb2312", "chinese", "iso-ir-58",
		"euc-cn", "x-euc-cn", "gb18030",
	};
	static const char *const latin[] = {
		"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
		"cp1252", "windows-1252", "iso_8859-1", "x-cp1252",
	};

	for (size_t i = 0; i < LEN(gb); i++)
		if (strcasecmp(d, gb[i]) == 0)
			return scio_strdup("GB18030");
	for (size_t i = 0; i < LEN(latin); i++)
		if (strcasecmp(d, latin[i]) == 0)
			return scio_strdup("WINDOWS-1252");
	if (strcasecmp(d, "utf8") == 0)
		return scio_strdup("UTF-8");
	return scio_strdup(d);
}

/* Decodes with iconv; returns -1 when iconv does not know the charset. */
static int
convert(const char *from, const char *body, size_t len, struct scio_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	struct scio_buf tmp = {0};
	/* iconv's inbuf is not const, though iconv only reads through it */
	char *in = (char *)(uintptr_t)body;
	size_t left = len;

	if (cd == (iconv_t)-1)
		return -1;
	scio_buf_grow(&tmp, len * 2 + 16);
	while (left > 0) {
		char *o = tmp.s + tmp.len;
		size_t room = tmp.cap - tmp.len - 1;

		if (iconv(cd, &in, &left, &o, &room) != (size_t)-1) {
			tmp.len = (size_t)(o - tmp.s);
			break;
		}
		tmp.len = (size_t)(o - tmp.s);
		if (errno == E2BIG) {
			scio_buf_grow(&tmp, left * 2 + 16);
		} else {
			/* EILSEQ or EINVAL (truncated at the end): one byte is
			 * replaced and decoding starts again after it. */
			scio_buf_adds(&tmp, REPLACEMENT);
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	scio_buf_reset(out);
	scio_utf8_sanitize(tmp.s, tmp.len, out);
	scio_buf_free(&tmp);
	return 0;
}

void
scio_charset_to_utf8(const char *body, size_t len, const char *ct,
    struct scio_buf *out, char **declared)
{
	const unsigned char *b = (const unsigned char *)body;
	const char *bom = NULL;
	size_t skip = 0;
	char *decl, *from;

	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		bom = "UTF-8", skip = 3;
	else if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		bom = "UTF-16LE", skip = 2;
	else if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		bom = "UTF-16BE", skip = 2;
	decl = scio_charset_from_type(ct);
	if (decl == NULL && bom == NULL)
		decl = scio_charset_from_meta(body, len);
	if (decl == NULL && bom != NULL)
		decl = scio_strdup(bom);
	from = scio_charset_decoder(bom ? bom : decl ? decl : "UTF-8");
	scio_buf_reset(out);
	if (strcasecmp(from, "UTF-8") == 0 ||
	    convert(from, body + skip, len - skip, out) < 0)
		scio_utf8_sanitize(body + skip, len - skip, out);
	scio_buf_grow(out, 0);
	free(from);
	if (declared != NULL)
		*declared = decl;
	else
		free(decl);
}
