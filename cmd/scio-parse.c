/* scio-parse: SCIO pages into turn, doc and link records. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "scio/base/cli.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/parse/feed.h"

static const char usage_text[] =
"Usage: scio-parse [-d] [-u URL] [-c CHARSET] [--explain] [FILE]...\n"
"Turn pages of the SCIO English site into JSON Lines records.\n"
"\n"
"Each FILE holds page records from scio-fetch (JSON Lines with url and\n"
"html) or is one HTML page; with no FILE, or when FILE is -, standard\n"
"input is read. Pages of one conference are merged, in page order.\n"
"\n"
"Output (one JSON object per line):\n"
"  turn  one per speaker turn (the default): doc, url, page, seq, title,\n"
"        date, speaker, speaker_title, role, outlet, qa, text\n"
"  doc   one per conference with --docs, its turns nested; articles and\n"
"        notices always come out as doc records\n"
"  link  one per item of a listing page, for scio-fetch to follow\n"
"Turn and doc records of a conference a page record marks \"revised\" (a\n"
"transcript changed on the site) say \"revised\": true, as does a conference\n"
"that comes again in the input with other pages: the last one is current.\n"
"\n"
"Options:\n"
"  -d, --docs           one doc record per conference instead of turns\n"
"  -u, --url URL        the URL of the one HTML FILE given (default: its name)\n"
"  -c, --charset NAME   the charset of HTML files that do not declare one\n"
"                       (default: UTF-8, or a guess when that fails)\n"
"      --explain        print the lines of text each page gives, with the\n"
"                       pass that claimed each and why, instead of records\n"
"      --lines          the same as --explain\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show the version and exit\n"
"\n"
"Examples:\n"
"  scio-parse content_90000101.htm content_90000101_2.htm content_90000101_3.htm\n"
"  scio-parse --docs content_90000101*.htm >docs.jsonl\n"
"  scio-parse --explain content_90000101.htm\n"
"\n"
"Exit status: 0 if all went well, 2 if any input was bad (each bad line\n"
"or page is reported as FILE:LINE and skipped; the rest is still parsed).\n"
"\n"
"See also: scio-parse(1), the whole manual; scio-records(5), scio-fetch(1),\n"
"scio-grep(1), scio-fmt(1), jq(1).\n";

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"docs", no_argument, NULL, 'd'},
		{"url", required_argument, NULL, 'u'},
		{"charset", required_argument, NULL, 'c'},
		{"explain", no_argument, NULL, 'L'},
		{"lines", no_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct scio_feed_opts opt = {0};
	struct scio_feed *fd;
	int ch;

	scio_cli_start(argc, argv, longopts);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":du:c:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			opt.docs = 1;
			break;
		case 'u':
			opt.url = optarg;
			break;
		case 'c':
			opt.charset = optarg;
			break;
		case 'L':
			opt.lines = 1;
			break;
		case 'h':
			scio_cli_help(usage_text);
		case 'V':
			scio_cli_version();
			break;
		default:
			scio_cli_bad_option(ch, argv);
		}
	}
	if (opt.url && argc - optind > 1)
		scio_usage_error("--url names one page: give one FILE with it");
	fd = scio_feed_new(&opt);
	if (optind == argc)
		scio_feed_file(fd, "-");
	for (int i = optind; i < argc; i++)
		scio_feed_file(fd, argv[i]);
	scio_feed_finish(fd);
	scio_out_close();
	return scio_exit_status();
}
