/* feed.h: scio-parse's reading: files of page records or HTML pages in,
 * turn, doc and link records out (with scio_out_write). */
#ifndef SCIO_FEED_H
#define SCIO_FEED_H

struct scio_feed_opts {
	int docs;		/* one doc record per conference, not turns */
	int lines;		/* --explain: the lines each page gives instead */
	const char *url;	/* the URL of an HTML file (default: its name) */
	const char *charset;	/* of HTML files that declare none */
};

struct scio_feed;

struct scio_feed *scio_feed_new(const struct scio_feed_opts *o);

/* Reads one file ("-": standard input): JSON Lines of page records when
 * it starts with '{', else one HTML page. Records of another type are
 * passed on unchanged; a bad line or page is reported and skipped. A
 * conference is written once all its pages came. */
void scio_feed_file(struct scio_feed *fd, const char *path);

/* Writes the conferences still waiting for pages (naming those missing)
 * and frees fd. */
void scio_feed_finish(struct scio_feed *fd);

#endif
