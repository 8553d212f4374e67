/* turns.c: the label and role passes over one conference: its pages'
 * paragraphs cut into turns at speaker labels, each speaker found once,
 * roles decided from the conversation (roles.c), questions numbered. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/record/record.h"
#include "scio/parse/label.h"
#include "scio/parse/passes.h"
#include "scio/base/text.h"
#include "scio/parse/turns.h"

/* --- people ----------------------------------------------------------- */

#define AMBIGUOUS ((void *)-1)

static void
index_put(struct scio_strmap *m, const char *s, size_t n, size_t i)
{
	char *k = scio_strndup_lower(s, n);
	void *old = scio_strmap_get(m, k);

	if (old == NULL)
		scio_strmap_put(m, k, (void *)(i + 1));
	else if (old != (void *)(i + 1))
		scio_strmap_put(m, k, AMBIGUOUS);
	free(k);
}

static long
index_get(const struct scio_strmap *m, const char *s, size_t n)
{
	char *k = scio_strndup_lower(s, n);
	void *v = scio_strmap_get(m, k);

	free(k);
	return v == NULL || v == AMBIGUOUS ? -1 : (long)((size_t)v - 1);
}

/* Adds a speaker (a participant when p is set); returns its index. */
static size_t
cast_add(struct scio_cast *cast, const char *name, size_t n,
    const struct scio_person *p, int chair)
{
	long have = index_get(&cast->by_name, name, n);
	size_t i;

	if (have >= 0)
		return (size_t)have;
	if (cast->n == cast->cap) {
		/* two arrays side by side, of one capacity */
		size_t cap = cast->cap;

		SCIO_ALLOC_GROW(cast->sp, cast->n + 1, cap);
		SCIO_ALLOC_GROW(cast->person, cast->n + 1, cast->cap);
	}
	i = cast->n++;
	memset(&cast->sp[i], 0, sizeof(cast->sp[i]));
	cast->sp[i].name = p ? p->name : NULL;	/* a label's is set by the caller */
	cast->sp[i].listed = p != NULL;
	cast->sp[i].listed_chair = p != NULL && chair;
	cast->person[i] = p;
	index_put(&cast->by_name, name, n, i);
	if (p)
		index_put(&cast->by_surname, name, strcspn(name, " "), i);
	return i;
}

static void
cast_free(struct scio_cast *cast)
{
	free(cast->sp);
	free(cast->person);
	scio_strmap_free(&cast->by_name);
	scio_strmap_free(&cast->by_surname);
	scio_strmap_free(&cast->labels);
}

/* The participant a label names: the full name, with or without an
 * honorific, or a surname alone ("Mr. Liu") when only one person has it. */
long
scio_cast_participant(const struct scio_cast *cast, const char *label, size_t n)
{
	size_t h = scio_honorific_len(label);
	long i;

	if (h < n) {
		label += h;
		n -= h;
	}
	i = index_get(&cast->by_name, label, n);
	if (i >= 0 && cast->person[i])
		return i;
	i = index_get(&cast->by_surname, label, n);
	return i >= 0 && cast->person[i] ? i : -1;
}

static int
cast_has_label(const struct scio_cast *cast, const char *s, size_t n)
{
	char *k = scio_strndup(s, n);
	int has = scio_strmap_get(&cast->labels, k) != NULL;

	free(k);
	return has;
}

static void
cast_add_label(struct scio_cast *cast, const char *s, size_t n)
{
	char *k = scio_strndup(s, n);

	scio_strmap_put(&cast->labels, k, (void *)1);
	free(k);
}

/* Whether a paragraph opening "Name: text" gives its turn a label. The
 * same evidence as a label alone: markup, the participants, the label
 * seen elsewhere in the conference, the page's way of labelling (inline
 * everywhere), and the shape of a name or an outlet's name. */
static int
inline_label_ok(const struct scio_cast *cast, const struct scio_para *para, size_t n,
    const char *rest, int inline_style)
{
	const char *s = para->text;
	unsigned char r = (unsigned char)*rest;

	if (para->lead >= n)
		return 1;
	if (!(isupper(r) || isdigit(r) || r == '"' || r >= 0x80))
		return 0;
	if (scio_cast_participant(cast, s, n) >= 0 || cast_has_label(cast, s, n))
		return 1;
	if (memchr(s, ' ', n) && scio_outlet_like(s, n) && !scio_name_like(s, n))
		return 1;
	if (inline_style && (scio_name_like(s, n) || scio_outlet_like(s, n)))
		return 1;
	if (cast->labels.n == 0 && scio_name_like(s, n))
		return 1;
	/* one word in capitals: an acronym such as CNR */
	if (memchr(s, ' ', n) == NULL && n >= 2) {
		for (size_t i = 0; i < n; i++)
			if (!isupper((unsigned char)s[i]))
				return 0;
		return 1;
	}
	return 0;
}

