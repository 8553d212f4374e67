/* db_load.c: storing turn and doc records, a conference at a time.
 *
 * Records are gathered into one conference (the turns of one doc that
 * come together, or one doc record), which is then compared with what
 * the database holds by a hash of its content: the same is left alone, a
 * different one replaces the stored conference inside one transaction, so
 * a run killed at any moment leaves each conference before or after. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/db/db.h"
#include "scio/db/db_impl.h"
#include "scio/db/db_rec.h"
#include "scio/base/diag.h"
#include "scio/base/jscan.h"
#include "scio/record/record.h"

/* Conferences are committed in batches of whole conferences, of about
 * this many turns or this many seconds of work, whichever comes first: so
 * that readers see a long load progress. */
#define BATCH_TURNS 20000
#define BATCH_SECONDS 0.25

struct scio_db_load {
	struct scio_db *db;
	struct scio_jobj obj;
	struct scio_db_conf conf;	/* the conference being gathered */
	struct scio_db_conf dconf;	/* a doc record, read before conf ends */
	struct scio_buf tmp;
	sqlite3_stmt *sel, *del_turns, *del_parts, *put_doc, *put_turns_doc, *put_turn,
	    *put_part, *max_id, *index_new;
	/* Turns get ids from next_id up; those from fts_from up are not in
	 * the FTS index yet.  FTS5 writes a segment for every statement
	 * that changes it, so new turns are indexed in one statement a
	 * batch rather than by a trigger a row. */
	long long next_id, fts_from;
	int in_txn;
	size_t pending;
	double began;		/* the batch's transaction, scio_now() */
	char now[SCIO_UTC_SIZE];
	size_t added, replaced, unchanged;
};

static const char put_doc_sql[] =
"INSERT OR REPLACE INTO docs (id, kind, title, date, time, place, published, url,"
" urls, pages, category, summary, source, zh_url, turns, has_participants,"
" has_speaker_title, record, turns_hash, header_hash, loaded_at, text)"
" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
" ?17, 'doc', ?18, ?19, ?20, ?21)";

/* Turn records carry only some of a conference's header: what a doc
 * record gave stays. */
static const char put_turns_doc_sql[] =
"INSERT INTO docs (id, title, date, url, urls, pages, turns, has_speaker_title,"
" record, turns_hash, loaded_at)"
" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'turns', ?9, ?10)"
" ON CONFLICT (id) DO UPDATE SET title = excluded.title, date = excluded.date,"
" url = CASE WHEN record = 'doc' THEN url ELSE excluded.url END,"
" urls = CASE WHEN record = 'doc' THEN urls ELSE excluded.urls END,"
" pages = CASE WHEN record = 'doc' THEN pages ELSE excluded.pages END,"
" turns = excluded.turns, has_speaker_title = excluded.has_speaker_title,"
" turns_hash = excluded.turns_hash, header_hash = NULL,"
" loaded_at = excluded.loaded_at";

static const char put_turn_sql[] =
"INSERT INTO turns (doc, seq, page, url, date, speaker, speaker_title, role, outlet,"
" qa, text, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

struct scio_db_load *
scio_db_load_begin(struct scio_db *db)
{
	struct scio_db_load *ld = scio_calloc(1, sizeof(*ld));

	ld->db = db;
	scio_db_conf_reset(&ld->conf);
	scio_db_conf_reset(&ld->dconf);
	scio_utc_now(ld->now);
	ld->sel = scio_db_prepare(db, "SELECT turns_hash, header_hash, turns FROM docs WHERE id = ?1");
	ld->del_turns = scio_db_prepare(db, "DELETE FROM turns WHERE doc = ?1");
	ld->del_parts = scio_db_prepare(db, "DELETE FROM participants WHERE doc = ?1");
	ld->put_doc = scio_db_prepare(db, put_doc_sql);
	ld->put_turns_doc = scio_db_prepare(db, put_turns_doc_sql);
	ld->put_turn = scio_db_prepare(db, put_turn_sql);
	ld->put_part = scio_db_prepare(db, "INSERT INTO participants (doc, seq, name,"
	    " honorific, title, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	ld->max_id = scio_db_prepare(db, "SELECT coalesce(max(id), 0) + 1 FROM turns");
	ld->index_new = scio_db_prepare(db, "INSERT INTO turns_fts (rowid, text, speaker,"
	    " outlet) SELECT id, text, speaker, outlet FROM turns WHERE id >= ?1");
	return ld;
}

/* A failed write: what this batch did is rolled back, the run ends. */
SCIO_NORETURN static void
write_failed(struct scio_db_load *ld, const char *what)
{
	char *msg = scio_strdup(sqlite3_errmsg(ld->db->h));

	if (ld->in_txn)
		sqlite3_exec(ld->db->h, "ROLLBACK", NULL, NULL, NULL);
	scio_die(SCIO_EXIT_ERROR, "%s: %s: %s (the conferences of this batch were not "
	    "loaded)", ld->db->path, what, msg);
}

static void
step_done(struct scio_db_load *ld, sqlite3_stmt *st, const char *what)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		write_failed(ld, what);
	sqlite3_reset(st);
}

