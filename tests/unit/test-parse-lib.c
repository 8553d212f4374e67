/* Unit tests for the text, label and URL helpers scio-parse is built on. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/base/jwrite.h"
#include "scio/parse/label.h"
#include "scio/parse/page.h"
#include "scio/record/pageid.h"
#include "scio/parse/roles.h"
#include "scio/base/text.h"
#include "scio/base/url.h"
#include "check.h"

static const char *
date_of(const char *s)
{
	static char d[11];

	return scio_date_find(s, d, NULL) ? d : NULL;
}

/* What scio-parse keys a page by: the one page-id grammar's doc id. */
static char *
doc_of(const char *url, int *page)
{
	struct scio_pageid id;
	char *doc = NULL;

	*page = 1;
	if (scio_pageid_parse(url, &id) == 0) {
		doc = scio_pageid_doc(&id);
		*page = (int)id.page;
	}
	scio_pageid_free(&id);
	return doc;
}

static void
test_dates(void)
{
	int m, d;

	CHECK_STR(date_of("China.org.cnUpdated:  August 13, 2024"), "2024-08-13", "full month name after Updated:");
	CHECK_STR(date_of("Sept. 3, 2019"), "2019-09-03", "Sept. abbreviation");
	CHECK_STR(date_of("Feb. 29, 2024"), "2024-02-29", "leap day");
	CHECK_STR(date_of("Feb. 29, 2023"), NULL, "no Feb 29 in a common year");
	CHECK_STR(date_of("| November 11, 2025"), "2025-11-11", "date after a bar");
	CHECK_STR(date_of("2025-11-11"), "2025-11-11", "ISO date");
	CHECK_STR(date_of("22 July 2024"), "2024-07-22", "day first");
	CHECK_STR(date_of("May 8, 2025"), "2025-05-08", "May the month");
	CHECK_STR(date_of("you may 8, 2025"), NULL, "may the verb is not a month here");
	CHECK_STR(date_of("in 2024 we grew"), NULL, "a year alone is no date");
	CHECK_STR(date_of("2024/7/22"), "2024-07-22", "slashes, one-digit month");
	CHECK_STR(date_of("22 July, 2024"), "2024-07-22", "day first, a comma before the year");
	CHECK_STR(date_of("July 22nd 2024"), "2024-07-22", "an ordinal day, no comma");
	CHECK_STR(date_of("July 22, 20245"), NULL, "a five-digit year is none");
	CHECK_STR(date_of("July 22, 2024 and 23 July 2024"), "2024-07-22", "the first date wins");
	const char *said = "Held on July 22, 2024 in Beijing", *at = NULL, *after;
	char ymd[11];

	after = scio_date_find(said, ymd, &at);
	CHECK(after && at == said + 8 && strcmp(after, " in Beijing") == 0,
	    "where a date starts and ends");
	CHECK(scio_monthday_find("held a press conference on July 22 in Beijing", &m, &d) &&
	    m == 7 && d == 22, "month and day without a year");
}

static void
test_labels(void)
{
	const char *rest = NULL;

	CHECK(scio_label_alone("Xing Huina:", 11) == 10, "a name with a colon is a label");
	CHECK(scio_label_alone("Xing Huina:  ", 13) == 10, "trailing spaces after the colon");
	CHECK(scio_label_alone("Yicai\xEF\xBC\x9A", 8) == 5, "full-width colon");
	CHECK(scio_label_alone("Nanfang Daily, Nanfang Plus:", 28) != 0, "an outlet with a comma");
	CHECK(scio_label_alone("Hong Kong's Bauhinia Magazine:", 30) != 0, "an outlet with an apostrophe");
	const char *aspects = "We will work in the following three aspects:";
	CHECK(scio_label_alone(aspects, strlen(aspects)) == 0, "an answer ending in a colon is no label");
	CHECK(scio_label_alone("Speakers:", 9) == 0, "a heading is no label");
	CHECK(scio_label_alone("Date:", 5) == 0, "Date: is no label");
	CHECK(scio_label_inline("Luan Jie: Thank you.", 20, &rest) == 8 &&
	    strcmp(rest, "Thank you.") == 0, "inline label and its text");
	CHECK(scio_label_inline("http://example.org/x", 20, &rest) == 0, "a URL is not an inline label");
	CHECK(scio_outlet_like("CNR", 3), "an acronym is an outlet");
	CHECK(scio_outlet_like("Red Star News", 13), "News names an outlet");
	CHECK(!scio_outlet_like("Tang Weiming", 12), "a person is not an outlet");
	CHECK(scio_name_like("Tang Weiming", 12), "two capitalised words read as a name");
	CHECK(scio_name_like("Mr. Tang", 8), "an honorific and a surname read as a name");
	CHECK(!scio_name_like("Red Star News", 13), "an outlet is not a name");
	CHECK(scio_text_asks("My question is about exports."), "a journalist's opening asks");
	CHECK(!scio_text_asks("We have made progress."), "a statement does not ask");
}

/* Roles from the conversation, not from a list of names: an outlet's
 * name no list holds is media because it asks and is answered; the one
 * who opens and calls the questions is the chair; one who answers, or is
 * handed a question, is an official. */
