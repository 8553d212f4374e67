/* template.h: -t TEMPLATE, "{field}" substitution for scio-fmt. */
#ifndef SCIO_TEMPLATE_H
#define SCIO_TEMPLATE_H

#include "scio/base/alloc.h"

struct scio_frec;
struct scio_template;

/* Compiles a template: "{name}" is the field's value, "{name:N}" the value
 * cut to N columns of display width, "\t" "\n" "\\" "\{" "\}" stand for a
 * tab, a newline, a backslash and the braces. A field name outside the
 * schema must start with "+" ("{+score}"). Returns NULL, with the reason
 * in errbuf, when the template does not hold up. */
struct scio_template *scio_template_compile(const char *src,
    struct scio_buf *errbuf);

/* Appends the template's text for r to out (no newline of its own). */
void scio_template_expand(const struct scio_template *t,
    const struct scio_frec *r, struct scio_buf *out, struct scio_buf *tmp);

/* With on, field values are expanded through scio_text_defang (their
 * control characters shown as symbols), the template's own text as is. */
void scio_template_set_defang(struct scio_template *t, int on);

void scio_template_free(struct scio_template *t);

#endif
