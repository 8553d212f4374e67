/* warc.c: a WARC/1.1 writer (warcinfo, request, response records). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/base/out.h"
#include "scio/base/sha1.h"
#include "scio/fetch/warc.h"

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

/* The value of header name (with its colon) in head[0..n), or -1 when
 * absent or not a number. */
static long long
head_number(const char *head, size_t n, const char *name)
{
	size_t k = strlen(name);
	const char *p = head, *end = head + n;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next = nl ? nl + 1 : end;

		if ((size_t)(next - p) > k && strncasecmp(p, name, k) == 0) {
			long long v = 0;
			int any = 0;

			p += k;
			while (p < next && (*p == ' ' || *p == '\t'))
				p++;
			for (; p < next && *p >= '0' && *p <= '9'; p++, any = 1) {
				if (v > (1LL << 50))
					return -1;
				v = v * 10 + (*p - '0');
			}
			return any ? v : -1;
		}
		p = next;
	}
	return -1;
}

/* Where the first CRLF CRLF in p[0..n) starts, or NULL. */
static const char *
blank_line(const char *p, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++)
		if (p[i] == '\r' && memcmp(p + i, "\r\n\r\n", 4) == 0)
			return p + i;
	return NULL;
}

/* What is wrong with the start of a record (its first n bytes, of a
 * record that has total bytes in all), or NULL; *whole is set when the
 * record is complete.  A record is WARC/1.x, a head ended by a blank
 * line with a Content-Length, that many bytes, CRLF CRLF. */
static const char *
check_record(const char *p, size_t n, long long total, int *whole)
{
	static const char magic[] = "WARC/1.";
	const size_t nmagic = sizeof(magic) - 1;
	const char *end;
	long long len;

	*whole = 0;
	if (memcmp(p, magic, n < nmagic ? n : nmagic) != 0)
		return "not a WARC file, or damaged";
	end = blank_line(p, n);
	if (end == NULL || n < nmagic)
		return (long long)n == total ? NULL : "a record head longer than 64 kB";
	len = head_number(p, (size_t)(end - p) + 2, "Content-Length:");
	if (len < 0)
		return "a record without a Content-Length";
	if ((end - p) + 4 + len + 4 <= total)
		*whole = 1;
	return NULL;
}

/* Whether a record head (its first n bytes) is a request's.  The
 * records of an exchange are written in one write, the request first:
 * a request before a torn record is half an exchange, cut off with it. */
static int
is_request(const char *head, size_t n)
{
	static const char field[] = "\r\nWARC-Type: request\r\n";
	const char *end = blank_line(head, n);
	size_t k = sizeof(field) - 1, len = end ? (size_t)(end - head) + 2 : n;

	for (size_t i = 0; i + k <= len; i++)
		if (memcmp(head + i, field, k) == 0)
			return 1;
	return 0;
}

/* Walks the plain records of an existing WARC file by their heads: the
 * offset where its whole exchanges end, or dies naming what is wrong. */
static off_t
walk_plain(struct scio_warc *w, off_t size)
{
	char head[65536];
	off_t pos = 0, request = -1;	/* where a last whole request starts */

	while (pos < size) {
		ssize_t n = pread(w->fd, head, sizeof(head), pos);
		const char *why, *end;
		off_t next;
		char tail[4];
		int whole;

		if (n <= 0)
			scio_die_errno(SCIO_EXIT_ERROR, "cannot read WARC file "
			    "'%s'", w->path);
		why = check_record(head, (size_t)n, (long long)(size - pos), &whole);
		if (why != NULL)
			scio_die(SCIO_EXIT_ERROR, "%s: %s at byte %lld; not "
			    "appending to it", w->path, why, (long long)pos);
		if (!whole)
			return request >= 0 ? request : pos;
		request = is_request(head, (size_t)n) ? pos : -1;
		end = blank_line(head, (size_t)n);
		next = pos + (end - head) + 4 +
		    head_number(head, (size_t)(end - head) + 2, "Content-Length:") + 4;
		if (pread(w->fd, tail, 4, next - 4) != 4 ||
		    memcmp(tail, "\r\n\r\n", 4) != 0)
			scio_die(SCIO_EXIT_ERROR, "%s: a record not ended by CRLF "
			    "CRLF at byte %lld; not appending to it", w->path,
			    (long long)pos);
		pos = next;
	}
	return pos;
}

/* Inflates the gzip member at pos: sets *next to where it ends, keeps
 * the first bytes of the record it holds in head (*nhead of them) and
 * its last four in tail, and its size in *total.  0, or 1 when the file
 * ends inside the member, or -1 for data that is not gzip. */
