/* header.c: the header pass. The lines before a page's first turn are
 * read as a set of fields (title, category, summary, source and published
 * date, time and place, the Chinese version's link, participants, the
 * conference's date), each taken wherever its line stands. A line no
 * field takes is skipped and does not stop the scan; a field the page
 * does not show plainly stays NULL. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/parse/label.h"
#include "scio/parse/lexicon.h"
#include "scio/parse/passes.h"
#include "scio/base/text.h"
#include "scio/base/url.h"

#define IDEO_BAR "\xE4\xB8\xA8"	/* 丨, the mobile source line's bar */
#define TITLE_MAX 200		/* a longer line is a paragraph */

/* --- one line, one field ---------------------------------------------- */

/* "China.org.cnUpdated:  August 13, 2024", "China.org.cn | May 8, 2025",
 * "China SCIO丨Updated: ...", "China.org.cn, December 10, 2019". */
static int
source_line(const char *s, struct scio_page *pg)
{
	char date[11];
	const char *start, *end, *upd = NULL;
	size_t n;

	for (const char *const *u = scio_lex_updated; *u && upd == NULL; u++)
		upd = scio_strcasestr(s, *u);
	if (upd != NULL) {
		const char *after = upd + strlen("Updated");

		while (*after == ' ')
			after++;
		if (*after != ':' && strncmp(after, "\xEF\xBC\x9A", 3) != 0)
			return 0;
		if (scio_date_find(after, date, NULL) == NULL)
			return 0;
		n = (size_t)(upd - s);
	} else {
		end = scio_date_find(s, date, &start);
		if (end == NULL || start == s)
			return 0;
		while (*end == ' ' || *end == '.')
			end++;
		if (*end != '\0')
			return 0;
		n = (size_t)(start - s);
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == ','))
		n--;
	if (n >= 3 && strncmp(s + n - 3, IDEO_BAR, 3) == 0)
		n -= 3;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* a publisher's name, not the end of a title fused with its date */
	if (upd == NULL && (n == 0 || scio_word_count(s, n) > 5 || memchr(s, ':', n) ||
	    (!isupper((unsigned char)s[0]) && !scio_lex_prefix(scio_lex_source, s, 0))))
		return 0;
	scio_field_set(&pg->source, s, n);
	scio_field_set(&pg->published, date, 10);
	return 1;
}

/* "Beijing | 10 a.m. July 22, 2024" */
static int
time_line(const char *s, struct scio_page *pg)
{
	const char *bar = strchr(s, '|'), *p, *end;
	char clock[6], date[11];

	if (bar == NULL || bar == s || scio_word_count(s, (size_t)(bar - s)) > 4)
		return 0;
	p = bar + 1;
	while (*p == ' ')
		p++;
	if (!scio_clock_parse(p, clock, &end) || scio_date_find(end, date, NULL) == NULL)
		return 0;
	scio_field_set(&pg->place, s, (size_t)(bar - s));
	scio_field_set(&pg->time, clock, 5);
	scio_field_set(&pg->date, date, 10);
	return 1;
}

enum section { SEC_NONE, SEC_SPEAKERS, SEC_CHAIR, SEC_DATE };

/* "Speakers:", "Chairperson", "Date: July 22, 2024": the section and, in
 * *rest, the text after the heading ("" if none). */
static enum section
section_heading(const char *s, const char **rest)
{
	static const struct {
		const char *const *words;
		enum section sec;
	} heads[] = {
		{scio_lex_speakers_heading, SEC_SPEAKERS},
		{scio_lex_chair_heading, SEC_CHAIR},
		{scio_lex_date_heading, SEC_DATE},
	};

	for (size_t i = 0; i < LEN(heads); i++) {
		for (const char *const *w = heads[i].words; *w; w++) {
			size_t n = strlen(*w);
			const char *p = s + n;

			if (strncasecmp(s, *w, n) != 0)
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
	}
	return SEC_NONE;
}

static int
has_person(const struct scio_person *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i].name, name) == 0)
			return 1;
	return 0;
}

/* Adds p (taking its strings) unless the name is there; a person listed
 * twice (a conference page) fills the gaps of the first listing. */
static void
add_person(struct scio_person **list, size_t *n, size_t *cap,
    struct scio_person *p)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcasecmp((*list)[i].name, p->name) != 0)
			continue;
		if ((*list)[i].honorific == NULL && p->honorific)
			(*list)[i].honorific = p->honorific, p->honorific = NULL;
		if ((*list)[i].title == NULL && p->title)
			(*list)[i].title = p->title, p->title = NULL;
		scio_person_free(p);
		return;
	}
	SCIO_ALLOC_GROW(*list, *n + 1, *cap);
	(*list)[(*n)++] = *p;
}

