/* out.c: checked output to stdout in whole lines.  Records are gathered
 * in a buffer of our own and handed to write(2) only up to the last
 * newline, so that every write ends at a record boundary: a run killed
 * between two writes leaves whole lines, and a record larger than the
 * buffer goes out in one write of its own. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/jwrite.h"
#include "scio/base/out.h"

#define OUT_BUFSIZE (1 << 16)

static struct scio_buf out;

static void
write_failed(int errnum)
{
	if (errnum == EPIPE)
		exit(SCIO_EXIT_ERROR);
	errno = errnum;
	scio_die_errno(SCIO_EXIT_ERROR, "write error");
}

/* SCIO_TEST_WRITE_CHUNK=N (for the kill harness, tests/kill-harness.py):
 * every write(2) of ours gives at most N bytes, with a pause between, so
 * that a kill lands inside a record's write as it may on a busy system. */
size_t
scio_test_write_chunk(void)
{
	static long chunk = -1;

	if (chunk < 0) {
		const char *e = getenv("SCIO_TEST_WRITE_CHUNK");

		chunk = e != NULL ? strtol(e, NULL, 10) : 0;
		if (chunk < 0)
			chunk = 0;
	}
	return (size_t)chunk;
}

/* Writes p[0..n) to fd 1.  On a short write to a regular file, cuts the
 * file back to where this write began, so that no torn record stays.
 * On a terminal, the C1 controls U+0080..U+009F (which a terminal may obey
 * as CSI, OSC and the like) go out as JSON's \u0080..\u009f: the formats
 * for people show control characters as symbols already, so what is left
 * is JSON, where the escape is the same data. */
static void
write_through(const char *p, size_t n)
{
	static int tty = -1;
	static struct scio_buf esc;
	size_t done = 0, chunk = scio_test_write_chunk();
	int fl = fcntl(STDOUT_FILENO, F_GETFL);
	struct stat sb;
	off_t at = -1;

	if (tty < 0)
		tty = isatty(STDOUT_FILENO);
	if (tty && memchr(p, 0xC2, n) != NULL) {
		scio_buf_reset(&esc);
		scio_buf_add(&esc, p, n);
		scio_jw_escape_c1(&esc, 0);
		p = esc.s;
		n = esc.len;
	}

	/* Where this write begins: the end, when appending. */
	if (fl >= 0 && fstat(STDOUT_FILENO, &sb) == 0 && S_ISREG(sb.st_mode))
		at = (fl & O_APPEND) ? sb.st_size : lseek(STDOUT_FILENO, 0, SEEK_CUR);

	while (done < n) {
		ssize_t w;

		if (chunk > 0 && done > 0)
			usleep(1000);
		w = write(STDOUT_FILENO, p + done, chunk > 0 && n - done > chunk ?
		    chunk : n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int errnum = w < 0 ? errno : ENOSPC;

			if (done > 0 && at >= 0 && ftruncate(STDOUT_FILENO, at) < 0)
				scio_warn_errno("cannot cut a torn record off "
				    "standard output");
			write_failed(errnum);
		}
		done += (size_t)w;
	}
}

/* Hands stdio's own buffer (usage, version, counts) to the kernel first,
 * so that the order of the output is kept. */
static void
flush_stdio(void)
{
	if (fflush(stdout) == EOF)
		write_failed(errno);
}

void
scio_out_init(void)
{
	static char buf[BUFSIZ];

	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
	scio_buf_grow(&out, OUT_BUFSIZE);
}

static scio_out_hook *divert;	/* where scio_out_write sends bytes instead */
static void *divert_arg;

void
scio_out_divert(scio_out_hook *fn, void *arg)
{
	divert = fn;
	divert_arg = arg;
}

void
scio_out_write(const void *p, size_t n)
{
	char *nl;

	if (n == 0)
		return;
	if (divert != NULL) {
		/* what the hook writes goes out, not back into the hook */
		scio_out_hook *fn = divert;

		divert = NULL;
		fn(divert_arg, p, n);
		divert = fn;
		return;
	}
	scio_buf_add(&out, p, n);
	if (out.len < OUT_BUFSIZE)
		return;
	/* Out to the last newline; a partial record stays for later. */
	for (nl = out.s + out.len; nl > out.s && nl[-1] != '\n'; nl--)
		;
	if (nl == out.s)
		return;
	nl--;
	flush_stdio();
	write_through(out.s, (size_t)(nl - out.s) + 1);
	memmove(out.s, nl + 1, out.len - (size_t)(nl - out.s) - 1);
	out.len -= (size_t)(nl - out.s) + 1;
	out.s[out.len] = '\0';
}

