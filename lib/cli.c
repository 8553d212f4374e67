/* cli.c: program start-up shared by every scio program. */
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
