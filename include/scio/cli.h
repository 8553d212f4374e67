/* cli.h: what every program's main() does the same way. */
#ifndef SCIO_CLI_H
#define SCIO_CLI_H

#include "scio/diag.h"

/* Sets the program's name for messages, the locale's character type
 * (UTF-8 aware where the environment says so) and stdout's buffering. */
void scio_cli_init(int argc, char **argv);

/* Prints "PROG (scio-tools) VERSION" on stdout and exits 0 (checked). */
void scio_cli_version(void);

/* Whether colour may be used on the stream: it is a terminal and NO_COLOR
 * is unset or empty. */
int scio_cli_colour(int fd);

/* Reports what getopt_long refused and exits 2. Call it for the ':' and
 * '?' results, with opterr set to 0 and the option string starting with
 * ':', so that every program words these errors alike. */
void scio_cli_bad_option(int ch, char **argv) SCIO_NORETURN;

#endif
