/* page.c: reading one page's header, participants and body from its lines.
 *
 * Everything here keys on the text a reader sees: the title, the source
 * and date line, the "Speakers:" block, labels. Markup only helps (a
 * heading is a likely title, a bold line a likely label). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/alloc.h"
#include "scio/page.h"
#include "scio/text.h"
#include "scio/url.h"

#define UEDITOR_TAG "_ueditor_page_break_tag_"

/* A link on the page as an absolute URL; as written when the page's own
 * URL is not one (a file read from disk) or the link does not resolve. */
static char *
resolve(const char *base, const char *href)
{
	char *u = scio_url_resolve(base, href);

	return u ? u : scio_strdup(href);
}

const char *
scio_kind_name(enum scio_kind k)
{
	switch (k) {
	case SCIO_KIND_TRANSCRIPT: return "transcript";
	case SCIO_KIND_CONFERENCE: return "conference";
	case SCIO_KIND_NOTICE: return "notice";
	case SCIO_KIND_LISTING: return "listing";
	case SCIO_KIND_ARTICLE: return "article";
	}
	return "article";
}

static const char *
line_at(const struct scio_page_text *pt, size_t i)
{
	return pt->lines[i].text;
}

static void
set_str(char **field, const char *s, size_t n)
{
	if (*field != NULL)
		return;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && *s == ' ')
		s++, n--;
	if (n > 0)
		*field = scio_strndup(s, n);
}

/* The chrome around the article: share tools, font size, comment counts. */
static int
is_chrome(const char *s)
{
	if (strlen(s) > 200)
		return 0;	/* a paragraph, not a tool */
	static const char *const exact[] = {
		"Share:", "Share", "Adjust font size:", "Print", "E-mail", "Email",
		"Print E-mail", "CHINA SCIO", "China SCIO", "A A A", "A+ A-",
		"Font size:", "Home", "Share to:", "Comment(s)", "Text Size:",
		UEDITOR_TAG, NULL,
	};

	for (const char *const *e = exact; *e; e++)
		if (strcmp(s, *e) == 0)
			return 1;
	if (scio_startswith_ci(s, "Adjust font size") ||
	    strncmp(s, "Share:", 6) == 0 || strstr(s, "Adjust font size:") != NULL ||
	    strstr(s, "Comment(s)") != NULL ||
	    strncmp(s, "Home >", 6) == 0 || strncmp(s, "Home>", 5) == 0 ||
	    strncmp(s, "\xE3\x84\x91", 3) == 0 ||	/* U+3111 breadcrumb */
	    strncmp(s, "Press Room", 10) == 0)
		return 1;
	return 0;
}

/* A photo caption: "... [Photo by NAME/China SCIO]", or a gallery item. */
static int
is_caption(const char *s)
{
	size_t n = strlen(s);

	if ((memchr(s, '[', n) || memchr(s, '(', n)) &&
	    (strstr(s, "[Photo") || strstr(s, "(Photo") || strstr(s, "[photo")))
		return 1;
	if (n > 2 && s[n - 1] == ']' && strstr(s, "/China SCIO"))
		return 1;
	while (isdigit((unsigned char)*s))
		s++;
	if (s[0] == '/' && isdigit((unsigned char)s[1]))
		return 1;	/* a gallery's "1/4    Group photo" */
	return 0;
}

static int
is_zh_link(const char *s)
{
	return strcasecmp(s, "Read in Chinese") == 0 ||
	    strcmp(s, "\xE4\xB8\xAD\xE6\x96\x87") == 0;	/* 中文 */
}

