/* out.c: checked output to stdout in whole lines.  Records are gathered
 * in a buffer of our own and handed to write(2) only up to the last
 * newline, so that every write ends at a record boundary: a run killed
 * between two writes leaves whole lines, and a record larger than the
 * buffer goes out in one write of its own. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "scio/alloc.h"
#include "scio/diag.h"
#include "scio/jsonl.h"

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

/* Writes p[0..n) to fd 1.  On a short write to a regular file, cuts the
 * file back to where this write began, so that no torn record stays. */
static void
write_through(const char *p, size_t n)
{
	off_t at = lseek(STDOUT_FILENO, 0, SEEK_CUR);
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(STDOUT_FILENO, p + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int errnum = w < 0 ? errno : ENOSPC;
			struct stat st;

			if (done > 0 && at >= 0 && fstat(STDOUT_FILENO, &st) == 0 &&
			    S_ISREG(st.st_mode) && ftruncate(STDOUT_FILENO, at) < 0)
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

void
scio_out_write(const void *p, size_t n)
{
	char *nl;

	if (n == 0)
		return;
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
