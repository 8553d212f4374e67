/* warc.c: a WARC/1.1 writer (warcinfo, request, response records); an
 * existing file is first checked by warc_repair.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/base/out.h"
#include "scio/base/sha1.h"
#include "scio/fetch/warc.h"
#include "scio/fetch/warc_impl.h"

#ifndef SCIO_VERSION
#define SCIO_VERSION "unknown"
#endif

struct scio_warc {
	char *path;
	int fd;
	int gz;			/* FILE.gz: each record its own gzip member */
	z_stream zs;		/* the compressor, reset for each record */
	int zs_ready;
	char info_id[64];
	int urandom;
	struct scio_buf rec;	/* one record, before compression */
	struct scio_buf out;	/* the records of one exchange, as written */
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

/* Appends w->rec to w->out as one gzip member, so that a reader can
 * start at any record (as wget and warcio write .warc.gz). */
static void
gzip_member(struct scio_warc *w)
{
	const size_t step = 1 << 20;	/* zlib counts in unsigned int */
	size_t done = 0;
	int rc = Z_OK;

	if (!w->zs_ready) {
		if (deflateInit2(&w->zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16,
		    8, Z_DEFAULT_STRATEGY) != Z_OK)
			scio_die(SCIO_EXIT_ERROR, "cannot initialise zlib");
		w->zs_ready = 1;
	} else if (deflateReset(&w->zs) != Z_OK) {
		scio_die(SCIO_EXIT_ERROR, "cannot initialise zlib");
	}
	while (rc != Z_STREAM_END) {
		size_t in = w->rec.len - done < step ? w->rec.len - done : step;
		int flush = done + in == w->rec.len ? Z_FINISH : Z_NO_FLUSH;

		w->zs.next_in = (unsigned char *)w->rec.s + done;
		w->zs.avail_in = (uInt)in;
		do {
			scio_buf_grow(&w->out, step);
			w->zs.next_out = (unsigned char *)w->out.s + w->out.len;
			w->zs.avail_out = (uInt)step;
			rc = deflate(&w->zs, flush);
			if (rc == Z_STREAM_ERROR)
				scio_die(SCIO_EXIT_ERROR, "cannot compress a WARC "
				    "record");
			w->out.len += step - w->zs.avail_out;
		} while (w->zs.avail_out == 0);
		done += in;
	}
	w->out.s[w->out.len] = '\0';
}

/* Appends one record to w->out: the WARC head (with extra fields and the
 * digests), the block, CRLF CRLF.  payload, when not -1, is where the
 * payload starts in the block (a response's body). */
static void
record(struct scio_warc *w, const char *type, const char *id,
    const char *date, const char *extra, const char *ctype,
    const char *block, size_t len, long long payload)
{
	char digest[SCIO_SHA1_LABEL_SIZE];

	scio_buf_reset(&w->rec);
	scio_buf_printf(&w->rec, "WARC/1.1\r\nWARC-Type: %s\r\n"
	    "WARC-Record-ID: %s\r\nWARC-Date: %s\r\n%s", type, id, date, extra);
	if (payload >= 0) {
		scio_sha1_label(block + payload, len - (size_t)payload, digest);
		scio_buf_printf(&w->rec, "WARC-Payload-Digest: %s\r\n", digest);
	}
	scio_sha1_label(block, len, digest);
	scio_buf_printf(&w->rec, "WARC-Block-Digest: %s\r\nContent-Type: %s\r\n"
	    "Content-Length: %zu\r\n\r\n", digest, ctype, len);
	scio_buf_add(&w->rec, block, len);
	scio_buf_add(&w->rec, "\r\n\r\n", 4);
	if (w->gz)
		gzip_member(w);
	else
		scio_buf_add(&w->out, w->rec.s, w->rec.len);
}

/* Hands w->out to the file in one write: the records are in the kernel
 * before the page they hold counts as delivered.  A short write is cut
 * off again, so that the file never ends in a torn record. */
