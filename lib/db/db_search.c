/* db_search.c: turn records back out of the archive, chosen by an FTS5
 * query and scio-grep's field conditions.
 *
 * SQL narrows the rows (the FTS5 index, and plain equalities and date
 * ranges on indexed columns); the final verdict on the field conditions
 * is scio-grep's own filter, run on the record written, so that both
 * programs select the same records for the same conditions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/db/db.h"
#include "scio/db/db_impl.h"
#include "scio/base/diag.h"
#include "scio/record/filter.h"
#include "scio/base/jscan.h"
#include "scio/base/jsonl.h"
#include "scio/base/strset.h"

struct search {
	struct scio_db *db;
	const struct scio_db_search *s;
	struct scio_filter *f;
	struct scio_jobj obj;
	struct scio_buf rec;
	struct scio_strset seen;	/* exchanges written, with --qa */
	sqlite3_stmt *exchange;
	unsigned long long nsel;
};

/* Whether a field value can be tested in SQL as well: scio-grep reads
 * /REGEX/ as a pattern and null as the JSON null. */
static int
plain_value(const char *v)
{
	size_t n = strlen(v);

	return !(n >= 2 && v[0] == '/' && v[n - 1] == '/') && strcmp(v, "null") != 0;
}

/* The field conditions, in the filter and, where SQL can test them too,
 * in the statement (a parameter named as the option). */
static void
add_conds(struct search *q, struct scio_buf *sql)
{
	for (int id = 0; id < SCIO_FOPT_N; id++) {
		const char *v = q->s->cond[id], *field = scio_fopt_field((enum scio_fopt)id);

		if (v == NULL)
			continue;
		scio_fopt_filter(q->f, (enum scio_fopt)id, v);
		if (id == SCIO_FOPT_SINCE)
			scio_buf_adds(sql, " AND t.date >= :since");
		else if (id == SCIO_FOPT_UNTIL)
			/* "2023" holds every day of 2023: '~' sorts after them */
			scio_buf_adds(sql, " AND t.date < :until || '~'");
		else if (plain_value(v))	/* the four fields are named as their options */
			scio_buf_printf(sql, " AND t.%s = :%s", field, field);
	}
}

