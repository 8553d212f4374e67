/* state.h: what scio-fetch remembers between runs (--state FILE). */
#ifndef SCIO_STATE_H
#define SCIO_STATE_H

#include <stdio.h>

#include "scio/base/alloc.h"

/* One page as last delivered. Strings may be NULL (url never is); the
 * entry does not own them: an entry the state holds is lent read-only,
 * and one given to scio_state_put is copied. */
struct scio_state_entry {
	const char *url;
	const char *etag;
	const char *last_modified;
	const char *hash;	/* of the body as served, "fnv1a64:HEX" */
	const char *fetched_at;	/* RFC 3339 UTC */
	long pages;		/* page 1 of a paginated page: pages known, else 0 */
	const char *robots;	/* a robots.txt's body, kept for its 304s */
};

struct scio_state;

/* Locks path (through "PATH.lock"; a symbolic link is followed first, so
 * that runs given two names of one file are serialised, held until scio_state_close) and loads
 * it; a missing file is an empty state. Ends the program (status 2) with
 * a clear message when another run holds the lock or the file is not a
 * state file. */
struct scio_state *scio_state_open(const char *path);

/* An empty state for path, neither locked nor loaded (for tests). */
struct scio_state *scio_state_new(const char *path);

/* Adds the entries of a state file read from fp. Returns 0, or -1 with
 * the reason ("PATH:LINE: ...") in why when it is not a state file. */
int scio_state_read(struct scio_state *st, FILE *fp, struct scio_buf *why);

/* Writes the state file's lines to fp; 0, or -1 on a write error. */
int scio_state_write(struct scio_state *st, FILE *fp);

/* What a page URL is known by, in the state and in a run: its page-id
 * key (scio/record/pageid.h: one for the desktop and mobile forms, and
 * .htm and .html, of a page) and the directory of its path, the mobile
 * site's leading "/m" left out.  A new string, or NULL for a URL that
 * is no page to follow a pager from. */
char *scio_state_page_key(const char *url);

/* The entry for the page url names, or NULL. Borrowed.  A page is known
 * by its page key (scio_state_page_key) when its URL has one, so the
 * entry may be for another form of url (desktop or mobile, .htm or
 * .html): its url is the one to ask conditionally. */
const struct scio_state_entry *scio_state_get(struct scio_state *st,
    const char *url);

/* A copy of e and its strings in one allocation, freed with free(). */
struct scio_state_entry *scio_state_entry_dup(const struct scio_state_entry *e);

/* Records e (copied) as the entry for the page e->url names, in memory,
 * replacing the entry for any other form of it. */
void scio_state_put(struct scio_state *st, const struct scio_state_entry *e);

/* Replaces the file with the state in memory: first the presave hook and
 * a watched standard output are made durable (fsync) and the output's
 * size recorded; then the state is written to a new "PATH.tmpXXXXXX"
 * (O_EXCL), fsync'd and renamed over PATH, so a reader sees the old or the new
 * state, never a mix. Returns 0, or -1 after reporting the error. */
int scio_state_save(struct scio_state *st);

/* Saves when something changed and at least interval seconds went by
 * since the last save (paced by scio_state_pace). Returns as
 * scio_state_save. */
int scio_state_checkpoint(struct scio_state *st, double interval);

/* A save writes the whole state and syncs the output, so its cost grows
 * with the archive: the interval a checkpoint waits is at least
 * SCIO_STATE_PACE times what the last save took, so that saving stays a
 * small part of a long run (without it, a backfill's saves grow to most
 * of its work).  An interval of 0 (save now) is kept. */
#define SCIO_STATE_PACE 10
double scio_state_pace(double interval, double save_took);

/* Standard output (fd), when a regular file, is fsync'ed before every
 * save, and its device, inode and size go into the state's header; the
 * state is saved at once when the header does not yet say them. */
void scio_state_watch_output(struct scio_state *st, int fd);

/* fn(arg) runs before every save; a save is given up when it fails. */
void scio_state_presave(struct scio_state *st, int (*fn)(void *), void *arg);

/* The size fd had at the last save when it is the same file as then,
 * else -1: what follows was written by a run that did not save again. */
long long scio_state_output_size(const struct scio_state *st, int fd);

/* Releases the lock and frees the state (without saving). */
void scio_state_close(struct scio_state *st);

#endif
