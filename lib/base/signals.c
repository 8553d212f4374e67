/* signals.c: a stop flag set by SIGINT and SIGTERM, and ending by the
 * signal once what was being written is out. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/signals.h"

static volatile sig_atomic_t stop_signal;

static void
on_stop_signal(int sig)
{
	stop_signal = sig;
}

volatile sig_atomic_t *
scio_catch_stop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;	/* a write in progress is finished */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	return &stop_signal;
}

const char *
scio_signal_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : "SIGTERM";
}

void
scio_die_of_signal(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	raise(sig);
	/* raise returns when the signal is blocked */
	/* cppcheck-suppress unreachableCode */
	exit(128 + sig);
}
