/* state.c: the state file: JSON Lines, one page per line, replaced
 * atomically and guarded by flock on a lock file beside it. */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/fetch/state.h"
#include "scio/fetch/state_impl.h"
#include "scio/base/strmap.h"
#include "scio/base/text.h"
#include "scio/record/pageid.h"

#define STATE_FORMAT 1

/* A place in the state's index: which entry (its position + 1; 0 for
 * none) and more bits of its identity's hash, so that an entry's
 * identity is compared only when those agree.  The index holds no
 * strings: 8 bytes a place instead of a copied key and two pointers. */
struct slot {
	uint32_t entry;
	uint32_t check;
};

struct scio_state {
	char *path;
	int lockfd;
	struct scio_state_entry **v;	/* in the order first seen */
	unsigned long long *hashes;	/* of each entry's identity */
	size_t n, cap;
	struct slot *index;	/* open addressing, icap a power of two */
	size_t icap;
	int dirty;
	double saved_at;
	double save_took;	/* seconds the last save took */
	/* standard output as of the last save, when a regular file */
	long long out_dev, out_ino, out_size;
	int out_known;		/* those three were read or written */
	int out_fd;		/* fsync'ed and measured before a save, or -1 */
	int (*presave)(void *);	/* more to make durable first, or NULL */
	void *presave_arg;
};

/* Copies s (or NULL) to *at, advancing it; returns the copy. */
static const char *
put_str(char **at, const char *s)
{
	size_t n;
	char *c = *at;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	memcpy(c, s, n);
	*at += n;
	return c;
}

