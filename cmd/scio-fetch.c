/* scio-fetch: fetch SCIO pages politely and write them as page records. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/cli.h"
#include "scio/fetch/crawl.h"
#include "scio/base/diag.h"
#include "scio/fetch/http.h"
#include "scio/base/jsonl.h"
#include "scio/base/numarg.h"
#include "scio/base/out.h"
#include "scio/fetch/progress.h"
#include "scio/fetch/robots.h"
#include "scio/fetch/state.h"
#include "scio/base/text.h"
#include "scio/base/url.h"
#include "scio/fetch/urlname.h"
#include "scio/fetch/warc.h"
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

/* SIGINT or SIGTERM: the run stops at once, the record being written is
 * finished, the state is saved and the signal then ends the program. */
static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;	/* a write in progress is finished */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Ends the program as the signal that stopped it would have. */
static void
die_of_signal(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	raise(sig);
	/* raise returns when the signal is blocked */
	/* cppcheck-suppress unreachableCode */
	exit(128 + sig);
}

static int
is_web(const char *url)
{
	char *scheme = scio_url_scheme(url);
	int web = scheme != NULL && (strcmp(scheme, "http") == 0 ||
	    strcmp(scheme, "https") == 0);

	free(scheme);
	return web;
}

/* Whether an operand without a scheme names a file here: meant as
 * input (-i FILE), never to be guessed into a URL on the site. */
static int
is_local_file(const char *arg)
{
	char *scheme = scio_url_scheme(arg);
	struct stat st;

	if (scheme != NULL) {
		free(scheme);
		return 0;
	}
	return stat(arg, &st) == 0;
}

/* Adds the URL one input line names: a plain URL or a record's "url". */
static void
add_line(struct scio_crawl *c, const struct scio_input *in, const char *base)
{
	const char *text = in->line, *why;
	json_t *rec = NULL;
	char *url;

	/* A NUL would cut the URL short, and bytes that are not UTF-8
	 * cannot go into a record or the state: both are refused whole. */
	if (memchr(in->line, '\0', in->len) != NULL) {
		scio_bad_input(in->name, in->lineno, "NUL byte in the line");
		return;
	}
	while (*text == ' ' || *text == '\t')
		text++;
	if (*text == '\0' || *text == '#')
		return;
	if (*text == '[') {
		scio_bad_input(in->name, in->lineno, "a JSON array, not a URL or a record");
		return;
	}
	if (*text != '{' && !scio_utf8_valid(text, strlen(text))) {
		scio_bad_input(in->name, in->lineno, "not valid UTF-8");
		return;
	}
	if (*text == '{') {
		if ((rec = scio_record_load(in)) == NULL)
			return;
		text = json_string_value(json_object_get(rec, "url"));
		if (text == NULL) {
			scio_bad_input(in->name, in->lineno, "record without a \"url\" string");
			json_decref(rec);
			return;
		}
	}
	if ((url = scio_url_input(text, base, &why)) == NULL) {
		scio_bad_input(in->name, in->lineno, "%s: '%s'", why, text);
	} else if (rec != NULL && !is_web(url)) {
		/* A record's url comes from a page (a listing's links), not
		 * from the user: it must not open local files. */
		scio_bad_input(in->name, in->lineno, "not an http or https URL "
		    "in a record: '%s' (give a file:// URL as an argument)", text);
	} else {
		scio_crawl_add(c, url);
	}
	free(url);
	json_decref(rec);
}

static void
add_file(struct scio_crawl *c, const char *path, const char *base)
{
	struct scio_input in;

	if (scio_input_open(&in, path) < 0)
		return;
	while (scio_input_next(&in) > 0)
		add_line(c, &in, base);
	scio_input_close(&in);
}

static int
sync_warc(void *w)
{
	return scio_warc_sync(w);
}

/* Appends rec as one line of JSON to b. */
static void
add_record(struct scio_buf *b, const json_t *rec)
{
	const size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
	size_t room, n;

	scio_buf_grow(b, 4096);
	room = b->cap - b->len - 1;
	n = json_dumpb(rec, b->s + b->len, room, flags);
	if (n == 0)
		scio_die(SCIO_EXIT_ERROR, "cannot encode a record as JSON");
	if (n > room) {
		scio_buf_grow(b, n);
		n = json_dumpb(rec, b->s + b->len, n, flags);
	}
	b->len += n;
	scio_buf_addc(b, '\n');
}

/* What the progress line and the summary show. */
struct watch {
	struct scio_progress *p;
	struct scio_crawl *crawl;	/* NULL until made */
};

static void
count(const struct scio_http *h, const struct watch *w,
    struct scio_progress_counts *c)
{
	struct scio_http_stats s;

	scio_http_stats(h, &s);
	c->done = s.done + s.failed;
	/* Continuation pages found later add to the total. */
	c->total = c->done + s.waiting +
	    (w->crawl != NULL ? scio_crawl_waiting(w->crawl) : 0);
	c->unchanged = s.unchanged;
	c->failed = s.failed;
	c->disallowed = s.disallowed;
	c->bytes = s.bytes;
	c->elapsed = s.elapsed;
	c->url = s.url;
}

