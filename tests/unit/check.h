/* check.h: the few macros the C unit tests use. Each check prints one line,
 * "ok - what" or "not ok - what", which tests/run.sh counts. */
#ifndef SCIO_TEST_CHECK_H
#define SCIO_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond, what) do { \
	if (cond) { \
		printf("ok - %s\n", (what)); \
	} else { \
		printf("not ok - %s (%s:%d: %s)\n", (what), __FILE__, __LINE__, #cond); \
		check_failures++; \
	} \
} while (0)

#define CHECK_STR(got, want, what) do { \
	const char *g_ = (got), *w_ = (want); \
	if ((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0)) { \
		printf("ok - %s\n", (what)); \
	} else { \
		printf("not ok - %s (%s:%d: got \"%s\", want \"%s\")\n", (what), \
		    __FILE__, __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		check_failures++; \
	} \
} while (0)

#define CHECK_DONE() (check_failures ? 1 : 0)

#endif
