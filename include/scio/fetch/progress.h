/* progress.h: what scio-fetch tells a person watching: a progress line
 * redrawn in place, retry notices and a summary line, all on stderr.
 * Nothing is drawn in place unless stderr is a terminal whose TERM is
 * set and not "dumb"; off a terminal only a summary of a run in which
 * something failed is written. */
#ifndef SCIO_PROGRESS_H
#define SCIO_PROGRESS_H

#include <stddef.h>

struct scio_progress_counts {
	unsigned long done;	/* pages finished, whatever the outcome */
	unsigned long total;	/* pages known so far, 0 if not known */
	unsigned long unchanged;	/* of done: 304 Not Modified */
	unsigned long failed;	/* of done: failed for good */
	unsigned long disallowed;	/* of failed: refused by robots.txt */
	unsigned long long bytes;
	double elapsed;		/* seconds */
	const char *url;	/* being fetched, or NULL */
};

struct scio_progress;

/* quiet: no line, notices or summary at all (-q); term: the TERM the
 * program was given, or NULL (unset, empty or "dumb": no line redrawn in
 * place). */
struct scio_progress *scio_progress_new(int quiet, const char *term);

/* Whether a line is drawn at all: counting for it can be skipped. */
int scio_progress_live(const struct scio_progress *p);

/* Redraws the line, at most a few times a second. */
void scio_progress_show(struct scio_progress *p,
    const struct scio_progress_counts *c);

/* Takes the line away before another message is written. */
void scio_progress_clear(struct scio_progress *p);

/* "prog: retrying URL in 2 s, 2 left", on a terminal only. */
void scio_progress_retry(struct scio_progress *p, const char *url,
    double delay, long left);

/* Clears the line, writes the summary when due and frees p. */
void scio_progress_end(struct scio_progress *p,
    const struct scio_progress_counts *c);

struct scio_http;
struct scio_http_opts;
struct scio_crawl;

/* Has p watch a run: o's retry notices and ticks go to p, and the line
 * counts the transfers of the scio_http made from o and, once
 * scio_progress_crawl names it, the URLs of the crawl not asked for yet. */
void scio_progress_watch(struct scio_progress *p, struct scio_http_opts *o);
void scio_progress_crawl(struct scio_progress *p, const struct scio_crawl *c);

/* Redraws the line with h's counts (when a line is drawn at all). */
void scio_progress_tick(struct scio_progress *p, const struct scio_http *h);

/* scio_progress_end with h's counts. */
void scio_progress_finish(struct scio_progress *p, const struct scio_http *h);

/* "512 B", "12.3 kB", "41 kB", "1.2 MB" (powers of 1000) into out. */
void scio_progress_bytes(char *out, size_t size, double n);

#endif
