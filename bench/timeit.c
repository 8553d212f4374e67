/*
 * timeit: runs a command several times and prints its best wall time.
 *
 *	timeit [-n MIN] [-N MAX] [-t SECONDS] -o OUT -e ERR -- CMD [ARG]...
 *
 * CMD runs with its standard output to OUT and its standard error to ERR
 * (both truncated each run), at least MIN times (default 3, never under
 * 1), then again
 * while the runs so far took under SECONDS in all (default 1) and fewer
 * than MAX were made (default 20): a command of milliseconds is run often
 * enough for its best time to mean something on a noisy machine.
 *
 * Prints one line: the best wall time in seconds (the monotonic clock
 * around fork and wait), the peak resident set size in kilobytes of that
 * run (from wait4), and the exit status of the last run (128 + N for a
 * signal N). Exits 0, or 2 on a usage error or a command that cannot run.
 *
 * Why not /usr/bin/time: it prints hundredths of a second, as long as a
 * whole indexed query takes. Why C: a child forked from a large process
 * (Python, say) inherits that process's peak resident size, and small
 * programs' peaks would read as the parent's.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
	"usage: timeit [-n MIN] [-N MAX] [-t SECONDS] -o OUT -e ERR -- CMD [ARG]...\n";

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
open_out(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0) {
		fprintf(stderr, "timeit: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return fd;
}

/* One run: its wall time in *secs, its peak in *kb; returns its status. */
static int
run(char **argv, const char *out, const char *err, double *secs, long *kb)
{
	int ofd = open_out(out), efd = open_out(err), status;
	struct rusage ru;
	double t0 = now();
	pid_t pid = fork();

	if (pid < 0) {
		fprintf(stderr, "timeit: fork: %s\n", strerror(errno));
		exit(2);
	}
	if (pid == 0) {
		if (dup2(ofd, 1) < 0 || dup2(efd, 2) < 0)
			_exit(126);
		execvp(argv[0], argv);
		/* said in ERR, which the parent passes on */
		dprintf(2, "timeit: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(ofd);
	close(efd);
	if (wait4(pid, &status, 0, &ru) < 0) {
		fprintf(stderr, "timeit: wait: %s\n", strerror(errno));
		exit(2);
	}
	*secs = now() - t0;
	*kb = ru.ru_maxrss;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static long
number(const char *s, int opt)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0) {
		fprintf(stderr, "timeit: -%c: not a whole number: %s\n", opt, s);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	const char *out = NULL, *err = NULL;
	long least = 3, most = 20, runs = 0, kb, best_kb = 0;
	double budget = 1, spent = 0, secs, best = -1;
	char *end;
	int c, rc = 0;

	while ((c = getopt(argc, argv, "n:N:t:o:e:")) != -1) {
		switch (c) {
		case 'n': least = number(optarg, c); break;
		case 'N': most = number(optarg, c); break;
		case 't':
			budget = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || budget < 0) {
				fprintf(stderr, "timeit: -t: not a number of seconds: %s\n",
				    optarg);
				return 2;
			}
			break;
		case 'o': out = optarg; break;
		case 'e': err = optarg; break;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (optind >= argc || out == NULL || err == NULL) {
		fputs(usage, stderr);
		return 2;
	}
	if (least < 1)
		least = 1;
	while (runs < least || (spent < budget && runs < most)) {
		rc = run(argv + optind, out, err, &secs, &kb);
		if (rc == 127 || rc == 126) {
			/* could not run it at all: show why, from its ERR */
			FILE *f = fopen(err, "r");
			char line[512];

			if (f != NULL && fgets(line, sizeof(line), f) != NULL &&
			    strncmp(line, "timeit: ", 8) == 0) {
				fputs(line, stderr);
				fclose(f);
				return 2;
			}
			if (f != NULL)
				fclose(f);
		}
		runs++;
		spent += secs;
		if (best < 0 || secs < best) {
			best = secs;
			best_kb = kb;
		}
	}
	printf("%.6f %ld %d\n", best, best_kb, rc);
	return 0;
}
