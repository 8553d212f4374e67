/* warc.c: a WARC/1.1 writer (warcinfo, request, response records). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "scio/alloc.h"
#include "scio/diag.h"
#include "scio/warc.h"

#ifndef SCIO_VERSION
#define SCIO_VERSION "unknown"
#endif

struct scio_warc {
	char *path;
	FILE *fp;
	char info_id[64];
	int urandom;
};

static void
new_id(struct scio_warc *w, char out[64])
{
	unsigned char r[16];
	size_t got = 0;

	if (w->urandom >= 0) {
		ssize_t n = read(w->urandom, r, sizeof(r));

		got = n > 0 ? (size_t)n : 0;
	}
	for (; got < sizeof(r); got++)
		r[got] = (unsigned char)(rand() & 0xFF);
	r[6] = (unsigned char)((r[6] & 0x0F) | 0x40);
	r[8] = (unsigned char)((r[8] & 0x3F) | 0x80);
	snprintf(out, 64, "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x>", r[0], r[1], r[2], r[3],
	    r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
	    r[14], r[15]);
}

static void
check(struct scio_warc *w)
{
	if (ferror(w->fp))
		scio_die_errno(SCIO_EXIT_ERROR, "cannot write WARC file '%s'",
		    w->path);
}

/* One record: the WARC head (with extra fields), the block, CRLF CRLF. */
static void
record(struct scio_warc *w, const char *type, const char *id,
    const char *date, const char *extra, const char *ctype,
    const struct scio_buf *block)
{
	fprintf(w->fp, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\n"
	    "WARC-Date: %s\r\n%sContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
	    type, id, date, extra, ctype, block->len);
	fwrite(scio_buf_str(block), 1, block->len, w->fp);
	fputs("\r\n\r\n", w->fp);
	check(w);
}

static void
utc_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

struct scio_warc *
scio_warc_open(const char *path)
{
	struct scio_warc *w = scio_calloc(1, sizeof(*w));
	struct scio_buf info = {0}, extra = {0};
	char date[32];

	w->path = scio_strdup(path);
	w->fp = fopen(path, "ab");
	if (w->fp == NULL)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot open WARC file '%s'", path);
	w->urandom = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	new_id(w, w->info_id);
	utc_now(date);
	scio_buf_printf(&info, "software: scio-fetch/%s (scio-tools)\r\n"
	    "format: WARC File Format 1.1\r\n"
	    "conformsTo: http://iipc.github.io/warc-specifications/"
	    "specifications/warc-format/warc-1.1/\r\n", SCIO_VERSION);
	const char *slash = strrchr(path, '/');
	scio_buf_printf(&extra, "WARC-Filename: %s\r\n", slash ? slash + 1 : path);
	record(w, "warcinfo", w->info_id, date, extra.s, "application/warc-fields",
	    &info);
	scio_buf_free(&info);
	scio_buf_free(&extra);
	return w;
}

static int
skipped_header(const char *line, size_t n)
{
	static const char *const names[] = {
		"transfer-encoding:", "content-encoding:", "content-length:",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t k = strlen(names[i]);

		if (n >= k && strncasecmp(line, names[i], k) == 0)
			return 1;
	}
	return 0;
}

void
scio_warc_exchange(struct scio_warc *w, const char *uri, const char *date,
    const char *req, size_t reqlen, const char *head, size_t headlen,
    const char *body, size_t bodylen)
{
	struct scio_buf block = {0}, extra = {0};
	char req_id[64], resp_id[64];
	const char *p = head, *end = head + headlen;

	new_id(w, req_id);
	new_id(w, resp_id);
	/* The response head, less the framing headers, ends with our own
	 * Content-Length and the blank line. */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);

		if (n <= 2 && (*p == '\r' || *p == '\n'))
			break;
		if (!skipped_header(p, n))
			scio_buf_add(&block, p, n);
		p += n;
	}
	scio_buf_printf(&block, "Content-Length: %zu\r\n\r\n", bodylen);
	scio_buf_add(&block, body, bodylen);
	scio_buf_printf(&extra, "WARC-Target-URI: %s\r\nWARC-Warcinfo-ID: %s\r\n",
	    uri, w->info_id);
	record(w, "response", resp_id, date, extra.s,
	    "application/http;msgtype=response", &block);
	scio_buf_reset(&block);
	scio_buf_add(&block, req, reqlen);
	scio_buf_reset(&extra);
	scio_buf_printf(&extra, "WARC-Target-URI: %s\r\nWARC-Warcinfo-ID: %s\r\n"
	    "WARC-Concurrent-To: %s\r\n", uri, w->info_id, resp_id);
	record(w, "request", req_id, date, extra.s,
	    "application/http;msgtype=request", &block);
	scio_buf_free(&block);
	scio_buf_free(&extra);
}

void
scio_warc_close(struct scio_warc *w)
{
	if (w == NULL)
		return;
	if (fflush(w->fp) == EOF || ferror(w->fp) || fclose(w->fp) == EOF)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot write WARC file '%s'",
		    w->path);
	if (w->urandom >= 0)
		close(w->urandom);
	free(w->path);
	free(w);
}
