/* text.c: UTF-8, white space and date helpers for page text. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/base/text.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c >= 0x01 && c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/* Whether the 8 bytes at p are all ASCII and none is NUL. */
static int
ascii8(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	/* a high bit set, or a zero byte (the classic haszero trick) */
	return ((w | ((w - 0x0101010101010101ULL) & ~w)) & 0x8080808080808080ULL) == 0;
}

/* Whether the 8 bytes at p are all printable ASCII other than space:
 * bytes a run of text copies as they are. */
static int
plain8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t w;

	memcpy(&w, p, 8);
	/* no byte of 0x80 or more, and none below 0x21 */
	return ((w | ((w - ones * 0x21) & ~w)) & highs) == 0;
}

int
scio_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if (i + 8 <= n && ascii8(p + i)) {
			i += 8;
			continue;
		}
		if (p[i] >= 0x01 && p[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_seq(p + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

void
scio_utf8_sanitize(const char *s, size_t n, struct scio_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, k;

	if (scio_utf8_valid(s, n)) {
		scio_buf_add(out, s, n);
		return;
	}

	scio_buf_grow(out, n);
	while (i < n) {
		k = utf8_seq(p + i, n - i);
		if (k) {
			i += k;
			continue;
		}
		scio_buf_add(out, s + run, i - run);
		scio_buf_add(out, "\xEF\xBF\xBD", 3);
		i++;
		run = i;
	}
	scio_buf_add(out, s + run, n - run);
}

/* Length of a white-space character at s, or 0. */
static size_t
space_at(const unsigned char *s, size_t n)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0x8B || s[2] == 0xAF))	/* zero-width space, narrow nbsp */
		return 3;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;	/* a stray BOM */
	return 0;
}

void
scio_ws_collapse(const char *s, size_t n, struct scio_buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, start;
	char *o;
	int pending = 0;

	scio_buf_grow(out, n);
	start = out->len;
	o = out->s + out->len;
	while (i < n) {
		/* a run of plain bytes (ASCII other than space and controls,
		 * and UTF-8 continuation bytes) is copied whole */
		size_t j = i;

		while (j + 8 <= n && plain8(p + j))
			j += 8;
		while (j < n && p[j] > ' ' && p[j] < 0xC2)
			j++;
		if (j > i) {
			if (pending && o > out->s + start)
				*o++ = ' ';
			pending = 0;
			memcpy(o, s + i, j - i);
			o += j - i;
			i = j;
			if (i == n)
				break;
		}
		if ((k = space_at(p + i, n - i)) != 0) {
			pending = 1;
			i += k;
			continue;
		}
		if (pending && o > out->s + start)
			*o++ = ' ';
		pending = 0;
		*o++ = (char)p[i++];
	}
	out->len = (size_t)(o - out->s);
	out->s[out->len] = '\0';
}

