/* db_sql.c: what the archive holds (scio-db stats), and read-only SQL
 * with its rows as JSON Lines, CSV or TSV (scio-db sql). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/db/db.h"
#include "scio/db/db_impl.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/jwrite.h"
#include "scio/base/text.h"

static void
out_buf(struct scio_buf *b)
{
	scio_out_write(b->s, b->len);
	scio_buf_reset(b);
}

void
scio_db_stats(struct scio_db *db, int json)
{
	sqlite3_stmt *st = scio_db_prepare(db, "SELECT (SELECT count(*) FROM docs),"
	    " (SELECT count(*) FROM turns), min(date), max(date) FROM docs");
	sqlite3_stmt *ys = scio_db_prepare(db, "SELECT substr(date, 1, 4) AS y, count(*),"
	    " sum(turns) FROM docs GROUP BY y ORDER BY y");
	struct scio_buf b = {0};
	int rc, n = 0;

	if (sqlite3_step(st) != SQLITE_ROW)
		scio_db_die(db, "cannot read the archive");
	if (json) {
		scio_buf_printf(&b, "{\"conferences\":%lld,\"turns\":%lld",
		    (long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1));
		scio_db_col_str(&b, "first", st, 2);
		scio_db_col_str(&b, "last", st, 3);
		scio_buf_adds(&b, ",\"years\":[");
	} else {
		scio_buf_printf(&b, "conferences  %lld\nturns        %lld\n",
		    (long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1));
		scio_buf_printf(&b, "first        %s\nlast         %s\n\n%-8s %11s %9s\n",
		    sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "-",
		    sqlite3_column_text(st, 3) ? (const char *)sqlite3_column_text(st, 3) : "-",
		    "year", "conferences", "turns");
	}
	while ((rc = sqlite3_step(ys)) == SQLITE_ROW) {
		const char *y = (const char *)sqlite3_column_text(ys, 0);

		if (json) {
			scio_buf_adds(&b, n++ ? ",{\"year\":" : "{\"year\":");
			scio_db_col_text(&b, ys, 0);
			scio_buf_printf(&b, ",\"conferences\":%lld,\"turns\":%lld}",
			    (long long)sqlite3_column_int64(ys, 1),
			    (long long)sqlite3_column_int64(ys, 2));
		} else
			scio_buf_printf(&b, "%-8s %11lld %9lld\n", y ? y : "unknown",
			    (long long)sqlite3_column_int64(ys, 1),
			    (long long)sqlite3_column_int64(ys, 2));
	}
	if (rc != SQLITE_DONE)
		scio_db_die(db, "cannot read the archive");
	if (json)
		scio_buf_adds(&b, "]}\n");
	out_buf(&b);
	sqlite3_finalize(st);
	sqlite3_finalize(ys);
	scio_buf_free(&b);
}

/* A CSV cell (RFC 4180): quoted when it holds a quote, comma, CR or LF. */
static void
csv_cell(struct scio_buf *out, const char *s, size_t n)
{
	if (strcspn(s, "\",\r\n") >= n) {
		scio_buf_add(out, s, n);
		return;
	}
	scio_buf_addc(out, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			scio_buf_addc(out, '"');
		scio_buf_addc(out, s[i]);
	}
	scio_buf_addc(out, '"');
}

/* A TSV cell as jq's @tsv and scio-fmt -f tsv write it. */
static void
tsv_cell(struct scio_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\': scio_buf_add(out, "\\\\", 2); break;
		case '\t': scio_buf_add(out, "\\t", 2); break;
		case '\n': scio_buf_add(out, "\\n", 2); break;
		case '\r': scio_buf_add(out, "\\r", 2); break;
		default: scio_buf_addc(out, s[i]);
		}
	}
}

/* A column's value as text: numbers as SQLite prints them, a blob in hex. */
static void
value_text(sqlite3_stmt *st, int i, struct scio_buf *v)
{
	scio_buf_reset(v);
	if (sqlite3_column_type(st, i) == SQLITE_BLOB) {
		const unsigned char *p = sqlite3_column_blob(st, i);
		int n = sqlite3_column_bytes(st, i);

		for (int k = 0; k < n; k++)
			scio_buf_printf(v, "%02x", p[k]);
		return;
	}
	if (sqlite3_column_type(st, i) != SQLITE_NULL)
		scio_buf_add(v, sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i));
	scio_buf_grow(v, 1);
	v->s[v->len] = '\0';
}

static void
json_value(sqlite3_stmt *st, int i, struct scio_buf *out, struct scio_buf *v)
{
	double d;

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		scio_buf_adds(out, "null");
		break;
	case SQLITE_INTEGER:
		scio_buf_printf(out, "%lld", (long long)sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT:
		d = sqlite3_column_double(st, i);
		if (isfinite(d))
			scio_buf_printf(out, "%.17g", d);
		else
			scio_buf_adds(out, "null");
		break;
	default:
		value_text(st, i, v);
		scio_jw_strn(out, v->s, v->len);
	}
}

static void
row(sqlite3_stmt *st, enum scio_db_rows how, int header, struct scio_buf *out,
    struct scio_buf *v, int defang)
{
	int n = sqlite3_column_count(st);

	if (how == SCIO_ROWS_JSON)
		scio_buf_addc(out, '{');
	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st, i);

		if (how == SCIO_ROWS_JSON) {
			scio_jw_key(out, name ? name : "", i == 0);
			json_value(st, i, out, v);
			continue;
		}
		if (i > 0)
			scio_buf_addc(out, how == SCIO_ROWS_CSV ? ',' : '\t');
		if (header) {
			scio_buf_reset(v);
			scio_buf_adds(v, name ? name : "");
		} else
			value_text(st, i, v);
		if (defang) {
			struct scio_buf d = {0};

			scio_text_defang(&d, scio_buf_str(v), v->len, 0);
			scio_buf_reset(v);
			scio_buf_add(v, d.s, d.len);
			scio_buf_free(&d);
		}
		(how == SCIO_ROWS_CSV ? csv_cell : tsv_cell)(out, scio_buf_str(v), v->len);
	}
	scio_buf_adds(out, how == SCIO_ROWS_JSON ? "}\n" : how == SCIO_ROWS_CSV ? "\r\n" : "\n");
	out_buf(out);
}

unsigned long long
scio_db_sql(struct scio_db *db, const char *sql, enum scio_db_rows how,
    int defang)
{
	struct scio_buf out = {0}, v = {0};
	unsigned long long n = 0;
	sqlite3_stmt *st;
	const char *tail;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, &tail) != SQLITE_OK)
		scio_die(SCIO_EXIT_ERROR, "sql: %s", sqlite3_errmsg(db->h));
	if (st == NULL)
		scio_die(SCIO_EXIT_ERROR, "sql: no statement given");
	tail += strspn(tail, " \t\r\n;");
	if (*tail != '\0')
		scio_die(SCIO_EXIT_ERROR, "sql: one statement only (more after '%.*s')",
		    (int)(tail - sql > 40 ? 40 : tail - sql), sql);
	if (!sqlite3_stmt_readonly(st))
		scio_die(SCIO_EXIT_ERROR, "sql: refused: the statement would change the "
		    "database (scio-db sql is read-only)");
	if (how != SCIO_ROWS_JSON)
		row(st, how, 1, &out, &v, defang);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row(st, how, 0, &out, &v, defang);
		n++;
	}
	if (rc != SQLITE_DONE)
		scio_die(SCIO_EXIT_ERROR, "sql: %s", sqlite3_errmsg(db->h));
	sqlite3_finalize(st);
	scio_buf_free(&out);
	scio_buf_free(&v);
	return n;
}
