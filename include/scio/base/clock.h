/* clock.h: the two clocks the toolkit reads, each read one way. */
#ifndef SCIO_CLOCK_H
#define SCIO_CLOCK_H

/* Room for an RFC 3339 UTC time and its NUL ("2024-07-22T10:00:00Z"). */
#define SCIO_UTC_SIZE 32

/* Seconds on the monotonic clock, for intervals and deadlines only: its
 * zero is arbitrary, and it does not jump when the time of day is set. */
double scio_now(void);

/* The time of day as RFC 3339 UTC ("2024-07-22T10:00:00Z") into out. */
void scio_utc_now(char out[SCIO_UTC_SIZE]);

#endif
