/* stats_field.c: what scio-stats derives from a record's fields: words as
 * a reader counts them, the agency in a title, the weekday of a date, a
 * conference's first page; and the names its options take. */
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/stats/stats.h"
#include "scio/base/text.h"
#include "scio/base/width.h"

static const char *const count_names[] = {
	[SCIO_COUNT_TURNS] = "turns",
	[SCIO_COUNT_QUESTIONS] = "questions",
	[SCIO_COUNT_EXCHANGES] = "exchanges",
	[SCIO_COUNT_WORDS] = "words",
	[SCIO_COUNT_CONFERENCES] = "conferences",
	[SCIO_COUNT_HITS] = "hits",
};

int
scio_stats_count_from_name(const char *name)
{
	for (size_t i = 0; i < LEN(count_names); i++)
		if (strcmp(name, count_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
scio_stats_count_name(enum scio_scount c)
{
	return count_names[c];
}

static const char *const derived[] = {
	"year", "month", "weekday", "agency", NULL,
};

int
scio_stats_known_field(const char *name)
{
	for (size_t i = 0; derived[i]; i++)
		if (strcmp(name, derived[i]) == 0)
			return 1;
	return scio_field_known(name);
}

static const char *const sfmt_names[] = {
	[SCIO_SF_TABLE] = "table", [SCIO_SF_TSV] = "tsv", [SCIO_SF_CSV] = "csv",
	[SCIO_SF_JSON] = "json", [SCIO_SF_MD] = "md", [SCIO_SF_SVG] = "svg",
	[SCIO_SF_HTML] = "html",
};

int
scio_sfmt_from_name(const char *name)
{
	for (size_t i = 0; i < LEN(sfmt_names); i++)
		if (strcmp(name, sfmt_names[i]) == 0)
			return (int)i;
	return -1;
}

/* Words. */

static int
is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
}

static int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 ||
	    c == 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

/* A letter or digit, for deciding whether a run is a word: ASCII ones,
 * and any character from U+00C0 on outside the blocks of punctuation and
 * symbols (general punctuation to miscellaneous symbols, CJK punctuation,
 * fullwidth punctuation). */
static int
is_wordish(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	if (c < 0xc0 || c == 0xd7 || c == 0xf7)
		return 0;
	if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff0f) ||
	    (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
	    (c >= 0xff5b && c <= 0xff65) || c == 0xfffd)
		return 0;
	return 1;
}

size_t
scio_words(const char *s, size_t n)
{
	size_t words = 0, i = 0;
	int run_counts = 0;
	uint32_t c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i++];
		} else {
			i += scio_utf8_decode(s + i, n - i, &c);
		}
		if (is_space(c) || is_han(c)) {
			words += run_counts;
			run_counts = 0;
			words += is_han(c);
			continue;
		}
		if (!run_counts && is_wordish(c))
			run_counts = 1;
	}
	return words + run_counts;
}

/* Agencies. */

static const char *const ministers[] = {
	"minister of ", "vice minister of ", "deputy minister of ",
	"assistant minister of ", NULL,
};

int
scio_agency(const char *title, size_t n, struct scio_buf *out)
{
	const char *end = title + n, *p, *best = NULL;
	size_t len, blen = 0;

	/* The first title of several ("director of X, and spokesperson"). */
	for (p = title; p < end; p++)
		if (*p == ',' || *p == ';' || *p == '(') {
			end = p;
			break;
		}
	/* The last " of the " or " for the " names the body holding the post. */
	for (p = title; p + 8 <= end; p++) {
		if (memcmp(p, " of the ", 8) == 0) {
			best = p;
			blen = 8;
		} else if (p + 9 <= end && memcmp(p, " for the ", 9) == 0) {
			best = p;
			blen = 9;
		}
	}
	if (best) {
		best += blen;
		while (end > best && end[-1] == ' ')
			end--;
		if (end > best && *best >= 'A' && *best <= 'Z') {
			scio_buf_add(out, best, (size_t)(end - best));
			return 1;
		}
		return 0;
	}
	for (size_t i = 0; ministers[i]; i++) {
		len = strlen(ministers[i]);
		if ((size_t)(end - title) > len && scio_startswith_ci(title, ministers[i])) {
			scio_buf_adds(out, "Ministry of ");
			scio_buf_add(out, title + len, (size_t)(end - title) - len);
			return 1;
		}
	}
	return 0;
}

/* Dates. */

const char *const scio_weekday_names[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday",
};

int
scio_weekday(const char *d, size_t n)
{
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int y = 0, m, day;

	if (n != 10 || d[4] != '-' || d[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return -1;
	for (int i = 0; i < 4; i++)
		y = y * 10 + (d[i] - '0');
	m = (d[5] - '0') * 10 + (d[6] - '0');
	day = (d[8] - '0') * 10 + (d[9] - '0');
	if (m < 1 || m > 12 || day < 1 || day > 31)
		return -1;
	if (m < 3)
		y--;
	/* Sakamoto's method gives 0 for Sunday. */
	return ((y + y / 4 - y / 100 + y / 400 + t[m - 1] + day) % 7 + 6) % 7;
}

void
scio_first_page(const char *url, size_t n, struct scio_buf *out)
{
	const char *dot = NULL, *p;

	for (p = url + n; p > url; p--)
		if (p[-1] == '.') {
			dot = p - 1;
			break;
		} else if (p[-1] == '/') {
			break;
		}
	if (dot) {
		/* content_N_2.htm: cut "_2" */
		for (p = dot; p > url && p[-1] >= '0' && p[-1] <= '9'; p--)
			;
		if (p < dot && p > url && p[-1] == '_' &&
		    memchr(url, '_', (size_t)(p - 1 - url)) != NULL) {
			scio_buf_add(out, url, (size_t)(p - 1 - url));
			scio_buf_add(out, dot, (size_t)(url + n - dot));
			return;
		}
	}
	scio_buf_add(out, url, n);
}
