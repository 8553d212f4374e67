/* scio-db: the archive as an SQLite database with full-text search,
 * loaded from and queried back to JSON Lines. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/cli.h"
#include "scio/db/db.h"
#include "scio/base/diag.h"
#include "scio/record/fieldopt.h"
#include "scio/record/match.h"
#include "scio/base/jsonl.h"
#include "scio/base/numarg.h"

static const char usage_text[] =
"Usage: scio-db [-d DB] load [FILE]...\n"
"  or:  scio-db [-d DB] search [OPTION]... [QUERY]\n"
"  or:  scio-db [-d DB] docs [OPTION]...\n"
"  or:  scio-db [-d DB] stats [--json]\n"
"  or:  scio-db [-d DB] sql [--csv|--tsv] STATEMENT\n"
"Keep turn and doc records in an SQLite archive with full-text search, and\n"
"write them back as JSON Lines.\n"
"\n"
"Options:\n"
"  -d, --db=DB             the database (default $SCIO_DB, else\n"
"                          $XDG_DATA_HOME/scio/scio.db, else\n"
"                          ~/.local/share/scio/scio.db)\n"
"Commands and their options:\n"
"  load [FILE]...          store turn and doc records (scio-parse's output);\n"
"                          a conference already stored is replaced if it changed\n"
"  search [OPTION]... [QUERY]\n"
"                          write the turns QUERY (FTS5 syntax: words, \"phrases\",\n"
"                          AND, OR, NOT, prefix*) finds, oldest first\n"
"      --field=NAME        search text (default), speaker, outlet or all\n"
"      --speaker=NAME      speaker is NAME (/REGEX/ searches instead)\n"
"      --role=ROLE         role is chair, official, media or other\n"
"      --outlet=NAME       outlet is NAME (/REGEX/ searches instead)\n"
"      --doc=ID            the conference id is ID\n"
"      --since=DATE        held on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD)\n"
"      --until=DATE        held on or before DATE\n"
"      --qa                the whole question-and-answer exchange of each hit\n"
"      --rank              best matches first (FTS5 rank)\n"
"  -c, --count             print only the number of turns selected\n"
"  -m, --max-count=N       stop after N turns selected\n"
"  docs [OPTION]...        write doc records, with their turns, oldest first\n"
"      --doc=ID            this conference (more than once: each)\n"
"      --since=DATE        held on or after DATE\n"
"      --until=DATE        held on or before DATE\n"
"      --no-turns          without the turns\n"
"  stats [OPTION]          what the archive holds, per year, as a table\n"
"      --json              as one JSON object instead\n"
"  sql [OPTION] STATEMENT  run one read-only SQL statement; rows as JSON Lines\n"
"      --csv               as CSV (RFC 4180) with a header row\n"
"      --tsv               as TSV with a header row\n"
"  -h, --help              print this help and exit\n"
"  -V, --version           print the version and exit\n"
"\n"
"Examples:\n"
"  scio-db -d scio.db load turns.jsonl docs.jsonl\n"
"  scio-db -d scio.db search --role media 'tidal OR librar*'\n"
"  scio-db -d scio.db docs --since 2024 --no-turns\n"
"  scio-db -d scio.db sql --csv 'SELECT outlet, count(*) FROM turns GROUP BY outlet'\n"
"\n"
"Exit status: 0 on success, 1 if search or docs selected nothing, 2 on\n"
"error (a bad line is reported with its file and line number and skipped).\n"
"\n"
"See also: scio-db(1), the whole manual; scio-records(5), scio-parse(1),\n"
"scio-grep(1), scio-fmt(1), sqlite3(1).\n";

enum {
	OPT_FIELD = 256, OPT_QA, OPT_RANK, OPT_NO_TURNS, OPT_JSON, OPT_CSV, OPT_TSV,
	OPT_FOPT,	/* and the SCIO_FOPT_N values after it */
};

static const struct option longopts[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "field", required_argument, NULL, OPT_FIELD },
	SCIO_FOPT_LONGOPTS(OPT_FOPT),
	{ "qa", no_argument, NULL, OPT_QA },
	{ "rank", no_argument, NULL, OPT_RANK },
	{ "count", no_argument, NULL, 'c' },
	{ "max-count", required_argument, NULL, 'm' },
	{ "no-turns", no_argument, NULL, OPT_NO_TURNS },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Which options each command takes, by the first letter of its name. */
static const char *const cmd_opts[] = {
	"load:", "search:field speaker role outlet doc since until qa rank c m",
	"docs:doc since until no-turns", "stats:json", "sql:csv tsv",
};

static void
check_allowed(const char *cmd, int c, int idx, char **argv)
{
	const char *name = c == 'c' ? "c" : c == 'm' ? "m" : longopts[idx].name;
	size_t n = strlen(cmd);

	for (size_t i = 0; i < LEN(cmd_opts); i++) {
		const char *o = cmd_opts[i], *p;

		if (strncmp(o, cmd, n) != 0 || o[n] != ':')
			continue;
		for (p = strstr(o + n + 1, name); p != NULL; p = strstr(p + 1, name))
			if ((p[-1] == ':' || p[-1] == ' ') && (p[strlen(name)] == ' ' ||
			    p[strlen(name)] == '\0'))
				return;
	}
	scio_usage_error("%s: not an option of '%s'", argv[optind - 1], cmd);
}

/* The database: -d's, else where the environment says (scio_db_path). */
static char *
db_path(const char *path, int *deflt)
{
	struct scio_db_env env = {
		getenv("SCIO_DB"), getenv("XDG_DATA_HOME"), getenv("HOME"),
	};

	return scio_db_path(path, &env, deflt);
}