/* A pagination bar: "1 2 3 4 >", "< 1 2 3". Sets *max to its last page. */
static int
is_pager(const char *s, int *max)
{
	int numbers = 0, top = 0;
	const char *p = s;

	while (*p) {
		const char *w = p;
		size_t n;

		while (*p && *p != ' ')
			p++;
		n = (size_t)(p - w);
		while (*p == ' ')
			p++;
		if (n > 0 && n <= 3 && isdigit((unsigned char)w[0])) {
			int v = 0;

			for (size_t i = 0; i < n; i++) {
				if (!isdigit((unsigned char)w[i]))
					return 0;
				v = v * 10 + (w[i] - '0');
			}
			numbers++;
			if (v > top)
				top = v;
			continue;
		}
		if ((n == 1 && (*w == '>' || *w == '<')) ||
		    (n == 2 && (memcmp(w, ">>", 2) == 0 || memcmp(w, "<<", 2) == 0)) ||
		    (n == 2 && (memcmp(w, "\xC2\xBB", 2) == 0 || memcmp(w, "\xC2\xAB", 2) == 0)) ||
		    (n == 3 && memcmp(w, "...", 3) == 0) ||
		    (n == 4 && strncasecmp(w, "Next", 4) == 0) ||
		    (n == 4 && strncasecmp(w, "Prev", 4) == 0) ||
		    (n == 8 && strncasecmp(w, "Previous", 8) == 0))
			continue;
		return 0;
	}
	if (numbers >= 2 || (numbers == 1 && top == 1 && strchr(s, '>'))) {
		*max = top;
		return 1;
	}
	return 0;
}

static int
is_end_marker(const char *s)
{
	return scio_startswith_ci(s, "MORE FROM") ||
	    scio_startswith_ci(s, "Related News") ||
	    scio_startswith_ci(s, "Related Stories") ||
	    scio_startswith_ci(s, "Copyright") ||
	    strncmp(s, "\xC2\xA9", 2) == 0;
}

/* Cuts a site's name off a <title>: "X - China.org.cn" gives "X". */
static char *
clean_head_title(const char *t)
{
	char *s = scio_strdup(t);
	static const char *const seps[] = {" - ", " | ", " _ ", "_", " -- ", NULL};

	for (int again = 1; again;) {
		again = 0;
		for (const char *const *sep = seps; *sep; sep++) {
			char *last = NULL, *p = s;

			while ((p = strstr(p, *sep)) != NULL)
				last = p++;
			if (last == NULL)
				continue;
			const char *tail = last + strlen(*sep);
			if (strstr(tail, "China") || strstr(tail, "SCIO") ||
			    strstr(tail, ".cn") || strstr(tail, "Xinhua")) {
				*last = '\0';
				again = 1;
			}
		}
	}
	return s;
}

/* Whether line could be (the start of) the title the <head> gives. */
static int
matches_title(const char *line, const char *ht)
{
	size_t ln = strlen(line), hn = strlen(ht), k;

	if (ln < 8 || hn < 8)
		return 0;
	k = ln < hn ? ln : hn;
	if (k > 40)
		k = 40;
	return strncasecmp(line, ht, k) == 0;
}

/* Cuts a date fused onto a title ("X | August 13, 2024"), keeping it. */
static void
split_title_date(struct scio_page *pg, struct scio_buf *title)
{
	char date[11];
	const char *start, *end;
	char *bar = strrchr(title->s, '|');

	if (bar == NULL)
		return;
	end = scio_date_find(bar, date, &start);
	if (end == NULL)
		return;
	while (*end == ' ')
		end++;
	if (*end != '\0')
		return;
	set_str(&pg->published, date, 10);
	while (bar > title->s && bar[-1] == ' ')
		bar--;
	title->len = (size_t)(bar - title->s);
	title->s[title->len] = '\0';
}

/* Finds the title; returns its last line's index, or -1. */
static long
find_title(const struct scio_page_text *pt, struct scio_page *pg)
{
	char *ht = pt->head_title ? clean_head_title(pt->head_title) : NULL;
	struct scio_buf title = {0};
	long t = -1;
	size_t i;

	for (i = 0; ht && i < pt->nlines; i++) {
		const char *s = line_at(pt, i);

		if (matches_title(s, ht) && !is_chrome(s)) {
			t = (long)i;
			break;
		}
	}
	for (i = 0; t < 0 && i < pt->nlines; i++)
		if ((pt->lines[i].flags & SCIO_LINE_HEADING) && pt->lines[i].len > 12 &&
		    !is_chrome(line_at(pt, i)) && !(pt->lines[i].flags & SCIO_LINE_LINKED))
			t = (long)i;
	for (i = 0; t < 0 && i < pt->nlines; i++)
		if ((pt->lines[i].flags & SCIO_LINE_TITLEISH) && pt->lines[i].len > 12 &&
		    !is_chrome(line_at(pt, i)) && !(pt->lines[i].flags & SCIO_LINE_LINKED))
			t = (long)i;
	if (t >= 0) {
		scio_buf_adds(&title, line_at(pt, (size_t)t));
		/* a title split over two lines */
		if (ht && (size_t)t + 1 < pt->nlines && strlen(ht) > title.len &&
		    strncasecmp(ht, title.s, title.len) == 0) {
			const char *next = line_at(pt, (size_t)t + 1);
			size_t rest = strlen(ht) - title.len;

			if (rest > 1 && strncasecmp(ht + title.len + 1, next,
			    strlen(next) < rest ? strlen(next) : rest) == 0) {
				scio_buf_addc(&title, ' ');
				scio_buf_adds(&title, next);
				t++;
			}
		}
		split_title_date(pg, &title);
	} else if (ht) {
		scio_buf_adds(&title, ht);
		split_title_date(pg, &title);
	}
	if (title.len)
		pg->title = scio_buf_take(&title);
	scio_buf_free(&title);
	free(ht);
	return t;
}

