/* scio-fetch: fetch SCIO pages politely and write them as page records. */
#include <getopt.h>
#include <stdlib.h>

#include "scio/base/alloc.h"
#include "scio/base/cli.h"
#include "scio/base/diag.h"
#include "scio/base/numarg.h"
#include "scio/base/url.h"
#include "scio/fetch/input.h"
#include "scio/fetch/robots.h"
#include "scio/fetch/run.h"
#include "scio/record/datebound.h"

#ifndef SCIO_VERSION
#define SCIO_VERSION "unknown"
#endif

#define DEFAULT_BASE "http://english.scio.gov.cn"

static const char usage_text[] =
	    "Usage: scio-fetch [OPTION]... [URL]...\n"
	    "Fetch pages of english.scio.gov.cn (or any http/https site) and write one\n"
	    "JSON page record per page to standard output. With no URL, or with '-',\n"
	    "read URLs from standard input: plain lines, or JSON records with a \"url\".\n"
	    "A transcript's continuation pages (content_N_2.htm ...) are fetched too\n"
	    "and its pages written in order.\n"
	    "\n"
	    "Input:\n"
	    "  -i, --input=FILE         read URLs from FILE as from standard input\n"
	    "  -b, --base=URL           resolve relative URLs against URL\n"
	    "                           (default " DEFAULT_BASE ")\n"
	    "      --no-follow          fetch only the pages given, no continuation pages\n"
	    "      --pages=N            walk at most N pages of a listing (node_N) (default 1;\n"
	    "                           0 for all, up to --max-listing-pages)\n"
	    "      --since=DATE         stop walking a listing at a page whose dated items\n"
	    "                           are all older than DATE (YYYY-MM-DD, YYYY-MM, YYYY)\n"
	    "      --max-pages=N        follow at most N pages of a transcript (default 200)\n"
	    "      --max-listing-pages=N  walk at most N pages of a listing with --pages 0\n"
	    "                           (default 10000)\n"
	    "Politeness:\n"
	    "  -j, --jobs=N             transfers at once overall (default 4)\n"
	    "      --per-host=N         transfers at once to one host (default 2)\n"
	    "  -w, --wait=SECONDS       wait between requests to one host (default 1;\n"
	    "                           0 for none)\n"
	    "      --random-wait        wait 0.5 to 1.5 times --wait (the default)\n"
	    "      --no-random-wait     wait exactly --wait\n"
	    "  -A, --user-agent=STRING  User-Agent (default scio-fetch/" SCIO_VERSION " (scio-tools))\n"
	    "      --from=EMAIL         a contact address for the site's operators: sent\n"
	    "                           as From: and added to the User-Agent as\n"
	    "                           +mailto:EMAIL\n"
	    "      --no-robots          do not read robots.txt (for sites you run); by\n"
	    "                           default each host's robots.txt is read first, a\n"
	    "                           URL it disallows is not fetched (a failed URL),\n"
	    "                           and its Crawl-delay is a floor under --wait\n"
	    "Failures:\n"
	    "      --retries=N          retries after a transient failure (default 3)\n"
	    "      --retry-unreachable  retry DNS failures and refused connections too\n"
	    "      --retry-delay=SECS   first backoff, doubled each retry (default 1)\n"
	    "      --max-retry-delay=SECS  longest backoff; a longer Retry-After fails\n"
	    "                           (default 60)\n"
	    "      --connect-timeout=SECS  (default 10)\n"
	    "  -m, --timeout=SECS       limit on one whole transfer (default 60)\n"
	    "      --low-speed-limit=BYTES  a transfer slower than this per second ...\n"
	    "      --low-speed-time=SECS    ... for this long is given up (100, 30)\n"
	    "      --max-bytes=SIZE     largest body, decompressed (default 16M)\n"
	    "      --max-redirs=N       redirects followed, only to http/https (default 5)\n"
	    "      --max-urls=N         pages asked for in one run (default 1000000)\n"
	    "      --max-total=SIZE     bytes of bodies fetched in one run (default 64G)\n"
	    "Keeping:\n"
	    "      --state=FILE         remember pages; send conditional requests; do not\n"
	    "                           write unchanged pages again; a page counts as done\n"
	    "                           once its conference is out whole (records, --save\n"
	    "                           files, WARC records), fsync'ed at each state save;\n"
	    "                           a page changed since says \"revised\": true\n"
	    "      --all                with --state, fetch and write every page anyway\n"
	    "      --checkpoint=SECS    save the state this often during a run (default 1)\n"
	    "      --save=DIR           also keep each body under DIR/HOST/PATH\n"
	    "      --warc=FILE          also append the exchanges to FILE as WARC/1.1,\n"
	    "                           bodies as sent, sha1 digests; FILE.gz: each\n"
	    "                           record its own gzip member\n"
	    "Other:\n"
	    "  -q, --quiet              no progress line, retry notices or summary line\n"
	    "  -h, --help               show this help and exit\n"
	    "  -V, --version            show the version and exit\n"
	    "\n"
	    "Examples:\n"
	    "  scio-fetch http://english.scio.gov.cn/pressroom/node_8021725.htm >list.jsonl\n"
	    "  scio-parse list.jsonl | scio-fetch -q --state seen >>pages.jsonl\n"
	    "\n"
	    "Exit status: 0 if every page was delivered, 1 if some failed for good,\n"
	    "2 for usage, input or output errors.\n"
	    "\n"
	    "See also: scio-fetch(1), the whole manual; scio-records(5), scio-parse(1),\n"
	    "curl(1), wget(1).\n";

