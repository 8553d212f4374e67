/* jsonl.c: line input with file and line numbers (gzip read as if plain),
 * and checked output. */
#define _GNU_SOURCE	/* fopencookie: a gzip stream seen as a FILE */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <zlib.h>

#include "scio/base/diag.h"
#include "scio/base/text.h"
#include "scio/base/jsonl.h"

/* What scio_input_bad and the record checks have seen of one input. */
struct scio_incheck {
	size_t bad;		/* bad lines, shown or not */
	size_t pages;		/* page records */
	size_t records;		/* any other records */
	int want_records;	/* scio_input_want_records was called */
	int give_up;		/* the rest is not worth reading (HTML) */
};

static int quiet_files;		/* -s: no message for a file that fails */

void
scio_input_quiet(int on)
{
	quiet_files = on;
}

/* A file that cannot be opened or read: named unless -s, status 2. */
static void
file_failed(const char *name, int reading)
{
	if (!quiet_files)
		scio_warn_errno(reading ? "%s: read error" : "%s", name);
	scio_set_status(SCIO_EXIT_ERROR);
}

/* A gzip stream read through inflate, pulling from the raw FILE (which may
 * hold bytes already buffered, as stdin after a peek). Concatenated gzip
 * members, as `cat a.gz b.gz` or an appended archive makes, read as one. */
struct gz {
	FILE *raw;
	const char *name;
	z_stream zs;
	unsigned char buf[1 << 16];
	int in_member;		/* inside a member: its end is still to come */
	int done;
};

static ssize_t
gz_read(void *cookie, char *out, size_t n)
{
	struct gz *g = cookie;
	uInt want = n > (1u << 30) ? (1u << 30) : (uInt)n;

	if (g->done || want == 0)
		return 0;
	g->zs.next_out = (unsigned char *)out;
	g->zs.avail_out = want;
	while (g->zs.avail_out == want && !g->done) {
		int rc;

		if (g->zs.avail_in == 0) {
			size_t k = fread(g->buf, 1, sizeof(g->buf), g->raw);

			if (k == 0) {
				if (ferror(g->raw))
					return -1;
				if (g->in_member)
					scio_bad_input(g->name, 0,
					    "gzip data ends early: the file is cut short");
				g->done = 1;
				break;
			}
			g->zs.next_in = g->buf;
			g->zs.avail_in = (uInt)k;
		}
		rc = inflate(&g->zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END) {
			/* another member may follow */
			inflateReset(&g->zs);
			g->in_member = 0;
			continue;
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			scio_bad_input(g->name, 0, "bad gzip data: %s",
			    g->zs.msg ? g->zs.msg : "inflate failed");
			g->done = 1;
			break;
		}
		g->in_member = 1;
	}
	return (ssize_t)(want - g->zs.avail_out);
}

static int
gz_close(void *cookie)
{
	struct gz *g = cookie;
	int rc = 0;

	inflateEnd(&g->zs);
	if (g->raw != stdin)
		rc = fclose(g->raw);
	free(g);
	return rc;
}

/* Whether the stream starts with gzip's magic bytes; nothing consumed. A
 * record, a page or a state line never starts with byte 0x1f. */
static int
looks_gzip(FILE *fp)
{
	int c = getc(fp);

	if (c == EOF) {
		clearerr(fp);	/* a read error shows again at the first read */
		return 0;
	}
	ungetc(c, fp);
	return c == 0x1f;
}

/* Replaces in->fp by a stream of its inflated bytes. */
static int
open_gzip(struct scio_input *in)
{
	static cookie_io_functions_t fns = { gz_read, NULL, NULL, gz_close };
	struct gz *g = scio_calloc(1, sizeof(*g));
	FILE *fp;

	g->raw = in->fp;
	g->name = in->name;
	if (inflateInit2(&g->zs, 15 + 16) != Z_OK)
		scio_die(SCIO_EXIT_ERROR, "out of memory");
	fp = fopencookie(g, "rb", fns);
	if (fp == NULL)
		scio_die(SCIO_EXIT_ERROR, "out of memory");
	in->fp = fp;
	return 0;
}