static size_t
str_size(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

struct scio_state_entry *
scio_state_entry_dup(const struct scio_state_entry *e)
{
	size_t n = sizeof(*e);
	struct scio_state_entry *c;
	char *at;

	n += str_size(e->url) + str_size(e->etag) + str_size(e->last_modified) +
	    str_size(e->hash) + str_size(e->fetched_at) + str_size(e->robots);
	c = scio_malloc(n);
	at = (char *)(c + 1);
	c->url = put_str(&at, e->url);
	c->etag = put_str(&at, e->etag);
	c->last_modified = put_str(&at, e->last_modified);
	c->hash = put_str(&at, e->hash);
	c->fetched_at = put_str(&at, e->fetched_at);
	c->robots = put_str(&at, e->robots);
	c->pages = e->pages;
	return c;
}

static const char *
field(json_t *o, const char *name)
{
	return json_string_value(json_object_get(o, name));
}

static void
lock(struct scio_state *st)
{
	struct scio_buf lp = {0};

	scio_buf_printf(&lp, "%s.lock", st->path);
	st->lockfd = open(lp.s, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
	if (st->lockfd < 0)
		scio_die_errno(SCIO_EXIT_ERROR, "cannot open lock file '%s'", lp.s);
	if (flock(st->lockfd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK)
			scio_die(SCIO_EXIT_ERROR, "state file '%s' is in use by "
			    "another run (locked through '%s')", st->path, lp.s);
		scio_die_errno(SCIO_EXIT_ERROR, "cannot lock '%s'", lp.s);
	}
	scio_buf_free(&lp);
}

/* The header's "output": standard output as the last save left it. */
static void
read_output(struct scio_state *st, json_t *o)
{
	json_t *dev = json_object_get(o, "dev"), *ino = json_object_get(o, "ino");
	json_t *size = json_object_get(o, "size");

	if (!json_is_integer(dev) || !json_is_integer(ino) ||
	    !json_is_integer(size) || json_integer_value(size) < 0)
		return;
	st->out_dev = json_integer_value(dev);
	st->out_ino = json_integer_value(ino);
	st->out_size = json_integer_value(size);
	st->out_known = 1;
}

int
scio_state_read(struct scio_state *st, FILE *fp, struct scio_buf *why)
{
	struct scio_input in;
	int rc = 0;

	memset(&in, 0, sizeof(in));
	in.name = st->path;
	in.fp = fp;
	scio_buf_reset(why);
	while (rc == 0 && scio_input_next(&in) > 0) {
		json_error_t jerr;
		json_t *o = json_loadb(in.line, in.len, 0, &jerr);
		struct scio_state_entry e = {0};

		if (!json_is_object(o)) {
			scio_buf_printf(why, "%s:%zu: not a state file; move it "
			    "away to start afresh", st->path, in.lineno);
			rc = -1;
		} else if (in.lineno == 1) {
			if (json_integer_value(json_object_get(o,
			    "scio_fetch_state")) != STATE_FORMAT) {
				scio_buf_printf(why, "%s:1: not a scio-fetch state "
				    "file (format %d expected)", st->path,
				    STATE_FORMAT);
				rc = -1;
			} else {
				read_output(st, json_object_get(o, "output"));
			}
		} else if ((e.url = field(o, "url")) == NULL) {
			scio_buf_printf(why, "%s:%zu: state entry without "
			    "\"url\"", st->path, in.lineno);
			rc = -1;
		} else {
			e.etag = field(o, "etag");
			e.last_modified = field(o, "last_modified");
			e.hash = field(o, "hash");
			e.fetched_at = field(o, "fetched_at");
			e.robots = field(o, "robots");
			e.pages = (long)json_integer_value(json_object_get(o, "pages"));
			if (e.pages < 0)
				e.pages = 0;
			scio_state_put(st, &e);
		}
		json_decref(o);
	}
	if (rc == 0 && ferror(fp)) {
		scio_buf_printf(why, "%s: read error: %s", st->path, strerror(errno));
		rc = -1;
	}
	free(in.line);
	st->dirty = 0;
	return rc;
}

static void
load(struct scio_state *st)
{
	struct scio_buf why = {0};
	FILE *fp = fopen(st->path, "rb");

	if (fp == NULL) {
		if (errno == ENOENT)
			return;
		scio_die_errno(SCIO_EXIT_ERROR, "cannot read state file '%s'",
		    st->path);
	}
	if (scio_state_read(st, fp, &why) < 0)
		scio_die(SCIO_EXIT_ERROR, "%s", why.s);
	fclose(fp);
	scio_buf_free(&why);
}

struct scio_state *
scio_state_new(const char *path)
{
	struct scio_state *st = scio_calloc(1, sizeof(*st));

	st->path = scio_strdup(path);
	st->lockfd = -1;
	st->out_fd = -1;
	st->saved_at = scio_now();
	return st;
}

/* The file a state name stands for: a symbolic link is followed to its
 * target, so that the lock and the rename act on the real file whatever
 * name a run was given. */
static char *
resolve(const char *path)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) < 0 || !S_ISLNK(st.st_mode))
		return scio_strdup(path);
	if ((real = realpath(path, NULL)) == NULL)
		scio_die_errno(SCIO_EXIT_ERROR, "state file '%s' is a symbolic "
		    "link that cannot be followed", path);
	return real;
}

struct scio_state *
scio_state_open(const char *path)
{
	char *real = resolve(path);
	struct scio_state *st = scio_state_new(real);

	free(real);
	lock(st);
	load(st);
	st->saved_at = scio_now();
	return st;
}

/* The directory of a page's path, the mobile site's leading "/m"
 * left out: "/m/pressroom/D/" and "/pressroom/D/" are one page's forms,
 * but "/a/" and "/b/" hold two pages (content ids are one site's, and
 * any other site may reuse a name in each directory). */
static const char *
page_dir(const struct scio_pageid *id)
{
	const char *p = strstr(id->dir, "://");

	p = p != NULL ? p + 3 : id->dir;
	p += strcspn(p, "/");
	return strncmp(p, "/m/", 3) == 0 ? p + 2 : p;
}

char *
scio_state_page_key(const char *url)
{
	struct scio_pageid id;
	struct scio_buf b = {0};
	char *key = NULL;

	if (scio_pageid_parse(url, &id) == 0 && scio_pageid_pager(&id))
		key = scio_pageid_key(&id);
	if (key != NULL)
		scio_buf_printf(&b, "%s %s", key, page_dir(&id));
	scio_pageid_free(&id);
	free(key);
	return key != NULL ? scio_buf_take(&b) : NULL;
}

