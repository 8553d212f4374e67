/* fmt_impl.h: what the formatters of lib/fmt_*.c share with the driver in
 * lib/fmt/fmt.c. Not for programs: they use scio/fmt.h. */
#ifndef SCIO_FMT_IMPL_H
#define SCIO_FMT_IMPL_H

#include "scio/fmt/fmt.h"
#include "scio/fmt/template.h"

/* A conference's header: from the first turn record of a group (title,
 * date, url) or from a doc record (everything). Empty buffers are fields
 * the records do not have. speakers and chair are borrowed from the doc's
 * tree (NULL for turns). */
struct scio_fmt_conf {
	struct scio_buf doc, title, date, time, place, url, source, published,
	    category, summary, zh_url;
	struct scio_buf text;	/* an article's or notice's own text */
	json_t *speakers, *chair;
	int ordinal;		/* 1 for the first conference of the output */
};

/* One turn, from a turn record or from a doc's "turns". */
struct scio_fmt_turn {
	struct scio_buf speaker, role, outlet, text;
	long long qa;		/* -1 when unknown */
	int new_exchange;	/* qa differs from the turn before and is > 0 */
	int first;		/* the first turn of its conference */
	struct scio_marks marks;	/* hits in text */
};

struct scio_fmt;

/* A document format (text, md, html) renders conferences; the driver
 * groups turns under their conference and calls these. Output goes into
 * f->out, which the driver writes out after each record. */
struct scio_doc_ops {
	void (*begin)(struct scio_fmt *f);
	void (*conf_begin)(struct scio_fmt *f, const struct scio_fmt_conf *c);
	void (*turn)(struct scio_fmt *f, const struct scio_fmt_conf *c,
	    const struct scio_fmt_turn *t);
	void (*conf_end)(struct scio_fmt *f, const struct scio_fmt_conf *c);
	/* a record that is not a turn or a doc: link, page, or unknown */
	void (*other)(struct scio_fmt *f, const struct scio_frec *r,
	    const char *type);
	void (*end)(struct scio_fmt *f);
};

struct scio_fmt {
	struct scio_fmt_opts o;
	const struct scio_doc_ops *ops;	/* NULL for row formats */
	struct scio_buf out;		/* staged output of one record */
	struct scio_buf tmp, tmp2;	/* scratch */
	int in_conf;
	int nconf;
	int nout;			/* things written so far (for separators) */
	struct scio_fmt_conf conf;
	struct scio_fmt_turn turn;
	long long prev_qa;
	struct scio_template *tpl;
	/* html: the conference's contents and body, built while it runs */
	struct scio_buf toc, body;
	int page_open;
	int section_open;
	long long toc_qa;		/* the exchange the contents last listed */
	/* html: the page is held until its end, when its <title> can say
	 * what it holds (how many conferences, from when to when) */
	struct scio_buf page, first_title, date_min, date_max;
	int html_confs, html_records, page_done;
};

extern const struct scio_doc_ops scio_fmt_text_ops;
extern const struct scio_doc_ops scio_fmt_md_ops;
extern const struct scio_doc_ops scio_fmt_html_ops;

/* Row formats: one record (or one turn of a doc record) per call. */
void scio_fmt_csv_header(struct scio_fmt *f);
void scio_fmt_csv_row(struct scio_fmt *f, const struct scio_frec *r);
void scio_fmt_json_record(struct scio_fmt *f, const struct scio_frec *r);

/* How a document format writes the lines of a conference's header;
 * scio_fmt_header says which there are and in what order. */
struct scio_fmt_header_ops {
	void (*title)(struct scio_fmt *f, const char *s, size_t n);
	/* a field the conference has; is_url: a link, never broken */
	void (*field)(struct scio_fmt *f, const char *label,
	    const struct scio_buf *v, int is_url);
	/* a list of at least one person: label1 heads one, label more */
	void (*people)(struct scio_fmt *f, const char *label,
	    const char *label1, json_t *people);
};

/* Writes conference c's header through ops: its title ("(untitled)" when
 * it has none), then those of Date, Time, Place, Speakers, Chairpersons,
 * Source and Chinese it has, in that order. */
void scio_fmt_header(struct scio_fmt *f, const struct scio_fmt_conf *c,
    const struct scio_fmt_header_ops *ops);

/* Steps through the paragraphs of s[0..n), its lines that are not blank:
 * finds the next one from *i on, sets [*start, *i) to it and returns 1,
 * or returns 0 when none is left. Begin with *i = 0. */
int scio_fmt_para_next(const char *s, size_t n, size_t *i, size_t *start);

/* Appends the person's "name, title" of a speakers/chair entry. */
void scio_fmt_person(const json_t *p, struct scio_buf *out);

/* Appends a turn's heading: the speaker, and for a question the outlet
 * ("Wang Fang, Yicai"); "Question" or "Unknown speaker" when unnamed. */
void scio_fmt_turn_label(const struct scio_fmt_turn *t, struct scio_buf *out);

/* Writes f->out to stdout and empties it. */
void scio_fmt_flush(struct scio_fmt *f);

#endif