static void
emit(struct scio_warc *w)
{
	off_t at = lseek(w->fd, 0, SEEK_END);
	size_t done = 0, chunk = scio_test_write_chunk(), left;

	while (done < w->out.len) {
		ssize_t n;

		if (chunk > 0 && done > 0)
			usleep(1000);
		left = w->out.len - done;
		n = write(w->fd, w->out.s + done, chunk > 0 && left > chunk ?
		    chunk : left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int errnum = n < 0 ? errno : ENOSPC;

			if (at >= 0 && ftruncate(w->fd, at) < 0)
				scio_warn_errno("cannot cut a torn record off "
				    "WARC file '%s'", w->path);
			errno = errnum;
			scio_die_errno(SCIO_EXIT_ERROR, "cannot write WARC file "
			    "'%s'", w->path);
		}
		done += (size_t)n;
	}
	scio_buf_reset(&w->out);
}

/* A warc-fields line, its value without control characters (a line
 * break in a value would start a field of its own). */
static void
info_field(struct scio_buf *b, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	scio_buf_printf(b, "%s: ", name);
	for (const char *p = value; *p; p++)
		scio_buf_addc(b, (unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p);
	scio_buf_add(b, "\r\n", 2);
}

/* Whether path names a gzip'ed WARC. */
static int
gz_name(const char *path)
{
	size_t n = strlen(path);

	return n >= 3 && strcmp(path + n - 3, ".gz") == 0;
}

struct scio_warc *
scio_warc_open(const char *path, const struct scio_warc_info *wi)
{
	struct scio_warc *w = scio_calloc(1, sizeof(*w));
	struct scio_buf info = {0}, extra = {0};
	const char *slash = strrchr(path, '/');
	char date[SCIO_UTC_SIZE];

	w->path = scio_strdup(path);
	w->gz = gz_name(path);
	w->fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (w->fd < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot open WARC file '%s'", path);
	scio_warc_repair(w->fd, w->path, w->gz);
	w->urandom = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	new_id(w, w->info_id);
	scio_utc_now(date);
	scio_buf_printf(&info, "software: scio-fetch/%s (scio-tools)\r\n"
	    "format: WARC File Format 1.1\r\n"
	    "conformsTo: http://iipc.github.io/warc-specifications/"
	    "specifications/warc-format/warc-1.1/\r\n", SCIO_VERSION);
	info_field(&info, "robots", wi != NULL ? wi->robots : NULL);
	info_field(&info, "http-header-user-agent", wi != NULL ? wi->user_agent : NULL);
	info_field(&info, "http-header-from", wi != NULL ? wi->from : NULL);
	scio_buf_printf(&extra, "WARC-Filename: %s\r\n", slash ? slash + 1 : path);
	record(w, "warcinfo", w->info_id, date, extra.s, "application/warc-fields",
	    info.s, info.len, -1);
	emit(w);
	scio_buf_free(&info);
	scio_buf_free(&extra);
	return w;
}

/* Whether the header line p[0..n) is named name (with its colon). */
static int
named(const char *p, size_t n, const char *name)
{
	size_t k = strlen(name);

	return n >= k && strncasecmp(p, name, k) == 0;
}

/* Whether the line p[0..n) names the chunked coding. */
static int
has_chunked(const char *p, size_t n)
{
	for (size_t i = 0; i + 7 <= n; i++)
		if (strncasecmp(p + i, "chunked", 7) == 0)
			return 1;
	return 0;
}

/* Whether a response with this head has no body by definition (1xx, 204,
 * 304: RFC 9110, section 6.4.1). */
static int
bodiless(const char *head, size_t n)
{
	const char *sp = memchr(head, ' ', n);
	long code;

	if (sp == NULL || (size_t)(sp - head) + 4 > n)
		return 0;
	code = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
	return code / 100 == 1 || code == 204 || code == 304;
}

/* The response block: its head as received and its body as sent, with
 * only the transfer framing undone (libcurl takes a chunked body apart):
 * Transfer-Encoding: chunked is kept under the name
 * X-Scio-Transfer-Encoding and a Content-Length of the body as stored
 * takes the place of any other.  Sets *payload to where the body starts
 * and *truncated when the body is shorter than the head says (libcurl
 * does not keep the body of a redirect it follows). */
static void
response_block(struct scio_buf *block, const char *head, size_t headlen,
    const char *body, size_t bodylen, size_t *payload, int *truncated)
{
	const char *p = head, *end = head + headlen;
	int chunked = 0;
	long long declared;

	for (const char *q = head; q < end; ) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t n = nl ? (size_t)(nl - q + 1) : (size_t)(end - q);

		if (n <= 2 && (*q == '\r' || *q == '\n'))
			break;
		if (named(q, n, "transfer-encoding:") && has_chunked(q, n))
			chunked = 1;
		q += n;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);

		if (n <= 2 && (*p == '\r' || *p == '\n'))
			break;
		if (chunked && named(p, n, "transfer-encoding:"))
			scio_buf_add(block, "X-Scio-", 7);
		if (!(chunked && named(p, n, "content-length:")))
			scio_buf_add(block, p, n);
		p += n;
	}
	if (chunked)
		scio_buf_printf(block, "Content-Length: %zu\r\n", bodylen);
	scio_buf_add(block, "\r\n", 2);
	*payload = block->len;
	scio_buf_add(block, body, bodylen);
	declared = scio_warc_head_number(head, headlen, "Content-Length:");
	*truncated = !chunked && !bodiless(head, headlen) && declared >= 0 &&
	    (size_t)declared > bodylen;
}

