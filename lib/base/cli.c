/* cli.c: program start-up shared by every scio program. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/cli.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/suggest.h"

#ifndef SCIO_VERSION
#define SCIO_VERSION "unknown"
#endif

static const struct option *known_options;

void
scio_cli_stdfds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		int got;

		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* the lowest free descriptor: this one, as 0..fd-1 are open */
		got = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (got != fd)
			_exit(SCIO_EXIT_ERROR);
	}
}

void
scio_cli_start(int argc, char **argv, const struct option *longopts)
{
	scio_cli_stdfds();
	known_options = longopts;
	scio_cli_init(argc, argv);
}

void
scio_cli_init(int argc, char **argv)
{
	scio_cli_stdfds();
	scio_setprogname(argc > 0 ? argv[0] : NULL);
	setlocale(LC_CTYPE, "");
	scio_out_init();
}

void
scio_cli_help(const char *text)
{
	scio_out_write(text, strlen(text));
	scio_out_close();
	exit(SCIO_EXIT_OK);
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

size_t
scio_cli_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* The long option nearest to the unknown "--name[=value]", or NULL. */
static const char *
nearest_option(const char *arg)
{
	size_t n = 0, len;
	const char **names;
	const char *best;
	char *word;

	if (known_options == NULL || strncmp(arg, "--", 2) != 0)
		return NULL;
	arg += 2;
	len = strcspn(arg, "=");
	while (known_options[n].name != NULL)
		n++;
	names = scio_reallocarray(NULL, n + 1, sizeof(*names));
	for (size_t i = 0; i < n; i++)
		names[i] = known_options[i].name;
	names[n] = NULL;
	word = scio_strndup(arg, len);
	best = scio_suggest(word, names);
	free(word);
	free(names);
	return best;
}

void
scio_cli_bad_option(int ch, char **argv)
{
	const char *arg = argv[optind - 1], *near;

	if (ch == ':')
		scio_usage_error("option requires an argument: '%s'", arg);
	if (optopt != 0 && optopt < 256)
		scio_usage_error("unknown option: '-%c'", optopt);
	near = nearest_option(arg);
	if (near != NULL)
		scio_usage_error("unknown option: '%s'; did you mean '--%s'?", arg, near);
	scio_usage_error("unknown option: '%s'", arg);
}