static const char *const categories[] = {
	"Sci-Tech", "Around China", "Society", "White Paper", "Press Conference",
	"Politics", "Economy", "Business", "Culture", "Environment", "Opinion",
	"Sports", "Travel", "World", "Features", "Government", "Health",
	"Education", "Military", "Diplomacy", "Press Conferences", "Livestream",
	"Exclusive", "Policies", "Latest", "Top News", NULL,
};

static int
is_category(const char *s)
{
	for (const char *const *c = categories; *c; c++)
		if (strcasecmp(s, *c) == 0)
			return 1;
	return 0;
}

static int
is_summary(const char *s)
{
	return scio_startswith_ci(s, "The State Council Information Office") ||
	    scio_strcasestr(s, "held a press conference") ||
	    scio_strcasestr(s, "will hold a press conference") ||
	    scio_strcasestr(s, "held a news conference");
}

static size_t
count_words(const char *s, size_t n)
{
	size_t w = 0;
	int in = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			in = 0;
		else if (!in)
			in = 1, w++;
	}
	return w;
}

/* Whether the whole line is a date ("July 22, 2024", "| May 8, 2025",
 * "2025-11-11"); sets date. */
static int
is_date_line(const char *s, char date[11])
{
	const char *start, *end;

	while (*s == '|' || *s == ' ' || *s == ',')
		s++;
	if (strncmp(s, "\xE4\xB8\xA8", 3) == 0)	/* 丨 */
		s += 3;
	while (*s == ' ')
		s++;
	end = scio_date_find(s, date, &start);
	if (end == NULL || start != s)
		return 0;
	while (*end == ' ' || *end == '.' || *end == ';')
		end++;
	return *end == '\0';
}

/* "China.org.cnUpdated:  August 13, 2024", "China.org.cn | May 8, 2025",
 * "China SCIO丨Updated: ...", "China.org.cn, December 10, 2019". */
static int
parse_source_line(const char *s, struct scio_page *pg)
{
	char date[11];
	const char *start, *end, *upd = scio_strcasestr(s, "Updated");
	size_t n;

	if (upd != NULL) {
		const char *after = upd + 7;

		while (*after == ' ')
			after++;
		if (*after != ':' && strncmp(after, "\xEF\xBC\x9A", 3) != 0)
			return 0;
		if (scio_date_find(after, date, NULL) == NULL)
			return 0;
		n = (size_t)(upd - s);
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == ','))
			n--;
		if (n >= 3 && strncmp(s + n - 3, "\xE4\xB8\xA8", 3) == 0)
			n -= 3;
		set_str(&pg->source, s, n);
		set_str(&pg->published, date, 10);
		return 1;
	}
	end = scio_date_find(s, date, &start);
	if (end == NULL || start == s)
		return 0;
	while (*end == ' ')
		end++;
	if (*end != '\0')
		return 0;
	n = (size_t)(start - s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == ','))
		n--;
	if (n >= 3 && strncmp(s + n - 3, "\xE4\xB8\xA8", 3) == 0)
		n -= 3;
	if (n == 0 || count_words(s, n) > 5 || memchr(s, ':', n))
		return 0;
	set_str(&pg->source, s, n);
	set_str(&pg->published, date, 10);
	return 1;
}

static int
is_source_name(const char *s)
{
	static const char *const names[] = {
		"China.org.cn", "China SCIO", "SCIO", "Xinhua", "China Daily",
		"CGTN", "english.scio.gov.cn", "chinadaily.com.cn", NULL,
	};

	for (const char *const *p = names; *p; p++)
		if (strcasecmp(s, *p) == 0)
			return 1;
	return 0;
}

