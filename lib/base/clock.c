/* clock.c: the monotonic clock and the time of day. */
#include <time.h>

#include "scio/base/clock.h"

double
scio_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
scio_utc_now(char out[SCIO_UTC_SIZE])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, SCIO_UTC_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
