/* datebound.h: a date given as a bound: YYYY, YYYY-MM or YYYY-MM-DD.
 * Such a bound compares with a YYYY-MM-DD date as strings: a date is
 * before the bound exactly when strcmp(date, bound) < 0. */
#ifndef SCIO_DATEBOUND_H
#define SCIO_DATEBOUND_H

/* Whether s is a date bound --since and --until take: YYYY, YYYY-MM or
 * YYYY-MM-DD, and a date of the calendar (month 1-12, the month's days,
 * 29 February in leap years only). */
int scio_date_bound_ok(const char *s);

/* Why s is not such a bound ("no such month", ...), or NULL when it is. */
const char *scio_date_bound_error(const char *s);

#endif
