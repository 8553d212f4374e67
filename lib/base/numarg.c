/* numarg.c: strict parsing of numeric option arguments. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "scio/base/diag.h"
#include "scio/base/numarg.h"

long
scio_arg_long(const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		scio_usage_error("invalid number for %s: '%s' (from %ld to %ld)",
		    opt, arg, min, max);
	return v;
}

double
scio_arg_seconds(const char *opt, const char *arg)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || !(v >= 0) || v > 1e7)
		scio_usage_error("invalid number of seconds for %s: '%s'", opt, arg);
	return v;
}

long long
scio_arg_size(const char *opt, const char *arg)
{
	char *end;
	long long v, mul = 1;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno == 0 && end != arg) {
		switch (*end) {
		case 'k': case 'K': mul = 1LL << 10; end++; break;
		case 'm': case 'M': mul = 1LL << 20; end++; break;
		case 'g': case 'G': mul = 1LL << 30; end++; break;
		}
	}
	if (errno != 0 || end == arg || *end != '\0' || v < 0 ||
	    v > LLONG_MAX / mul)
		scio_usage_error("invalid size for %s: '%s'", opt, arg);
	return v * mul;
}
