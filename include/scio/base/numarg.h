/* numarg.h: reading numbers given as option arguments. */
#ifndef SCIO_NUMARG_H
#define SCIO_NUMARG_H

/* Each returns the value of arg, or ends the program with a usage error
 * naming the option when arg is not a number in [min, max]. */
long scio_arg_long(const char *opt, const char *arg, long min, long max);

/* Seconds, with a fraction allowed ("0.05"). */
double scio_arg_seconds(const char *opt, const char *arg);

/* A byte count with an optional k, M or G suffix (powers of 1024). */
long long scio_arg_size(const char *opt, const char *arg);

#endif
