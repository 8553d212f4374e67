/* diag.c: messages on stderr and the run's exit status. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/diag.h"

const char *scio_progname = "scio";
static int run_status = SCIO_EXIT_OK;

void
scio_setprogname(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	scio_progname = slash ? slash + 1 : argv0;
}

/* Writes a message that may quote input (a URL, a field name, a title):
 * control characters, which a terminal would obey (a window title, the
 * clipboard, a cleared screen), go out as the symbols of U+2400..U+2421
 * and the C1 controls as U+FFFD. */
static void SCIO_PRINTF(1, 0)
put_msg(const char *fmt, va_list ap)
{
	char small[512], *msg = small;
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < 0) {
		va_end(again);
		return;
	}
	if ((size_t)n >= sizeof(small)) {
		msg = malloc((size_t)n + 1);
		if (msg == NULL) {
			vfprintf(stderr, fmt, again);
			va_end(again);
			return;
		}
		vsnprintf(msg, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	for (const unsigned char *p = (const unsigned char *)msg; *p; p++) {
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			fputs("\xEF\xBF\xBD", stderr);
			p++;
		} else if ((*p < 0x20 && *p != '\t') || *p == 0x7F) {
			fputc(0xE2, stderr);
			fputc(0x90, stderr);
			fputc(*p == 0x7F ? 0xA1 : 0x80 + *p, stderr);
		} else {
			fputc(*p, stderr);
		}
	}
	if (msg != small)
		free(msg);
}

static void SCIO_PRINTF(2, 0)
vwarn(int errnum, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", scio_progname);
	put_msg(fmt, ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
scio_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(0, fmt, ap);
	va_end(ap);
}

void
scio_warn_errno(const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;

	va_start(ap, fmt);
	vwarn(errnum, fmt, ap);
	va_end(ap);
}

void
scio_bad_input(const char *file, size_t line, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (line > 0)
		fprintf(stderr, "%s: %s:%zu: ", scio_progname, file, line);
	else
		fprintf(stderr, "%s: %s: ", scio_progname, file);
	va_start(ap, fmt);
	put_msg(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	scio_set_status(SCIO_EXIT_ERROR);
}

void
scio_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(0, fmt, ap);
	va_end(ap);
	exit(status);
}

void
scio_die_errno(int status, const char *fmt, ...)
{
	int errnum = errno;
	va_list ap;

	va_start(ap, fmt);
	vwarn(errnum, fmt, ap);
	va_end(ap);
	exit(status);
}

void
scio_set_status(int status)
{
	if (status > run_status)
		run_status = status;
}

int
scio_exit_status(void)
{
	return run_status;
}

void
scio_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", scio_progname);
	exit(SCIO_EXIT_ERROR);
}