/* What the state knows a page by: its page key, else the URL itself,
 * each behind a prefix of its own so that no URL is taken for a key.
 * A new string. */
static char *
identity(const char *url)
{
	struct scio_buf b = {0};
	char *key = scio_state_page_key(url);

	scio_buf_printf(&b, "%c%s", key != NULL ? 'p' : 'u',
	    key != NULL ? key : url);
	free(key);
	return scio_buf_take(&b);
}

/* Whether the entry at url (stored) is the page of identity key that
 * url names: the same URL, or the same identity. */
static int
same_page(const char *stored, const char *url, const char *key)
{
	char *k;
	int same;

	if (strcmp(stored, url) == 0)
		return 1;
	k = identity(stored);
	same = strcmp(k, key) == 0;
	free(k);
	return same;
}

/* The place of the entry whose identity is key (hash h), or the empty
 * place where it would go. */
static struct slot *
place(struct scio_state *st, const char *url, const char *key,
    unsigned long long h)
{
	size_t mask = st->icap - 1;

	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct slot *p = &st->index[i];

		if (p->entry == 0 || (p->check == (uint32_t)(h >> 32) &&
		    same_page(st->v[p->entry - 1]->url, url, key)))
			return p;
	}
}

/* Keeps the index at most half full. */
static void
grow_index(struct scio_state *st)
{
	size_t mask;

	if (st->icap != 0 && (st->n + 1) * 2 <= st->icap)
		return;
	st->icap = st->icap ? st->icap * 2 : 64;
	free(st->index);
	st->index = scio_calloc(st->icap, sizeof(*st->index));
	mask = st->icap - 1;
	for (size_t e = 0; e < st->n; e++) {
		size_t i = (size_t)st->hashes[e] & mask;

		while (st->index[i].entry != 0)
			i = (i + 1) & mask;
		st->index[i].entry = (uint32_t)(e + 1);
		st->index[i].check = (uint32_t)(st->hashes[e] >> 32);
	}
}

const struct scio_state_entry *
scio_state_get(struct scio_state *st, const char *url)
{
	char *key;
	const struct slot *p;

	if (st->n == 0)
		return NULL;
	key = identity(url);
	p = place(st, url, key, scio_fnv1a64(key, strlen(key)));
	free(key);
	return p->entry ? st->v[p->entry - 1] : NULL;
}

void
scio_state_put(struct scio_state *st, const struct scio_state_entry *e)
{
	struct scio_state_entry *c = scio_state_entry_dup(e);
	char *key = identity(c->url);
	unsigned long long h = scio_fnv1a64(key, strlen(key));
	struct slot *p;

	if (st->n >= UINT32_MAX - 1)
		scio_die(SCIO_EXIT_ERROR, "state file '%s': too many pages",
		    st->path);
	grow_index(st);
	p = place(st, c->url, key, h);
	if (p->entry != 0) {
		free(st->v[p->entry - 1]);
		st->v[p->entry - 1] = c;
	} else {
		size_t had = st->cap;

		SCIO_ALLOC_GROW(st->v, st->n + 1, st->cap);
		if (st->cap != had)
			st->hashes = scio_reallocarray(st->hashes, st->cap,
			    sizeof(*st->hashes));
		st->hashes[st->n] = h;
		st->v[st->n++] = c;
		p->entry = (uint32_t)st->n;
		p->check = (uint32_t)(h >> 32);
	}
	free(key);
	st->dirty = 1;
}

int
scio_state_write(struct scio_state *st, FILE *fp)
{
	if (st->out_known)
		fprintf(fp, "{\"scio_fetch_state\":%d,\"output\":{\"dev\":%lld,"
		    "\"ino\":%lld,\"size\":%lld}}\n", STATE_FORMAT, st->out_dev,
		    st->out_ino, st->out_size);
	else
		fprintf(fp, "{\"scio_fetch_state\":%d}\n", STATE_FORMAT);
	for (size_t i = 0; i < st->n && !ferror(fp); i++)
		scio_state_put_line(fp, st->v[i]);
	return fflush(fp) == EOF || ferror(fp) ? -1 : 0;
}

