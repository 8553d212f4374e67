/* cli.h: what every program's main() does the same way. */
#ifndef SCIO_CLI_H
#define SCIO_CLI_H

#include <getopt.h>
#include <stddef.h>

#include "scio/base/diag.h"

/* What each main() calls first: makes sure descriptors 0, 1 and 2 are open
 * (on /dev/null when one was closed, so that no file opened later takes
 * the place of stdout), then scio_cli_init; longopts (NULL-terminated, as
 * getopt_long takes them) give an unknown option its "did you mean". */
void scio_cli_start(int argc, char **argv, const struct option *longopts);

/* Opens /dev/null on any of descriptors 0, 1, 2 that is closed; exits 2
 * if it cannot. */
void scio_cli_stdfds(void);

/* Sets the program's name for messages, the locale's character type
 * (UTF-8 aware where the environment says so) and stdout's buffering. */
void scio_cli_init(int argc, char **argv);

/* --help: prints the program's usage text on stdout and exits 0 (checked:
 * a failed write exits 2).  Every program's text has one shape, in the
 * order of its man page: "Usage: " and the SYNOPSIS lines ("  or:  " before
 * each further one), a description, the options as OPTIONS lists them,
 * "Examples:", "Exit status:" and "See also:". */
void scio_cli_help(const char *text) SCIO_NORETURN;

/* Prints "PROG (scio-tools) VERSION" on stdout and exits 0 (checked). */
void scio_cli_version(void);

/* The terminal's width when stdout is one, else 80. */
size_t scio_cli_width(void);

/* Whether colour may be used on the stream: it is a terminal and NO_COLOR
 * is unset or empty. */
int scio_cli_colour(int fd);

/* Reports what getopt_long refused and exits 2 (an unknown long option
 * with the nearest known one, when scio_cli_start was given them). Call it for the ':' and
 * '?' results, with opterr set to 0 and the option string starting with
 * ':', so that every program words these errors alike. */
void scio_cli_bad_option(int ch, char **argv) SCIO_NORETURN;

#endif
