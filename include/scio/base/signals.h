/* signals.h: stopping on SIGINT or SIGTERM the careful way: the signal
 * only sets a flag, the program notices it where its output is whole,
 * saves what it must and then ends as the signal would have ended it. */
#ifndef SCIO_SIGNALS_H
#define SCIO_SIGNALS_H

#include <signal.h>

/* Catches SIGINT and SIGTERM from now on (a write in progress is
 * finished: SA_RESTART) and returns the flag they set: 0 until one
 * comes, then its number. */
volatile sig_atomic_t *scio_catch_stop_signals(void);

/* "SIGINT" or "SIGTERM", for a message. */
const char *scio_signal_name(int sig);

/* Ends the program as sig would have (its default action), so that a
 * parent sees it killed by the signal, not a plain exit status. */
void scio_die_of_signal(int sig);

#endif
