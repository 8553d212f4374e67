/* db_impl.h: what the lib/db*.c files share; not for programs. */
#ifndef SCIO_DB_IMPL_H
#define SCIO_DB_IMPL_H

#include <sqlite3.h>

#include "scio/base/alloc.h"
#include "scio/db/db.h"

struct scio_db {
	sqlite3 *h;
	char *path;
};

/* Runs SQL (several statements allowed); dies on failure. */
void scio_db_exec(struct scio_db *db, const char *sql);

/* A prepared statement the caller finalizes; dies on failure. */
sqlite3_stmt *scio_db_prepare(struct scio_db *db, const char *sql);

/* The first column of the first row of a one-value query (0 if none). */
long long scio_db_pragma(struct scio_db *db, const char *sql);

/* Appends a text column as a JSON string, or null. */
void scio_db_col_text(struct scio_buf *out, sqlite3_stmt *st, int col);

/* Appends ,"key": and a column as a JSON string / integer, or null. */
void scio_db_col_str(struct scio_buf *out, const char *key, sqlite3_stmt *st, int col);
void scio_db_col_int(struct scio_buf *out, const char *key, sqlite3_stmt *st, int col);

/* One turn row as a scio-parse turn record (no newline) appended to out,
 * from the columns SCIO_DB_TURN_COLS starting at col. Shared by search and
 * docs, so both write the same bytes scio-parse does. */
void scio_db_turn_json(sqlite3_stmt *st, int col, struct scio_buf *out);

/* The columns scio_db_turn_json reads, from turns t joined with docs d. */
#define SCIO_DB_TURN_COLS "t.doc, t.url, t.page, t.seq, d.title, t.date, t.speaker, " \
	"t.speaker_title, d.has_speaker_title, t.role, t.outlet, t.qa, t.text"

#endif
