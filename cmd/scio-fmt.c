/* scio-fmt: records in, something to read or load out: text, Markdown,
 * CSV, TSV, HTML, pretty JSON, or a template's lines. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scio/base/cli.h"
#include "scio/base/diag.h"
#include "scio/fmt/exchange.h"
#include "scio/fmt/fmt.h"
#include "scio/base/jsonl.h"
#include "scio/base/numarg.h"

static const char usage_text[] =
"Usage: scio-fmt [OPTION]... [FILE]...\n"
"  or:  scio-fmt -t TEMPLATE [FILE]...\n"
"Format scio records (JSON Lines) from FILEs, or standard input, for\n"
"people and their tools.\n"
"\n"
"Options:\n"
"  -f, --format=FMT     text (default), md, csv, tsv, html or json\n"
"  -t, --template=TPL   TPL and a newline per record: {field} is the\n"
"                       field's value, {field:N} cut to N columns,\n"
"                       \\t \\n \\\\ \\{ \\} a tab, newline, backslash, brace\n"
"  -F, --fields=LIST    csv, tsv: the columns, comma-separated (default\n"
"                       doc,date,seq,qa,speaker,role,outlet,text);\n"
"                       +NAME for a field outside the schema\n"
"      --no-header      csv, tsv: no header row\n"
"      --bom            csv, tsv: start with a byte order mark, so that\n"
"                       Excel reads UTF-8 (turns --safe on)\n"
"      --safe           csv, tsv: put ' before a cell starting with\n"
"                       = + - @ tab or CR, so no formula runs\n"
"      --by=UNIT        turn (default), or exchange: one row or record\n"
"                       per question, its answers and the chair's words\n"
"  -w, --width=N        text: wrap to N columns (0: do not wrap);\n"
"                       default the terminal's width, else 80\n"
"      --color[=WHEN]   text: colour and bold: auto (default: on a\n"
"                       terminal, unless NO_COLOR is set), always, never\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Examples:\n"
"  scio-fmt turns.jsonl | less -R\n"
"  scio-grep --mark -e 'data' turns.jsonl | scio-fmt -f html > hits.html\n"
"  scio-fmt -f md docs.jsonl > transcript.md\n"
"  scio-fmt -f csv --fields date,speaker,outlet,text turns.jsonl > turns.csv\n"
"  scio-fmt -f tsv --no-header --fields speaker,text turns.jsonl\n"
"  scio-fmt -t '{date} {speaker}: {text:60}' turns.jsonl\n"
"  scio-fmt --by exchange -f csv turns.jsonl > exchanges.csv\n"
"\n"
"Exit status: 0 success, 2 usage error, I/O error or bad input seen.\n"
"\n"
"See also: scio-fmt(1), the whole manual; scio-records(5), scio-fetch(1),\n"
"scio-parse(1), scio-grep(1), jq(1), mlr(1).\n";

/* --by exchange: turns are grouped into exchange records first. */
static struct scio_xgroup *by_exchange;

static void
emit_exchange(json_t *x, void *arg)
{
	struct scio_frec r = {0};

	r.json = x;
	scio_fmt_record(arg, &r, "exchange");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"template", required_argument, NULL, 't'},
		{"fields", required_argument, NULL, 'F'},
		{"no-header", no_argument, NULL, 'H'},
		{"bom", no_argument, NULL, 'O'},
		{"safe", no_argument, NULL, 'S'},
		{"by", required_argument, NULL, 'B'},
		{"width", required_argument, NULL, 'w'},
		{"color", optional_argument, NULL, 'C'},
		{"colour", optional_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct scio_fmt_opts o = {0};
	const char *format = NULL, *colour = "auto", *by = "turn";
	char *fields = NULL;
	const char **fieldv = NULL;
	int c, have_width = 0, kind;
	struct scio_fmt *f;

	scio_cli_start(argc, argv, longopts);
	o.header = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:t:F:w:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 't': o.template = optarg; break;
		case 'F': fields = optarg; break;
		case 'H': o.header = 0; break;
		case 'O': o.bom = o.safe = 1; break;
		case 'S': o.safe = 1; break;
		case 'B': by = optarg; break;
		case 'w': o.width = (size_t)scio_arg_long("--width", optarg, 0, 100000); have_width = 1; break;
		case 'C': colour = optarg ? optarg : "always"; break;
		case 'h': scio_cli_help(usage_text);
		case 'V': scio_cli_version(); break;
		default: scio_cli_bad_option(c, argv);
		}
	}
	if (format && o.template)
		scio_usage_error("-f and -t do not go together");
	kind = o.template ? SCIO_FMT_TEMPLATE :
	    scio_fmt_kind_from_name(format ? format : "text");
	if (kind < 0)
		scio_usage_error("unknown format '%s' (text, md, csv, tsv, html, json)",
		    format);
	o.kind = (enum scio_fmt_kind)kind;
	if (fields && o.kind != SCIO_FMT_CSV && o.kind != SCIO_FMT_TSV)
		scio_usage_error("--fields is for -f csv and -f tsv");
	if ((o.bom || o.safe) && o.kind != SCIO_FMT_CSV && o.kind != SCIO_FMT_TSV)
		scio_usage_error("--bom and --safe are for -f csv and -f tsv");
	/* on a terminal, what a page wrote cannot drive it */
	o.defang = isatty(STDOUT_FILENO);
	/* by is "turn" or --by's argument, which getopt_long requires:
	 * NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
	if (strcmp(by, "exchange") != 0 && strcmp(by, "turn") != 0)
		scio_usage_error("bad --by '%s' (turn, exchange)", by);
	if (fields) {
		fieldv = scio_fmt_fields(&o, fields);
	} else {
		const char *const *def = strcmp(by, "exchange") == 0 ?
		    scio_exchange_fields : scio_default_fields;

		o.fields = def;
		for (o.nfields = 0; def[o.nfields]; o.nfields++)
			;
	}
	if (strcmp(colour, "always") == 0)
		o.colour = 1;
	else if (strcmp(colour, "auto") == 0)
		o.colour = scio_cli_colour(STDOUT_FILENO);
	else if (strcmp(colour, "never") != 0)
		scio_usage_error("bad --color '%s' (auto, always, never)", colour);
	if (!have_width)
		o.width = scio_cli_width();

	f = scio_fmt_new(&o);
	if (strcmp(by, "exchange") == 0)
		by_exchange = scio_xgroup_new(emit_exchange, f);
	if (optind == argc)
		scio_fmt_file(f, "-", by_exchange);
	for (; optind < argc; optind++)
		scio_fmt_file(f, argv[optind], by_exchange);
	if (by_exchange)
		scio_xgroup_free(by_exchange);
	scio_fmt_finish(f);
	free(fieldv);
	scio_out_close();
	return scio_exit_status();
}