static int
inflate_member(struct scio_warc *w, z_stream *zs, off_t pos, off_t size,
    char *head, size_t cap, size_t *nhead, char tail[4], long long *total,
    off_t *next)
{
	unsigned char in[65536], out[65536];
	off_t at = pos;
	int rc = Z_OK;

	*nhead = 0;
	*total = 0;
	memset(tail, 0, 4);
	if (inflateReset2(zs, 15 + 16) != Z_OK)
		return -1;
	while (rc != Z_STREAM_END) {
		ssize_t n;

		if (at >= size)
			return 1;
		n = pread(w->fd, in, sizeof(in), at);
		if (n <= 0)
			scio_die_errno(SCIO_EXIT_ERROR, "cannot read WARC file "
			    "'%s'", w->path);
		zs->next_in = in;
		zs->avail_in = (uInt)n;
		do {
			size_t got;

			zs->next_out = out;
			zs->avail_out = sizeof(out);
			rc = inflate(zs, Z_NO_FLUSH);
			if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
				return -1;
			got = sizeof(out) - zs->avail_out;
			if (*nhead < cap) {
				size_t k = cap - *nhead < got ? cap - *nhead : got;

				memcpy(head + *nhead, out, k);
				*nhead += k;
			}
			for (size_t i = got > 4 ? got - 4 : 0; i < got; i++) {
				memmove(tail, tail + 1, 3);
				tail[3] = (char)out[i];
			}
			*total += (long long)got;
		} while (rc != Z_STREAM_END && (zs->avail_in > 0 || zs->avail_out == 0));
		at += n - (off_t)zs->avail_in;
	}
	*next = at;
	return 0;
}

/* Walks the gzip members of an existing .warc.gz, each of which must
 * hold one whole record: the offset where the whole exchanges end. */
static off_t
walk_gzip(struct scio_warc *w, off_t size)
{
	char head[65536], tail[4];
	off_t pos = 0, request = -1;
	z_stream zs;

	if (size >= 5 && pread(w->fd, head, 5, 0) == 5 &&
	    memcmp(head, "WARC/", 5) == 0)
		scio_die(SCIO_EXIT_ERROR, "%s: an uncompressed WARC under a .gz "
		    "name (older scio-fetch wrote them); rename it to end in "
		    ".warc; not appending to it", w->path);
	memset(&zs, 0, sizeof(zs));
	if (inflateInit2(&zs, 15 + 16) != Z_OK)
		scio_die(SCIO_EXIT_ERROR, "cannot initialise zlib");
	while (pos < size) {
		size_t nhead;
		long long total;
		off_t next = pos;
		const char *why;
		int rc, whole;

		rc = inflate_member(w, &zs, pos, size, head, sizeof(head), &nhead,
		    tail, &total, &next);
		if (rc > 0) {
			if (request >= 0)
				pos = request;
			break;
		}
		if (rc < 0)
			scio_die(SCIO_EXIT_ERROR, "%s: not gzip, or damaged at byte "
			    "%lld; not appending to it", w->path, (long long)pos);
		why = check_record(head, nhead, total, &whole);
		if (why == NULL && !whole)
			why = "a record cut short inside its gzip member";
		if (why == NULL && memcmp(tail, "\r\n\r\n", 4) != 0)
			why = "a record not ended by CRLF CRLF";
		if (why == NULL) {
			const char *end = blank_line(head, nhead);
			long long len = head_number(head, (size_t)(end - head) + 2,
			    "Content-Length:");

			if ((end - head) + 4 + len + 4 != total)
				why = "a gzip member that does not hold exactly "
				    "one record";
		}
		if (why != NULL) {
			inflateEnd(&zs);
			scio_die(SCIO_EXIT_ERROR, "%s: %s at byte %lld; not "
			    "appending to it", w->path, why, (long long)pos);
		}
		request = is_request(head, nhead) ? pos : -1;
		pos = next;
	}
	inflateEnd(&zs);
	return pos;
}

/* Walks the records of an existing WARC file.  A file that ends inside a
 * record (a run killed, or a disk full, while writing it) is cut back to
 * its last whole exchange, with a warning; a file that is not WARC, or is
 * broken before its end, is refused. */
static void
repair(struct scio_warc *w)
{
	struct stat st;
	off_t whole;

	if (fstat(w->fd, &st) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot read WARC file '%s'", w->path);
	if (!S_ISREG(st.st_mode))
		return;
	whole = w->gz ? walk_gzip(w, st.st_size) : walk_plain(w, st.st_size);
	if (whole == st.st_size)
		return;
	scio_warn("%s: ends in a torn record (%lld bytes, from a run that was "
	    "stopped); cut off before appending", w->path,
	    (long long)(st.st_size - whole));
	if (ftruncate(w->fd, whole) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot cut a torn record off "
		    "WARC file '%s'", w->path);
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
	repair(w);
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
	declared = head_number(head, headlen, "Content-Length:");
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