static void
bind_field(sqlite3_stmt *st, int i, const struct scio_db_conf *c, struct scio_db_str f)
{
	if (f.null)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, c->arena.s + f.off, (int)f.len, SQLITE_STATIC);
}

static void
bind_int(sqlite3_stmt *st, int i, int have, long long v)
{
	if (have)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void
hex64(char out[17], uint64_t h)
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 15; i >= 0; i--, h >>= 4)
		out[i] = hex[h & 15];
	out[16] = '\0';
}

/* Whether the stored conference already holds this content; *exists
 * tells whether one is stored, and *turns how many turns it has. */
static int
unchanged(struct scio_db_load *ld, const char *th, const char *hh, int *exists,
    long long *turns)
{
	sqlite3_stmt *st = ld->sel;
	struct scio_db_conf *c = &ld->conf;
	int same = 0, rc;

	sqlite3_bind_text(st, 1, c->doc.s, (int)c->doc.len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*exists = rc == SQLITE_ROW;
	*turns = 0;
	if (rc == SQLITE_ROW) {
		*turns = sqlite3_column_int64(st, 2);
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *h = (const char *)sqlite3_column_text(st, 1);

		same = t != NULL && strcmp(t, th) == 0 &&
		    (!c->is_doc || (h != NULL && strcmp(h, hh) == 0));
	} else if (rc != SQLITE_DONE)
		write_failed(ld, "cannot read the database");
	sqlite3_reset(st);
	return same;
}

static void
put_doc_row(struct scio_db_load *ld, const char *th, const char *hh)
{
	struct scio_db_conf *c = &ld->conf;
	sqlite3_stmt *st = c->is_doc ? ld->put_doc : ld->put_turns_doc;

	sqlite3_bind_text(st, 1, c->doc.s, (int)c->doc.len, SQLITE_STATIC);
	if (!c->is_doc) {
		bind_field(st, 2, c, c->title);
		bind_field(st, 3, c, c->date);
		bind_field(st, 4, c, c->url);
		bind_field(st, 5, c, c->urls);
		bind_int(st, 6, c->has_pages, c->pages);
		sqlite3_bind_int64(st, 7, (long long)c->nturns);
		sqlite3_bind_int(st, 8, c->has_speaker_title);
		sqlite3_bind_text(st, 9, th, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, ld->now, -1, SQLITE_STATIC);
		step_done(ld, st, "cannot store a conference");
		return;
	}
	bind_field(st, 2, c, c->kind);
	bind_field(st, 3, c, c->title);
	bind_field(st, 4, c, c->date);
	bind_field(st, 5, c, c->time);
	bind_field(st, 6, c, c->place);
	bind_field(st, 7, c, c->published);
	bind_field(st, 8, c, c->url);
	bind_field(st, 9, c, c->urls);
	bind_int(st, 10, c->has_pages, c->pages);
	bind_field(st, 11, c, c->category);
	bind_field(st, 12, c, c->summary);
	bind_field(st, 13, c, c->source);
	bind_field(st, 14, c, c->zh_url);
	sqlite3_bind_int64(st, 15, (long long)c->nturns);
	sqlite3_bind_int(st, 16, c->has_participants);
	sqlite3_bind_int(st, 17, c->has_speaker_title);
	sqlite3_bind_text(st, 18, th, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, hh, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, ld->now, -1, SQLITE_STATIC);
	bind_field(st, 21, c, c->text);
	step_done(ld, st, "cannot store a conference");
}

static void
put_turn(struct scio_db_load *ld, const struct scio_db_turn *t)
{
	struct scio_db_conf *c = &ld->conf;
	sqlite3_stmt *st = ld->put_turn;
	int rc;

	sqlite3_bind_text(st, 1, c->doc.s, (int)c->doc.len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t->seq);
	bind_int(st, 3, t->has_page, t->page);
	bind_field(st, 4, c, t->url);
	bind_field(st, 5, c, t->date);
	bind_field(st, 6, c, t->speaker);
	bind_field(st, 7, c, t->speaker_title);
	bind_field(st, 8, c, t->role);
	bind_field(st, 9, c, t->outlet);
	bind_int(st, 10, t->has_qa, t->qa);
	bind_field(st, 11, c, t->text);
	sqlite3_bind_int64(st, 12, ld->next_id++);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		scio_bad_input(c->file, t->lineno, "conference '%s' has a second turn with "
		    "seq %lld; skipped", c->doc.s, t->seq);
		return;
	}
	if (rc != SQLITE_DONE)
		write_failed(ld, "cannot store a turn");
}