static void
load(const char *path, char **files, int nfiles)
{
	int deflt;
	char *p = db_path(path, &deflt);
	struct scio_db *db = scio_db_open(p, SCIO_DB_WRITE, deflt);
	struct scio_db_load *ld = scio_db_load_begin(db);
	size_t added, replaced, same;

	for (int i = 0; i < (nfiles ? nfiles : 1); i++) {
		struct scio_input in;

		if (scio_input_open(&in, nfiles ? files[i] : "-") < 0)
			continue;
		while (scio_input_next(&in) > 0)
			scio_db_load_line(ld, &in);
		scio_input_close(&in);
	}
	scio_db_load_end(ld, &added, &replaced, &same);
	scio_db_close(db);
	if (isatty(2))
		fprintf(stderr, "scio-db: %zu conferences added, %zu replaced, %zu unchanged\n",
		    added, replaced, same);
	free(p);
}

int
main(int argc, char **argv)
{
	struct scio_db_search s;
	const char *dbpath = NULL, *cmd, **ids = NULL;
	enum scio_db_rows rows = SCIO_ROWS_JSON;
	int c, idx, json = 0, no_turns = 0, deflt;
	size_t nids = 0, idscap = 0;
	unsigned long long n = 0;
	struct scio_db *db;
	char *path;

	scio_cli_init(argc, argv);
	memset(&s, 0, sizeof(s));
	/* valgrind cannot follow PCRE2's JIT code (the test suite sets it) */
	s.match_flags = getenv("SCIO_NO_JIT") != NULL ? SCIO_MATCH_NO_JIT : 0;
	opterr = 0;
	/* options before the command: "+" stops at the first operand */
	while ((c = getopt_long(argc, argv, "+:d:hV", longopts, &idx)) != -1) {
		switch (c) {
		case 'd': dbpath = optarg; break;
		case 'h': scio_cli_help(usage_text);
		case 'V': scio_cli_version(); break;
		default: scio_cli_bad_option(c, argv);
		}
	}
	if (optind >= argc)
		scio_usage_error("no command (load, search, docs, stats or sql)");
	cmd = argv[optind];
	if (strcmp(cmd, "load") != 0 && strcmp(cmd, "search") != 0 &&
	    strcmp(cmd, "docs") != 0 && strcmp(cmd, "stats") != 0 && strcmp(cmd, "sql") != 0)
		scio_usage_error("unknown command: '%s'", cmd);
	argc -= optind;
	argv += optind;
	optind = 0;	/* 0: getopt starts afresh, permuting again */
	idx = 0;
	while ((c = getopt_long(argc, argv, ":cm:", longopts, &idx)) != -1) {
		if (c == ':' || c == '?')
			scio_cli_bad_option(c, argv);
		check_allowed(cmd, c, idx, argv);
		switch (c) {
		case OPT_FIELD:
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "speaker") != 0 &&
			    strcmp(optarg, "outlet") != 0 && strcmp(optarg, "all") != 0)
				scio_usage_error("--field: not text, speaker, outlet or all: '%s'",
				    optarg);
			s.field = optarg;
			break;
		case OPT_QA: s.qa = 1; break;
		case OPT_RANK: s.by_rank = 1; break;
		case 'c': s.count = 1; break;
		case 'm': s.max = (unsigned long long)scio_arg_long("--max-count", optarg, 1, 1L << 62); break;
		case OPT_NO_TURNS: no_turns = 1; break;
		case OPT_JSON: json = 1; break;
		case OPT_CSV: rows = SCIO_ROWS_CSV; break;
		case OPT_TSV: rows = SCIO_ROWS_TSV; break;
		default:
			s.cond[c - OPT_FOPT] = scio_fopt_check((enum scio_fopt)(c - OPT_FOPT),
			    optarg);
			if (c - OPT_FOPT == SCIO_FOPT_DOC) {
				SCIO_ALLOC_GROW(ids, nids + 1, idscap);
				ids[nids++] = optarg;
			}
		}
		idx = 0;
	}
	if (cmd[0] == 'l') {
		load(dbpath, argv + optind, argc - optind);
		scio_out_close();
		return scio_exit_status();
	}
	if (strcmp(cmd, "search") == 0 && optind < argc)
		s.query = argv[optind++];
	if (strcmp(cmd, "sql") == 0 && optind == argc)
		scio_usage_error("sql: no statement given");
	if (argc - optind > (strcmp(cmd, "sql") == 0))
		scio_usage_error("%s: unexpected argument: '%s'", cmd,
		    argv[optind + (strcmp(cmd, "sql") == 0)]);
	if (s.query != NULL && *s.query == '\0')
		scio_usage_error("search: the query is empty");

	path = db_path(dbpath, &deflt);
	db = scio_db_open(path, cmd[1] == 'q' ? SCIO_DB_QUERY : SCIO_DB_READ, 0);
	if (strcmp(cmd, "search") == 0)
		n = scio_db_search(db, &s);
	else if (strcmp(cmd, "docs") == 0)
		n = scio_db_docs(db, ids, nids, s.cond[SCIO_FOPT_SINCE],
		    s.cond[SCIO_FOPT_UNTIL], no_turns);
	else if (strcmp(cmd, "stats") == 0)
		scio_db_stats(db, json), n = 1;
	else
		scio_db_sql(db, argv[optind], rows, isatty(STDOUT_FILENO)), n = 1;
	scio_db_close(db);
	free(path);
	free(ids);
	scio_out_close();
	if (scio_exit_status() == SCIO_EXIT_ERROR)
		return SCIO_EXIT_ERROR;
	return n > 0 ? SCIO_EXIT_OK : SCIO_EXIT_NONE;
}
