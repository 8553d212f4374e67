/* stats.h: aggregates over turn records (scio-stats' machinery): counts,
 * shares and rates per group, one summary row per conference, and the
 * table they make, which lib/stats/stats_out.c, lib/stats/svg.c and lib/stats/stats_html.c
 * write out. */
#ifndef SCIO_STATS_H
#define SCIO_STATS_H

#include <stddef.h>
#include <jansson.h>

#include "scio/record/record.h"
#include "scio/record/match.h"

/* What --count counts. */
enum scio_scount {
	SCIO_COUNT_TURNS,
	SCIO_COUNT_QUESTIONS,
	SCIO_COUNT_EXCHANGES,
	SCIO_COUNT_WORDS,
	SCIO_COUNT_CONFERENCES,
	SCIO_COUNT_HITS,
};

/* The name of a count as --count takes it, or -1. */
int scio_stats_count_from_name(const char *name);
const char *scio_stats_count_name(enum scio_scount c);

/* Whether name is a field --by takes: a derived one (year, month,
 * weekday, agency) or one of the record schema. */
int scio_stats_known_field(const char *name);

/* Words as a reader counts them: each Chinese (Han) character one word,
 * and each run of other characters between white space that holds a
 * letter or a digit one word. */
size_t scio_words(const char *s, size_t n);

/* The body a title names ("director of the Port Bureau" gives "Port
 * Bureau", "Minister of Commerce" gives "Ministry of Commerce"), appended
 * to out; 0 when it names none. */
int scio_agency(const char *title, size_t n, struct scio_buf *out);

/* The weekday of a YYYY-MM-DD date: 0 for Monday to 6, or -1. */
int scio_weekday(const char *date, size_t n);
extern const char *const scio_weekday_names[7];

/* The table every output format writes: key columns, then numbers. */
enum scio_scol {
	SCIO_SC_TEXT,
	SCIO_SC_INT,
	SCIO_SC_REAL,		/* a rate (--per), two decimals */
	SCIO_SC_SHARE,		/* a fraction of the total, 0 to 1 */
};

struct scio_slink {
	char *url, *label;
};

struct scio_srow {
	char **text;		/* per column: the text, NULL when missing */
	double *num;		/* per column: the number of a numeric column */
	struct scio_slink *links;	/* conferences behind the row */
	size_t nlinks;
	size_t more;		/* conferences behind it not in links */
};

struct scio_stab {
	char *title;		/* the chart's and the page's title */
	char **names;		/* column names */
	enum scio_scol *kind;
	size_t ncol;
	size_t nkey;		/* the first nkey columns name the row */
	size_t bar;		/* the column bars and charts show */
	int series;		/* rows are a time series (a line chart) */
	struct scio_srow *rows;
	size_t nrows, cap;
};

void scio_stab_free(struct scio_stab *t);

/* The number of a cell as the text formats write it. */
void scio_stab_cell(const struct scio_stab *t, size_t row, size_t col,
    struct scio_buf *out);

struct scio_stats_opts {
	char **by;		/* --by fields, in order */
	size_t nby;
	enum scio_scount count;
	struct scio_match *pat;	/* -e: only turns that match count */
	const char *pattern;	/* -e's text, for the title */
	long per;		/* --per N words, or 0 */
	int share;		/* --share */
	long top;		/* --top N, or 0 */
	int summary;		/* --summary: a row per conference instead */
};

struct scio_stats;

struct scio_stats *scio_stats_new(const struct scio_stats_opts *o);

/* Counts one turn read at file:line; people is a doc's speakers and chair
 * (borrowed, or NULL), where a speaker's title is looked up when the turn
 * has no speaker_title. */
void scio_stats_turn(struct scio_stats *s, const struct scio_frec *r,
    const json_t *people, const char *file, size_t line);

/* Counts every turn of a doc record (a tree), read at file:line. */
void scio_stats_doc(struct scio_stats *s, const struct scio_frec *doc,
    const char *file, size_t line);

/* The table of what was counted, sorted and cut as the options say.
 * The caller frees it with scio_stab_free. */
struct scio_stab *scio_stats_table(struct scio_stats *s);

void scio_stats_free(struct scio_stats *s);

/* The summary's own machinery (lib/stats/stats_sum.c), which scio_stats uses
 * under --summary. */
struct scio_ssum;
struct scio_ssum *scio_ssum_new(void);
void scio_ssum_turn(struct scio_ssum *m, const struct scio_frec *r,
    const char *speaker, const char *role, const char *text, size_t textlen);
struct scio_stab *scio_ssum_table(struct scio_ssum *m, long top);
void scio_ssum_free(struct scio_ssum *m);

/* The first page of a conference from any page's URL: content_N_2.htm
 * gives content_N.htm. Appended to out. */
void scio_first_page(const char *url, size_t n, struct scio_buf *out);

/* Output (lib/stats/stats_out.c, lib/stats/svg.c, lib/stats/stats_html.c). */
enum scio_sfmt {
	SCIO_SF_TABLE,
	SCIO_SF_TSV,
	SCIO_SF_CSV,
	SCIO_SF_JSON,
	SCIO_SF_MD,
	SCIO_SF_SVG,
	SCIO_SF_HTML,
};

int scio_sfmt_from_name(const char *name);

struct scio_sout_opts {
	enum scio_sfmt fmt;
	int ascii;		/* table: bars in ASCII */
	size_t width;		/* table: the terminal's columns */
	int header;		/* tsv, csv: a header row */
	int defang;		/* tsv, csv: control characters as symbols
				 * (standard output is a terminal) */
};

/* Writes t to stdout in the format the options name. */
void scio_stab_write(const struct scio_stab *t, const struct scio_sout_opts *o);

/* Appends t as a standalone SVG chart (an <svg> element, no XML
 * declaration when inline is set, for embedding in a page). */
void scio_svg_chart(const struct scio_stab *t, int inline_svg,
    struct scio_buf *out);

/* Appends t as a standalone HTML report: title, chart, table, links. */
void scio_stats_html(const struct scio_stab *t, struct scio_buf *out);

#endif
