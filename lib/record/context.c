/* context.c: exchanges and neighbours written around selected records.
 * Only records that may still be needed are kept: the unselected start of
 * the current exchange, or the last N records of the current conference. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/record/context.h"
#include "scio/base/jsonl.h"

struct scio_context {
	int qa;
	size_t before, after;
	/* Exchange mode. */
	struct scio_buf doc, num;	/* the current exchange's key */
	int have_key;
	int group_selected;
	struct scio_buf pending;	/* its records so far, none selected */
	/* Neighbour mode: a ring of the last records not yet written,
	 * grown as records come (never beyond before), so that memory
	 * follows what is held, not the -B asked for. */
	struct scio_buf *ring;
	size_t ring_start, ring_len, ring_cap;
	size_t after_left;
	struct scio_buf cur_doc;
	int have_doc;
};

struct scio_context *
scio_context_new(int qa, size_t before, size_t after)
{
	struct scio_context *c = scio_calloc(1, sizeof(*c));

	c->qa = qa;
	c->before = before;
	c->after = after;
	return c;
}

void
scio_context_free(struct scio_context *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->ring_cap; i++)
		scio_buf_free(&c->ring[i]);
	free(c->ring);
	scio_buf_free(&c->doc);
	scio_buf_free(&c->num);
	scio_buf_free(&c->pending);
	scio_buf_free(&c->cur_doc);
	free(c);
}

static int
same(const struct scio_buf *b, const char *s)
{
	return strcmp(scio_buf_str(b), s) == 0;
}

static void
add_exchange(struct scio_context *c, const char *bytes, size_t n, const char *doc,
    const char *qa, int selected)
{
	if (doc == NULL || qa == NULL) {
		/* No exchange to speak of: the record stands alone. */
		c->have_key = 0;
		scio_buf_reset(&c->pending);
		if (selected)
			scio_out_write(bytes, n);
		return;
	}
	if (!c->have_key || !same(&c->doc, doc) || !same(&c->num, qa)) {
		c->have_key = 1;
		c->group_selected = 0;
		scio_buf_reset(&c->pending);
		scio_buf_reset(&c->doc);
		scio_buf_adds(&c->doc, doc);
		scio_buf_reset(&c->num);
		scio_buf_adds(&c->num, qa);
	}
	if (c->group_selected) {
		scio_out_write(bytes, n);
	} else if (selected) {
		scio_out_write(c->pending.s, c->pending.len);
		scio_buf_reset(&c->pending);
		scio_out_write(bytes, n);
		c->group_selected = 1;
	} else {
		scio_buf_add(&c->pending, bytes, n);
	}
}

static void
ring_clear(struct scio_context *c)
{
	c->ring_start = 0;
	c->ring_len = 0;
}

/* Doubles the ring (up to before), its records kept in order. */
static void
ring_grow(struct scio_context *c)
{
	size_t cap = c->ring_cap < 8 ? 8 : c->ring_cap * 2;
	struct scio_buf *ring;

	if (cap > c->before)
		cap = c->before;
	ring = scio_calloc(cap, sizeof(*ring));
	for (size_t i = 0; i < c->ring_cap; i++)
		ring[i] = c->ring[(c->ring_start + i) % c->ring_cap];
	free(c->ring);
	c->ring = ring;
	c->ring_start = 0;
	c->ring_cap = cap;
}

static void
add_neighbour(struct scio_context *c, const char *bytes, size_t n, const char *doc,
    int selected)
{
	if (doc == NULL || !c->have_doc || !same(&c->cur_doc, doc)) {
		/* Neighbours are only taken within one conference. */
		ring_clear(c);
		c->after_left = 0;
		c->have_doc = doc != NULL;
		scio_buf_reset(&c->cur_doc);
		if (doc != NULL)
			scio_buf_adds(&c->cur_doc, doc);
	}
	if (selected) {
		for (size_t i = 0; i < c->ring_len; i++) {
			struct scio_buf *b = &c->ring[(c->ring_start + i) % c->ring_cap];

			scio_out_write(b->s, b->len);
		}
		ring_clear(c);
		scio_out_write(bytes, n);
		c->after_left = doc != NULL ? c->after : 0;
	} else if (c->after_left > 0) {
		scio_out_write(bytes, n);
		c->after_left--;
	} else if (c->before > 0 && doc != NULL) {
		struct scio_buf *b;

		if (c->ring_len == c->ring_cap && c->ring_cap < c->before)
			ring_grow(c);
		if (c->ring_len == c->before) {
			c->ring_start = (c->ring_start + 1) % c->ring_cap;
			c->ring_len--;
		}
		b = &c->ring[(c->ring_start + c->ring_len) % c->ring_cap];
		scio_buf_reset(b);
		scio_buf_add(b, bytes, n);
		c->ring_len++;
	}
}

void
scio_context_add(struct scio_context *c, const char *bytes, size_t n,
    const char *doc, const char *qa, int selected)
{
	if (c->qa)
		add_exchange(c, bytes, n, doc, qa, selected);
	else
		add_neighbour(c, bytes, n, doc, selected);
}

int
scio_context_pending(const struct scio_context *c)
{
	if (c->qa)
		return c->have_key && c->group_selected;
	return c->after_left > 0;
}