/* --- cutting the text into turns --------------------------------------- */

static struct scio_turn *
new_turn(struct scio_turns *ts, const struct scio_page *pg, const char *label, size_t n)
{
	struct scio_turn *t;

	SCIO_ALLOC_GROW(ts->t, ts->n + 1, ts->cap);
	t = &ts->t[ts->n++];
	memset(t, 0, sizeof(*t));
	t->page = pg->pageno;
	t->url = pg->url;
	t->label = label ? scio_strndup(label, n) : NULL;
	t->speaker = -1;
	return t;
}

static void
add_text(struct scio_turn *t, const char *s)
{
	if (*s == '\0')
		return;
	if (t->text.len > 0)
		scio_buf_add(&t->text, "\n\n", 2);
	scio_buf_adds(&t->text, s);
}

/* Whether the conference's pages label turns inline: more paragraphs open
 * with a marked-up or name-shaped "Name:" than labels stand alone. */
static int
labels_inline(const struct scio_conf *c)
{
	size_t alone = 0, inl = 0;

	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		for (size_t i = 0; pg && i < pg->nparas; i++) {
			const struct scio_para *p = &pg->paras[i];

			if (p->alone)
				alone++;
			else if (p->inl && (p->lead >= p->inl || scio_name_like(p->text, p->inl)))
				inl++;
		}
	}
	return inl >= 2 && inl > alone;
}

static void
cut_turns(const struct scio_conf *c, struct scio_cast *cast, struct scio_turns *ts)
{
	struct scio_turn *cur = NULL;
	int inline_style = labels_inline(c);

	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		if (pg == NULL) {
			cur = NULL;	/* a missing page: nothing runs across it */
			continue;
		}
		for (size_t i = 0; i < pg->nparas; i++) {
			const struct scio_para *para = &pg->paras[i];
			const char *s = para->text;

			if (para->alone) {
				cur = new_turn(ts, pg, s, para->alone);
				continue;
			}
			if (para->inl && inline_label_ok(cast, para, para->inl, s + para->rest,
			    inline_style)) {
				cur = new_turn(ts, pg, s, para->inl);
				add_text(cur, s + para->rest);
				continue;
			}
			if (cur == NULL)
				cur = new_turn(ts, pg, NULL, 0);
			add_text(cur, s);
		}
	}
}

/* Gives each labelled turn its speaker: a participant the label names, or
 * a speaker of its own, one per distinct label. */
static void
find_speakers(struct scio_turns *ts, struct scio_cast *cast)
{
	for (size_t i = 0; i < ts->n; i++) {
		struct scio_turn *t = &ts->t[i];
		size_t n;

		if (t->label == NULL)
			continue;
		n = strlen(t->label);
		t->speaker = scio_cast_participant(cast, t->label, n);
		if (t->speaker < 0) {
			t->speaker = (long)cast_add(cast, t->label, n, NULL, 0);
			if (cast->sp[t->speaker].name == NULL)
				cast->sp[t->speaker].name = t->label;
		}
	}
}

/* Without a chair in the participants block (old pages list people with
 * no headings), the chair is the listed person who speaks first. */
static void
first_listed_chairs(const struct scio_turns *ts, struct scio_cast *cast)
{
	for (size_t i = 0; i < cast->n; i++)
		if (cast->sp[i].listed_chair)
			return;
	for (size_t i = 0; i < ts->n; i++) {
		long w = ts->t[i].speaker;

		if (w < 0)
			continue;
		if (cast->person[w])
			cast->sp[w].listed_chair = 1;
		return;
	}
}

