/* db.c: finding, opening and checking the archive, and its schema. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <sqlite3.h>

#include "scio/base/alloc.h"
#include "scio/db/db.h"
#include "scio/db/db_impl.h"
#include "scio/base/diag.h"
#include "scio/base/jwrite.h"

/* "scio" in ASCII: PRAGMA application_id of every archive. */
#define SCIO_DB_APPID 0x7363696f

/* How long a statement waits for another connection's lock (ms): a cron
 * load and a person's query share the file. */
#define SCIO_DB_BUSY_MS 30000

static const char schema[] =
"CREATE TABLE docs (\n"
"  id TEXT PRIMARY KEY NOT NULL,\n"
"  kind TEXT,\n"
"  title TEXT,\n"
"  date TEXT,\n"
"  time TEXT,\n"
"  place TEXT,\n"
"  published TEXT,\n"
"  url TEXT,\n"
"  urls TEXT,\n"
"  pages INTEGER,\n"
"  category TEXT,\n"
"  summary TEXT,\n"
"  source TEXT,\n"
"  zh_url TEXT,\n"
"  text TEXT,\n"
"  turns INTEGER NOT NULL DEFAULT 0,\n"
"  has_participants INTEGER NOT NULL DEFAULT 0,\n"
"  has_speaker_title INTEGER NOT NULL DEFAULT 0,\n"
"  record TEXT NOT NULL,\n"
"  turns_hash TEXT,\n"
"  header_hash TEXT,\n"
"  loaded_at TEXT NOT NULL\n"
");\n"
"CREATE INDEX docs_date ON docs(date);\n"
"CREATE TABLE participants (\n"
"  doc TEXT NOT NULL REFERENCES docs(id),\n"
"  seq INTEGER NOT NULL,\n"
"  name TEXT,\n"
"  honorific TEXT,\n"
"  title TEXT,\n"
"  role TEXT,\n"
"  PRIMARY KEY (doc, seq)\n"
");\n"
"CREATE TABLE turns (\n"
"  id INTEGER PRIMARY KEY,\n"
"  doc TEXT NOT NULL REFERENCES docs(id),\n"
"  seq INTEGER NOT NULL,\n"
"  page INTEGER,\n"
"  url TEXT,\n"
"  date TEXT,\n"
"  speaker TEXT,\n"
"  speaker_title TEXT,\n"
"  role TEXT,\n"
"  outlet TEXT,\n"
"  qa INTEGER,\n"
"  text TEXT NOT NULL,\n"
"  UNIQUE (doc, seq)\n"
");\n"
"CREATE VIRTUAL TABLE turns_fts USING fts5(text, speaker, outlet,\n"
"  content='turns', content_rowid='id');\n"

"CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN\n"
"  INSERT INTO turns_fts(turns_fts, rowid, text, speaker, outlet)\n"
"  VALUES ('delete', old.id, old.text, old.speaker, old.outlet);\n"
"END;\n"
"CREATE TRIGGER turns_fts_update AFTER UPDATE ON turns BEGIN\n"
"  INSERT INTO turns_fts(turns_fts, rowid, text, speaker, outlet)\n"
"  VALUES ('delete', old.id, old.text, old.speaker, old.outlet);\n"
"  INSERT INTO turns_fts(rowid, text, speaker, outlet)\n"
"  VALUES (new.id, new.text, new.speaker, new.outlet);\n"
"END;\n";

char *
scio_db_path(const char *path, const struct scio_db_env *env, int *deflt)
{
	struct scio_buf b = {0};

	*deflt = 0;
	if (path != NULL)
		return scio_strdup(path);
	if (env->scio_db != NULL && *env->scio_db != '\0')
		return scio_strdup(env->scio_db);
	*deflt = 1;
	if (env->xdg_data_home != NULL && *env->xdg_data_home == '/') {
		scio_buf_printf(&b, "%s/scio/scio.db", env->xdg_data_home);
		return scio_buf_take(&b);
	}
	if (env->home == NULL || *env->home == '\0')
		scio_die(SCIO_EXIT_ERROR, "no database given and HOME is not set (use -d DB)");
	scio_buf_printf(&b, "%s/.local/share/scio/scio.db", env->home);
	return scio_buf_take(&b);
}

/* Creates the directories above the file path, each 0700. */
static void
make_parents(const char *path)
{
	char *dir = scio_strdup(path);

	for (char *p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			scio_die_errno(SCIO_EXIT_ERROR, "cannot create directory '%s'", dir);
		*p = '/';
	}
	free(dir);
}

void
scio_db_die(struct scio_db *db, const char *what)
{
	scio_die(SCIO_EXIT_ERROR, "%s: %s: %s", db->path, what, sqlite3_errmsg(db->h));
}

void
scio_db_exec(struct scio_db *db, const char *sql)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		scio_db_die(db, "cannot run SQL");
}

sqlite3_stmt *
scio_db_prepare(struct scio_db *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
	    SQLITE_OK)
		scio_db_die(db, "cannot prepare a statement");
	return st;
}

long long
scio_db_pragma(struct scio_db *db, const char *sql)
{
	sqlite3_stmt *st = scio_db_prepare(db, sql);
	long long v = 0;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		scio_db_die(db, "cannot read the database");
	sqlite3_finalize(st);
	return v;
}

/*
 * WAL mode. Switching into it takes an exclusive lock, and SQLite does not
 * call the busy handler for a journal mode change: two loads creating one
 * database at once would see "database is locked". Wait here as the handler
 * would. Once set, the mode stays with the file and this is a no-op.
 */
