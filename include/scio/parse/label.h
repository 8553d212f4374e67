/* label.h: telling speaker labels, people and outlets apart in page text. */
#ifndef SCIO_LABEL_H
#define SCIO_LABEL_H

#include <stddef.h>

/* A participant of a conference as its header lists them. */
struct scio_person {
	char *name;		/* "Liu Liehong" */
	char *honorific;	/* "Mr.", "Ms.", or NULL */
	char *title;		/* "administrator of ...", or NULL */
};

/* Whether s[0..n) has the shape of a speaker label's name (without its
 * colon): a short run of capitalised words, an outlet's name or a
 * person's, with no sentence punctuation. */
int scio_label_shape(const char *s, size_t n);

/* If line is a label standing alone ("Xing Huina:", "Yicai：", with the
 * CMS's "_ueditor_page_break_tag_" already removed), returns the length
 * of the name before the colon; otherwise 0. */
size_t scio_label_alone(const char *line, size_t n);

/* If line starts with "Name: text" (ASCII or full-width colon), returns
 * the length of the name and sets *rest to the text after the colon;
 * otherwise 0. The caller decides whether to trust it. */
size_t scio_label_inline(const char *line, size_t n, const char **rest);

struct scio_page_text;

/* Finds, once for every line of pt, whether it is a label alone or opens
 * with one (the alone, inl and rest members of each line): later passes
 * read them instead of looking again. */
void scio_label_lines(struct scio_page_text *pt);

/* Whether a label names a media outlet by its form: words such as News,
 * Daily, TV, an acronym such as CNR, a single word. */
int scio_outlet_like(const char *s, size_t n);

/* Whether a label reads as a person's name (two to four capitalised
 * words, no outlet words), optionally after an honorific. */
int scio_name_like(const char *s, size_t n);

/* Parses a participant line ("Mr. Liu Liehong, administrator of ...;").
 * Returns 0 and fills p (strings newly allocated), or -1 when the line
 * does not read as a person. */
int scio_person_parse(const char *line, struct scio_person *p);

void scio_person_free(struct scio_person *p);

/* The length of an honorific ("Mr. ", "Ms. ", ...) at the start of s, with
 * its following space, or 0. */
size_t scio_honorific_len(const char *s);

#endif