void
scio_out_flush(void)
{
	flush_stdio();
	if (out.len > 0)
		write_through(out.s, out.len);
	scio_buf_reset(&out);
}

void
scio_record_write(const json_t *rec)
{
	static char *buf;
	static size_t cap;
	size_t n;

	/* One dump into a reused buffer: jansson's callback form would
	 * call back for every key and value. */
	n = json_dumpb(rec, buf, cap, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (n == 0)
		scio_die(SCIO_EXIT_ERROR, "cannot encode a record as JSON");
	if (n >= cap) {
		cap = n + n / 2 + 256;
		buf = scio_realloc(buf, cap);
		n = json_dumpb(rec, buf, cap, JSON_COMPACT | JSON_PRESERVE_ORDER);
	}
	buf[n] = '\n';
	scio_out_write(buf, n + 1);
}

void
scio_out_close(void)
{
	scio_out_flush();
	scio_buf_free(&out);
	if (ferror(stdout))
		write_failed(EIO);
	if (fclose(stdout) == EOF)
		write_failed(errno);
}

/* Reads n bytes at off of fd into b. */
static int
read_at(int fd, off_t off, size_t n, struct scio_buf *b)
{
	scio_buf_reset(b);
	scio_buf_grow(b, n);
	while (b->len < n) {
		ssize_t r = pread(fd, b->s + b->len, n - b->len,
		    off + (off_t)b->len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		b->len += (size_t)r;
	}
	return 0;
}

/* Whether the bytes of b are page records, the last one maybe torn. */
static int
only_pages(const struct scio_buf *b)
{
	static const char page[] = "{\"type\":\"page\",";
	size_t i = 0;

	while (i < b->len) {
		const char *nl = memchr(b->s + i, '\n', b->len - i);
		size_t n = nl ? (size_t)(nl - b->s) - i : b->len - i;

		if (n < sizeof(page) - 1 && nl == NULL)
			return memcmp(b->s + i, page, n) == 0;
		if (n < sizeof(page) - 1 || memcmp(b->s + i, page, sizeof(page) - 1) != 0)
			return 0;
		i += n + 1;
	}
	return 1;
}

static void
cut(off_t size, const char *what, off_t keep)
{
	scio_warn("standard output: %s (%lld bytes) cut off", what,
	    (long long)(size - keep));
	if (ftruncate(STDOUT_FILENO, keep) < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot cut standard output "
		    "back to %lld bytes", (long long)keep);
}

void
scio_out_resume(long long committed)
{
	struct scio_buf b = {0};
	struct stat st, again;
	off_t end;
	int fl = fcntl(STDOUT_FILENO, F_GETFL), fd = STDOUT_FILENO;

	if (fl < 0 || !(fl & O_APPEND) || fstat(STDOUT_FILENO, &st) < 0 ||
	    !S_ISREG(st.st_mode) || st.st_size == 0)
		return;
	/* ">> FILE" opens it for writing only: the file is opened again
	 * to read it, and must be the same file. */
	if ((fl & O_ACCMODE) == O_WRONLY) {
		fd = open("/dev/fd/1", O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &again) < 0 || again.st_dev != st.st_dev ||
		    again.st_ino != st.st_ino) {
			scio_warn("standard output: cannot read it to check its "
			    "end for a torn record");
			if (fd >= 0)
				close(fd);
			return;
		}
	}
	/* Page records written after the last state save: their pages are
	 * not in the state and are fetched and written again. */
	if (committed >= 0 && committed < st.st_size &&
	    st.st_size - committed <= (64LL << 20) &&
	    read_at(fd, (off_t)committed, (size_t)(st.st_size - committed), &b) == 0 &&
	    only_pages(&b)) {
		cut(st.st_size, "page records written after the last state save "
		    "by a run that was stopped, to be written again",
		    (off_t)committed);
		goto out;
	}
	/* Else at least no torn record: back to the last newline. */
	for (end = st.st_size; end > 0;) {
		size_t n = end > 65536 ? 65536 : (size_t)end;
		char *nl;

		if (read_at(fd, end - (off_t)n, n, &b) < 0)
			scio_die_errno(SCIO_EXIT_ERROR, "cannot read standard output");
		for (nl = b.s + n; nl > b.s && nl[-1] != '\n'; nl--)
			;
		if (nl > b.s) {
			end -= (off_t)n - (nl - b.s);
			break;
		}
		end -= (off_t)n;
	}
	if (end < st.st_size)
		cut(st.st_size, "a torn record left by a run that was stopped", end);
out:
	if (fd != STDOUT_FILENO)
		close(fd);
	scio_buf_free(&b);
}
