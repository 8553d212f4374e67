/* Unit tests for the growable buffer, the array growth macro and the
 * clock. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "check.h"

/* The status a child process ends with when it runs f. */
static int
status_of(void (*f)(void))
{
	int st;
	pid_t pid;

	fflush(stdout);	/* or the child prints it again */
	pid = fork();

	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0)
			dup2(null, 2);
		f();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void
grow_past_size_max(void)
{
	(void)scio_alloc_nr(SIZE_MAX / 2 + 1, SIZE_MAX);
}

static void
check_grow(void)
{
	long *v = NULL;
	size_t n = 0, cap = 0, grew = 0, last = 0;
	static const char three[] = {'a', 'b', 'c'};
	int ok = 1;

	for (long i = 0; i < 1000; i++) {
		SCIO_ALLOC_GROW(v, n + 1, cap);
		if (cap != last)
			grew++;
		last = cap;
		v[n++] = i;
	}
	for (size_t i = 0; i < n; i++)
		ok &= v[i] == (long)i;
	CHECK(ok && cap >= 1000, "SCIO_ALLOC_GROW keeps what it held and makes room");
	CHECK(grew <= 7, "SCIO_ALLOC_GROW at least doubles (7 growths to 1000)");
	SCIO_ALLOC_GROW(v, 10, cap);
	CHECK(cap == last, "SCIO_ALLOC_GROW leaves a large enough array alone");
	CHECK(scio_alloc_nr(0, 1) == 16 && scio_alloc_nr(16, 17) == 32 &&
	    scio_alloc_nr(16, 100) == 128, "scio_alloc_nr: 16 first, then doubling");
	CHECK(status_of(grow_past_size_max) == 2,
	    "scio_alloc_nr ends the program (status 2) when the size overflows");
	CHECK(LEN(three) == 3, "LEN counts an array's elements");
	free(v);
}

static void
check_clock(void)
{
	char utc[SCIO_UTC_SIZE];
	double a = scio_now(), b = scio_now();

	CHECK(b >= a && a > 0, "scio_now never goes back");
	scio_utc_now(utc);
	CHECK(strlen(utc) == 20 && utc[4] == '-' && utc[10] == 'T' &&
	    utc[19] == 'Z', "scio_utc_now writes RFC 3339 UTC");
}

int
main(void)
{
	struct scio_buf b = {0};

	CHECK_STR(scio_buf_str(&b), "", "an empty buffer reads as an empty string");
	scio_buf_adds(&b, "abc");
	scio_buf_addc(&b, 'd');
	CHECK_STR(b.s, "abcd", "appends strings and characters");
	for (int i = 0; i < 10000; i++)
		scio_buf_addc(&b, 'x');
	CHECK(b.len == 10004 && b.s[b.len] == '\0', "grows past its first size and stays terminated");
	scio_buf_reset(&b);
	scio_buf_printf(&b, "%s:%zu", "file", (size_t)42);
	CHECK_STR(b.s, "file:42", "formats into the buffer");
	char *s = scio_buf_take(&b);
	CHECK(b.s == NULL && b.len == 0, "take empties the buffer");
	CHECK_STR(s, "file:42", "take hands over the string");
	free(s);
	scio_buf_free(&b);
	check_grow();
	check_clock();
	return CHECK_DONE();
}