/* What the scan carries from line to line. */
struct scan {
	struct scio_page_text *pt;
	struct scio_page *pg;
	enum section sec;
	int persons;		/* people read since the last heading or date */
	long last_field;	/* the last line a field took, or -1 */
};

static void
take(struct scan *sc, size_t i, enum scio_claim c, const char *why)
{
	scio_line_claim(sc->pt, i, c, why);
	sc->last_field = (long)i;
}

/* The participants block: headings, people, the date (and a time). */
static int
participant_line(struct scan *sc, size_t i, const char *s)
{
	struct scio_page *pg = sc->pg;
	enum section h;
	const char *rest;
	char date[11], clock[6];
	struct scio_person p;

	if ((h = section_heading(s, &rest)) != SEC_NONE) {
		sc->sec = h;
		sc->persons = 0;
		take(sc, i, SCIO_CLAIM_PARTICIPANT, "a heading of the participants");
		if (*rest == '\0')
			return 1;
		s = rest;
	}
	if ((sc->sec != SEC_NONE || sc->persons > 0) && scio_date_line(s, date)) {
		scio_field_set(&pg->date, date, 10);
		sc->sec = SEC_NONE;
		sc->persons = 0;
		take(sc, i, SCIO_CLAIM_PARTICIPANT, "the conference's date");
		return 1;
	}
	if (sc->sec == SEC_DATE) {
		const char *e;

		if (scio_clock_parse(s, clock, &e)) {
			scio_field_set(&pg->time, clock, 5);
			take(sc, i, SCIO_CLAIM_PARTICIPANT, "the conference's time");
			return 1;
		}
	}
	/* outside the block, a sentence that opens with a person ("Mr. Lu,
	 * head of ..., briefed the press ...") is a summary, not a listing */
	if (sc->sec == SEC_NONE && s[strlen(s) - 1] == '.' && scio_sentence_like(s))
		return h != SEC_NONE;
	if (scio_person_parse(s, &p) < 0)
		return h != SEC_NONE;
	if (sc->sec != SEC_SPEAKERS && sc->sec != SEC_CHAIR && p.title == NULL) {
		scio_person_free(&p);	/* a bare name outside the block */
		return h != SEC_NONE;
	}
	if (sc->sec == SEC_CHAIR && !has_person(pg->speakers, pg->nspeakers, p.name))
		add_person(&pg->chair, &pg->nchair, &pg->chaircap, &p);
	else if (!has_person(pg->chair, pg->nchair, p.name))
		add_person(&pg->speakers, &pg->nspeakers, &pg->speakerscap, &p);
	else
		scio_person_free(&p);
	sc->persons++;
	take(sc, i, SCIO_CLAIM_PARTICIPANT, sc->sec == SEC_CHAIR ? "the chair" : "a participant");
	return 1;
}

/* Whether line i opens the transcript: a label alone, or a label leading
 * a paragraph with markup or a name's or outlet's shape. */
static int
opens_turns(const struct scio_line *ln)
{
	size_t n = ln->inl;

	if (ln->alone)
		return 1;
	if (n == 0)
		return 0;
	if (ln->lead >= n)
		return 1;
	return memchr(ln->text, ' ', n) != NULL &&
	    (scio_name_like(ln->text, n) || scio_outlet_like(ln->text, n));
}

static void
resolve_zh(struct scio_page *pg, const struct scio_line *ln)
{
	char *u;

	if (ln->href == NULL || pg->zh_url != NULL)
		return;
	u = scio_url_resolve(pg->url, ln->href);
	pg->zh_url = u ? u : scio_strdup(ln->href);
}

/* One header line: returns 1 when a field took it. */
static int
field_line(struct scan *sc, size_t i)
{
	struct scio_page_text *pt = sc->pt;
	struct scio_page *pg = sc->pg;
	const struct scio_line *ln = &pt->lines[i];
	const char *s = ln->text + scio_tools_skip(ln->text);
	char date[11];

	if (scio_zh_like(s)) {
		resolve_zh(pg, ln);
		take(sc, i, SCIO_CLAIM_HEADER, "the Chinese version's link");
	} else if (scio_caption_like(s)) {
		take(sc, i, SCIO_CLAIM_HEADER, "a photo caption");
	} else if (participant_line(sc, i, s)) {
		;
	} else if (time_line(s, pg)) {
		take(sc, i, SCIO_CLAIM_HEADER, "the time and place");
	} else if (source_line(s, pg)) {
		take(sc, i, SCIO_CLAIM_HEADER, "the source and published date");
	} else if (scio_lex_is(scio_lex_source, s, strlen(s)) && pg->source == NULL) {
		scio_field_set(&pg->source, s, strlen(s));
		take(sc, i, SCIO_CLAIM_HEADER, "the source");
	} else if (scio_date_line(s, date) && pg->published == NULL) {
		scio_field_set(&pg->published, date, 10);
		take(sc, i, SCIO_CLAIM_HEADER, "the published date");
	} else if (scio_date_line(s, date) && pg->published &&
	    strcmp(pg->published, date) == 0) {
		take(sc, i, SCIO_CLAIM_HEADER, "the published date again");
	} else if (scio_lex_is(scio_lex_category, s, strlen(s))) {
		scio_field_set(&pg->category, s, strlen(s));
		take(sc, i, SCIO_CLAIM_HEADER, "the category");
	} else {
		return 0;
	}
	return 1;
}

