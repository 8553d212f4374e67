/* db.h: the archive as an SQLite database (scio-db).
 *
 * The schema is a stable interface, documented in scio-db(1): docs (one
 * row a conference), participants, turns (one row a speaker turn) and
 * turns_fts, an FTS5 index over the turns' text, speaker and outlet that
 * triggers keep in step with turns.  PRAGMA user_version holds the schema
 * version and PRAGMA application_id marks the file as a scio archive.
 * sqlite3 objects never leave lib/. */
#ifndef SCIO_DB_H
#define SCIO_DB_H

#include <stddef.h>

#include "scio/base/alloc.h"
#include "scio/base/jsonl.h"
#include "scio/record/fieldopt.h"

/* The schema version this build writes and reads. */
#define SCIO_DB_VERSION 1

struct scio_db;

enum scio_db_mode {
	SCIO_DB_READ,		/* search, docs, stats: the file must exist */
	SCIO_DB_WRITE,		/* load: created (with its directory) if missing */
	SCIO_DB_QUERY,		/* sql: opened read-only, writes refused */
};

/* What the program read from its environment for scio_db_path (each
 * NULL when unset): the library reads no environment variable. */
struct scio_db_env {
	const char *scio_db;		/* SCIO_DB */
	const char *xdg_data_home;	/* XDG_DATA_HOME */
	const char *home;		/* HOME */
};

/* The database path: path if given, else $SCIO_DB, else
 * $XDG_DATA_HOME/scio/scio.db, else ~/.local/share/scio/scio.db. A new
 * string the caller frees; *deflt is set when the path is the default
 * (its directory may then be created). */
char *scio_db_path(const char *path, const struct scio_db_env *env, int *deflt);

/* Opens the archive at path, checking it is one and not from a newer
 * version; creates the schema in a new file (mode WRITE). Ends the
 * program (status 2) with a message when it cannot. */
struct scio_db *scio_db_open(const char *path, enum scio_db_mode mode, int mkdir_parent);

void scio_db_close(struct scio_db *db);

/* Dies with "MESSAGE: SQLite's message" (status 2). */
SCIO_NORETURN void scio_db_die(struct scio_db *db, const char *what);

/* Loading. */
struct scio_db_load;

/* Starts a load into db; finish it with scio_db_load_end. */
struct scio_db_load *scio_db_load_begin(struct scio_db *db);

/* One input line (of in): a turn or doc record is stored, a bad line is
 * reported (status 2) and skipped. Turns of one conference must come
 * together, as scio-parse writes them. */
void scio_db_load_line(struct scio_db_load *ld, const struct scio_input *in);

/* Stores what is pending, commits and frees ld; says how many
 * conferences were added, replaced and found unchanged. A write the
 * database refuses (a full disk, a read-only file), here or in
 * scio_db_load_line, rolls the batch of conferences being written back
 * and ends the program (status 2). */
void scio_db_load_end(struct scio_db_load *ld, size_t *added, size_t *replaced,
    size_t *unchanged);

/* Searching: QUERY in FTS5 syntax (NULL: every turn) and field filters
 * with scio-grep's meanings. */
struct scio_db_search {
	const char *query;
	const char *field;		/* text (default), speaker, outlet or all */
	const char *cond[SCIO_FOPT_N];	/* --speaker ... --until, or NULL */
	int qa;				/* write each hit's whole exchange */
	int by_rank;			/* order by FTS5 rank, best first */
	int count;			/* write only the number selected */
	unsigned long long max;		/* stop after max selected (0: all) */
	int match_flags;		/* for the field filters: SCIO_MATCH_NO_JIT */
};

/* Writes the selected turn records (or their count) on stdout. Returns
 * the number selected; a query FTS5 refuses ends the program (status 2). */
unsigned long long scio_db_search(struct scio_db *db, const struct scio_db_search *s);

/* Writes doc records for the conferences chosen (doc ids, or a date
 * range; all when none given), with their turns unless no_turns. Returns
 * the number written. */
unsigned long long scio_db_docs(struct scio_db *db, const char *const *ids, size_t nids,
    const char *since, const char *until, int no_turns);

/* What the archive holds: a table (or JSON with json) on stdout. */
void scio_db_stats(struct scio_db *db, int json);

enum scio_db_rows { SCIO_ROWS_JSON, SCIO_ROWS_CSV, SCIO_ROWS_TSV };

/* Runs one read-only SQL statement and writes its rows. Returns the number
 * of rows; a statement that would write, or that SQLite refuses, ends the
 * program (status 2). With defang (standard output is a terminal), CSV and
 * TSV cells show control characters as symbols, as scio-fmt does. */
unsigned long long scio_db_sql(struct scio_db *db, const char *sql, enum scio_db_rows how,
    int defang);

#endif