/* "10 a.m." -> "10:00", "3:30 p.m." -> "15:30"; returns 1 on success and
 * the end of the time in *end. */
static int
parse_clock(const char *s, char out[6], const char **end)
{
	int h = 0, m = 0, nd = 0;
	const char *p = s;

	while (isdigit((unsigned char)*p) && nd < 2)
		h = h * 10 + (*p++ - '0'), nd++;
	if (isdigit((unsigned char)*p))
		return 0;
	if (nd == 0)
		return 0;
	if (*p == ':' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2])) {
		m = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
	}
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "a.m.", 4) == 0 || strncasecmp(p, "am", 2) == 0) {
		if (h == 12)
			h = 0;
	} else if (strncasecmp(p, "p.m.", 4) == 0 || strncasecmp(p, "pm", 2) == 0) {
		if (h < 12)
			h += 12;
	} else {
		return 0;
	}
	p += (p[1] == '.') ? 4 : 2;
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return 0;
	snprintf(out, 6, "%02d:%02d", h % 24, m % 60);
	*end = p;
	return 1;
}

/* "Beijing | 10 a.m. July 22, 2024" */
static int
parse_time_line(const char *s, struct scio_page *pg)
{
	const char *bar = strchr(s, '|'), *p, *end;
	char clock[6], date[11];

	if (bar == NULL || bar == s || count_words(s, (size_t)(bar - s)) > 4)
		return 0;
	p = bar + 1;
	while (*p == ' ')
		p++;
	if (!parse_clock(p, clock, &end))
		return 0;
	if (scio_date_find(end, date, NULL) == NULL)
		return 0;
	set_str(&pg->place, s, (size_t)(bar - s));
	set_str(&pg->time, clock, 5);
	set_str(&pg->date, date, 10);
	return 1;
}

enum section { SEC_NONE, SEC_SPEAKERS, SEC_CHAIR, SEC_DATE };

/* "Speakers:", "Speaker", "Chairperson:", "Date: July 22, 2024". Returns
 * the section and sets *rest to text after the heading ("" if none). */
static enum section
parse_heading(const char *s, const char **rest)
{
	static const struct {
		const char *word;
		enum section sec;
	} heads[] = {
		{"Speakers", SEC_SPEAKERS}, {"Speaker", SEC_SPEAKERS},
		{"Chairpersons", SEC_CHAIR}, {"Chairperson", SEC_CHAIR},
		{"Chairwoman", SEC_CHAIR}, {"Chairman", SEC_CHAIR},
		{"Moderator", SEC_CHAIR}, {"Host", SEC_CHAIR}, {"Date", SEC_DATE},
	};

	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		size_t n = strlen(heads[i].word);
		const char *p = s + n;

		if (strncasecmp(s, heads[i].word, n) != 0)
			continue;
		while (*p == ' ')
			p++;
		if (*p == ':')
			p++;
		else if (strncmp(p, "\xEF\xBC\x9A", 3) == 0)
			p += 3;
		else if (*p != '\0')
			continue;
		while (*p == ' ')
			p++;
		*rest = p;
		return heads[i].sec;
	}
	return SEC_NONE;
}

static void
add_person(struct scio_person **list, size_t *n, struct scio_person *p)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcasecmp((*list)[i].name, p->name) == 0) {
			/* listed twice (a conference page): keep one, fill gaps */
			if ((*list)[i].honorific == NULL && p->honorific)
				(*list)[i].honorific = p->honorific, p->honorific = NULL;
			if ((*list)[i].title == NULL && p->title)
				(*list)[i].title = p->title, p->title = NULL;
			scio_person_free(p);
			return;
		}
	}
	*list = scio_reallocarray(*list, *n + 1, sizeof(**list));
	(*list)[(*n)++] = *p;
}

static int
has_person(const struct scio_person *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i].name, name) == 0)
			return 1;
	return 0;
}

/* Reads the header lines after the title: category, summary, source and
 * date, the Chinese link, a time line. Returns the first line after it. */