void
scio_warc_exchange(struct scio_warc *w, const char *uri, const char *ip,
    const char *date, const char *req, size_t reqlen, const char *head, size_t headlen,
    const char *body, size_t bodylen)
{
	struct scio_buf block = {0}, extra = {0};
	char req_id[64], resp_id[64];
	size_t payload;
	int truncated;

	new_id(w, req_id);
	new_id(w, resp_id);
	if (ip != NULL)
		scio_buf_printf(&extra, "WARC-IP-Address: %s\r\n", ip);
	scio_buf_printf(&extra, "WARC-Target-URI: %s\r\nWARC-Warcinfo-ID: %s\r\n"
	    "WARC-Concurrent-To: %s\r\n", uri, w->info_id, resp_id);
	record(w, "request", req_id, date, extra.s,
	    "application/http;msgtype=request", req, reqlen, -1);
	response_block(&block, head, headlen, body, bodylen, &payload, &truncated);
	scio_buf_reset(&extra);
	if (ip != NULL)
		scio_buf_printf(&extra, "WARC-IP-Address: %s\r\n", ip);
	scio_buf_printf(&extra, "WARC-Target-URI: %s\r\nWARC-Warcinfo-ID: %s\r\n"
	    "WARC-Concurrent-To: %s\r\n%s", uri, w->info_id, req_id,
	    truncated ? "WARC-Truncated: unspecified\r\n" : "");
	record(w, "response", resp_id, date, extra.s,
	    "application/http;msgtype=response", block.s, block.len,
	    (long long)payload);
	emit(w);
	scio_buf_free(&block);
	scio_buf_free(&extra);
}

int
scio_warc_sync(struct scio_warc *w)
{
	if (w == NULL || fsync(w->fd) == 0)
		return 0;
	scio_warn_errno("cannot write WARC file '%s'", w->path);
	return -1;
}

void
scio_warc_close(struct scio_warc *w)
{
	if (w == NULL)
		return;
	if (fsync(w->fd) < 0 || close(w->fd) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot write WARC file '%s'",
		    w->path);
	if (w->urandom >= 0)
		close(w->urandom);
	if (w->zs_ready)
		deflateEnd(&w->zs);
	scio_buf_free(&w->rec);
	scio_buf_free(&w->out);
	free(w->path);
	free(w);
}
