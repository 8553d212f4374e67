/* scio-grep: select turn and doc records by what was said, by whom and when. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/cli.h"
#include "scio/base/diag.h"
#include "scio/record/fieldopt.h"
#include "scio/record/filter.h"
#include "scio/record/grep.h"
#include "scio/record/record.h"
#include "scio/fmt/view.h"
#include "scio/base/jsonl.h"
#include "scio/base/numarg.h"

static const char usage_text[] =
"Usage: scio-grep [OPTION]... PATTERN [FILE]...\n"
"  or:  scio-grep [OPTION]... -e PATTERN... [FILE]...\n"
"  or:  scio-grep [OPTION]... FIELD-CONDITION... [FILE]...\n"
"Select turn and doc records (JSON Lines) from the FILEs (or standard input)\n"
"whose fields meet every condition given, and write them unchanged; on a\n"
"terminal, show them to read, with the matches highlighted.\n"
"\n"
"Text patterns (several -e: any of them):\n"
"  PATTERN                 without -e, the first operand is the pattern (with\n"
"                          field conditions, unless it names a file)\n"
"  -e, --regexp=PATTERN    a PCRE2 regular expression searched in the text\n"
"  -F, --fixed-strings     PATTERNs are plain strings\n"
"  -i, --ignore-case       fold case (Unicode) in patterns and field values\n"
"  -w, --word-regexp       match whole words only\n"
"  -v, --invert-match      select records the PATTERNs do not match\n"
"      --field=NAME        search field NAME instead of text\n"
"Field conditions (all must hold):\n"
"      --speaker=NAME      speaker is NAME (/REGEX/ searches instead)\n"
"      --role=ROLE         role is chair, official, media or other\n"
"      --outlet=NAME       outlet is NAME (/REGEX/ searches instead)\n"
"      --doc=ID            the conference id is ID\n"
"      --since=DATE        held on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD)\n"
"      --until=DATE        held on or before DATE\n"
"      --where=FIELD=VALUE FIELD is VALUE (/REGEX/ searches instead)\n"
"      --where=FIELD<N     FIELD is a number below N; also <=, >, >=\n"
"                          (FIELD: a schema field, or +NAME for another)\n"
"Context (within one conference):\n"
"      --qa                the whole question-and-answer exchange of each match\n"
"  -A, --after-context=N   N records after each match\n"
"  -B, --before-context=N  N records before each match\n"
"  -C, --context=N         N records before and after each match\n"
"      --turns             of a doc record, keep only the matching turns\n"
"Output:\n"
"  -q, --quiet             print nothing; exit 0 at the first selected record\n"
"  -s, --no-messages       no message for a file that cannot be read\n"
"  -o, --only-matching     print only the text each pattern matched, one a line\n"
"      --color[=WHEN]      show the records to read, matches highlighted: auto\n"
"                          (on a terminal, the default), always, or never (JSON)\n"
"  -c, --count             print only the number of selected records\n"
"  -l, --list              print only the distinct conference ids selected\n"
"  -m, --max-count=N       stop after N selected records\n"
"      --mark              add \"matches\": [start, end) code-point offsets\n"
"  -h, --help              print this help and exit\n"
"  -V, --version           print the version and exit\n"
"\n"
"Examples:\n"
"  scio-grep -i -e 'tidal' turns.jsonl | scio-fmt\n"
"  scio-grep --role media --since 2024 -c turns.jsonl\n"
"  scio-grep --qa -e 'income' turns.jsonl >exchanges.jsonl\n"
"\n"
"Exit status: 0 if a record was selected, 1 if none, 2 on error (a bad\n"
"line is reported with its file and line number and skipped).\n"
"\n"
"See also: scio-grep(1), the whole manual; scio-records(5), scio-fetch(1),\n"
"scio-parse(1), scio-fmt(1), grep(1), jq(1), pcre2pattern(3).\n";

enum {
	OPT_FIELD = 256, OPT_WHERE, OPT_QA, OPT_TURNS, OPT_MARK, OPT_COLOR,
	OPT_FOPT,	/* and the SCIO_FOPT_N values after it */
};

