/* lexicon.h: the site's words, as lists generated from lib/parse/lexicon/.
 *
 * scio-parse's passes decide by structure first; where a word of the
 * site decides something (a tool's name, an end marker, a heading), it
 * comes from one of these lists, so a change of the site's wording is a
 * change of data (lib/parse/lexicon/site.txt), not of code. */
#ifndef SCIO_LEXICON_H
#define SCIO_LEXICON_H

#include <stddef.h>

extern const char *const scio_lex_chrome[];
extern const char *const scio_lex_tools[];
extern const char *const scio_lex_breadcrumb[];
extern const char *const scio_lex_end[];
extern const char *const scio_lex_rights[];
extern const char *const scio_lex_category[];
extern const char *const scio_lex_summary[];
extern const char *const scio_lex_summary_opening[];
extern const char *const scio_lex_source[];
extern const char *const scio_lex_site[];
extern const char *const scio_lex_updated[];
extern const char *const scio_lex_zh[];
extern const char *const scio_lex_photo[];
extern const char *const scio_lex_speakers_heading[];
extern const char *const scio_lex_chair_heading[];
extern const char *const scio_lex_date_heading[];
extern const char *const scio_lex_honorific[];
extern const char *const scio_lex_connector[];
extern const char *const scio_lex_not_label[];
extern const char *const scio_lex_outlet_word[];
extern const char *const scio_lex_asking[];
extern const char *const scio_lex_chairing[];
extern const char *const scio_lex_listing_title[];
extern const char *const scio_lex_listing_node[];
extern const char *const scio_lex_notice[];
extern const char *const scio_lex_venue[];

/* Whether s[0..n) equals an entry of list, ignoring ASCII case. */
int scio_lex_is(const char *const *list, const char *s, size_t n);

/* The length of the longest entry of list that s starts with (ignoring
 * ASCII case), or 0. When word is set, the entry must end at a word
 * boundary of s (a space, punctuation or the end). */
size_t scio_lex_prefix(const char *const *list, const char *s, int word);

/* Whether some entry of list occurs in s (ignoring ASCII case). */
int scio_lex_within(const char *const *list, const char *s);

#endif
