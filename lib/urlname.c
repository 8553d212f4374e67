/* urlname.c: mapping URLs to file names that stay inside a directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scio/alloc.h"
#include "scio/diag.h"
#include "scio/strmap.h"
#include "scio/url.h"
#include "scio/urlname.h"

#define MAX_COMPONENT 200

static int
safe_byte(int c, int first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-')
		return 1;
	return c == '.' && !first;
}

/* Appends one component made from s[0..n), escaped, to out. */
static void
add_component(struct scio_buf *out, const char *s, size_t n)
{
	struct scio_buf c = {0};

	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (safe_byte(ch, c.len == 0))
			scio_buf_addc(&c, ch);
		else
			scio_buf_printf(&c, "%%%02X", ch);
	}
	if (c.len == 0)
		scio_buf_adds(&c, "index.html");
	if (c.len > MAX_COMPONENT) {
		unsigned long long h = scio_fnv1a64(c.s, c.len);

		c.len = MAX_COMPONENT - 17;
		scio_buf_printf(&c, "-%016llx", h);
	}
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
	add_component(&out, host ? host : "localhost", strlen(host ? host : "localhost"));
	p = path;
	while (*p == '/')
		p++;
	while ((slash = strchr(p, '/')) != NULL) {
		if (slash > p)
			add_component(&out, p, (size_t)(slash - p));
		p = slash + 1;
	}
	scio_buf_adds(&last, p);
	if (last.len == 0)
		scio_buf_adds(&last, "index.html");
	if (query != NULL) {
		scio_buf_addc(&last, '?');
		scio_buf_adds(&last, query);
	}
	add_component(&out, last.s, last.len);
	scio_buf_free(&last);
	free(host);
	free(path);
	free(query);
	return scio_buf_take(&out);
}

/* mkdir -p for the directories of rel under dir (which must exist). */
static int
make_dirs(const char *dir, const char *rel)
{
	struct scio_buf p = {0};
	const char *s;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		scio_warn_errno("cannot create directory '%s'", dir);
		return -1;
	}

	for (s = rel; (s = strchr(s, '/')) != NULL; s++) {
		scio_buf_reset(&p);
		scio_buf_printf(&p, "%s/%.*s", dir, (int)(s - rel), rel);
		if (mkdir(p.s, 0777) < 0 && errno != EEXIST) {
			scio_warn_errno("cannot create directory '%s'", p.s);
			scio_buf_free(&p);
			return -1;
		}
	}
	scio_buf_free(&p);
	return 0;
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

int
scio_save_body(const char *dir, const char *url, const char *body, size_t len)
{
	char *rel = scio_urlname(url);
	struct scio_buf path = {0}, tmp = {0};
	int fd, rc = -1;

	if (rel == NULL) {
		scio_warn("%s: cannot make a file name for this URL", url);
		return -1;
	}
	scio_buf_printf(&path, "%s/%s", dir, rel);
	scio_buf_printf(&tmp, "%s.tmp%ld", path.s, (long)getpid());
	if (make_dirs(dir, rel) < 0)
		goto out;
	fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0666);
	if (fd < 0) {
		scio_warn_errno("cannot create '%s'", tmp.s);
		goto out;
	}
	if (write_all(fd, body, len) < 0) {
		scio_warn_errno("cannot write '%s'", tmp.s);
		close(fd);
		unlink(tmp.s);
		goto out;
	}
	if (close(fd) < 0) {
		scio_warn_errno("cannot write '%s'", tmp.s);
		unlink(tmp.s);
		goto out;
	}
	if (rename(tmp.s, path.s) < 0) {
		scio_warn_errno("cannot rename '%s' to '%s'", tmp.s, path.s);
		unlink(tmp.s);
		goto out;
	}
	rc = 0;
out:
	free(rel);
	scio_buf_free(&path);
	scio_buf_free(&tmp);
	return rc;
}
