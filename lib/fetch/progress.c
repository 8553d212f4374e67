/* progress.c: scio-fetch's progress line, retry notices and summary.
 * The line is built whole and written at once, cut to the terminal's
 * width so that "\r" always returns to its start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/fetch/crawl.h"
#include "scio/fetch/http.h"
#include "scio/fetch/progress.h"

struct scio_progress {
	int quiet;
	int tty;		/* stderr is a terminal: notices, summary */
	int live;		/* and can redraw a line in place */
	int drawn;		/* a line is on the screen */
	double last;		/* when it was drawn, 0 for never */
	struct scio_buf line;
	const struct scio_crawl *crawl;	/* watched, or NULL */
};

struct scio_progress *
scio_progress_new(int quiet, const char *term)
{
	struct scio_progress *p = scio_calloc(1, sizeof(*p));

	p->quiet = quiet;
	p->tty = !quiet && isatty(STDERR_FILENO);
	p->live = p->tty && term != NULL && *term != '\0' &&
	    strcmp(term, "dumb") != 0;
	return p;
}

int
scio_progress_live(const struct scio_progress *p)
{
	return p->live;
}

void
scio_progress_bytes(char *out, size_t size, double n)
{
	if (n < 1000)
		snprintf(out, size, "%.0f B", n);
	else if (n < 10e3)
		snprintf(out, size, "%.1f kB", n / 1e3);
	else if (n < 1e6 - 500)
		snprintf(out, size, "%.0f kB", n / 1e3);
	else if (n < 10e6)
		snprintf(out, size, "%.1f MB", n / 1e6);
	else if (n < 1e9 - 5e5)
		snprintf(out, size, "%.0f MB", n / 1e6);
	else
		snprintf(out, size, "%.1f GB", n / 1e9);
}

