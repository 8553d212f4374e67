/* db_rec.c: a conference gathered from records, checked field by field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/db/db_rec.h"
#include "scio/base/diag.h"
#include "scio/base/jscan.h"
#include "scio/base/jwrite.h"
#include "scio/record/pageid.h"
#include "scio/record/record.h"

static const struct scio_db_str null_str = { 0, 0, 1 };

static struct scio_db_str
arena_add(struct scio_db_conf *c, const char *s, size_t n)
{
	struct scio_db_str r = { c->arena.len, n, 0 };

	scio_buf_add(&c->arena, s, n);
	scio_buf_addc(&c->arena, '\0');	/* SQLite and messages see C strings */
	return r;
}

static const char *
str_at(const struct scio_db_conf *c, struct scio_db_str s)
{
	return s.null ? NULL : c->arena.s + s.off;
}

int
scio_db_conf_same_doc(struct scio_db_conf *c, const struct scio_jmember *doc)
{
	scio_buf_reset(&c->tmp);
	scio_jmember_str(doc, &c->tmp);
	return c->tmp.len == c->doc.len && memcmp(c->tmp.s, c->doc.s, c->doc.len) == 0;
}

/* A scanned string-or-null member; returns -1 for another type. */
static int
scanned_str(struct scio_db_conf *c, struct scio_jobj *obj, const char *key,
    struct scio_db_str *out)
{
	const struct scio_jmember *m = scio_jobj_get(obj, key);

	*out = null_str;
	if (m == NULL || m->type == SCIO_JNULL)
		return 0;
	if (m->type != SCIO_JSTRING)
		return -1;
	out->off = c->arena.len;
	out->null = 0;
	scio_jmember_str(m, &c->arena);
	out->len = c->arena.len - out->off;
	scio_buf_addc(&c->arena, '\0');
	return 0;
}

/* A scanned integer-or-null member; returns -1 for another type. */
static int
scanned_int(struct scio_jobj *obj, const char *key, long long *v, int *have)
{
	const struct scio_jmember *m = scio_jobj_get(obj, key);

	*have = 0;
	*v = 0;
	if (m == NULL || m->type == SCIO_JNULL)
		return 0;
	if (!scio_jint(m, v))
		return -1;
	*have = 1;
	return 0;
}

static struct scio_db_turn *
new_turn(struct scio_db_conf *c)
{
	SCIO_ALLOC_GROW(c->turns, c->nturns + 1, c->tcap);
	memset(&c->turns[c->nturns], 0, sizeof(c->turns[0]));
	return &c->turns[c->nturns];
}

void
scio_db_conf_add_turn(struct scio_db_conf *c, struct scio_jobj *obj,
    const struct scio_input *in)
{
	struct scio_db_turn *t = new_turn(c);
	size_t mark = c->arena.len;
	struct scio_db_str title, doc;
	const char *bad = NULL;
	int have_seq;

	if (scanned_str(c, obj, "doc", &doc) < 0 || doc.null)
		bad = "doc";
	else if (scanned_int(obj, "seq", &t->seq, &have_seq) < 0 || !have_seq || t->seq < 0)
		bad = "seq";
	else if (scanned_int(obj, "page", &t->page, &t->has_page) < 0)
		bad = "page";
	else if (scanned_int(obj, "qa", &t->qa, &t->has_qa) < 0)
		bad = "qa";
	else if (scanned_str(c, obj, "url", &t->url) < 0)
		bad = "url";
	else if (scanned_str(c, obj, "title", &title) < 0)
		bad = "title";
	else if (scanned_str(c, obj, "date", &t->date) < 0)
		bad = "date";
	else if (scanned_str(c, obj, "speaker", &t->speaker) < 0)
		bad = "speaker";
	else if (scanned_str(c, obj, "speaker_title", &t->speaker_title) < 0)
		bad = "speaker_title";
	else if (scanned_str(c, obj, "role", &t->role) < 0)
		bad = "role";
	else if (scanned_str(c, obj, "outlet", &t->outlet) < 0)
		bad = "outlet";
	else if (scanned_str(c, obj, "text", &t->text) < 0 || t->text.null)
		bad = "text";
	if (bad != NULL) {
		c->arena.len = mark;
		scio_bad_input(in->name, in->lineno, "turn record: field '%s' is %s; skipped",
		    bad, strcmp(bad, "seq") == 0 ? "not a number from 0" :
		    strcmp(bad, "page") == 0 || strcmp(bad, "qa") == 0 ?
		    "not an integer or null" : strcmp(bad, "text") == 0 || strcmp(bad, "doc") == 0 ?
		    "not a string" : "not a string or null");
		return;
	}
	if (!c->active) {
		c->active = 1;
		c->file = in->name;
		c->lineno = in->lineno;
		scio_buf_reset(&c->doc);
		scio_buf_add(&c->doc, str_at(c, doc), doc.len);
	}
	if (scio_jobj_get(obj, "speaker_title") != NULL)
		c->has_speaker_title = 1;
	if (c->title.null && !title.null)
		c->title = title;
	if (c->date.null && !t->date.null)
		c->date = t->date;
	t->lineno = in->lineno;
	c->nturns++;
}