static size_t
read_header(const struct scio_page_text *pt, struct scio_page *pg, size_t i, size_t end)
{
	size_t first = i, limit = i + 30 < end ? i + 30 : end, body = i;
	char date[11];

	for (; i < limit; i++) {
		const struct scio_line *ln = &pt->lines[i];
		const char *s = ln->text;

		if (is_chrome(s) || is_caption(s)) {
			body = i + 1;
			continue;
		}
		if (is_zh_link(s)) {
			if (ln->href && pg->zh_url == NULL)
				pg->zh_url = resolve(pg->url, ln->href);
			body = i + 1;
			continue;
		}
		if (parse_time_line(s, pg) || parse_source_line(s, pg)) {
			body = i + 1;
			continue;
		}
		if (is_source_name(s) && i + 1 < end &&
		    is_date_line(line_at(pt, i + 1), date)) {
			set_str(&pg->source, s, strlen(s));
			continue;
		}
		if (is_date_line(s, date) && (pg->source || pg->published) &&
		    i <= body + 2) {
			set_str(&pg->published, date, 10);
			body = i + 1;
			continue;
		}
		if (i == first && is_category(s)) {
			set_str(&pg->category, s, strlen(s));
			body = i + 1;
			continue;
		}
		if (pg->summary == NULL && is_summary(s) && !scio_label_alone(s, ln->len)) {
			struct scio_buf sum = {0};
			const char *start;
			char d[32];

			scio_buf_adds(&sum, s);
			/* a date glued on its end */
			if (scio_date_find(sum.s, d, &start) && start > sum.s &&
			    is_date_line(start, d)) {
				sum.len = (size_t)(start - sum.s);
				while (sum.len > 0 && sum.s[sum.len - 1] == ' ')
					sum.len--;
				sum.s[sum.len] = '\0';
				set_str(&pg->published, d, 10);
			}
			pg->summary = scio_buf_take(&sum);
			body = i + 1;
			continue;
		}
		if (i == first && count_words(s, ln->len) <= 3 && ln->len < 30 &&
		    !strchr(s, ':') && !strchr(s, '.') && i + 1 < end &&
		    is_summary(line_at(pt, i + 1))) {
			set_str(&pg->category, s, strlen(s));
			body = i + 1;
			continue;
		}
		break;
	}
	return body;
}

/* Reads the participants block; returns the first line of the turns. */
static size_t
read_participants(const struct scio_page_text *pt, struct scio_page *pg,
    size_t i, size_t end)
{
	enum section sec = SEC_NONE;
	int headings = 0, persons_since = 0;
	size_t after = i;
	char date[11];

	for (; i < end; i++) {
		const struct scio_line *ln = &pt->lines[i];
		const char *s = ln->text, *rest;
		struct scio_person p;
		enum section h;

		if (is_chrome(s) || is_caption(s) || is_summary(s))
			continue;
		if (is_zh_link(s)) {
			if (ln->href && pg->zh_url == NULL)
				pg->zh_url = resolve(pg->url, ln->href);
			continue;
		}
		if ((h = parse_heading(s, &rest)) != SEC_NONE) {
			sec = h;
			headings++;
			after = i + 1;
			if (*rest == '\0')
				continue;
			s = rest;
		}
		if (sec == SEC_DATE || (sec != SEC_NONE || persons_since > 0)) {
			if (is_date_line(s, date)) {
				if (pg->date == NULL)
					pg->date = scio_strndup(date, 10);
				after = i + 1;
				sec = SEC_NONE;
				persons_since = 0;
				/* a conference page may repeat the block:
				 * look on past the date for another */
				continue;
			}
		}
		if (sec == SEC_DATE) {
			char clock[6];
			const char *e;

			if (parse_clock(s, clock, &e)) {
				set_str(&pg->time, clock, 5);
				continue;
			}
		}
		/* s may be the rest of a heading line: measure it, not ln */
		if (scio_label_alone(s, strlen(s)))
			break;
		if (scio_person_parse(s, &p) == 0) {
			if (sec != SEC_SPEAKERS && sec != SEC_CHAIR && p.title == NULL) {
				scio_person_free(&p);	/* a name alone, outside the block */
			} else {
				if (sec == SEC_CHAIR && !has_person(pg->speakers, pg->nspeakers, p.name))
					add_person(&pg->chair, &pg->nchair, &p);
				else if (!has_person(pg->chair, pg->nchair, p.name))
					add_person(&pg->speakers, &pg->nspeakers, &p);
				else
					scio_person_free(&p);
				persons_since++;
				after = i + 1;
				continue;
			}
		}
		if (headings == 0 && persons_since == 0 && pg->nspeakers == 0)
			break;
		if (sec == SEC_NONE && persons_since == 0)
			break;
		if (sec != SEC_NONE)
			continue;	/* a stray line inside the block */
		break;
	}
	pg->has_participants = pg->nspeakers + pg->nchair > 0;
	return after;
}

