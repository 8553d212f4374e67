/* floor-libxml2: the floor scio-parse is measured against. It parses each
 * HTML file given into a libxml2 tree and walks all its text, as any
 * extractor built on libxml2 must at least do, and prints the text bytes. */
#include <stdio.h>
#include <stdlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

static size_t
walk(xmlNode *n)
{
	size_t total = 0;

	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content)
			for (const xmlChar *p = n->content; *p; p++)
				total++;
		total += walk(n->children);
	}
	return total;
}

int
main(int argc, char **argv)
{
	size_t total = 0;

	for (int i = 1; i < argc; i++) {
		htmlDocPtr doc = htmlReadFile(argv[i], NULL, HTML_PARSE_RECOVER |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

		if (doc == NULL) {
			fprintf(stderr, "floor-libxml2: %s: cannot parse\n", argv[i]);
			return 2;
		}
		total += walk(xmlDocGetRootElement(doc));
		xmlFreeDoc(doc);
	}
	printf("%zu\n", total);
	return 0;
}