enum {
	OPT_PER_HOST = 256, OPT_RANDOM_WAIT, OPT_RETRIES, OPT_RETRY_DELAY,
	OPT_MAX_RETRY_DELAY, OPT_CONNECT_TIMEOUT, OPT_LOW_SPEED_LIMIT,
	OPT_LOW_SPEED_TIME, OPT_MAX_BYTES, OPT_MAX_REDIRS, OPT_NO_FOLLOW,
	OPT_PAGES, OPT_MAX_PAGES, OPT_STATE, OPT_RETRY_UNREACHABLE, OPT_ALL, OPT_CHECKPOINT, OPT_SAVE, OPT_WARC,
	OPT_NO_RANDOM_WAIT, OPT_FROM, OPT_NO_ROBOTS,
	OPT_SINCE, OPT_MAX_LISTING_PAGES, OPT_MAX_URLS, OPT_MAX_TOTAL,
};

static const struct option longopts[] = {
	{"input", required_argument, NULL, 'i'},
	{"base", required_argument, NULL, 'b'},
	{"no-follow", no_argument, NULL, OPT_NO_FOLLOW},
	{"pages", required_argument, NULL, OPT_PAGES},
	{"since", required_argument, NULL, OPT_SINCE},
	{"max-pages", required_argument, NULL, OPT_MAX_PAGES},
	{"max-listing-pages", required_argument, NULL, OPT_MAX_LISTING_PAGES},
	{"jobs", required_argument, NULL, 'j'},
	{"per-host", required_argument, NULL, OPT_PER_HOST},
	{"wait", required_argument, NULL, 'w'},
	{"random-wait", no_argument, NULL, OPT_RANDOM_WAIT},
	{"no-random-wait", no_argument, NULL, OPT_NO_RANDOM_WAIT},
	{"user-agent", required_argument, NULL, 'A'},
	{"from", required_argument, NULL, OPT_FROM},
	{"no-robots", no_argument, NULL, OPT_NO_ROBOTS},
	{"retries", required_argument, NULL, OPT_RETRIES},
	{"retry-unreachable", no_argument, NULL, OPT_RETRY_UNREACHABLE},
	{"retry-delay", required_argument, NULL, OPT_RETRY_DELAY},
	{"max-retry-delay", required_argument, NULL, OPT_MAX_RETRY_DELAY},
	{"connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
	{"timeout", required_argument, NULL, 'm'},
	{"low-speed-limit", required_argument, NULL, OPT_LOW_SPEED_LIMIT},
	{"low-speed-time", required_argument, NULL, OPT_LOW_SPEED_TIME},
	{"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
	{"max-redirs", required_argument, NULL, OPT_MAX_REDIRS},
	{"max-urls", required_argument, NULL, OPT_MAX_URLS},
	{"max-total", required_argument, NULL, OPT_MAX_TOTAL},
	{"state", required_argument, NULL, OPT_STATE},
	{"all", no_argument, NULL, OPT_ALL},
	{"checkpoint", required_argument, NULL, OPT_CHECKPOINT},
	{"save", required_argument, NULL, OPT_SAVE},
	{"warc", required_argument, NULL, OPT_WARC},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

int
main(int argc, char **argv)
{
	struct scio_fetch_opts o = {
		.http = { .jobs = 4, .per_host = 2, .retries = 3,
		    .retry_delay = 1, .max_retry_delay = 60, .connect_timeout = 10,
		    .timeout = 60, .low_speed_limit = 100, .low_speed_time = 30,
		    .max_bytes = 16LL << 20, .max_redirs = 5,
		    .max_total = 64LL << 30, .wait = 1, .random_wait = 1,
		    .user_agent = "scio-fetch/" SCIO_VERSION " (scio-tools)" },
		.crawl = { .follow = 1, .listing_pages = 1,
		    .max_listing_pages = 10000, .max_pages = 200,
		    .max_urls = 1000000, .checkpoint = 1 },
		.robots = 1, .term = getenv("TERM"),
	};
	struct scio_http_opts *ho = &o.http;
	struct scio_crawl_opts *co = &o.crawl;
	const char *base = DEFAULT_BASE;
	char **inputs = NULL, *check;
	size_t ninputs = 0;
	int ch;
	struct scio_fetch_run run;
	struct scio_fetched *p;

	scio_cli_start(argc, argv, longopts);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":i:b:j:w:A:m:qhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			inputs = scio_reallocarray(inputs, ninputs + 1, sizeof(*inputs));
			inputs[ninputs++] = optarg;
			break;
		case 'b': base = optarg; break;
		case OPT_NO_FOLLOW: co->follow = 0; break;
		case OPT_PAGES: co->listing_pages = scio_arg_long("--pages", optarg, 0, 1000000); break;
		case OPT_MAX_PAGES: co->max_pages = scio_arg_long("--max-pages", optarg, 1, 100000); break;
		case OPT_MAX_LISTING_PAGES: co->max_listing_pages = scio_arg_long("--max-listing-pages", optarg, 1, 1000000); break;
		case OPT_SINCE:
			if (scio_date_bound_error(optarg) != NULL)
				scio_usage_error("--since: %s: '%s'",
				    scio_date_bound_error(optarg), optarg);
			co->since = optarg;
			break;
		case OPT_MAX_URLS: co->max_urls = (unsigned long)scio_arg_long("--max-urls", optarg, 1, 1000000000); break;
		case OPT_MAX_TOTAL: ho->max_total = scio_arg_size("--max-total", optarg); break;
		case 'j': ho->jobs = scio_arg_long("--jobs", optarg, 1, 1000); break;
		case OPT_PER_HOST: ho->per_host = scio_arg_long("--per-host", optarg, 1, 1000); break;
		case 'w': ho->wait = scio_arg_seconds("--wait", optarg); break;
		case OPT_RANDOM_WAIT: ho->random_wait = 1; break;
		case OPT_NO_RANDOM_WAIT: ho->random_wait = 0; break;
		case 'A': ho->user_agent = optarg; break;
		case OPT_FROM: o.from = optarg; break;
		case OPT_NO_ROBOTS: o.robots = 0; break;
		case OPT_RETRIES: ho->retries = scio_arg_long("--retries", optarg, 0, 100); break;
		case OPT_RETRY_UNREACHABLE: ho->retry_unreachable = 1; break;
		case OPT_RETRY_DELAY: ho->retry_delay = scio_arg_seconds("--retry-delay", optarg); break;
		case OPT_MAX_RETRY_DELAY: ho->max_retry_delay = scio_arg_seconds("--max-retry-delay", optarg); break;
		case OPT_CONNECT_TIMEOUT: ho->connect_timeout = scio_arg_seconds("--connect-timeout", optarg); break;
		case 'm': ho->timeout = scio_arg_seconds("--timeout", optarg); break;
		case OPT_LOW_SPEED_LIMIT: ho->low_speed_limit = scio_arg_long("--low-speed-limit", optarg, 0, 1L << 30); break;
		case OPT_LOW_SPEED_TIME: ho->low_speed_time = scio_arg_long("--low-speed-time", optarg, 0, 86400); break;
		case OPT_MAX_BYTES: ho->max_bytes = scio_arg_size("--max-bytes", optarg); break;
		case OPT_MAX_REDIRS: ho->max_redirs = scio_arg_long("--max-redirs", optarg, 0, 100); break;
		case OPT_STATE: o.state_path = optarg; break;
		case OPT_ALL: co->all = 1; break;
		case OPT_CHECKPOINT: co->checkpoint = scio_arg_seconds("--checkpoint", optarg); break;
		case OPT_SAVE: o.save_dir = optarg; break;
		case OPT_WARC: o.warc_path = optarg; break;
		case 'q': o.quiet = 1; break;
		case 'h': scio_cli_help(usage_text); break;
		case 'V': scio_cli_version(); break;
		default: scio_cli_bad_option(ch, argv);
		}
	}
	check = scio_url_resolve(NULL, base);
	if (check == NULL)
		scio_usage_error("invalid --base URL: '%s'", base);
	free(check);
	if (o.from != NULL && !scio_contact_valid(o.from))
		scio_usage_error("invalid --from address: '%s' (an address "
		    "such as name@example.org)", o.from);
	scio_fetch_start(&run, &o);
	for (size_t i = 0; i < ninputs; i++)
		scio_fetch_input_file(run.crawl, inputs[i], base);
	for (int i = optind; i < argc; i++)
		scio_fetch_input_arg(run.crawl, argv[i], base);
	if (optind == argc && ninputs == 0)
		scio_fetch_input_file(run.crawl, "-", base);
	free(inputs);

	while ((p = scio_crawl_next(run.crawl)) != NULL)
		scio_fetch_deliver(&run, p);
	return scio_fetch_end(&run);
}
