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

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/base/out.h"
#include "scio/fetch/warc.h"

#ifndef SCIO_VERSION
#define SCIO_VERSION "unknown"
#endif

struct scio_warc {
	char *path;
	int fd;
	char info_id[64];
	int urandom;
	struct scio_buf out;	/* the records of one exchange */
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

/* Appends one record to w->out: the WARC head (with extra fields), the
 * block, CRLF CRLF. */
static void
record(struct scio_warc *w, const char *type, const char *id,
    const char *date, const char *extra, const char *ctype,
    const struct scio_buf *block)
{
	scio_buf_printf(&w->out, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\n"
	    "WARC-Date: %s\r\n%sContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
	    type, id, date, extra, ctype, block->len);
	scio_buf_add(&w->out, scio_buf_str(block), block->len);
	scio_buf_add(&w->out, "\r\n\r\n", 4);
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

/* The Content-Length in a record head, or -1. */
static long long
head_length(const char *head, size_t n)
{
	static const char name[] = "\r\nContent-Length:";
	const char *p = head, *end = head + n;

	while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) > sizeof(name) - 1 &&
		    strncasecmp(p, name, sizeof(name) - 1) == 0) {
			long long v = 0;
			int any = 0;

			p += sizeof(name) - 1;
			while (p < end && *p == ' ')
				p++;
			for (; p < end && *p >= '0' && *p <= '9'; p++, any = 1) {
				if (v > (1LL << 50))
					return -1;
				v = v * 10 + (*p - '0');
			}
			return any ? v : -1;
		}
		p++;
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

/* Walks the records of an existing WARC file by their heads.  A file
 * that ends inside a record (a run killed, or a disk full, while writing
 * it) is cut back to its last whole record, with a warning; a file that
 * is not WARC, or is broken before its end, is refused. */
static void
repair(struct scio_warc *w)
{
	static const char magic[] = "WARC/1.";
	const size_t nmagic = sizeof(magic) - 1;
	struct stat st;
	char head[65536];
	off_t pos = 0;

	if (fstat(w->fd, &st) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot read WARC file '%s'", w->path);
	if (!S_ISREG(st.st_mode))
		return;
	while (pos < st.st_size) {
		ssize_t n = pread(w->fd, head, sizeof(head), pos);
		const char *end;
		long long len;
		off_t next;
		char tail[4];

		if (n <= 0)
			scio_die_errno(SCIO_EXIT_ERROR, "cannot read WARC file "
			    "'%s'", w->path);
		if (memcmp(head, magic, (size_t)n < nmagic ? (size_t)n : nmagic) != 0)
			scio_die(SCIO_EXIT_ERROR, "%s: not a WARC file, or damaged "
			    "at byte %lld; not appending to it", w->path,
			    (long long)pos);
		end = blank_line(head, (size_t)n);
		if (end == NULL || (size_t)n < nmagic) {
			if (pos + n == st.st_size)
				goto torn;
			scio_die(SCIO_EXIT_ERROR, "%s: a record head longer than "
			    "64 kB at byte %lld; not appending to it", w->path,
			    (long long)pos);
		}
		len = head_length(head, (size_t)(end - head) + 2);
		if (len < 0)
			scio_die(SCIO_EXIT_ERROR, "%s: a record without a "
			    "Content-Length at byte %lld; not appending to it",
			    w->path, (long long)pos);
		next = pos + (end - head) + 4 + len + 4;
		if (next > st.st_size)
			goto torn;
		if (pread(w->fd, tail, 4, next - 4) != 4 ||
		    memcmp(tail, "\r\n\r\n", 4) != 0)
			scio_die(SCIO_EXIT_ERROR, "%s: a record not ended by CRLF "
			    "CRLF at byte %lld; not appending to it", w->path,
			    (long long)pos);
		pos = next;
	}
	return;
torn:
	scio_warn("%s: ends in a torn record (%lld bytes, from a run that was "
	    "stopped); cut off before appending", w->path,
	    (long long)(st.st_size - pos));
	if (ftruncate(w->fd, pos) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot cut a torn record off "
		    "WARC file '%s'", w->path);
}

struct scio_warc *
scio_warc_open(const char *path)
{
	struct scio_warc *w = scio_calloc(1, sizeof(*w));
	struct scio_buf info = {0}, extra = {0};
	char date[SCIO_UTC_SIZE];

	w->path = scio_strdup(path);
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
	const char *slash = strrchr(path, '/');
	scio_buf_printf(&extra, "WARC-Filename: %s\r\n", slash ? slash + 1 : path);
	record(w, "warcinfo", w->info_id, date, extra.s, "application/warc-fields",
	    &info);
	emit(w);
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

	for (size_t i = 0; i < LEN(names); i++) {
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
	scio_buf_free(&w->out);
	free(w->path);
	free(w);
}