/* A jansson member as a string-or-null; -1 for another type. */
static int
json_str(struct scio_db_conf *c, const json_t *obj, const char *key, struct scio_db_str *out)
{
	json_t *v = json_object_get(obj, key);

	*out = null_str;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	*out = arena_add(c, json_string_value(v), json_string_length(v));
	return 0;
}

static int
json_int(const json_t *obj, const char *key, long long *v, int *have)
{
	json_t *j = json_object_get(obj, key);

	*have = 0;
	*v = 0;
	if (j == NULL || json_is_null(j))
		return 0;
	if (!json_is_integer(j))
		return -1;
	*v = json_integer_value(j);
	*have = 1;
	return 0;
}

/* speakers or chair: an array of {name, honorific, title}, or null. */
static const char *
doc_people(struct scio_db_conf *c, const json_t *rec, const char *key, int chair)
{
	json_t *a = json_object_get(rec, key), *p;
	size_t i;

	if (a == NULL || json_is_null(a))
		return NULL;
	if (!json_is_array(a))
		return key;
	c->has_participants = 1;
	json_array_foreach(a, i, p) {
		struct scio_db_person *q;

		SCIO_ALLOC_GROW(c->parts, c->nparts + 1, c->pcap);
		q = &c->parts[c->nparts];
		q->chair = chair;
		if (!json_is_object(p) || json_str(c, p, "name", &q->name) < 0 ||
		    json_str(c, p, "honorific", &q->honorific) < 0 ||
		    json_str(c, p, "title", &q->title) < 0)
			return key;
		c->nparts++;
	}
	return NULL;
}

/* The page a transcript URL names: K for .../content_NNN_K.htm(l) (or
 * node_), 1 without the suffix, 0 for any other URL, by the one
 * page-id grammar. */
static long
url_page(const char *url)
{
	struct scio_pageid id;
	long k = 0;

	if (scio_pageid_parse(url, &id) == 0 &&
	    (id.kind == SCIO_PAGE_CONTENT || id.kind == SCIO_PAGE_NODE))
		k = id.page;
	scio_pageid_free(&id);
	return k;
}

/* The url of a page of the conference: the one of urls whose name says
 * it is that page (urls lists only the pages that came). */
static struct scio_db_str
page_url(const json_t *urls, struct scio_db_conf *c, int have, long long page)
{
	json_t *u;
	size_t i;

	if (!have)
		return null_str;
	json_array_foreach(urls, i, u)
		if (url_page(json_string_value(u)) == page)
			return arena_add(c, json_string_value(u), json_string_length(u));
	return null_str;
}

