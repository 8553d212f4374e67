/* template.c: -t TEMPLATE: literal text and {field} or {field:N} parts. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scio/record/record.h"
#include "scio/fmt/template.h"
#include "scio/base/text.h"
#include "scio/base/width.h"

struct part {
	char *text;		/* literal text, or the field's name */
	size_t len;
	int is_field;
	size_t cols;		/* {field:N}: cut to N columns; 0: whole */
};

struct scio_template {
	struct part *v;
	size_t n, cap;
	int defang;		/* values' control characters as symbols */
};

static void
add_part(struct scio_template *t, struct scio_buf *b, int is_field, size_t cols)
{
	struct part *p;

	if (!is_field && b->len == 0)
		return;
	SCIO_ALLOC_GROW(t->v, t->n + 1, t->cap);
	p = &t->v[t->n++];
	p->len = b->len;
	p->text = scio_buf_take(b);
	p->is_field = is_field;
	p->cols = cols;
}

/* Reads "{name}" or "{name:N}" from s (just past the brace); returns the
 * length used, or 0 with errbuf set. */
static size_t
read_field(struct scio_template *t, const char *s, struct scio_buf *errbuf)
{
	const char *close = strchr(s, '}'), *colon, *name = s;
	struct scio_buf b = {0};
	size_t cols = 0, n;

	if (close == NULL) {
		scio_buf_printf(errbuf, "template: no '}' after '{%s'", s);
		return 0;
	}
	n = (size_t)(close - s);
	if (n == 0 || s[0] == ':') {
		scio_buf_printf(errbuf, "template: empty field name in '{%.*s}'",
		    (int)n, s);
		return 0;
	}
	colon = memchr(s, ':', n);
	if (colon) {
		char *end;
		unsigned long v;

		errno = 0;
		v = strtoul(colon + 1, &end, 10);
		if (end != close || colon + 1 == close || errno || v == 0 ||
		    colon[1] == '-' || colon[1] == '+' || colon[1] == ' ') {
			scio_buf_printf(errbuf, "template: bad width in '{%.*s}'",
			    (int)n, s);
			return 0;
		}
		cols = v;
		n = (size_t)(colon - s);
	}
	if (n > 0 && name[0] == '+') {
		name++;
		n--;
	} else {
		scio_buf_add(&b, name, n);
		if (n == 0 || !scio_field_known(scio_buf_str(&b))) {
			const char *near = scio_field_near(scio_buf_str(&b));

			scio_buf_printf(errbuf, "template: unknown field '%s'", scio_buf_str(&b));
			if (near != NULL)
				scio_buf_printf(errbuf, "; did you mean '{%s}'?", near);
			scio_buf_printf(errbuf, " (write '{+%s}' for a field outside the schema)",
			    scio_buf_str(&b));
			scio_buf_free(&b);
			return 0;
		}
		scio_buf_reset(&b);
	}
	if (n == 0) {
		scio_buf_printf(errbuf, "template: empty field name");
		return 0;
	}
	scio_buf_add(&b, name, n);
	add_part(t, &b, 1, cols);
	return (size_t)(close - s) + 1;
}

struct scio_template *
scio_template_compile(const char *src, struct scio_buf *errbuf)
{
	struct scio_template *t = scio_calloc(1, sizeof(*t));
	struct scio_buf lit = {0};
	const char *s = src;
	size_t used;

	scio_buf_reset(errbuf);
	/* Records are UTF-8; a template that is not would make output that
	 * is neither. */
	if (!scio_utf8_valid(src, strlen(src))) {
		scio_buf_adds(errbuf, "template: not valid UTF-8");
		goto fail;
	}
	while (*s) {
		if (*s == '\\') {
			switch (s[1]) {
			case 't': scio_buf_addc(&lit, '\t'); break;
			case 'n': scio_buf_addc(&lit, '\n'); break;
			case '\\': case '{': case '}': scio_buf_addc(&lit, s[1]); break;
			default:
				scio_buf_printf(errbuf, "template: unknown escape '\\%c'"
				    " (use \\t, \\n, \\\\, \\{ or \\})", s[1] ? s[1] : ' ');
				goto fail;
			}
			s += 2;
		} else if (*s == '{') {
			add_part(t, &lit, 0, 0);
			used = read_field(t, s + 1, errbuf);
			if (used == 0)
				goto fail;
			s += 1 + used;
		} else if (*s == '}') {
			scio_buf_printf(errbuf, "template: unmatched '}' (write '\\}')");
			goto fail;
		} else {
			scio_buf_addc(&lit, *s++);
		}
	}
	add_part(t, &lit, 0, 0);
	return t;
fail:
	scio_buf_free(&lit);
	scio_template_free(t);
	return NULL;
}

void
scio_template_expand(const struct scio_template *t, const struct scio_frec *r,
    struct scio_buf *out, struct scio_buf *tmp)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct part *p = &t->v[i];

		if (!p->is_field) {
			scio_buf_add(out, p->text, p->len);
			continue;
		}
		scio_buf_reset(tmp);
		scio_frec_get(r, p->text, tmp);
		if (p->cols)
			tmp->len = scio_str_cut(scio_buf_str(tmp), tmp->len, p->cols);
		if (t->defang)
			scio_text_defang(out, scio_buf_str(tmp), tmp->len, 0);
		else
			scio_buf_add(out, scio_buf_str(tmp), tmp->len);
	}
}

void
scio_template_set_defang(struct scio_template *t, int on)
{
	t->defang = on;
}

void
scio_template_free(struct scio_template *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	free(t);
}