static void
number_questions(struct scio_turns *ts, const struct scio_cast *cast)
{
	int qa = 0;
	long prev = -2;

	for (size_t i = 0; i < ts->n; i++) {
		struct scio_turn *t = &ts->t[i];
		int media = t->speaker >= 0 ?
		    strcmp(cast->sp[t->speaker].role, SCIO_ROLE_MEDIA) == 0 :
		    scio_text_asks(scio_buf_str(&t->text));

		/* a question that runs on under the same label is one */
		if (media && !(t->speaker >= 0 && t->speaker == prev))
			qa++;
		t->qa = qa;
		prev = media ? t->speaker : -2;
	}
}

/* The role of a turn as records spell it. */
const char *
scio_turn_role(const struct scio_turn *t, const struct scio_cast *cast)
{
	if (t->speaker >= 0)
		return cast->sp[t->speaker].role;
	return scio_text_asks(scio_buf_str(&t->text)) ? SCIO_ROLE_MEDIA : SCIO_ROLE_OTHER;
}

/* Whether a turn holds only what a header or a menu holds: short lines
 * none of which is a sentence. */
static int
header_like(const struct scio_turn *t)
{
	const char *p = scio_buf_str(&t->text);

	while (*p) {
		const char *e = strstr(p, "\n\n");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *para = scio_strndup(p, n);
		int sentence = scio_sentence_like(para);

		free(para);
		if (sentence)
			return 0;
		p += n + (e ? 2 : 0);
	}
	return 1;
}

/* Silent loss is a bug: a page of a transcript that gave no labelled
 * turn, or a conference whose first turn is only header-like lines, is
 * said on stderr (the page was read: the exit status stays 0). */
static void
warn_unread(const struct scio_conf *c, const struct scio_turns *ts)
{
	if (c->warned)
		return;
	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];
		int labelled = 0;

		if (pg == NULL || pg->kind != SCIO_KIND_TRANSCRIPT)
			continue;
		for (size_t i = 0; i < ts->n && !labelled; i++)
			labelled = ts->t[i].page == pg->pageno && ts->t[i].label != NULL;
		if (!labelled)
			scio_warn("%s: no speaker label found on this page%s; "
			    "see scio-parse --explain", pg->url,
			    pg->nparas ? " (its text is kept in the turn before)" : " and no text");
	}
	if (ts->n > 0 && ts->t[0].label == NULL && header_like(&ts->t[0]))
		scio_warn("%s: the first turn holds only short lines a header or menu "
		    "would; see scio-parse --explain", ts->t[0].url);
}

/* Builds the turns of a conference. */
void
scio_turns_build(const struct scio_conf *c, struct scio_turns *ts, struct scio_cast *cast)
{
	struct scio_role_turn *rt;
	int known = 0;

	memset(ts, 0, sizeof(*ts));
	memset(cast, 0, sizeof(*cast));
	for (int chair = 1; chair >= 0; chair--)
		for (size_t k = 0; k < c->npages; k++) {
			const struct scio_page *pg = c->pages[k];
			const struct scio_person *p = pg ? (chair ? pg->chair : pg->speakers) : NULL;
			size_t np = pg ? (chair ? pg->nchair : pg->nspeakers) : 0;

			for (size_t i = 0; i < np; i++)
				cast_add(cast, p[i].name, strlen(p[i].name), &p[i], chair);
		}
	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		for (size_t i = 0; pg && i < pg->nparas; i++) {
			const struct scio_para *p = &pg->paras[i];
			size_t n = p->alone ? p->alone :
			    (p->inl && p->lead >= p->inl ? p->inl : 0);

			if (n)
				cast_add_label(cast, p->text, n);
		}
		known |= pg ? pg->has_participants : 0;
	}
	cut_turns(c, cast, ts);
	find_speakers(ts, cast);
	if (known)
		first_listed_chairs(ts, cast);
	rt = scio_reallocarray(NULL, ts->n ? ts->n : 1, sizeof(*rt));
	for (size_t i = 0; i < ts->n; i++) {
		rt[i].speaker = ts->t[i].speaker;
		rt[i].text = scio_buf_str(&ts->t[i].text);
	}
	scio_roles_decide(cast->sp, cast->n, rt, ts->n);
	free(rt);
	number_questions(ts, cast);
	warn_unread(c, ts);
}

void
scio_turns_free(struct scio_turns *ts, struct scio_cast *cast)
{
	cast_free(cast);
	for (size_t i = 0; i < ts->n; i++) {
		free(ts->t[i].label);
		scio_buf_free(&ts->t[i].text);
	}
	free(ts->t);
}