static void
on_tick(void *arg, const struct scio_http *h)
{
	struct watch *w = arg;
	struct scio_progress_counts c;

	if (!scio_progress_live(w->p))
		return;
	count(h, w, &c);
	scio_progress_show(w->p, &c);
}

static void
on_retry(void *arg, const char *url, double delay, long left)
{
	const struct watch *w = arg;

	scio_progress_retry(w->p, url, delay, left);
}

int
main(int argc, char **argv)
{
	struct scio_http_opts ho = {
		.jobs = 4, .per_host = 2, .retries = 3, .retry_delay = 1,
		.max_retry_delay = 60, .connect_timeout = 10, .timeout = 60,
		.low_speed_limit = 100, .low_speed_time = 30,
		.max_bytes = 16LL << 20, .max_redirs = 5, .max_total = 64LL << 30,
		.wait = 1, .random_wait = 1,
		.user_agent = "scio-fetch/" SCIO_VERSION " (scio-tools)",
	};
	struct scio_crawl_opts co = { .follow = 1, .listing_pages = 1,
	    .max_listing_pages = 10000, .max_pages = 200, .max_urls = 1000000,
	    .checkpoint = 1 };
	const char *base = DEFAULT_BASE, *state_path = NULL, *save_dir = NULL;
	const char *warc_path = NULL, *from = NULL;
	char **inputs = NULL, *check, *ua = NULL;
	size_t ninputs = 0;
	int quiet = 0, robots = 1, ch;
	struct watch watch = {0};
	struct scio_progress_counts counts;
	struct scio_http *http;
	struct scio_crawl *crawl;
	struct scio_fetched *p;
	struct scio_buf group = {0};

	scio_cli_start(argc, argv, longopts);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":i:b:j:w:A:m:qhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'i':
			inputs = scio_reallocarray(inputs, ninputs + 1, sizeof(*inputs));
			inputs[ninputs++] = optarg;
			break;
		case 'b': base = optarg; break;
		case OPT_NO_FOLLOW: co.follow = 0; break;
		case OPT_PAGES: co.listing_pages = scio_arg_long("--pages", optarg, 0, 1000000); break;
		case OPT_MAX_PAGES: co.max_pages = scio_arg_long("--max-pages", optarg, 1, 100000); break;
		case OPT_MAX_LISTING_PAGES: co.max_listing_pages = scio_arg_long("--max-listing-pages", optarg, 1, 1000000); break;
		case OPT_SINCE:
			if (scio_date_bound_error(optarg) != NULL)
				scio_usage_error("--since: %s: '%s'",
				    scio_date_bound_error(optarg), optarg);
			co.since = optarg;
			break;
		case OPT_MAX_URLS: co.max_urls = (unsigned long)scio_arg_long("--max-urls", optarg, 1, 1000000000); break;
		case OPT_MAX_TOTAL: ho.max_total = scio_arg_size("--max-total", optarg); break;
		case 'j': ho.jobs = scio_arg_long("--jobs", optarg, 1, 1000); break;
		case OPT_PER_HOST: ho.per_host = scio_arg_long("--per-host", optarg, 1, 1000); break;
		case 'w': ho.wait = scio_arg_seconds("--wait", optarg); break;
		case OPT_RANDOM_WAIT: ho.random_wait = 1; break;
		case OPT_NO_RANDOM_WAIT: ho.random_wait = 0; break;
		case 'A': ho.user_agent = optarg; break;
		case OPT_FROM: from = optarg; break;
		case OPT_NO_ROBOTS: robots = 0; break;
		case OPT_RETRIES: ho.retries = scio_arg_long("--retries", optarg, 0, 100); break;
		case OPT_RETRY_UNREACHABLE: ho.retry_unreachable = 1; break;
		case OPT_RETRY_DELAY: ho.retry_delay = scio_arg_seconds("--retry-delay", optarg); break;
		case OPT_MAX_RETRY_DELAY: ho.max_retry_delay = scio_arg_seconds("--max-retry-delay", optarg); break;
		case OPT_CONNECT_TIMEOUT: ho.connect_timeout = scio_arg_seconds("--connect-timeout", optarg); break;
		case 'm': ho.timeout = scio_arg_seconds("--timeout", optarg); break;
		case OPT_LOW_SPEED_LIMIT: ho.low_speed_limit = scio_arg_long("--low-speed-limit", optarg, 0, 1L << 30); break;
		case OPT_LOW_SPEED_TIME: ho.low_speed_time = scio_arg_long("--low-speed-time", optarg, 0, 86400); break;
		case OPT_MAX_BYTES: ho.max_bytes = scio_arg_size("--max-bytes", optarg); break;
		case OPT_MAX_REDIRS: ho.max_redirs = scio_arg_long("--max-redirs", optarg, 0, 100); break;
		case OPT_STATE: state_path = optarg; break;
		case OPT_ALL: co.all = 1; break;
		case OPT_CHECKPOINT: co.checkpoint = scio_arg_seconds("--checkpoint", optarg); break;
		case OPT_SAVE: save_dir = optarg; break;
		case OPT_WARC: warc_path = optarg; break;
		case 'q': quiet = 1; break;
		case 'h': scio_cli_help(usage_text); break;
		case 'V': scio_cli_version(); break;
		default: scio_cli_bad_option(ch, argv);
		}
	}
	check = scio_url_resolve(NULL, base);
	if (check == NULL)
		scio_usage_error("invalid --base URL: '%s'", base);
	free(check);
	if (from != NULL && !scio_contact_valid(from))
		scio_usage_error("invalid --from address: '%s' (an address "
		    "such as name@example.org)", from);
	if (from != NULL)
		ho.user_agent = ua = scio_contact_user_agent(ho.user_agent, from);
	ho.from = from;
	if (state_path != NULL) {
		co.state = scio_state_open(state_path);
		scio_out_resume(scio_state_output_size(co.state, STDOUT_FILENO));
		scio_state_watch_output(co.state, STDOUT_FILENO);
	} else {
		scio_out_resume(-1);
	}
	if (warc_path != NULL) {
		/* The run's policy, for the warcinfo record. */
		struct scio_warc_info wi = { .robots = robots ? "classic" : "ignore",
		    .user_agent = ho.user_agent, .from = from };

		ho.warc = scio_warc_open(warc_path, &wi);
	}
	if (co.state != NULL && ho.warc != NULL)
		scio_state_presave(co.state, sync_warc, ho.warc);
	if (robots)
		ho.robots = scio_robots_new("scio-fetch", co.state);
	co.window = ho.jobs * 4;
	ho.stop = &got_signal;
	catch_signals();
	watch.p = scio_progress_new(quiet, getenv("TERM"));
	ho.on_retry = on_retry;
	ho.on_tick = on_tick;
	ho.notify_arg = &watch;
	http = scio_http_new(&ho);
	crawl = scio_crawl_new(http, &co);
	watch.crawl = crawl;

	for (size_t i = 0; i < ninputs; i++)
		add_file(crawl, inputs[i], base);
	for (int i = optind; i < argc; i++) {
		const char *why;
		char *url;

		if (strcmp(argv[i], "-") == 0) {
			add_file(crawl, "-", base);
			continue;
		}
		if (!scio_utf8_valid(argv[i], strlen(argv[i]))) {
			scio_warn("not valid UTF-8: '%s'", argv[i]);
			scio_set_status(SCIO_EXIT_ERROR);
			continue;
		}
		if (is_local_file(argv[i]))
			scio_usage_error("'%s' is a local file, not a URL: to read "
			    "the URLs in it, use -i %s or < %s", argv[i], argv[i],
			    argv[i]);
		if ((url = scio_url_input(argv[i], base, &why)) == NULL) {
			scio_warn("%s: '%s'", why, argv[i]);
			scio_set_status(SCIO_EXIT_ERROR);
			continue;
		}
		scio_crawl_add(crawl, url);
		free(url);
	}
	if (optind == argc && ninputs == 0)
		add_file(crawl, "-", base);

	/* A group (a transcript and its pages) goes out in one write, and
	 * its pages count as delivered once it is out (scio_crawl_commit). */
	while ((p = scio_crawl_next(crawl)) != NULL) {
		int last = p->last;

		if (p->outcome == SCIO_FETCH_FAILED) {
			scio_progress_clear(watch.p);
			scio_warn("%s: %s", p->resp->url, p->resp->error);
			scio_set_status(SCIO_EXIT_NONE);
		} else if (p->outcome == SCIO_FETCH_NEW) {
			json_t *rec = scio_fetched_record(p);

			/* A body that cannot be kept loses no record. */
			if (save_dir != NULL && scio_save_body(save_dir,
			    p->resp->url, scio_buf_str(&p->resp->body),
			    p->resp->body.len) < 0)
				scio_set_status(SCIO_EXIT_ERROR);
			add_record(&group, rec);
			json_decref(rec);
		}
		scio_crawl_done(crawl, p);
		if (last) {
			scio_out_write(group.s, group.len);
			scio_out_flush();
			scio_buf_reset(&group);
			scio_crawl_commit(crawl);
		}
		on_tick(&watch, http);
	}
	count(http, &watch, &counts);
	scio_progress_end(watch.p, &counts);
	if (got_signal)
		scio_warn("stopped by %s: pages not yet written are fetched by "
		    "the next run", got_signal == SIGINT ? "SIGINT" : "SIGTERM");
	if (co.state != NULL) {
		scio_state_checkpoint(co.state, 0);
		scio_state_close(co.state);
	}
	scio_warc_close(ho.warc);
	scio_crawl_free(crawl);
	scio_http_free(http);
	scio_robots_free(ho.robots);
	free(ua);
	free(inputs);
	scio_buf_free(&group);
	scio_out_close();
	if (got_signal)
		die_of_signal(got_signal);
	return scio_exit_status();
}