static void
duration(char *out, size_t size, double secs)
{
	long s = (long)(secs + 0.5);

	if (s >= 3600)
		snprintf(out, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(out, size, "%ld:%02ld", s / 60, s % 60);
}

static size_t
columns(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static void
put(const struct scio_buf *b)
{
	fwrite(b->s, 1, b->len, stderr);
	fflush(stderr);
}

/* Appends as much of url as fits in room bytes, its start cut off
 * ("...") rather than its end, which tells pages apart. */
static void
add_url(struct scio_buf *b, const char *url, size_t room)
{
	size_t n;

	if (strncmp(url, "http://", 7) == 0)
		url += 7;
	else if (strncmp(url, "https://", 8) == 0)
		url += 8;
	n = strlen(url);
	if (n <= room) {
		scio_buf_adds(b, url);
		return;
	}
	if (room < 8)
		return;
	url += n - (room - 3);
	while ((*url & 0xC0) == 0x80)	/* not inside a UTF-8 sequence */
		url++;
	scio_buf_adds(b, "...");
	scio_buf_adds(b, url);
}

void
scio_progress_show(struct scio_progress *p, const struct scio_progress_counts *c)
{
	char bytes[32], rate[32], eta[32];
	double t = scio_now();
	size_t width;

	if (!p->live || (p->last > 0 && t - p->last < 0.2))
		return;
	p->last = t;
	scio_progress_bytes(bytes, sizeof(bytes), (double)c->bytes);
	scio_progress_bytes(rate, sizeof(rate),
	    c->elapsed > 0 ? (double)c->bytes / c->elapsed : 0);
	scio_buf_reset(&p->line);
	scio_buf_printf(&p->line, "\r%s: ", scio_progname);
	if (c->total > 0 && c->total >= c->done)
		scio_buf_printf(&p->line, "%lu/%lu pages %lu%%", c->done,
		    c->total, (unsigned long)(100.0 * c->done / c->total));
	else
		scio_buf_printf(&p->line, "%lu pages", c->done);
	/* Pages that came back unchanged or failed are not fetched pages;
	 * a count of none is left out to leave room for the URL. */
	scio_buf_printf(&p->line, ", %lu fetched",
	    c->done - c->unchanged - c->failed);
	if (c->unchanged > 0)
		scio_buf_printf(&p->line, ", %lu unchanged", c->unchanged);
	if (c->failed > 0)
		scio_buf_printf(&p->line, ", %lu failed", c->failed);
	scio_buf_printf(&p->line, ", %s, %s/s", bytes, rate);
	if (c->total > c->done && c->done > 0 && c->elapsed > 0) {
		duration(eta, sizeof(eta),
		    c->elapsed / c->done * (double)(c->total - c->done));
		scio_buf_printf(&p->line, ", ETA %s", eta);
	}
	/* One column is kept free: a full line would wrap on some
	 * terminals and "\r" would then redraw below it. */
	width = columns();
	if (c->url != NULL && p->line.len + 12 < width) {
		scio_buf_adds(&p->line, ", ");
		add_url(&p->line, c->url, width - 1 - p->line.len);
	}
	if (p->line.len > width) {
		p->line.len = width;
		p->line.s[width] = '\0';
	}
	scio_buf_adds(&p->line, "\033[K");
	put(&p->line);
	p->drawn = 1;
}

void
scio_progress_clear(struct scio_progress *p)
{
	if (!p->drawn)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->drawn = 0;
}

void
scio_progress_retry(struct scio_progress *p, const char *url, double delay,
    long left)
{
	char when[32];

	if (!p->tty)
		return;
	scio_progress_clear(p);
	if (delay >= 10)
		snprintf(when, sizeof(when), "%.0f", delay);
	else
		snprintf(when, sizeof(when), "%.2g", delay);
	if (left > 0)
		scio_warn("retrying %s in %s s, %ld left", url, when, left);
	else
		scio_warn("retrying %s in %s s, the last try", url, when);
	p->last = 0;	/* the line comes back at once */
}

void
scio_progress_end(struct scio_progress *p, const struct scio_progress_counts *c)
{
	char bytes[32], rate[32], robots[64] = "";

	scio_progress_clear(p);
	if (!p->quiet && (p->tty || c->failed > 0)) {
		scio_progress_bytes(bytes, sizeof(bytes), (double)c->bytes);
		scio_progress_bytes(rate, sizeof(rate),
		    c->elapsed > 0 ? (double)c->bytes / c->elapsed : 0);
		if (c->disallowed > 0)
			snprintf(robots, sizeof(robots), " (%lu disallowed by "
			    "robots.txt)", c->disallowed);
		scio_warn("%lu %s in %.1f s: %lu fetched, %lu unchanged, "
		    "%lu failed%s; %s, %s/s", c->done, c->done == 1 ? "page" :
		    "pages", c->elapsed, c->done - c->unchanged - c->failed,
		    c->unchanged, c->failed, robots, bytes, rate);
	}
	scio_buf_free(&p->line);
	free(p);
}

/* The counts of a run: continuation pages found later add to the total. */
static void
count(const struct scio_progress *p, const struct scio_http *h,
    struct scio_progress_counts *c)
{
	struct scio_http_stats s;

	scio_http_stats(h, &s);
	c->done = s.done + s.failed;
	c->total = c->done + s.waiting +
	    (p->crawl != NULL ? scio_crawl_waiting(p->crawl) : 0);
	c->unchanged = s.unchanged;
	c->failed = s.failed;
	c->disallowed = s.disallowed;
	c->bytes = s.bytes;
	c->elapsed = s.elapsed;
	c->url = s.url;
}

void
scio_progress_tick(struct scio_progress *p, const struct scio_http *h)
{
	struct scio_progress_counts c;

	if (!p->live)
		return;
	count(p, h, &c);
	scio_progress_show(p, &c);
}

void
scio_progress_finish(struct scio_progress *p, const struct scio_http *h)
{
	struct scio_progress_counts c;

	count(p, h, &c);
	scio_progress_end(p, &c);
}

static void
on_tick(void *arg, const struct scio_http *h)
{
	scio_progress_tick(arg, h);
}

static void
on_retry(void *arg, const char *url, double delay, long left)
{
	scio_progress_retry(arg, url, delay, left);
}

void
scio_progress_watch(struct scio_progress *p, struct scio_http_opts *o)
{
	o->on_retry = on_retry;
	o->on_tick = on_tick;
	o->notify_arg = p;
}

void
scio_progress_crawl(struct scio_progress *p, const struct scio_crawl *c)
{
	p->crawl = c;
}