static void
add_para(struct scio_page *pg, const char *s)
{
	struct scio_buf b = {0};
	const char *tag = strstr(s, UEDITOR_TAG);
	char *para;

	if (tag == NULL) {
		para = scio_strdup(s);	/* lines come collapsed already */
	} else {
		/* the CMS's page-break marker, alone or glued to a label */
		struct scio_buf t = {0};

		do {
			scio_buf_add(&b, s, (size_t)(tag - s));
			s = tag + strlen(UEDITOR_TAG);
		} while ((tag = strstr(s, UEDITOR_TAG)) != NULL);
		scio_buf_adds(&b, s);
		scio_ws_collapse(b.s, b.len, &t);
		scio_buf_free(&b);
		if (t.len == 0) {
			scio_buf_free(&t);
			return;
		}
		para = scio_buf_take(&t);
	}
	if (pg->nparas == pg->parascap) {
		pg->parascap = pg->parascap ? pg->parascap * 2 : 32;
		pg->paras = scio_reallocarray(pg->paras, pg->parascap, sizeof(*pg->paras));
	}
	pg->paras[pg->nparas++] = para;
}

static void
add_item(struct scio_page *pg, char *url, const char *title, const char *date)
{
	for (size_t i = 0; i < pg->nitems; i++)
		if (strcmp(pg->items[i].url, url) == 0) {
			free(url);
			return;
		}
	if (pg->nitems == pg->itemscap) {
		pg->itemscap = pg->itemscap ? pg->itemscap * 2 : 16;
		pg->items = scio_reallocarray(pg->items, pg->itemscap, sizeof(*pg->items));
	}
	pg->items[pg->nitems].url = url;
	pg->items[pg->nitems].title = scio_strdup(title);
	pg->items[pg->nitems].date = date ? scio_strndup(date, 10) : NULL;
	pg->nitems++;
}

static const char *
skip_bullet(const char *s)
{
	if (strncmp(s, "\xE2\x80\xA2", 3) == 0 || strncmp(s, "\xC2\xB7", 2) == 0)
		s += (*s == '\xE2') ? 3 : 2;
	while (*s == ' ')
		s++;
	return s;
}

/* Collects a listing's items: links to transcripts and conferences. */
static void
read_items(const struct scio_page_text *pt, struct scio_page *pg, size_t from, size_t end)
{
	for (size_t k = 0; k < pt->nlinks; k++) {
		const struct scio_link *lk = &pt->links[k];
		const char *title = skip_bullet(lk->text);
		char *url, *doc, *t, date[11];
		size_t tlen, ll;
		const char *d = NULL;
		int pno;

		if (lk->line < from || lk->line >= end || count_words(title, strlen(title)) < 3)
			continue;
		url = resolve(pg->url, lk->href);
		doc = scio_url_doc(url, &pno);
		if (doc == NULL || pno != 1 || (pg->doc && strcmp(doc, pg->doc) == 0)) {
			free(doc);
			free(url);
			continue;
		}
		free(doc);
		tlen = strlen(title);
		/* a date run into the title (mobile listings) */
		if (tlen > 10 && is_date_line(title + tlen - 10, date) &&
		    isdigit((unsigned char)title[tlen - 10])) {
			d = date;
			tlen -= 10;
			while (tlen > 0 && (title[tlen - 1] == ' ' || title[tlen - 1] == '|'))
				tlen--;
		} else if (lk->line < pt->nlines && (ll = strlen(line_at(pt, lk->line))) > 10 &&
		    isdigit((unsigned char)line_at(pt, lk->line)[ll - 10]) &&
		    is_date_line(line_at(pt, lk->line) + ll - 10, date)) {
			d = date;
		} else if (lk->line < pt->nlines && scio_date_find(line_at(pt, lk->line), date, NULL)) {
			d = date;
		} else if (lk->line + 1 < pt->nlines && is_date_line(line_at(pt, lk->line + 1), date)) {
			d = date;
		}
		t = scio_strndup(title, tlen);
		add_item(pg, url, t, d);
		free(t);
	}
}

