/* datebound.c: the date bounds --since and --until take (scio-grep's
 * filters, scio-fetch's listing walk). */
#include <string.h>

#include "scio/record/datebound.h"

static int
two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int
scio_date_bound_ok(const char *s)
{
	return scio_date_bound_error(s) == NULL;
}

const char *
scio_date_bound_error(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t n = strlen(s);
	int year, month, day;

	static const char shape_err[] = "not YYYY, YYYY-MM or YYYY-MM-DD";

	if (n != 4 && n != 7 && n != 10)
		return shape_err;
	for (size_t i = 0; i < n; i++) {
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return shape_err;
	}
	if (n == 4)
		return NULL;
	month = two_digits(s + 5);
	if (month < 1 || month > 12)
		return "no such month";
	if (n == 7)
		return NULL;
	year = two_digits(s) * 100 + two_digits(s + 2);
	day = two_digits(s + 8);
	if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
		return "no such day (not a leap year)";
	if (day < 1 || day > mdays[month - 1])
		return "no such day";
	return NULL;
}