static const struct option longopts[] = {
	{ "regexp", required_argument, NULL, 'e' },
	{ "fixed-strings", no_argument, NULL, 'F' },
	{ "ignore-case", no_argument, NULL, 'i' },
	{ "word-regexp", no_argument, NULL, 'w' },
	{ "invert-match", no_argument, NULL, 'v' },
	{ "field", required_argument, NULL, OPT_FIELD },
	SCIO_FOPT_LONGOPTS(OPT_FOPT),
	{ "where", required_argument, NULL, OPT_WHERE },
	{ "qa", no_argument, NULL, OPT_QA },
	{ "after-context", required_argument, NULL, 'A' },
	{ "before-context", required_argument, NULL, 'B' },
	{ "context", required_argument, NULL, 'C' },
	{ "turns", no_argument, NULL, OPT_TURNS },
	{ "count", no_argument, NULL, 'c' },
	{ "list", no_argument, NULL, 'l' },
	{ "max-count", required_argument, NULL, 'm' },
	{ "mark", no_argument, NULL, OPT_MARK },
	{ "quiet", no_argument, NULL, 'q' },
	{ "silent", no_argument, NULL, 'q' },
	{ "no-messages", no_argument, NULL, 's' },
	{ "only-matching", no_argument, NULL, 'o' },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ "colour", optional_argument, NULL, OPT_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static size_t
parse_count(const char *s, const char *opt, long min)
{
	return (size_t)scio_arg_long(opt, s, min, 1000000000);
}

/* With field conditions, whether the first operand is a file to read
 * rather than the pattern: "-", an existing file, or a name of the kind
 * records are kept in (so that a mistyped file name is an error, not a
 * pattern that silently selects nothing). */
static int
names_file(const char *s)
{
	static const char *const exts[] = { ".jsonl", ".jsonl.gz", ".json", ".gz" };
	size_t n = strlen(s);

	if (strcmp(s, "-") == 0 || access(s, F_OK) == 0)
		return 1;
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t k = strlen(exts[i]);

		if (n > k && strcmp(s + n - k, exts[i]) == 0)
			return 1;
	}
	return 0;
}

/* Reads the FILEs (none: standard input) until -m says to stop. */
static void
read_inputs(struct scio_grep *g, char **files, int n)
{
	for (int i = 0; i < (n ? n : 1); i++) {
		struct scio_input in;
		int more;

		if (scio_input_open(&in, n ? files[i] : "-") < 0)
			continue;
		more = scio_grep_input(g, &in);
		scio_input_close(&in);
		if (!more)
			break;
	}
}