static const struct {
	const char *name;
	int month;
} months[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
	{"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
	{"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10},
	{"nov", 11}, {"dec", 12},
};

int
scio_month_from_word(const char *w, size_t n)
{
	if (n > 0 && w[n - 1] == '.')
		n--;
	if (n < 3 || n > 9 || strchr("JjFfMmAaSsOoNnDd", w[0]) == NULL)
		return 0;
	for (size_t i = 0; i < LEN(months); i++)
		if (strlen(months[i].name) == n &&
		    strncasecmp(months[i].name, w, n) == 0)
			return months[i].month;
	return 0;
}

static int
days_in(int year, int month)
{
	static const int d[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month == 2)
		return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
	return d[month - 1];
}

/* Writes a date already checked by valid_date as YYYY-MM-DD. */
static void
put_date(char out[11], int y, int m, int d)
{
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

static int
valid_date(int y, int m, int d)
{
	return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in(y, m);
}

/* Reads 1..maxd digits at s into *v; returns the count read. */
static int
digits(const char *s, int maxd, int *v)
{
	int i = 0;

	*v = 0;
	while (i < maxd && isdigit((unsigned char)s[i]))
		*v = *v * 10 + (s[i++] - '0');
	if (isdigit((unsigned char)s[i]))
		return 0;
	return i;
}

static int
is_word_start(const char *base, const char *p)
{
	return p == base || !isalnum((unsigned char)p[-1]);
}

/* A month word at p: its month and where it ends. */
static int
month_at(const char *p, const char **end)
{
	const char *q = p;
	int m;

	while (isalpha((unsigned char)*q))
		q++;
	if (q == p)
		return 0;
	if ((m = scio_month_from_word(p, (size_t)(q - p))) == 0)
		return 0;
	if (*q == '.')
		q++;
	*end = q;
	return m;
}

static const char *
skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* The year after a date's month and day ("July 22, 2024", "22 July
 * 2024"): spaces, a comma or not, four digits. Returns the byte after it,
 * or NULL. */
static const char *
year_after(const char *q, int *y)
{
	q = skip_spaces(q);
	if (*q == ',')
		q = skip_spaces(q + 1);
	return digits(q, 4, y) == 4 ? q + 4 : NULL;
}

/* A date found at p, ending at end: written into out, p into *start. */
static const char *
found(char out[11], int y, int m, int d, const char *p, const char **start,
    const char *end)
{
	put_date(out, y, m, d);
	if (start)
		*start = p;
	return end;
}

const char *
scio_date_find(const char *s, char out[11], const char **start)
{
	for (const char *p = s; *p; p++) {
		int y, m, d, n;
		const char *q;

		if (!is_word_start(s, p))
			continue;
		if (isdigit((unsigned char)*p)) {
			/* 2024-07-22, 2024/7/22 */
			if (digits(p, 4, &y) == 4 && (p[4] == '-' || p[4] == '/')) {
				char sep = p[4];
				q = p + 5;
				if ((n = digits(q, 2, &m)) > 0 && q[n] == sep) {
					q += n + 1;
					if ((n = digits(q, 2, &d)) > 0 && valid_date(y, m, d))
						return found(out, y, m, d, p, start, q + n);
				}
			}
			/* 22 July 2024 */
			if ((n = digits(p, 2, &d)) > 0 && p[n] == ' ' &&
			    (m = month_at(p + n + 1, &q)) != 0 &&
			    (q = year_after(q, &y)) != NULL && valid_date(y, m, d))
				return found(out, y, m, d, p, start, q);
			continue;
		}
		/* July 22, 2024 (a month's name is capitalised: "may" is a verb) */
		if (!isupper((unsigned char)*p) || (m = month_at(p, &q)) == 0)
			continue;
		q = skip_spaces(q);
		if ((n = digits(q, 2, &d)) == 0)
			continue;
		q += n;
		if (strncmp(q, "st", 2) == 0 || strncmp(q, "nd", 2) == 0 ||
		    strncmp(q, "rd", 2) == 0 || strncmp(q, "th", 2) == 0)
			q += 2;
		if ((q = year_after(q, &y)) != NULL && valid_date(y, m, d))
			return found(out, y, m, d, p, start, q);
	}
	return NULL;
}

int
scio_monthday_find(const char *s, int *month, int *day)
{
	for (const char *p = s; *p; p++) {
		const char *q;
		int m, d;

		if (!is_word_start(s, p) || !isupper((unsigned char)*p))
			continue;
		if ((m = month_at(p, &q)) == 0)
			continue;
		q = skip_spaces(q);
		if (digits(q, 2, &d) == 0 || d < 1 || d > 31)
			continue;
		*month = m;
		*day = d;
		return 1;
	}
	return 0;
}

int
scio_startswith_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

const char *
scio_strcasestr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	int lo, up;

	if (n == 0)
		return hay;
	lo = tolower((unsigned char)needle[0]);
	up = toupper((unsigned char)needle[0]);
	for (; *hay; hay++)
		if ((*hay == lo || *hay == up) && strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

void
scio_text_defang(struct scio_buf *out, const char *s, size_t n, int keep_nl)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int c1 = c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f;

		if (!(c < 0x20 && c != '\t' && !(keep_nl && c == '\n')) && c != 0x7f && !c1)
			continue;
		scio_buf_add(out, s + run, i - run);
		if (c1) {
			scio_buf_adds(out, "\xEF\xBF\xBD");	/* U+FFFD */
			i++;
		} else if (c == 0x7f) {
			scio_buf_adds(out, "\xE2\x90\xA1");	/* U+2421 */
		} else {
			/* U+2400 + c: E2 90 80+c */
			scio_buf_addc(out, '\xE2');
			scio_buf_addc(out, '\x90');
			scio_buf_addc(out, (char)(0x80 + c));
		}
		run = i + 1;
	}
	scio_buf_add(out, s + run, n - run);
}

char *
scio_strndup_lower(const char *s, size_t n)
{
	char *k = scio_strndup(s, n);

	for (char *p = k; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

void
scio_xml_esc(struct scio_buf *out, const char *s, size_t n)
{
	size_t i, run = 0, skip;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *e;

		skip = 0;
		switch (c) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		case '\t': case '\n': case '\r': e = " "; break;
		default:
			e = "\xEF\xBF\xBD";
			if (c < 0x20 || c == 0x7F)
				break;
			/* C1 controls, U+0080..U+009F */
			if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
			    (unsigned char)s[i + 1] < 0xA0) {
				skip = 1;
				break;
			}
			/* the noncharacters U+FFFE and U+FFFF */
			if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
			    ((unsigned char)s[i + 2] & 0xFE) == 0xBE) {
				skip = 2;
				break;
			}
			continue;
		}
		scio_buf_add(out, s + run, i - run);
		scio_buf_adds(out, e);
		i += skip;
		run = i + 1;
	}
	scio_buf_add(out, s + run, n - run);
}