static void
put_participants(struct scio_db_load *ld)
{
	struct scio_db_conf *c = &ld->conf;
	sqlite3_stmt *st = ld->put_part;

	for (size_t i = 0; i < c->nparts; i++) {
		const struct scio_db_person *p = &c->parts[i];

		sqlite3_bind_text(st, 1, c->doc.s, (int)c->doc.len, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (long long)i);
		bind_field(st, 3, c, p->name);
		bind_field(st, 4, c, p->honorific);
		bind_field(st, 5, c, p->title);
		sqlite3_bind_text(st, 6, p->chair ? "chair" : "official", -1, SQLITE_STATIC);
		step_done(ld, st, "cannot store a participant");
	}
}

/* Adds the turns stored since the last call to the FTS index. */
static void
index_new(struct scio_db_load *ld)
{
	if (ld->fts_from >= ld->next_id)
		return;
	sqlite3_bind_int64(ld->index_new, 1, ld->fts_from);
	step_done(ld, ld->index_new, "cannot index the turns");
	ld->fts_from = ld->next_id;
}

static void
delete_conf(struct scio_db_load *ld)
{
	struct scio_db_conf *c = &ld->conf;

	/* the delete trigger takes rows out of the index: they must be in */
	index_new(ld);

	sqlite3_bind_text(ld->del_turns, 1, c->doc.s, (int)c->doc.len, SQLITE_STATIC);
	step_done(ld, ld->del_turns, "cannot replace a conference");
	if (c->is_doc) {
		sqlite3_bind_text(ld->del_parts, 1, c->doc.s, (int)c->doc.len, SQLITE_STATIC);
		step_done(ld, ld->del_parts, "cannot replace a conference");
	}
}

