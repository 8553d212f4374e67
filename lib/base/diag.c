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

static void SCIO_PRINTF(2, 0)
vwarn(int errnum, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", scio_progname);
	vfprintf(stderr, fmt, ap);
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
	vfprintf(stderr, fmt, ap);
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