/* Makes the rename itself durable. */
static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? scio_strndup(path, (size_t)(slash - path + 1)) :
	    scio_strdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Makes what the state is about to count durable first: the WARC (the
 * caller's hook) and standard output, whose size is then recorded. */
static int
sync_delivered(struct scio_state *st)
{
	struct stat sb;

	if (st->presave != NULL && st->presave(st->presave_arg) < 0)
		return -1;
	if (st->out_fd < 0)
		return 0;
	if (fsync(st->out_fd) < 0 || fstat(st->out_fd, &sb) < 0) {
		scio_warn_errno("cannot make standard output durable; state "
		    "file '%s' not saved", st->path);
		return -1;
	}
	st->out_dev = (long long)sb.st_dev;
	st->out_ino = (long long)sb.st_ino;
	st->out_size = (long long)sb.st_size;
	st->out_known = 1;
	return 0;
}

int
scio_state_save(struct scio_state *st)
{
	struct scio_buf tmp = {0};
	FILE *fp;
	mode_t mask;
	int fd, rc = -1;
	double start = scio_now();

	if (sync_delivered(st) < 0)
		goto out;
	/* A new name no one else can have made: O_EXCL, never through a
	 * link planted beside the state. */
	scio_buf_printf(&tmp, "%s.tmpXXXXXX", st->path);
	fd = mkstemp(tmp.s);
	if (fd < 0) {
		scio_warn_errno("cannot write state file '%s'", tmp.s);
		goto out;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		scio_warn_errno("cannot write state file '%s'", tmp.s);
		close(fd);
		unlink(tmp.s);
		goto out;
	}
	if (scio_state_write(st, fp) < 0 || fsync(fd) < 0) {
		scio_warn_errno("cannot write state file '%s'", tmp.s);
		fclose(fp);
		unlink(tmp.s);
		goto out;
	}
	if (fclose(fp) == EOF) {
		scio_warn_errno("cannot write state file '%s'", tmp.s);
		unlink(tmp.s);
		goto out;
	}
	if (rename(tmp.s, st->path) < 0) {
		scio_warn_errno("cannot rename '%s' to '%s'", tmp.s, st->path);
		unlink(tmp.s);
		goto out;
	}
	sync_dir(st->path);
	st->dirty = 0;
	st->saved_at = scio_now();
	st->save_took = st->saved_at - start;
	rc = 0;
out:
	scio_buf_free(&tmp);
	if (rc < 0)
		scio_set_status(SCIO_EXIT_ERROR);
	return rc;
}

void
scio_state_watch_output(struct scio_state *st, int fd)
{
	struct stat sb;

	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode))
		return;
	st->out_fd = fd;
	/* What the state says of the output must hold from the first byte
	 * this run writes: else a run killed before its first save would
	 * leave records no later run can tell from older ones. */
	if (!st->out_known || st->out_dev != (long long)sb.st_dev ||
	    st->out_ino != (long long)sb.st_ino ||
	    st->out_size != (long long)sb.st_size)
		scio_state_save(st);
}

void
scio_state_presave(struct scio_state *st, int (*fn)(void *), void *arg)
{
	st->presave = fn;
	st->presave_arg = arg;
}

long long
scio_state_output_size(const struct scio_state *st, int fd)
{
	struct stat sb;

	if (!st->out_known || fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) ||
	    (long long)sb.st_dev != st->out_dev ||
	    (long long)sb.st_ino != st->out_ino)
		return -1;
	return st->out_size;
}

double
scio_state_pace(double interval, double save_took)
{
	if (interval > 0 && interval < SCIO_STATE_PACE * save_took)
		return SCIO_STATE_PACE * save_took;
	return interval;
}

int
scio_state_checkpoint(struct scio_state *st, double interval)
{
	interval = scio_state_pace(interval, st->save_took);
	if (!st->dirty || scio_now() - st->saved_at < interval)
		return 0;
	return scio_state_save(st);
}

void
scio_state_close(struct scio_state *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->n; i++)
		free(st->v[i]);
	free(st->v);
	free(st->hashes);
	free(st->index);
	if (st->lockfd >= 0)
		close(st->lockfd);
	free(st->path);
	free(st);
}
