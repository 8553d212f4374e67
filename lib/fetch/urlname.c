/* urlname.c: mapping URLs to file names that stay inside a directory,
 * and writing bodies there without following links. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/base/strmap.h"
#include "scio/base/url.h"
#include "scio/fetch/urlname.h"

#define MAX_COMPONENT 200
/* Never made by escaping, which puts two hex digits after every '%'. */
#define MARK "%-"
#define FILE_MARK MARK ".html"

enum part { PART_HOST, PART_DIR, PART_FILE };

static int
safe_byte(int c, int first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-')
		return 1;
	return c == '.' && !first;
}

/* Appends one component made from s[0..n), escaped, to out.  So that a
 * file never has a directory's name: a directory whose name holds a '.'
 * gets MARK at its end, a file whose name holds none gets FILE_MARK (an
 * empty one, a URL ending in '/', is "index" FILE_MARK). */
static void
add_component(struct scio_buf *out, const char *s, size_t n, enum part part)
{
	const size_t room = MAX_COMPONENT - (sizeof(FILE_MARK) - 1);
	struct scio_buf c = {0};

	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (safe_byte(ch, c.len == 0))
			scio_buf_addc(&c, ch);
		else
			scio_buf_printf(&c, "%%%02X", ch);
	}
	if (c.len == 0)
		scio_buf_adds(&c, "index");
	if (c.len > room) {
		unsigned long long h = scio_fnv1a64(c.s, c.len);

		c.len = room - 17;
		scio_buf_printf(&c, "-%016llx", h);
	}
	if (part == PART_DIR && memchr(c.s, '.', c.len) != NULL)
		scio_buf_adds(&c, MARK);
	else if (part == PART_FILE && memchr(c.s, '.', c.len) == NULL)
		scio_buf_adds(&c, FILE_MARK);
	if (out->len > 0)
		scio_buf_addc(out, '/');
	scio_buf_add(out, c.s, c.len);
	scio_buf_free(&c);
}

char *
scio_urlname(const char *url)
{
	char *host = scio_url_host(url);
	char *path = scio_url_path(url);
	char *query = scio_url_query(url);
	struct scio_buf out = {0};
	struct scio_buf last = {0};
	const char *p, *slash;

	if (path == NULL) {
		free(host);
		free(query);
		return NULL;
	}
	add_component(&out, host ? host : "localhost",
	    strlen(host ? host : "localhost"), PART_HOST);
	p = path;
	while (*p == '/')
		p++;
	while ((slash = strchr(p, '/')) != NULL) {
		if (slash > p)
			add_component(&out, p, (size_t)(slash - p), PART_DIR);
		p = slash + 1;
	}
	scio_buf_adds(&last, p);
	if (query != NULL) {
		scio_buf_addc(&last, '?');
		scio_buf_adds(&last, query);
	}
	add_component(&out, last.s, last.len, PART_FILE);
	scio_buf_free(&last);
	free(host);
	free(path);
	free(query);
	return scio_buf_take(&out);
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Opens directory name under at, making it when missing; a symbolic link
 * (or anything but a directory) there is refused, never followed. */
static int
open_dir(int at, const char *name)
{
	const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	int fd = openat(at, name, flags);

	if (fd < 0 && errno == ENOENT) {
		if (mkdirat(at, name, 0777) < 0 && errno != EEXIST)
			return -1;
		fd = openat(at, name, flags);
	}
	if (fd < 0 && errno == ELOOP)
		errno = ENOTDIR;
	return fd;
}

/* Creates a new temporary file beside name in dir: O_EXCL, so that no
 * file or link someone planted is written through. */
static int
open_temp(int dir, const char *name, struct scio_buf *tmp)
{
	static unsigned long long seq;

	for (int tries = 0; tries < 100; tries++) {
		unsigned long long r = scio_fnv1a64(&seq, sizeof(seq)) ^
		    ((unsigned long long)getpid() << 20) ^ (unsigned long long)time(NULL);
		int fd;

		seq++;
		scio_buf_reset(tmp);
		scio_buf_printf(tmp, "%s.tmp%06llx", name, r & 0xFFFFFF);
		fd = openat(dir, tmp->s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

int
scio_save_body(const char *dir, const char *url, const char *body, size_t len)
{
	char *rel = scio_urlname(url);
	struct scio_buf shown = {0}, tmp = {0};
	const char *p, *slash;
	int at, fd, rc = -1;

	if (rel == NULL) {
		scio_warn("%s: cannot make a file name for this URL", url);
		return -1;
	}
	/* DIR itself is the user's; below it, every component is walked
	 * with openat and O_NOFOLLOW. */
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		scio_warn_errno("cannot create directory '%s'", dir);
		free(rel);
		return -1;
	}
	if ((at = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		scio_warn_errno("cannot open directory '%s'", dir);
		free(rel);
		return -1;
	}
	scio_buf_adds(&shown, dir);
	for (p = rel; (slash = strchr(p, '/')) != NULL; p = slash + 1) {
		char *name = scio_strndup(p, (size_t)(slash - p));
		int next = open_dir(at, name);

		scio_buf_printf(&shown, "/%s", name);
		free(name);
		if (next < 0) {
			scio_warn_errno("cannot create directory '%s'", shown.s);
			goto out;
		}
		close(at);
		at = next;
	}
	scio_buf_printf(&shown, "/%s", p);
	if ((fd = open_temp(at, p, &tmp)) < 0) {
		scio_warn_errno("cannot create a file beside '%s'", shown.s);
		goto out;
	}
	if (write_all(fd, body, len) < 0 || fsync(fd) < 0) {
		scio_warn_errno("cannot write '%s'", shown.s);
		close(fd);
		unlinkat(at, tmp.s, 0);
		goto out;
	}
	if (close(fd) < 0) {
		scio_warn_errno("cannot write '%s'", shown.s);
		unlinkat(at, tmp.s, 0);
		goto out;
	}
	if (renameat(at, tmp.s, at, p) < 0) {
		scio_warn_errno("cannot rename a file to '%s'", shown.s);
		unlinkat(at, tmp.s, 0);
		goto out;
	}
	fsync(at);
	rc = 0;
out:
	close(at);
	free(rel);
	scio_buf_free(&shown);
	scio_buf_free(&tmp);
	return rc;
}