static const char *
doc_turns(struct scio_db_conf *c, const json_t *rec, const json_t *urls, size_t lineno)
{
	json_t *a = json_object_get(rec, "turns"), *o;
	size_t i;
	int have;

	if (a == NULL || json_is_null(a))
		return NULL;
	if (!json_is_array(a))
		return "turns";
	json_array_foreach(a, i, o) {
		struct scio_db_turn *t = new_turn(c);

		if (!json_is_object(o) || json_int(o, "seq", &t->seq, &have) < 0 || !have ||
		    t->seq < 0 || json_int(o, "page", &t->page, &t->has_page) < 0 ||
		    json_int(o, "qa", &t->qa, &t->has_qa) < 0 ||
		    json_str(c, o, "speaker", &t->speaker) < 0 ||
		    json_str(c, o, "speaker_title", &t->speaker_title) < 0 ||
		    json_str(c, o, "role", &t->role) < 0 ||
		    json_str(c, o, "outlet", &t->outlet) < 0 ||
		    json_str(c, o, "text", &t->text) < 0 || t->text.null)
			return "turns";
		if (json_object_get(o, "speaker_title") != NULL)
			c->has_speaker_title = 1;
		t->url = page_url(urls, c, t->has_page, t->page);
		t->date = c->date;
		t->lineno = lineno;
		c->nturns++;
	}
	return NULL;
}

static const char *
doc_fields(struct scio_db_conf *c, const json_t *rec, size_t lineno)
{
	static const char *const keys[] = { "kind", "url", "title", "category", "summary",
	    "source", "published", "date", "time", "place", "zh_url", "text" };
	struct scio_db_str *dst[] = { &c->kind, &c->url, &c->title, &c->category,
	    &c->summary, &c->source, &c->published, &c->date, &c->time, &c->place,
	    &c->zh_url, &c->text };
	json_t *urls = json_object_get(rec, "urls"), *u;
	const char *bad;
	size_t i;

	for (i = 0; i < LEN(keys); i++)
		if (json_str(c, rec, keys[i], dst[i]) < 0)
			return keys[i];
	if (json_int(rec, "pages", &c->pages, &c->has_pages) < 0)
		return "pages";
	if (urls != NULL && !json_is_null(urls)) {
		char *s;

		if (!json_is_array(urls))
			return "urls";
		json_array_foreach(urls, i, u)
			if (!json_is_string(u))
				return "urls";
		s = json_dumps(urls, JSON_COMPACT);
		if (s == NULL)
			scio_die(SCIO_EXIT_ERROR, "out of memory");
		c->urls = arena_add(c, s, strlen(s));
		free(s);
	}
	if ((bad = doc_people(c, rec, "chair", 1)) != NULL ||
	    (bad = doc_people(c, rec, "speakers", 0)) != NULL)
		return bad;
	return doc_turns(c, rec, urls, lineno);
}

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
scio_db_conf_from_doc(struct scio_db_conf *c, const struct scio_input *in)
{
	json_t *rec = scio_record_load(in);
	json_t *doc = json_object_get(rec, "doc");
	const char *bad;

	if (rec == NULL)
		return;
	if (!json_is_string(doc) || json_string_length(doc) == 0) {
		scio_bad_input(in->name, in->lineno, "doc record: field 'doc' is not a "
		    "conference id; skipped");
		json_decref(rec);
		return;
	}
	scio_buf_reset(&c->doc);
	scio_buf_add(&c->doc, json_string_value(doc), json_string_length(doc));
	if ((bad = doc_fields(c, rec, in->lineno)) != NULL) {
		scio_bad_input(in->name, in->lineno, "doc record: field '%s' is not of its "
		    "type (see scio-parse(1)); skipped", bad);
		scio_db_conf_reset(c);
		json_decref(rec);
		return;
	}
	json_decref(rec);
	c->active = 1;
	c->is_doc = 1;
	c->file = in->name;
	c->lineno = in->lineno;
	c->header_hash = fnv(0xcbf29ce484222325ULL, in->line, in->len);
}