int
scio_input_open(struct scio_input *in, const char *path)
{
	struct stat st;

	memset(in, 0, sizeof(*in));
	in->check = scio_calloc(1, sizeof(*in->check));
	if (strcmp(path, "-") == 0) {
		in->name = "(standard input)";
		in->fp = stdin;
		return looks_gzip(in->fp) ? open_gzip(in) : 0;
	}
	in->name = path;
	in->fp = fopen(path, "rb");
	if (in->fp == NULL) {
		file_failed(path, 0);
		free(in->check);
		in->check = NULL;
		return -1;
	}
	if (fstat(fileno(in->fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!quiet_files)
			scio_warn("%s: is a directory", path);
		scio_set_status(SCIO_EXIT_ERROR);
		fclose(in->fp);
		in->fp = NULL;
		free(in->check);
		in->check = NULL;
		return -1;
	}
	return looks_gzip(in->fp) ? open_gzip(in) : 0;
}

int
scio_input_next(struct scio_input *in)
{
	ssize_t n;

	if (in->check != NULL && in->check->give_up)
		return 0;
	errno = 0;
	n = getline(&in->line, &in->cap, in->fp);
	if (n < 0) {
		if (errno == ENOMEM) {
			/* not the end: a line too long for the memory there is */
			scio_bad_input(in->name, in->lineno + 1, "line too long "
			    "for the memory available");
			scio_set_status(SCIO_EXIT_ERROR);
			return -1;
		}
		if (ferror(in->fp)) {
			file_failed(in->name, 1);
			return -1;
		}
		return 0;
	}
	in->lineno++;
	if (n > 0 && in->line[n - 1] == '\n')
		n--;
	if (n > 0 && in->line[n - 1] == '\r')
		n--;
	in->line[n] = '\0';
	if (in->lineno == 1 && n >= 3 && memcmp(in->line, "\xEF\xBB\xBF", 3) == 0) {
		memmove(in->line, in->line + 3, (size_t)n - 2);
		n -= 3;
	}
	in->len = (size_t)n;
	return 1;
}

void
scio_input_want_records(struct scio_input *in)
{
	if (in->check != NULL)
		in->check->want_records = 1;
}

void
scio_input_note(struct scio_input *in, struct scio_jobj *obj)
{
	const struct scio_jmember *t = scio_jobj_get(obj, "type");

	if (in->check == NULL)
		return;
	if (t != NULL && t->vallen == 6 && memcmp(t->val, "\"page\"", 6) == 0)
		in->check->pages++;
	else
		in->check->records++;
}

/* Whether a line that is not JSON starts as HTML does. */
static int
looks_html(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	return i + 1 < n && s[i] == '<' &&
	    (s[i + 1] == '!' || s[i + 1] == '?' || (s[i + 1] | 0x20) == 'h' ||
	     ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'));
}

void
scio_input_bad(const struct scio_input *in, const char *fmt, ...)
{
	struct scio_incheck *c = in->check;
	va_list ap;
	struct scio_buf msg = {0};

	scio_set_status(SCIO_EXIT_ERROR);
	if (c != NULL && c->want_records && c->bad == 0 && c->records == 0 &&
	    c->pages == 0 && looks_html(in->line, in->len)) {
		scio_bad_input(in->name, 0, "looks like HTML: run scio-parse on it first");
		c->give_up = 1;
		c->bad++;
		return;
	}
	if (c != NULL && c->bad++ >= SCIO_BAD_LINES_SHOWN)
		return;
	va_start(ap, fmt);
	scio_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	scio_bad_input(in->name, in->lineno, "%s", scio_buf_str(&msg));
	scio_buf_free(&msg);
}

void
scio_input_close(struct scio_input *in)
{
	struct scio_incheck *c = in->check;

	if (c != NULL && !c->give_up && c->bad > SCIO_BAD_LINES_SHOWN)
		scio_bad_input(in->name, 0, "... and %zu more bad lines",
		    c->bad - SCIO_BAD_LINES_SHOWN);
	if (c != NULL && c->want_records && c->pages > 0 && c->records == 0)
		scio_bad_input(in->name, 0, "%zu page record%s and no turn records: "
		    "pipe %s through scio-parse first", c->pages, c->pages == 1 ? "" : "s",
		    c->pages == 1 ? "it" : "them");
	free(c);
	if (in->fp && in->fp != stdin)
		fclose(in->fp);
	free(in->line);
	memset(in, 0, sizeof(*in));
}

int
scio_line_is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

json_t *
scio_record_load(const struct scio_input *in)
{
	json_error_t err;
	json_t *v;

	v = json_loadb(in->line, in->len, 0, &err);
	if (v == NULL) {
		scio_input_bad(in, "bad JSON at column %d: %s", err.column, err.text);
		return NULL;
	}
	if (!json_is_object(v)) {
		scio_input_bad(in, "not a JSON object");
		json_decref(v);
		return NULL;
	}
	return v;
}

int
scio_read_file(const char *path, struct scio_buf *b)
{
	struct scio_input in;
	char chunk[65536];
	size_t n;

	scio_buf_reset(b);
	if (scio_input_open(&in, path) < 0)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), in.fp)) > 0)
		scio_buf_add(b, chunk, n);
	if (ferror(in.fp)) {
		scio_warn_errno("%s: read error", in.name);
		scio_set_status(SCIO_EXIT_ERROR);
		scio_input_close(&in);
		return -1;
	}
	scio_input_close(&in);
	scio_buf_grow(b, 0);
	return 0;
}

json_t *
scio_json_str_or_null(const char *s)
{
	struct scio_buf b = {0};
	json_t *v;

	if (s == NULL)
		return json_null();
	if ((v = json_string(s)) != NULL)
		return v;
	scio_utf8_sanitize(s, strlen(s), &b);
	v = json_stringn(scio_buf_str(&b), b.len);
	scio_buf_free(&b);
	return v;
}
