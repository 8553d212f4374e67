/* warc_repair.c: reading back a WARC file scio-fetch is about to append
 * to.  Its records are walked by their heads (plain) or gzip members
 * (.warc.gz) and checked; a file that ends in a torn record is cut back
 * to its last whole exchange, one that is not WARC or is damaged before
 * its end is refused, so that appending never buries a broken record. */
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "scio/base/diag.h"
#include "scio/fetch/warc_impl.h"

/* The file being walked, for reading and for naming in messages. */
struct warc_file {
	int fd;
	const char *path;
};

long long
scio_warc_head_number(const char *head, size_t n, const char *name)
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
	len = scio_warc_head_number(p, (size_t)(end - p) + 2, "Content-Length:");
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
walk_plain(const struct warc_file *w, off_t size)
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
		    scio_warc_head_number(head, (size_t)(end - head) + 2, "Content-Length:") + 4;
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
inflate_member(const struct warc_file *w, z_stream *zs, off_t pos, off_t size,
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
walk_gzip(const struct warc_file *w, off_t size)
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
			long long len = scio_warc_head_number(head, (size_t)(end - head) + 2,
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

void
scio_warc_repair(int fd, const char *path, int gz)
{
	const struct warc_file f = { fd, path }, *w = &f;
	struct stat st;
	off_t whole;

	if (fstat(w->fd, &st) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot read WARC file '%s'", w->path);
	if (!S_ISREG(st.st_mode))
		return;
	whole = gz ? walk_gzip(w, st.st_size) : walk_plain(w, st.st_size);
	if (whole == st.st_size)
		return;
	scio_warn("%s: ends in a torn record (%lld bytes, from a run that was "
	    "stopped); cut off before appending", w->path,
	    (long long)(st.st_size - whole));
	if (ftruncate(w->fd, whole) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot cut a torn record off "
		    "WARC file '%s'", w->path);
}