static void
bind_name(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* The FTS5 query restricted to the field searched. */
static char *
fts_query(const struct scio_db_search *s)
{
	struct scio_buf b = {0};
	const char *field = s->field ? s->field : "text";

	if (strcmp(field, "all") == 0)
		return scio_strdup(s->query);
	scio_buf_printf(&b, "{%s} : (%s)", field, s->query);
	return scio_buf_take(&b);
}

static sqlite3_stmt *
prepare_search(struct search *q, char **fq)
{
	const struct scio_db_search *s = q->s;
	struct scio_buf sql = {0};
	sqlite3_stmt *st;

	scio_buf_adds(&sql, "SELECT " SCIO_DB_TURN_COLS);
	/* CROSS JOIN keeps SQLite from walking docs by date and probing
	 * the index for each: the hits of the query come first */
	if (s->query != NULL)
		scio_buf_adds(&sql, " FROM turns_fts CROSS JOIN turns t ON t.id = turns_fts.rowid"
		    " CROSS JOIN docs d ON d.id = t.doc WHERE turns_fts MATCH :query");
	else
		scio_buf_adds(&sql, " FROM turns t JOIN docs d ON d.id = t.doc WHERE 1");
	add_conds(q, &sql);
	if (s->by_rank && s->query != NULL)
		scio_buf_adds(&sql, " ORDER BY turns_fts.rank, d.date, t.doc, t.seq");
	else
		scio_buf_adds(&sql, " ORDER BY d.date, t.doc, t.seq");
	st = scio_db_prepare(q->db, scio_buf_str(&sql));
	scio_buf_free(&sql);
	*fq = s->query ? fts_query(s) : NULL;
	bind_name(st, ":query", *fq);
	for (int id = 0; id < SCIO_FOPT_N; id++) {
		/* the parameter is named as the option: ":since" for --since */
		scio_buf_reset(&sql);
		scio_buf_printf(&sql, ":%s", scio_fopt_option((enum scio_fopt)id) + 2);
		bind_name(st, scio_buf_str(&sql), s->cond[id]);
	}
	scio_buf_free(&sql);
	return st;
}

static void
write_rec(struct scio_buf *rec)
{
	scio_buf_addc(rec, '\n');
	scio_out_write(rec->s, rec->len);
}

/* With --qa: the whole exchange (same conference, same qa) once. */
static void
write_exchange(struct search *q, sqlite3_stmt *hit)
{
	const char *doc = (const char *)sqlite3_column_text(hit, 0);
	struct scio_buf key = {0};
	int rc;

	if (sqlite3_column_type(hit, 11) == SQLITE_NULL) {
		write_rec(&q->rec);
		return;
	}
	scio_buf_printf(&key, "%s\x1f%lld", doc, (long long)sqlite3_column_int64(hit, 11));
	if (!scio_strset_add(&q->seen, key.s, key.len)) {
		scio_buf_free(&key);
		return;
	}
	scio_buf_free(&key);
	sqlite3_bind_text(q->exchange, 1, doc, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q->exchange, 2, sqlite3_column_int64(hit, 11));
	while ((rc = sqlite3_step(q->exchange)) == SQLITE_ROW) {
		scio_buf_reset(&q->rec);
		scio_db_turn_json(q->exchange, 0, &q->rec);
		write_rec(&q->rec);
	}
	if (rc != SQLITE_DONE)
		scio_db_die(q->db, "cannot read an exchange");
	sqlite3_reset(q->exchange);
}

/* Dies with FTS5's own words for a query it cannot parse. */
SCIO_NORETURN static void
bad_query(struct search *q)
{
	const char *msg = sqlite3_errmsg(q->db->h);

	if (strncmp(msg, "fts5: ", 6) == 0)
		msg += 6;
	scio_die(SCIO_EXIT_ERROR, "bad query '%s': %s", q->s->query, msg);
}

unsigned long long
scio_db_search(struct scio_db *db, const struct scio_db_search *s)
{
	struct search q;
	sqlite3_stmt *st;
	char *fq;
	int rc;

	memset(&q, 0, sizeof(q));
	q.db = db;
	q.s = s;
	q.f = scio_filter_new(s->match_flags);
	st = prepare_search(&q, &fq);
	if (s->qa)
		q.exchange = scio_db_prepare(db, "SELECT " SCIO_DB_TURN_COLS " FROM turns t"
		    " JOIN docs d ON d.id = t.doc WHERE t.doc = ?1 AND t.qa = ?2 ORDER BY t.seq");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct scio_jerr err;

		scio_buf_reset(&q.rec);
		scio_db_turn_json(st, 0, &q.rec);
		if (scio_jscan(q.rec.s, q.rec.len, &q.obj, &err) < 0)
			scio_die(SCIO_EXIT_ERROR, "%s: a stored turn is not JSON: %s",
			    db->path, err.text);
		if (!scio_filter_scanned(q.f, &q.obj))
			continue;
		q.nsel++;
		if (!s->count) {
			if (s->qa)
				write_exchange(&q, st);
			else
				write_rec(&q.rec);
		}
		if (s->max > 0 && q.nsel >= s->max)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		if (s->query != NULL && (rc & 0xff) == SQLITE_ERROR)
			bad_query(&q);
		scio_db_die(db, "cannot search");
	}
	if (s->count)
		printf("%llu\n", q.nsel);
	sqlite3_finalize(st);
	sqlite3_finalize(q.exchange);
	scio_filter_free(q.f);
	scio_jobj_free(&q.obj);
	scio_buf_free(&q.rec);
	scio_strset_free(&q.seen);
	free(fq);
	return q.nsel;
}
