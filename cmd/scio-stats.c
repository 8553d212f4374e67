/* scio-stats: counts, shares and trends over turn records, as a table
 * with bars, TSV, CSV, JSON Lines, Markdown, an SVG chart or a report. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "scio/base/cli.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/numarg.h"
#include "scio/stats/stats.h"

static const char usage_text[] =
"Usage: scio-stats [OPTION]... [FILE]...\n"
"Count turn records (JSON Lines) from FILEs, or standard input, by\n"
"group: how many turns, questions, exchanges, words or conferences.\n"
"\n"
"Options:\n"
"  -b, --by=LIST        group by these fields, comma-separated: any\n"
"                       record field, or year, month, weekday, agency\n"
"  -c, --count=WHAT     turns (default), questions, exchanges, words,\n"
"                       conferences, or hits (matches of -e)\n"
"  -e, --regexp=PATTERN count only turns whose text matches (PCRE2,\n"
"                       as scio-grep's); repeat for any of several\n"
"  -F, --fixed-strings  PATTERNs are plain strings\n"
"  -i, --ignore-case    match without regard to case\n"
"  -w, --word-regexp    match whole words only\n"
"      --per=N          also the count per N words of the group's turns\n"
"      --share          also each group's share of the total\n"
"      --top=N          only the N highest rows, highest first\n"
"      --summary        a row per conference: date, id, title,\n"
"                       questions, outlets, words per official\n"
"  -f, --format=FMT     table (a terminal's default), tsv (a pipe's),\n"
"                       csv, json, md, svg (a chart) or html (a report)\n"
"      --no-header      tsv, csv: no header row\n"
"      --ascii          table: bars in ASCII (also when TERM=dumb)\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Examples:\n"
"  scio-stats --by outlet --count questions --top 10 turns.jsonl\n"
"  scio-stats --by year,outlet --count questions turns.jsonl\n"
"  scio-stats --by speaker --count words --share turns.jsonl\n"
"  scio-stats -i -e 'data' --by month --per 10000 -f svg turns.jsonl > trend.svg\n"
"  scio-stats --summary -f csv turns.jsonl > conferences.csv\n"
"\n"
"Exit status: 0 success, 2 usage error, I/O error or bad input seen.\n"
"\n"
"See also: scio-stats(1), the whole manual; scio-records(5), scio-parse(1),\n"
"scio-grep(1), scio-fmt(1), mlr(1).\n";

/* Splits LIST into the --by fields, checking each against the schema. */
static void
parse_by(struct scio_stats_opts *o, char *list)
{
	char *name, *save = NULL;
	size_t cap = o->nby;	/* o->by holds at least that many */

	for (name = strtok_r(list, ",", &save); name;
	    name = strtok_r(NULL, ",", &save)) {
		if (name[0] == '+')
			name++;
		else if (!scio_stats_known_field(name))
			scio_usage_error("unknown field '%s' in --by "
			    "(write '+%s' for a field outside the schema)",
			    name, name);
		if (*name == '\0')
			scio_usage_error("empty field name in --by");
		SCIO_ALLOC_GROW(o->by, o->nby + 1, cap);
		o->by[o->nby++] = name;
	}
	if (o->nby == 0)
		scio_usage_error("no field in --by");
}

/* Lines go through the validating scanner; only doc records are loaded
 * by jansson. */
static void
count_file(struct scio_stats *s, const char *path, struct scio_jobj *obj)
{
	const struct scio_jmember *t;
	struct scio_input in;
	struct scio_jerr err;

	if (scio_input_open(&in, path) < 0)
		return;
	while (scio_input_next(&in) > 0) {
		struct scio_frec r = {0};

		if (scio_line_is_blank(in.line, in.len))
			continue;
		if (scio_jscan(in.line, in.len, obj, &err) < 0) {
			scio_bad_input(in.name, in.lineno, "bad JSON at column %zu: %s",
			    err.column, err.text);
			continue;
		}
		t = scio_jobj_get(obj, "type");
		if (t == NULL || t->type != SCIO_JSTRING)
			continue;
		if (t->vallen == 6 && memcmp(t->val, "\"turn\"", 6) == 0) {
			r.obj = obj;
			scio_stats_turn(s, &r, NULL, in.name, in.lineno);
		} else if (t->vallen == 5 && memcmp(t->val, "\"doc\"", 5) == 0) {
			json_t *doc = scio_record_load(&in);

			if (doc == NULL)
				continue;
			r.json = doc;
			scio_stats_doc(s, &r, in.name, in.lineno);
			json_decref(doc);
		}
	}
	scio_input_close(&in);
}