/* --- the title and the summary ---------------------------------------- */

/* Whether a line may be a title at all. */
static int
title_ok(const struct scio_line *ln)
{
	const char *s = ln->text;
	char *tmp;
	struct scio_person p;
	int person;

	if (ln->len > TITLE_MAX || ln->len < 4 || s[ln->len - 1] == '?' ||
	    scio_lex_prefix(scio_lex_end, s, 1) || scio_lex_is(scio_lex_site, s, ln->len) ||
	    scio_lex_is(scio_lex_source, s, ln->len))
		return 0;
	tmp = scio_strndup(s, ln->len);
	person = scio_person_parse(tmp, &p) == 0;
	if (person)
		scio_person_free(&p);
	free(tmp);
	return !person;
}

static int
matches_head(const char *line, const char *ht)
{
	size_t ln = strlen(line), hn = strlen(ht);

	if (ln < 8 || hn < 8)
		return 0;
	return strncasecmp(line, ht, ln < hn ? ln : hn) == 0;
}

static const char *const connector_end[] = {
	" and", " of", " for", " on", " the", " to", " in", " with", " a", ":", ",",
	" at", " by", " from", NULL,
};

/* Whether next continues title (a title split over two lines). */
static int
title_goes_on(const char *title, const struct scio_line *next, const char *ht)
{
	size_t tn = strlen(title);

	if (next->claim != SCIO_CLAIM_UNREAD || scio_sentence_like(next->text) ||
	    next->len > TITLE_MAX || scio_line_is_link(next))
		return 0;
	if (ht && strlen(ht) > tn + 1 && strncasecmp(ht, title, tn) == 0 &&
	    strncasecmp(ht + tn + 1, next->text, next->len) == 0)
		return 1;
	if (islower((unsigned char)next->text[0]) || isdigit((unsigned char)next->text[0]))
		return 1;
	for (const char *const *c = connector_end; *c; c++) {
		size_t cn = strlen(*c);

		if (tn > cn && strcasecmp(title + tn - cn, *c) == 0)
			return 1;
	}
	return 0;
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
	scio_field_set(&pg->published, date, 10);
	while (bar > title->s && bar[-1] == ' ')
		bar--;
	title->len = (size_t)(bar - title->s);
	title->s[title->len] = '\0';
}

/* The title line among [start, stop): the one the <title> names, else a
 * heading, else a line marked as a title; when the <title> says nothing
 * (the site's name alone), the first plain line standing before a field.
 * Returns its index or -1. */
static long
find_title(const struct scio_page_text *pt, size_t start, size_t stop,
    const char *ht, long last_field)
{
	static const unsigned marks[] = {SCIO_LINE_HEADING, SCIO_LINE_TITLEISH};

	for (size_t i = start; ht && i < stop; i++)
		if (pt->lines[i].claim == SCIO_CLAIM_UNREAD && title_ok(&pt->lines[i]) &&
		    matches_head(pt->lines[i].text, ht))
			return (long)i;
	for (size_t m = 0; m < LEN(marks); m++)
		for (size_t i = start; i < stop; i++)
			if (pt->lines[i].claim == SCIO_CLAIM_UNREAD &&
			    (pt->lines[i].flags & marks[m]) && title_ok(&pt->lines[i]) &&
			    !scio_sentence_like(pt->lines[i].text))
				return (long)i;
	if (ht != NULL)
		return -1;	/* the <title> is better than a guess by position */
	for (size_t i = start; (long)i < last_field && i < stop; i++)
		if (pt->lines[i].claim == SCIO_CLAIM_UNREAD && title_ok(&pt->lines[i]) &&
		    !scio_sentence_like(pt->lines[i].text) &&
		    scio_word_count(pt->lines[i].text, pt->lines[i].len) >= 3)
			return (long)i;
	return -1;
}