static void
test_roles_from_flow(void)
{
	struct scio_speaker sp[4] = {
		{.name = "Wen Lihua"}, {.name = "Lianhe Zaobao"},
		{.name = "Kou Datong"}, {.name = "Ren Jia"},
	};
	struct scio_role_turn t[] = {
		{0, "Welcome. We will now take questions.", 0},
		{1, "Will the new rules apply to small firms?", 0},
		{2, "Yes. Mr. Ren will say more.", 0},
		{3, "They will, from next year.", 0},
		{0, "Next, please.", 0},
		{1, "And what about the cost?", 0},
		{2, "It will fall.", 0},
	};

	scio_roles_decide(sp, 4, t, LEN(t));
	CHECK(strcmp(sp[0].role, "chair") == 0, "who opens and calls the questions chairs");
	CHECK(strcmp(sp[1].role, "media") == 0, "an outlet no list knows asks and is answered: media");
	CHECK(strcmp(sp[2].role, "official") == 0, "who answers is an official");
	CHECK(strcmp(sp[3].role, "official") == 0, "who is handed a question is an official");
}

static void
test_people(void)
{
	struct scio_person p;

	CHECK(scio_person_parse("Mr. Tang Weiming, minister of water resources", &p) == 0 &&
	    strcmp(p.name, "Tang Weiming") == 0 && strcmp(p.honorific, "Mr.") == 0 &&
	    strcmp(p.title, "minister of water resources") == 0, "a participant with honorific and title");
	scio_person_free(&p);
	CHECK(scio_person_parse("Qiao Lanfang, spokesperson of the SCIO;", &p) == 0 &&
	    p.honorific == NULL && strcmp(p.title, "spokesperson of the SCIO") == 0,
	    "an older participant line without honorific, ending with a semicolon");
	scio_person_free(&p);
	CHECK(scio_person_parse("The floor is now open for questions.", &p) < 0,
	    "a sentence is not a participant");
	/* fuzz/regress/parse/honorific-alone: the honorific outran the
	 * line once its full stop was cut (ASan caught the read) */
	CHECK(scio_person_parse("Mr.", &p) < 0 && scio_person_parse("Ms. ;", &p) < 0,
	    "an honorific alone is not a participant");
}

static void
test_urls(void)
{
	int page;
	char *s;

	s = doc_of("http://english.scio.gov.cn/pressroom/2024-08/13/content_117364912_3.htm", &page);
	CHECK(s && strcmp(s, "117364912") == 0 && page == 3, "content id and page number");
	free(s);
	s = doc_of("http://english.scio.gov.cn/m/pressroom/2025-05/08/content_11.html", &page);
	CHECK(s && strcmp(s, "11") == 0 && page == 1, "a first page has no suffix");
	free(s);
	s = doc_of("http://english.scio.gov.cn/pressroom/node_9016674.html", &page);
	CHECK_STR(s, "node_9016674", "a conference page's id keeps node_");
	free(s);
	s = doc_of("http://www.china.org.cn/2025-05/08/content_9_2.shtml", &page);
	CHECK(s && strcmp(s, "9") == 0 && page == 2, "a mirror's .shtml page");
	free(s);
	s = doc_of("http://m.china.org.cn/doc_1_29302_12345678.html", &page);
	CHECK_STR(s, "12345678", "a mobile mirror's doc_ page");
	free(s);
	s = doc_of("http://english.scio.gov.cn/pressroom/index.htm", &page);
	CHECK_STR(s, NULL, "a page that names no conference");
	free(s);
	s = scio_url_resolve("http://h/pressroom/2024-08/13/content_1.htm", "content_1_2.htm");
	CHECK_STR(s, "http://h/pressroom/2024-08/13/content_1_2.htm", "a relative link");
	free(s);
	s = scio_url_resolve("http://h/a/b/c.htm", "../d.htm");
	CHECK_STR(s, "http://h/a/d.htm", "a link up a directory");
	free(s);
	s = scio_url_resolve("http://h/a/b/c.htm", "/pressroom/node_1.htm");
	CHECK_STR(s, "http://h/pressroom/node_1.htm", "a link from the root");
	free(s);
}

/* Every byte that needs an escape, at every offset of a long string (so
 * the word-at-a-time scan meets it in each lane), reads back the same. */
static void
test_json_writer(void)
{
	const char specials[] = {'"', '\\', '\n', '\t', 1, 0x1f, 0x7f, ' ', '/'};
	int bad = 0;

	for (size_t k = 0; k < sizeof(specials); k++) {
		for (size_t at = 0; at < 24; at++) {
			char text[32];
			struct scio_buf b = {0};
			json_t *v;

			memset(text, 'a', sizeof(text));
			memcpy(text + 28, "\xe4\xb8\xad", 3);	/* and some UTF-8 */
			text[31] = '\0';
			text[at] = specials[k];
			scio_jw_strn(&b, text, strlen(text));
			v = json_loadb(b.s, b.len, JSON_DECODE_ANY, NULL);
			if (v == NULL || strcmp(json_string_value(v), text) != 0)
				bad++;
			json_decref(v);
			scio_buf_free(&b);
		}
	}
	CHECK(bad == 0, "the JSON writer escapes every special byte wherever it stands");
}

int
main(void)
{
	test_json_writer();
	test_dates();
	test_labels();
	test_roles_from_flow();
	test_people();
	test_urls();
	return CHECK_DONE();
}