static int
count_bullets(const struct scio_page_text *pt, size_t from, size_t end)
{
	int n = 0;

	for (size_t i = from; i < end; i++)
		if (pt->lines[i].href && skip_bullet(line_at(pt, i)) != line_at(pt, i))
			n++;
	return n;
}

/* A notice: "Notice of SCIO press conference on June 17 (10 a.m.)". */
static void
read_notice(struct scio_page *pg)
{
	int month, day;
	const char *paren;

	if (pg->title && scio_monthday_find(pg->title, &month, &day) && pg->date == NULL) {
		int year = pg->published ? (int)strtol(pg->published, NULL, 10) : 0;

		if (year > 0) {
			char d[32];
			int pm = (int)strtol(pg->published + 5, NULL, 10);

			/* a notice comes before its conference */
			if (month < pm - 6)
				year++;
			snprintf(d, sizeof(d), "%04d-%02d-%02d", year, month, day);
			pg->date = scio_strdup(d);
		}
	}
	if (pg->title && (paren = strchr(pg->title, '(')) != NULL) {
		char clock[6];
		const char *e;

		if (parse_clock(paren + 1, clock, &e))
			set_str(&pg->time, clock, 5);
	}
	for (size_t i = 0; i < pg->nparas; i++) {
		const char *s = pg->paras[i];

		if (strncmp(s, "Venue:", 6) == 0 || strncmp(s, "Venue\xEF\xBC\x9A", 8) == 0)
			set_str(&pg->place, s + (s[5] == ':' ? 6 : 8),
			    strlen(s + (s[5] == ':' ? 6 : 8)));
		else if (pg->summary == NULL && strchr(s, ':') == NULL &&
		    count_words(s, strlen(s)) > 6)
			set_str(&pg->summary, s, strlen(s));
	}
}

/* The conference date from a summary: "held a press conference on July
 * 22 in Beijing", with the year from the published date. */
static void
date_from_summary(struct scio_page *pg)
{
	const char *on;
	int month, day, year;
	char d[32];

	if (pg->date || pg->summary == NULL || pg->published == NULL)
		return;
	on = scio_strcasestr(pg->summary, "conference on ");
	if (on == NULL)
		on = scio_strcasestr(pg->summary, " on ");
	if (on == NULL || !scio_monthday_find(on, &month, &day))
		return;
	if (scio_date_find(on, d, NULL) == NULL) {
		year = (int)strtol(pg->published, NULL, 10);
		/* held before it was published: a December conference
		 * published in January belongs to the year before */
		if (month * 100 + day > (int)strtol(pg->published + 5, NULL, 10) * 100 + (int)strtol(pg->published + 8, NULL, 10))
			year--;
		snprintf(d, sizeof(d), "%04d-%02d-%02d", year, month, day);
	}
	pg->date = scio_strdup(d);
}

static int
is_truncated(const char *raw, size_t n)
{
	size_t from = n > 4096 ? n - 4096 : 0;

	for (size_t i = from; i + 6 <= n; i++)
		if (raw[i] == '<' && raw[i + 1] == '/' &&
		    (strncasecmp(raw + i + 2, "html", 4) == 0 ||
		    (i + 7 <= n && strncasecmp(raw + i + 2, "body", 4) == 0)))
			return 0;
	return 1;
}

static int
body_has_labels(const struct scio_page *pg)
{
	int n = 0;

	for (size_t i = 0; i < pg->nparas; i++) {
		const char *rest;
		size_t len = strlen(pg->paras[i]), k;

		if (scio_label_alone(pg->paras[i], len))
			n++;
		else if ((k = scio_label_inline(pg->paras[i], len, &rest)) != 0 &&
		    (scio_name_like(pg->paras[i], k) || scio_outlet_like(pg->paras[i], k)))
			n++;
	}
	return n >= 2;
}

