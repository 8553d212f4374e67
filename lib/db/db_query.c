/* db_query.c: doc records, the archive's statistics, and read-only SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/db/db.h"
#include "scio/db/db_impl.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/jwrite.h"

/* "speakers" or "chair" from the participants table, or null when the
 * conference was loaded from turn records (not known, not none). */
static void
people(struct scio_db *db, sqlite3_stmt *pst, struct scio_buf *out, const char *key,
    const char *doc, int known)
{
	int n = 0, rc;

	scio_jw_key(out, key, 0);
	if (!known) {
		scio_buf_adds(out, "null");
		return;
	}
	scio_buf_addc(out, '[');
	sqlite3_bind_text(pst, 1, doc, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(pst, 2, strcmp(key, "chair") == 0 ? "chair" : "official", -1,
	    SQLITE_STATIC);
	while ((rc = sqlite3_step(pst)) == SQLITE_ROW) {
		if (n++)
			scio_buf_addc(out, ',');
		scio_buf_adds(out, "{\"name\":");
		scio_db_col_text(out, pst, 0);
		scio_db_col_str(out, "honorific", pst, 1);
		scio_db_col_str(out, "title", pst, 2);
		scio_buf_addc(out, '}');
	}
	if (rc != SQLITE_DONE)
		scio_db_die(db, "cannot read participants");
	sqlite3_reset(pst);
	scio_buf_addc(out, ']');
}

/* A doc's turns in the form scio-parse --docs nests them. */
static void
doc_turns(struct scio_db *db, sqlite3_stmt *tst, struct scio_buf *out, const char *doc,
    int speaker_title)
{
	int n = 0, rc;

	scio_jw_key(out, "turns", 0);
	scio_buf_addc(out, '[');
	sqlite3_bind_text(tst, 1, doc, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(tst)) == SQLITE_ROW) {
		if (n++)
			scio_buf_addc(out, ',');
		scio_buf_adds(out, "{\"seq\":");
		scio_buf_printf(out, "%lld", (long long)sqlite3_column_int64(tst, 0));
		scio_db_col_int(out, "page", tst, 1);
		scio_db_col_str(out, "speaker", tst, 2);
		if (speaker_title)
			scio_db_col_str(out, "speaker_title", tst, 3);
		scio_db_col_str(out, "role", tst, 4);
		scio_db_col_str(out, "outlet", tst, 5);
		scio_db_col_int(out, "qa", tst, 6);
		scio_db_col_str(out, "text", tst, 7);
		scio_buf_addc(out, '}');
	}
	if (rc != SQLITE_DONE)
		scio_db_die(db, "cannot read turns");
	sqlite3_reset(tst);
	scio_buf_addc(out, ']');
}

static const char docs_cols[] =
"SELECT id, kind, url, urls, pages, title, category, summary, source, published, date,"
" time, place, zh_url, has_participants, has_speaker_title, text FROM docs";

static void
doc_record(struct scio_db *db, sqlite3_stmt *st, sqlite3_stmt *pst, sqlite3_stmt *tst,
    struct scio_buf *out, int no_turns)
{
	static const char *const keys[] = { "title", "category", "summary", "source",
	    "published", "date", "time", "place", "zh_url" };
	const char *doc = (const char *)sqlite3_column_text(st, 0);
	int known = sqlite3_column_int(st, 14);

	scio_buf_reset(out);
	scio_buf_adds(out, "{\"type\":\"doc\"");
	scio_db_col_str(out, "doc", st, 0);
	scio_db_col_str(out, "kind", st, 1);
	scio_db_col_str(out, "url", st, 2);
	scio_jw_key(out, "urls", 0);
	if (sqlite3_column_type(st, 3) == SQLITE_NULL)
		scio_buf_adds(out, "null");
	else	/* stored as the JSON text of the array */
		scio_buf_add(out, sqlite3_column_text(st, 3), (size_t)sqlite3_column_bytes(st, 3));
	scio_db_col_int(out, "pages", st, 4);
	for (int i = 0; i < 9; i++)
		scio_db_col_str(out, keys[i], st, 5 + i);
	people(db, pst, out, "speakers", doc, known);
	people(db, pst, out, "chair", doc, known);
	if (!no_turns)
		doc_turns(db, tst, out, doc, sqlite3_column_int(st, 15));
	if (sqlite3_column_type(st, 16) != SQLITE_NULL)	/* an article's body */
		scio_db_col_str(out, "text", st, 16);
	scio_buf_add(out, "}\n", 2);
	scio_out_write(out->s, out->len);
}

unsigned long long
scio_db_docs(struct scio_db *db, const char *const *ids, size_t nids,
    const char *since, const char *until, int no_turns)
{
	struct scio_buf sql = {0}, out = {0};
	sqlite3_stmt *st, *pst, *tst;
	unsigned long long n = 0;
	int rc, k = 1;

	scio_buf_adds(&sql, docs_cols);
	scio_buf_adds(&sql, " WHERE 1");
	if (nids > 0) {
		scio_buf_adds(&sql, " AND id IN (");
		for (size_t i = 0; i < nids; i++)
			scio_buf_adds(&sql, i ? ",?" : "?");
		scio_buf_addc(&sql, ')');
	}
	if (since != NULL)
		scio_buf_adds(&sql, " AND date >= ?");
	if (until != NULL)
		scio_buf_adds(&sql, " AND date < ? || '~'");
	scio_buf_adds(&sql, " ORDER BY date, id");
	st = scio_db_prepare(db, scio_buf_str(&sql));
	for (size_t i = 0; i < nids; i++)
		sqlite3_bind_text(st, k++, ids[i], -1, SQLITE_STATIC);
	if (since != NULL)
		sqlite3_bind_text(st, k++, since, -1, SQLITE_STATIC);
	if (until != NULL)
		sqlite3_bind_text(st, k++, until, -1, SQLITE_STATIC);
	pst = scio_db_prepare(db, "SELECT name, honorific, title FROM participants"
	    " WHERE doc = ?1 AND role = ?2 ORDER BY seq");
	tst = scio_db_prepare(db, "SELECT seq, page, speaker, speaker_title, role, outlet,"
	    " qa, text FROM turns WHERE doc = ?1 ORDER BY seq");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		doc_record(db, st, pst, tst, &out, no_turns);
		n++;
	}
	if (rc != SQLITE_DONE)
		scio_db_die(db, "cannot read conferences");
	sqlite3_finalize(st);
	sqlite3_finalize(pst);
	sqlite3_finalize(tst);
	scio_buf_free(&sql);
	scio_buf_free(&out);
	return n;
}