static void
read_title(struct scan *sc, size_t start, size_t stop, const char *ht)
{
	struct scio_page_text *pt = sc->pt;
	struct scio_buf title = {0};
	long t = find_title(pt, start, stop, ht, sc->last_field);

	if (t >= 0) {
		scio_buf_adds(&title, pt->lines[t].text);
		scio_line_claim(pt, (size_t)t, SCIO_CLAIM_HEADER, "the title");
		if ((size_t)t + 1 < stop && title_goes_on(title.s, &pt->lines[t + 1], ht)) {
			scio_buf_addc(&title, ' ');
			scio_buf_adds(&title, pt->lines[t + 1].text);
			scio_line_claim(pt, (size_t)t + 1, SCIO_CLAIM_HEADER, "the title's second line");
		}
	} else if (ht && ht[strlen(ht) - 1] != '?' && strlen(ht) <= TITLE_MAX) {
		scio_buf_adds(&title, ht);
	}
	if (title.len) {
		split_title_date(sc->pg, &title);
		if (title.len)
			sc->pg->title = scio_buf_take(&title);
	}
	scio_buf_free(&title);
}

/* Whether s reads as a sentence, a date glued on its end aside. */
static int
sentence_dated(const char *s)
{
	const char *start;
	char d[11], *head;
	int yes;

	if (scio_sentence_like(s))
		return 1;
	if (scio_date_find(s, d, &start) == NULL || start == s || !scio_date_line(start, d))
		return 0;
	head = scio_strndup(s, (size_t)(start - s));
	yes = scio_sentence_like(head);
	free(head);
	return yes;
}

/* The summary: a sentence among the header's fields, one that speaks of
 * the conference preferred. A date glued on its end is the published
 * date. */
static void
read_summary(struct scan *sc, size_t start, size_t stop)
{
	struct scio_page_text *pt = sc->pt;
	struct scio_buf sum = {0};
	const char *dstart;
	char d[11];
	long pick = -1;

	for (size_t i = start; (long)i < sc->last_field && i < stop; i++) {
		const struct scio_line *ln = &pt->lines[i];

		if (ln->claim != SCIO_CLAIM_UNREAD || !sentence_dated(ln->text) ||
		    (ln->flags & SCIO_LINE_HEADING))
			continue;
		if (pick < 0 || (scio_lex_within(scio_lex_summary, ln->text) &&
		    !scio_lex_within(scio_lex_summary, pt->lines[pick].text)))
			pick = (long)i;
	}
	/* or the first sentence after them, opening as summaries do */
	for (size_t i = (size_t)(sc->last_field + 1); pick < 0 && i < stop; i++) {
		const struct scio_line *ln = &pt->lines[i];

		if (ln->claim != SCIO_CLAIM_UNREAD)
			continue;
		if (sentence_dated(ln->text) &&
		    scio_lex_prefix(scio_lex_summary_opening, ln->text, 1)) {
			pick = (long)i;
			sc->last_field = (long)i;
		}
		break;
	}
	if (pick < 0)
		return;
	scio_line_claim(pt, (size_t)pick, SCIO_CLAIM_HEADER, "the summary");
	scio_buf_adds(&sum, pt->lines[pick].text);
	if (scio_date_find(sum.s, d, &dstart) && dstart > sum.s && scio_date_line(dstart, d)) {
		sum.len = (size_t)(dstart - sum.s);
		while (sum.len > 0 && sum.s[sum.len - 1] == ' ')
			sum.len--;
		sum.s[sum.len] = '\0';
		scio_field_set(&sc->pg->published, d, 10);
	}
	scio_field_set(&sc->pg->summary, sum.s, sum.len);
	scio_buf_free(&sum);
}

size_t
scio_pass_header(struct scio_page_text *pt, struct scio_page *pg,
    const char *head_title, size_t start, size_t end)
{
	struct scan sc = {pt, pg, SEC_NONE, 0, -1};
	size_t stop = end, body;

	for (size_t i = start; i < end; i++) {
		if (pt->lines[i].claim != SCIO_CLAIM_UNREAD)
			continue;
		if (field_line(&sc, i))
			continue;
		if (opens_turns(&pt->lines[i])) {
			stop = i;
			break;
		}
	}
	pg->has_participants = pg->nspeakers + pg->nchair > 0;
	read_title(&sc, start, stop, head_title);
	read_summary(&sc, start, stop);
	pg->header_end = (size_t)(sc.last_field + 1 > (long)start ? sc.last_field + 1 : (long)start);
	/* After the last field, sentences are the transcript going on from
	 * an earlier page; before it, or as a heading, a line no field
	 * takes is skipped. */
	body = stop;
	for (size_t i = start; i < stop; i++) {
		struct scio_line *ln = &pt->lines[i];

		if (ln->claim != SCIO_CLAIM_UNREAD)
			continue;
		if ((long)i > sc.last_field && scio_sentence_like(ln->text) &&
		    !(ln->flags & SCIO_LINE_HEADING)) {
			body = i;
			break;
		}
		scio_line_claim(pt, i, SCIO_CLAIM_SKIPPED, "a header line no field takes");
	}
	return body;
}
