/* decode.c: Content-Encoding gzip and deflate through zlib's inflate. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ZLIB_CONST
#include <zlib.h>

#include "scio/base/alloc.h"
#include "scio/fetch/decode.h"

struct scio_decode {
	z_stream zs;
	int gzip;
	int started;		/* inflateInit done */
	int ended;		/* Z_STREAM_END seen */
	int raw_tried;		/* deflate: fell back to raw deflate */
	size_t fed;		/* bytes given by the calls before this one */
	unsigned char lead[2];	/* the first of them: a zlib header */
	const char *error;
};

/* The coding name without surrounding blanks, compared caselessly. */
static int
is(const char *coding, const char *name)
{
	size_t n = strlen(name);

	while (*coding == ' ' || *coding == '\t')
		coding++;
	if (strncasecmp(coding, name, n) != 0)
		return 0;
	for (coding += n; *coding == ' ' || *coding == '\t'; coding++)
		;
	return *coding == '\0';
}

struct scio_decode *
scio_decode_new(const char *coding, int *known)
{
	struct scio_decode *d;

	*known = 1;
	if (coding == NULL || is(coding, "") || is(coding, "identity"))
		return NULL;
	if (!is(coding, "gzip") && !is(coding, "x-gzip") && !is(coding, "deflate")) {
		*known = 0;
		return NULL;
	}
	d = scio_calloc(1, sizeof(*d));
	d->gzip = !is(coding, "deflate");
	return d;
}

static int
init(struct scio_decode *d, int bits)
{
	memset(&d->zs, 0, sizeof(d->zs));
	if (inflateInit2(&d->zs, bits) != Z_OK) {
		d->error = "cannot initialise zlib";
		return SCIO_DECODE_BAD;
	}
	d->started = 1;
	return SCIO_DECODE_OK;
}

/* "deflate" sent without its zlib wrapper, as some servers do: the zlib
 * header check failed on its first two bytes (nothing came out), so
 * start over as raw deflate with those bytes and p. */
static int
raw_deflate(struct scio_decode *d, const void *p, size_t n,
    struct scio_buf *out, size_t max)
{
	unsigned char *all = scio_malloc(n + 2);
	size_t lead = d->fed;
	int rc;

	memcpy(all, d->lead, lead);
	memcpy(all + lead, p, n);
	inflateEnd(&d->zs);
	d->started = 0;
	d->raw_tried = 1;
	d->fed = 0;
	rc = init(d, -15);
	if (rc == SCIO_DECODE_OK)
		rc = scio_decode_feed(d, all, lead + n, out, max);
	free(all);
	return rc;
}

int
scio_decode_feed(struct scio_decode *d, const void *p, size_t n,
    struct scio_buf *out, size_t max)
{
	unsigned char chunk[16384];

	if (!d->started && init(d, d->gzip ? 15 + 16 : 15) != SCIO_DECODE_OK)
		return SCIO_DECODE_BAD;
	/* Whatever follows the end of the stream is ignored, as browsers do. */
	if (d->ended)
		return SCIO_DECODE_OK;
	d->zs.next_in = (const unsigned char *)p;
	d->zs.avail_in = (uInt)n;
	for (;;) {
		int rc;
		size_t got;

		d->zs.next_out = chunk;
		d->zs.avail_out = sizeof(chunk);
		rc = inflate(&d->zs, Z_NO_FLUSH);
		if (rc == Z_DATA_ERROR && !d->gzip && !d->raw_tried &&
		    d->zs.total_out == 0 && d->fed < 2)
			return raw_deflate(d, p, n, out, max);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
			d->error = d->zs.msg ? d->zs.msg : "invalid compressed data";
			return SCIO_DECODE_BAD;
		}
		got = sizeof(chunk) - d->zs.avail_out;
		if (max > 0 && out->len + got > max)
			return SCIO_DECODE_BIG;
		scio_buf_add(out, chunk, got);
		if (rc == Z_STREAM_END)
			d->ended = 1;
		/* The end, or all input taken and nothing more waiting. */
		if (d->ended || rc == Z_BUF_ERROR ||
		    (d->zs.avail_in == 0 && d->zs.avail_out > 0)) {
			for (size_t i = 0; i < n && d->fed + i < 2; i++)
				d->lead[d->fed + i] = ((const unsigned char *)p)[i];
			d->fed += n;
			return SCIO_DECODE_OK;
		}
	}
}

int
scio_decode_end(const struct scio_decode *d)
{
	return d->ended ? SCIO_DECODE_OK : SCIO_DECODE_BAD;
}

const char *
scio_decode_error(const struct scio_decode *d)
{
	if (d->error != NULL)
		return d->error;
	return d->ended ? "no error" : "compressed body cut short";
}

void
scio_decode_free(struct scio_decode *d)
{
	if (d == NULL)
		return;
	if (d->started)
		inflateEnd(&d->zs);
	free(d);
}