static size_t
terminal_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

enum { OPT_PER = 256, OPT_SHARE, OPT_TOP, OPT_SUMMARY, OPT_NOHEADER, OPT_ASCII };

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"by", required_argument, NULL, 'b'},
		{"count", required_argument, NULL, 'c'},
		{"regexp", required_argument, NULL, 'e'},
		{"fixed-strings", no_argument, NULL, 'F'},
		{"ignore-case", no_argument, NULL, 'i'},
		{"word-regexp", no_argument, NULL, 'w'},
		{"per", required_argument, NULL, OPT_PER},
		{"share", no_argument, NULL, OPT_SHARE},
		{"top", required_argument, NULL, OPT_TOP},
		{"summary", no_argument, NULL, OPT_SUMMARY},
		{"format", required_argument, NULL, 'f'},
		{"no-header", no_argument, NULL, OPT_NOHEADER},
		{"ascii", no_argument, NULL, OPT_ASCII},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct scio_stats_opts o = {0};
	struct scio_sout_opts so = {0};
	const char **pats = NULL, *format = NULL, *count = "turns";
	const char *term = getenv("TERM");
	size_t npats = 0, patscap = 0;
	int c, mflags = 0, kind;
	struct scio_stats *s;
	struct scio_stab *t;
	struct scio_jobj obj = {0};

	scio_cli_init(argc, argv);
	so.header = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":b:c:e:Fiwf:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'b': parse_by(&o, optarg); break;
		case 'c': count = optarg; break;
		case 'e':
			SCIO_ALLOC_GROW(pats, npats + 1, patscap);
			pats[npats++] = optarg;
			break;
		case 'F': mflags |= SCIO_MATCH_FIXED; break;
		case 'i': mflags |= SCIO_MATCH_ICASE; break;
		case 'w': mflags |= SCIO_MATCH_WORD; break;
		case OPT_PER: o.per = scio_arg_long("--per", optarg, 1, 1000000000); break;
		case OPT_SHARE: o.share = 1; break;
		case OPT_TOP: o.top = scio_arg_long("--top", optarg, 1, 1000000000); break;
		case OPT_SUMMARY: o.summary = 1; break;
		case 'f': format = optarg; break;
		case OPT_NOHEADER: so.header = 0; break;
		case OPT_ASCII: so.ascii = 1; break;
		case 'h': scio_cli_help(usage_text);
		case 'V': scio_cli_version(); break;
		default: scio_cli_bad_option(c, argv);
		}
	}
	if ((kind = scio_stats_count_from_name(count)) < 0)
		scio_usage_error("unknown count '%s' (turns, questions, exchanges, "
		    "words, conferences, hits)", count);
	o.count = (enum scio_scount)kind;
	if (o.count == SCIO_COUNT_HITS && npats == 0)
		scio_usage_error("--count hits needs a pattern (-e)");
	if (o.summary && (o.nby || o.share || o.per || strcmp(count, "turns") != 0))
		scio_usage_error("--summary goes with none of --by, --count, --share, --per");
	if (format == NULL)
		format = isatty(STDOUT_FILENO) ? "table" : "tsv";
	if ((kind = scio_sfmt_from_name(format)) < 0)
		scio_usage_error("unknown format '%s' (table, tsv, csv, json, md, svg, html)",
		    format);
	so.fmt = (enum scio_sfmt)kind;
	so.ascii |= term != NULL && strcmp(term, "dumb") == 0;
	so.defang = isatty(STDOUT_FILENO);
	so.width = so.fmt == SCIO_SF_TABLE ? terminal_width() : 0;
	if (npats) {
		o.pat = scio_match_new(pats, npats, mflags |
		    (getenv("SCIO_NO_JIT") ? SCIO_MATCH_NO_JIT : 0), "-e");
		o.pattern = pats[0];
	}

	s = scio_stats_new(&o);
	if (optind == argc)
		count_file(s, "-", &obj);
	for (; optind < argc; optind++)
		count_file(s, argv[optind], &obj);
	t = scio_stats_table(s);
	scio_stab_write(t, &so);
	scio_stab_free(t);
	scio_stats_free(s);
	if (o.pat)
		scio_match_free(o.pat);
	free(pats);
	free(o.by);
	scio_jobj_free(&obj);
	scio_out_close();
	return scio_exit_status();
}