static uint64_t
hash_str(uint64_t h, const struct scio_db_conf *c, struct scio_db_str s)
{
	unsigned char tag = s.null ? 0 : 1, end = 0xff;

	h = fnv(h, &tag, 1);
	if (!s.null)
		h = fnv(h, c->arena.s + s.off, s.len);
	return fnv(h, &end, 1);
}

static uint64_t
hash_int(uint64_t h, int have, long long v)
{
	char num[32];
	int n = have ? snprintf(num, sizeof(num), "%lld;", v) : snprintf(num, sizeof(num), "-;");

	return fnv(h, num, (size_t)n);
}

uint64_t
scio_db_conf_turns_hash(const struct scio_db_conf *c)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = hash_str(h, c, c->title);
	h = hash_int(h, 1, c->has_speaker_title);
	for (size_t i = 0; i < c->nturns; i++) {
		const struct scio_db_turn *t = &c->turns[i];

		h = hash_int(h, 1, t->seq);
		h = hash_int(h, t->has_page, t->page);
		h = hash_int(h, t->has_qa, t->qa);
		h = hash_str(h, c, t->url);
		h = hash_str(h, c, t->date);
		h = hash_str(h, c, t->speaker);
		h = hash_str(h, c, t->speaker_title);
		h = hash_str(h, c, t->role);
		h = hash_str(h, c, t->outlet);
		h = hash_str(h, c, t->text);
	}
	return h;
}

void
scio_db_conf_finish(struct scio_db_conf *c)
{
	long long best = 0;
	int n = 0;

	if (c->is_doc)
		return;
	/* urls in page order: turns come in order, so pages do too */
	scio_buf_reset(&c->tmp);
	scio_buf_addc(&c->tmp, '[');
	for (size_t i = 0; i < c->nturns; i++) {
		const struct scio_db_turn *t = &c->turns[i];

		if (t->has_page && (!c->has_pages || t->page > c->pages)) {
			c->pages = t->page;
			c->has_pages = 1;
		}
		if (t->url.null || (i > 0 && !c->turns[i - 1].url.null &&
		    c->turns[i - 1].url.len == t->url.len &&
		    memcmp(str_at(c, c->turns[i - 1].url), str_at(c, t->url), t->url.len) == 0))
			continue;
		if (c->url.null || (t->has_page && t->page < best)) {
			c->url = t->url;
			best = t->has_page ? t->page : 0;
		}
		if (n++)
			scio_buf_addc(&c->tmp, ',');
		scio_jw_strn(&c->tmp, str_at(c, t->url), t->url.len);
	}
	scio_buf_addc(&c->tmp, ']');
	c->urls = arena_add(c, c->tmp.s, c->tmp.len);
}

void
scio_db_conf_reset(struct scio_db_conf *c)
{
	struct scio_buf doc = c->doc, arena = c->arena, tmp = c->tmp;
	struct scio_db_turn *turns = c->turns;
	struct scio_db_person *parts = c->parts;
	size_t tcap = c->tcap, pcap = c->pcap;

	memset(c, 0, sizeof(*c));
	c->doc = doc;
	c->arena = arena;
	c->tmp = tmp;
	c->turns = turns;
	c->parts = parts;
	c->tcap = tcap;
	c->pcap = pcap;
	scio_buf_reset(&c->doc);
	scio_buf_reset(&c->arena);
	c->title = c->date = c->url = c->urls = c->kind = c->time = c->place =
	    c->published = c->category = c->summary = c->source = c->zh_url = c->text =
	    null_str;
}

void
scio_db_conf_free(struct scio_db_conf *c)
{
	scio_buf_free(&c->doc);
	scio_buf_free(&c->arena);
	scio_buf_free(&c->tmp);
	free(c->turns);
	free(c->parts);
	memset(c, 0, sizeof(*c));
}
