/* input.c: the URLs scio-fetch is given, from operands and input lines. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/text.h"
#include "scio/base/url.h"
#include "scio/fetch/input.h"

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

void
scio_fetch_input_file(struct scio_crawl *c, const char *path, const char *base)
{
	struct scio_input in;

	if (scio_input_open(&in, path) < 0)
		return;
	while (scio_input_next(&in) > 0)
		add_line(c, &in, base);
	scio_input_close(&in);
}

void
scio_fetch_input_arg(struct scio_crawl *c, const char *arg, const char *base)
{
	const char *why;
	char *url;

	if (strcmp(arg, "-") == 0) {
		scio_fetch_input_file(c, "-", base);
		return;
	}
	if (!scio_utf8_valid(arg, strlen(arg))) {
		scio_warn("not valid UTF-8: '%s'", arg);
		scio_set_status(SCIO_EXIT_ERROR);
		return;
	}
	if (is_local_file(arg))
		scio_usage_error("'%s' is a local file, not a URL: to read "
		    "the URLs in it, use -i %s or < %s", arg, arg, arg);
	if ((url = scio_url_input(arg, base, &why)) == NULL) {
		scio_warn("%s: '%s'", why, arg);
		scio_set_status(SCIO_EXIT_ERROR);
		return;
	}
	scio_crawl_add(c, url);
	free(url);
}