int
main(int argc, char **argv)
{
	struct scio_grep_opts go = {0};
	struct scio_fconds conds = {0};
	struct scio_filter *f;
	struct scio_grep *g;
	struct scio_view *view = NULL;
	const char **pats = NULL;
	size_t npats = 0, patscap = 0;
	int c, mflags = 0, icase = 0, invert = 0, context_given = 0, all = 0;
	const char *colour = "auto";
	unsigned long long nsel;

	scio_cli_start(argc, argv, longopts);
	go.field = "text";
	opterr = 0;	/* the messages below say the same, in our form */
	while ((c = getopt_long(argc, argv, ":e:FiwvA:B:C:clm:qsohV", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			SCIO_ALLOC_GROW(pats, npats + 1, patscap);
			pats[npats++] = optarg;
			break;
		case 'F': mflags |= SCIO_MATCH_FIXED; break;
		case 'i': icase = 1; break;
		case 'w': mflags |= SCIO_MATCH_WORD; break;
		case 'v': invert = 1; break;
		case OPT_FIELD: go.field = scio_field_name(optarg, "--field"); break;
		case OPT_QA: go.qa = 1; break;
		case OPT_TURNS: go.turns = 1; break;
		case OPT_MARK: go.mark = 1; break;
		case 'A': go.after = parse_count(optarg, "--after-context", 0); context_given = 1; break;
		case 'B': go.before = parse_count(optarg, "--before-context", 0); context_given = 1; break;
		case 'C':
			go.before = go.after = parse_count(optarg, "--context", 0);
			context_given = 1;
			break;
		case 'c': go.count = 1; break;
		case 'q': go.quiet = 1; break;
		case 's': scio_input_quiet(1); break;
		case 'o': go.only = 1; break;
		case OPT_COLOR: colour = optarg ? optarg : "always"; break;
		case 'l': go.list = 1; break;
		case 'm':
			go.max = parse_count(optarg, "--max-count", 1);
			break;
		case 'h':
			scio_cli_help(usage_text);
		case 'V':
			scio_cli_version();
			break;
		case OPT_WHERE:
			scio_fconds_where(&conds, optarg);
			break;
		default:
			if (c < OPT_FOPT || c >= OPT_FOPT + SCIO_FOPT_N)
				scio_cli_bad_option(c, argv);
			scio_fconds_add(&conds, (enum scio_fopt)(c - OPT_FOPT), optarg);
		}
	}
	/* grep's habit: without -e, the first operand is the pattern; with
	 * field conditions, an operand naming a file is still read as one. */
	if (npats == 0 && optind < argc && (conds.n == 0 || !names_file(argv[optind]))) {
		if (argv[optind][0] == '\0')
			all = 1;	/* '': every record, as grep '' gives every line */
		else {
			SCIO_ALLOC_GROW(pats, npats + 1, patscap);
			pats[npats++] = argv[optind];
		}
		optind++;
	}
	if (npats == 0 && conds.n == 0 && !invert && !all)
		scio_usage_error("no PATTERN and no field condition given");
	if (strcmp(colour, "auto") != 0 && strcmp(colour, "always") != 0 &&
	    strcmp(colour, "never") != 0)
		scio_usage_error("bad --color '%s' (auto, always, never)", colour);
	if (go.only && (npats == 0 || invert))
		scio_usage_error("-o needs a PATTERN, and shows nothing under -v");
	if (go.only && (go.qa || context_given || go.mark || go.turns))
		scio_usage_error("-o cannot be combined with --qa, -A, -B, -C, --mark or --turns");
	if (go.qa && context_given)
		scio_usage_error("--qa cannot be combined with -A, -B or -C");
	if (go.count && go.list)
		scio_usage_error("-c and -l cannot be combined");

	f = scio_filter_new((icase ? SCIO_MATCH_ICASE : 0) |
	    (getenv("SCIO_NO_JIT") ? SCIO_MATCH_NO_JIT : 0));
	scio_fconds_apply(&conds, f);
	if (npats > 0)
		scio_filter_text(f, pats, npats, mflags, go.field, invert);
	else if (invert)
		scio_filter_invert_all(f);
	if (!go.count && !go.list && !go.quiet && !go.only && (strcmp(colour, "always") == 0 ||
	    (strcmp(colour, "auto") == 0 && isatty(STDOUT_FILENO)))) {
		view = scio_view_start(strcmp(colour, "always") == 0);
		if (npats > 0 && !invert)
			go.mark = 1;
	}
	g = scio_grep_new(&go, f);
	read_inputs(g, argv + optind, argc - optind);
	nsel = scio_grep_selected(g);
	if (go.count)
		printf("%llu\n", nsel);
	if (view != NULL)
		scio_view_end(view);
	scio_grep_free(g);
	scio_filter_free(f);
	scio_fconds_free(&conds);
	free(pats);
	scio_out_close();
	if (scio_exit_status() == SCIO_EXIT_ERROR)
		return SCIO_EXIT_ERROR;
	return nsel > 0 ? SCIO_EXIT_OK : SCIO_EXIT_NONE;
}