static void
commit(struct scio_db_load *ld)
{
	if (!ld->in_txn)
		return;
	index_new(ld);
	if (sqlite3_exec(ld->db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		write_failed(ld, "cannot commit");
	ld->in_txn = 0;
	ld->pending = 0;
}

/* Stores the gathered conference, if it differs from the stored one. */
static void
flush_conf(struct scio_db_load *ld)
{
	struct scio_db_conf *c = &ld->conf;
	char th[17], hh[17];
	long long stored;
	int exists;

	if (!c->active)
		return;
	hex64(th, scio_db_conf_turns_hash(c));
	hex64(hh, c->header_hash);
	if (!ld->in_txn) {
		if (sqlite3_exec(ld->db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			write_failed(ld, "cannot start a transaction");
		ld->in_txn = 1;
		ld->began = scio_now();
		if (sqlite3_step(ld->max_id) != SQLITE_ROW)
			write_failed(ld, "cannot read the database");
		ld->next_id = ld->fts_from = sqlite3_column_int64(ld->max_id, 0);
		sqlite3_reset(ld->max_id);
	}
	if (unchanged(ld, th, hh, &exists, &stored)) {
		ld->unchanged++;
	} else if (c->is_doc && c->nturns == 0 && stored > 0) {
		/* scio-parse gives an article page of a conference (its
		 * last page, a written statement) the conference's id */
		scio_warn("%s:%zu: conference '%s' already holds %lld turns: a doc record "
		    "without turns does not replace it", c->file, c->lineno, c->doc.s, stored);
		ld->unchanged++;
	} else {
		if (exists) {
			delete_conf(ld);
			ld->replaced++;
		} else
			ld->added++;
		scio_db_conf_finish(c);
		put_doc_row(ld, th, hh);
		for (size_t i = 0; i < c->nturns; i++)
			put_turn(ld, &c->turns[i]);
		if (c->is_doc)
			put_participants(ld);
		ld->pending += c->nturns + 1;
	}
	scio_db_conf_reset(c);
	if (ld->pending >= BATCH_TURNS || scio_now() - ld->began >= BATCH_SECONDS)
		commit(ld);
}

void
scio_db_load_line(struct scio_db_load *ld, const struct scio_input *in)
{
	struct scio_jerr err;
	const struct scio_jmember *type;

	if (scio_line_is_blank(in->line, in->len))
		return;
	if (scio_jscan(in->line, in->len, &ld->obj, &err) < 0) {
		/* jansson words the message, as the other programs print it */
		json_t *v = scio_record_load(in);

		if (v != NULL) {
			scio_bad_input(in->name, in->lineno, "bad JSON at column %zu: %s",
			    err.column, err.text);
			json_decref(v);
		}
		return;
	}
	type = scio_jobj_get(&ld->obj, "type");
	scio_jobj_str(&ld->obj, "type", &ld->tmp);
	if (type != NULL && strcmp(scio_buf_str(&ld->tmp), "turn") == 0) {
		const struct scio_jmember *doc = scio_jobj_get(&ld->obj, "doc");

		if (doc == NULL || doc->type != SCIO_JSTRING || doc->vallen <= 2) {
			scio_bad_input(in->name, in->lineno, "turn record: field 'doc' is not "
			    "a conference id; skipped");
			return;
		}
		if (ld->conf.active && !scio_db_conf_same_doc(&ld->conf, doc))
			flush_conf(ld);
		scio_db_conf_add_turn(&ld->conf, &ld->obj, in);
		return;
	}
	if (type != NULL && strcmp(scio_buf_str(&ld->tmp), "doc") == 0) {
		struct scio_db_conf t;

		/* a bad doc record does not end the turns around it */
		scio_db_conf_from_doc(&ld->dconf, in);
		if (!ld->dconf.active)
			return;
		flush_conf(ld);
		t = ld->conf;
		ld->conf = ld->dconf;
		ld->dconf = t;
		flush_conf(ld);
		return;
	}
	if (type == NULL || type->type != SCIO_JSTRING)
		scio_bad_input(in->name, in->lineno, "not a record: no \"type\"; skipped");
	else
		scio_bad_input(in->name, in->lineno, "a %s record, not a turn or doc; skipped",
		    scio_buf_str(&ld->tmp));
}

void
scio_db_load_end(struct scio_db_load *ld, size_t *added, size_t *replaced,
    size_t *unchanged_n)
{
	flush_conf(ld);
	commit(ld);
	*added = ld->added;
	*replaced = ld->replaced;
	*unchanged_n = ld->unchanged;
	sqlite3_finalize(ld->sel);
	sqlite3_finalize(ld->del_turns);
	sqlite3_finalize(ld->del_parts);
	sqlite3_finalize(ld->put_doc);
	sqlite3_finalize(ld->put_turns_doc);
	sqlite3_finalize(ld->put_turn);
	sqlite3_finalize(ld->put_part);
	sqlite3_finalize(ld->max_id);
	sqlite3_finalize(ld->index_new);
	scio_db_conf_free(&ld->conf);
	scio_db_conf_free(&ld->dconf);
	scio_jobj_free(&ld->obj);
	scio_buf_free(&ld->tmp);
	free(ld);
}
