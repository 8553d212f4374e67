/* cli.h: what every program's main() does the same way. */
#ifndef SCIO_CLI_H
#define SCIO_CLI_H

/* Sets the program's name for messages, the locale's character type
 * (UTF-8 aware where the environment says so) and stdout's buffering. */
void scio_cli_init(int argc, char **argv);

/* Prints "PROG (scio-tools) VERSION" on stdout and exits 0 (checked). */
void scio_cli_version(void);

/* Whether colour may be used on the stream: it is a terminal and NO_COLOR
 * is unset or empty. */
int scio_cli_colour(int fd);

#endif