int
scio_page_read(const struct scio_page_text *pt, const char *url,
    const char *raw, size_t rawlen, struct scio_page *pg)
{
	size_t end = pt->nlines, start, body, captions = 0;
	long t;
	int top;

	memset(pg, 0, sizeof(*pg));
	pg->url = scio_strdup(url ? url : "");
	pg->doc = scio_url_doc(pg->url, &pg->pageno);
	pg->truncated = is_truncated(raw, rawlen);
	t = find_title(pt, pg);
	start = t >= 0 ? (size_t)t + 1 : 0;

	/* the article ends at the pagination bar or the related links */
	for (size_t i = start; i < pt->nlines; i++) {
		if (is_pager(line_at(pt, i), &top)) {
			if (top > pg->npages)
				pg->npages = top;
			if (end == pt->nlines)
				end = i;
		} else if (end == pt->nlines && is_end_marker(line_at(pt, i))) {
			end = i;
		}
	}
	/* links to this conference's other pages tell the count too */
	for (size_t k = 0; pg->doc && k < pt->nlinks; k++) {
		int pno;
		char *u = resolve(pg->url, pt->links[k].href);
		char *d = scio_url_doc(u, &pno);

		if (d && strcmp(d, pg->doc) == 0 && pno > pg->npages &&
		    pt->links[k].line >= start)
			pg->npages = pno;
		free(d);
		free(u);
	}
	if (pg->npages > 0 && pg->pageno > pg->npages)
		pg->npages = pg->pageno;

	body = read_header(pt, pg, start, end);
	if (pg->title && scio_startswith_ci(pg->title, "Notice of"))
		pg->kind = SCIO_KIND_NOTICE;
	else if (count_bullets(pt, start, end) >= 2 ||
	    (pg->title && strcasecmp(pg->title, "Press Conference Transcripts") == 0) ||
	    (pg->doc && strncmp(pg->doc, "node_8021725", 12) == 0))
		pg->kind = SCIO_KIND_LISTING;

	if (pg->kind == SCIO_KIND_LISTING) {
		read_items(pt, pg, start, end);
		return 0;
	}
	if (pg->kind != SCIO_KIND_NOTICE)
		body = read_participants(pt, pg, body, end);
	for (size_t i = start; i < end; i++)
		if (is_caption(line_at(pt, i)))
			captions++;
	for (size_t i = body; i < end; i++) {
		const char *s = line_at(pt, i);

		if (is_chrome(s) || is_caption(s) || is_zh_link(s))
			continue;
		add_para(pg, s);
	}
	date_from_summary(pg);

	if (pg->kind == SCIO_KIND_NOTICE) {
		read_notice(pg);
	} else if ((pg->doc && strncmp(pg->doc, "node_", 5) == 0) ||
	    (pg->place && pg->time)) {
		pg->kind = SCIO_KIND_CONFERENCE;
	} else if (pg->pageno > 1 && pg->npages == 0 && pg->nparas == 0 && captions > 0) {
		/* a photo page: content_NNN_K holding only a caption */
		pg->kind = SCIO_KIND_ARTICLE;
		for (size_t i = start; i < end; i++)
			if (is_caption(line_at(pt, i)))
				add_para(pg, line_at(pt, i));
	} else if (pg->has_participants || pg->pageno > 1 || body_has_labels(pg)) {
		pg->kind = SCIO_KIND_TRANSCRIPT;
	} else {
		pg->kind = SCIO_KIND_ARTICLE;
	}
	if (pg->title == NULL && !pg->has_participants && pg->kind == SCIO_KIND_ARTICLE) {
		scio_page_free(pg);
		return -1;
	}
	return 0;
}

void
scio_page_free(struct scio_page *pg)
{
	char **strs[] = {
		&pg->url, &pg->doc, &pg->title, &pg->category, &pg->summary,
		&pg->source, &pg->published, &pg->date, &pg->time, &pg->place,
		&pg->zh_url, &pg->file,
	};

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		/* cppcheck-suppress shadowVariable ; it misreads strs[] as two */
		free(*strs[i]);
	for (size_t i = 0; i < pg->nspeakers; i++)
		scio_person_free(&pg->speakers[i]);
	for (size_t i = 0; i < pg->nchair; i++)
		scio_person_free(&pg->chair[i]);
	free(pg->speakers);
	free(pg->chair);
	for (size_t i = 0; i < pg->nparas; i++)
		free(pg->paras[i]);
	free(pg->paras);
	for (size_t i = 0; i < pg->nitems; i++) {
		free(pg->items[i].url);
		free(pg->items[i].title);
		free(pg->items[i].date);
	}
	free(pg->items);
	memset(pg, 0, sizeof(*pg));
}
