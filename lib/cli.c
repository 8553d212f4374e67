/* cli.c: program start-up shared by every scio program. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "scio/cli.h"
#include "scio/diag.h"
#include "scio/jsonl.h"

#ifndef SCIO_VERSION
#define SCIO_VERSION "unknown"
#endif

void
scio_cli_init(int argc, char **argv)
{
	scio_setprogname(argc > 0 ? argv[0] : NULL);
	setlocale(LC_CTYPE, "");
	scio_out_init();
}

void
scio_cli_version(void)
{
	printf("%s (scio-tools) %s\n", scio_progname, SCIO_VERSION);
	scio_out_close();
	exit(SCIO_EXIT_OK);
}

int
scio_cli_colour(int fd)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return 0;
	return isatty(fd);
}

void
scio_cli_bad_option(int ch, char **argv)
{
	if (ch == ':')
		scio_usage_error("option requires an argument: '%s'", argv[optind - 1]);
	if (optopt != 0 && optopt < 256)
		scio_usage_error("unknown option: '-%c'", optopt);
	scio_usage_error("unknown option: '%s'", argv[optind - 1]);
}
