/* diag.h: diagnostics and exit statuses shared by every scio program. */
#ifndef SCIO_DIAG_H
#define SCIO_DIAG_H

#include <stddef.h>

/* Exit statuses, as grep's: see every program's EXIT STATUS. */
enum scio_exit {
	SCIO_EXIT_OK = 0,	/* success */
	SCIO_EXIT_NONE = 1,	/* grep selected nothing; fetch had a URL fail for good */
	SCIO_EXIT_ERROR = 2,	/* usage, I/O or bad input */
};

#if defined(__GNUC__)
#define SCIO_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define SCIO_NORETURN __attribute__((noreturn))
#else
#define SCIO_PRINTF(f, a)
#define SCIO_NORETURN
#endif

/* The program's name as messages print it; set once by scio_setprogname. */
extern const char *scio_progname;

/* Records argv[0]'s last component as the program's name. */
void scio_setprogname(const char *argv0);

/* Prints "prog: message" on stderr. */
void scio_warn(const char *fmt, ...) SCIO_PRINTF(1, 2);

/* Prints "prog: message: strerror(errno)" on stderr. */
void scio_warn_errno(const char *fmt, ...) SCIO_PRINTF(1, 2);

/* Prints "prog: FILE:LINE: message" and marks the run as having seen bad
 * input, so that scio_exit_status() returns SCIO_EXIT_ERROR. */
void scio_bad_input(const char *file, size_t line, const char *fmt, ...)
	SCIO_PRINTF(3, 4);

/* Prints "prog: message" and exits with status. */
SCIO_NORETURN void scio_die(int status, const char *fmt, ...) SCIO_PRINTF(2, 3);

/* Prints "prog: message: strerror(errno)" and exits with status. */
SCIO_NORETURN void scio_die_errno(int status, const char *fmt, ...)
	SCIO_PRINTF(2, 3);

/* Marks the run as failed with at least the given status (the worst wins). */
void scio_set_status(int status);

/* The status the run should end with, from what was marked so far. */
int scio_exit_status(void);

/* Prints "Try 'prog --help'..." on stderr and exits with SCIO_EXIT_ERROR. */
SCIO_NORETURN void scio_usage_error(const char *fmt, ...) SCIO_PRINTF(1, 2);

#endif