static void
set_wal(struct scio_db *db)
{
	int rc, waited = 0;

	while (((rc = sqlite3_exec(db->h, "PRAGMA journal_mode = WAL", NULL, NULL,
	    NULL)) & 0xff) == SQLITE_BUSY && waited < SCIO_DB_BUSY_MS) {
		sqlite3_sleep(10);
		waited += 10;
	}
	if (rc != SQLITE_OK)
		scio_db_die(db, "cannot switch to WAL mode");
}

/* A file that holds tables but no archive mark is someone else's. */
static void
check_archive(struct scio_db *db, enum scio_db_mode mode)
{
	long long appid, version, objects;

	/* The first read: a file that is not SQLite fails here. */
	objects = scio_db_pragma(db, "SELECT count(*) FROM sqlite_schema");
	appid = scio_db_pragma(db, "PRAGMA application_id");
	version = scio_db_pragma(db, "PRAGMA user_version");
	if (objects == 0 && appid == 0 && version == 0) {
		if (mode != SCIO_DB_WRITE)
			scio_die(SCIO_EXIT_ERROR, "%s: an empty database, not a scio archive "
			    "(load some records first)", db->path);
		/* larger pages: fewer writes, and most turns' text fits in
		 * one; WAL before the schema, so even the first commit is
		 * cheap */
		scio_db_exec(db, "PRAGMA page_size = 16384");
		set_wal(db);
		scio_db_exec(db, "BEGIN IMMEDIATE");
		/* another load may have made it while we waited */
		if (scio_db_pragma(db, "SELECT count(*) FROM sqlite_schema") == 0) {
			scio_db_exec(db, schema);
			scio_db_exec(db, "PRAGMA application_id = 1935894895");
			scio_db_exec(db, "PRAGMA user_version = 1");
		}
		scio_db_exec(db, "COMMIT");
		return;
	}
	if (appid != SCIO_DB_APPID)
		scio_die(SCIO_EXIT_ERROR, "%s: not a scio archive (an SQLite database of "
		    "something else)", db->path);
	if (version > SCIO_DB_VERSION)
		scio_die(SCIO_EXIT_ERROR, "%s: made by a newer scio-db (schema version %lld; "
		    "this one knows %d): upgrade scio-tools", db->path, version,
		    SCIO_DB_VERSION);
	if (version < 1)
		scio_die(SCIO_EXIT_ERROR, "%s: a scio archive with no schema version",
		    db->path);
}

struct scio_db *
scio_db_open(const char *path, enum scio_db_mode mode, int mkdir_parent)
{
	struct scio_db *db = scio_calloc(1, sizeof(*db));
	struct stat sb;
	int flags, rc;

	db->path = scio_strdup(path);
	if (mode != SCIO_DB_WRITE && stat(path, &sb) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "%s: no database (load some records first)",
		    path);
	if (mode == SCIO_DB_WRITE && mkdir_parent)
		make_parents(path);
	flags = mode == SCIO_DB_QUERY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (mode == SCIO_DB_WRITE)
		flags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &db->h, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		if (db->h == NULL)
			scio_die(SCIO_EXIT_ERROR, "%s: cannot open: out of memory", path);
		scio_db_die(db, "cannot open");
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, SCIO_DB_BUSY_MS);
	if (mode == SCIO_DB_WRITE && sqlite3_db_readonly(db->h, "main") == 1)
		scio_die(SCIO_EXIT_ERROR, "%s: cannot load: the database is read-only", path);
	check_archive(db, mode);
	if (mode == SCIO_DB_WRITE) {
		/* commits need no fsync in WAL mode, checkpoints do: few */
		set_wal(db);
		scio_db_exec(db, "PRAGMA synchronous = NORMAL");
		scio_db_exec(db, "PRAGMA wal_autocheckpoint = 16384");
		scio_db_exec(db, "PRAGMA cache_size = -16384");
	}
	if (mode == SCIO_DB_QUERY)
		scio_db_exec(db, "PRAGMA query_only = 1");
	return db;
}

void
scio_db_close(struct scio_db *db)
{
	if (db == NULL)
		return;
	if (sqlite3_close(db->h) != SQLITE_OK)
		scio_db_die(db, "cannot close");
	free(db->path);
	free(db);
}

void
scio_db_col_text(struct scio_buf *out, sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	if (s == NULL)
		scio_buf_add(out, "null", 4);
	else
		scio_jw_strn(out, s, (size_t)sqlite3_column_bytes(st, col));
}

void
scio_db_col_str(struct scio_buf *out, const char *key, sqlite3_stmt *st, int col)
{
	scio_jw_key(out, key, 0);
	scio_db_col_text(out, st, col);
}

void
scio_db_col_int(struct scio_buf *out, const char *key, sqlite3_stmt *st, int col)
{
	scio_jw_key(out, key, 0);
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		scio_buf_add(out, "null", 4);
	else
		scio_buf_printf(out, "%lld", (long long)sqlite3_column_int64(st, col));
}

void
scio_db_turn_json(sqlite3_stmt *st, int col, struct scio_buf *out)
{
	scio_buf_adds(out, "{\"type\":\"turn\"");
	scio_db_col_str(out, "doc", st, col);
	scio_db_col_str(out, "url", st, col + 1);
	scio_db_col_int(out, "page", st, col + 2);
	scio_db_col_int(out, "seq", st, col + 3);
	scio_db_col_str(out, "title", st, col + 4);
	scio_db_col_str(out, "date", st, col + 5);
	scio_db_col_str(out, "speaker", st, col + 6);
	if (sqlite3_column_int(st, col + 8))
		scio_db_col_str(out, "speaker_title", st, col + 7);
	scio_db_col_str(out, "role", st, col + 9);
	scio_db_col_str(out, "outlet", st, col + 10);
	scio_db_col_int(out, "qa", st, col + 11);
	scio_db_col_str(out, "text", st, col + 12);
	scio_buf_addc(out, '}');
}
