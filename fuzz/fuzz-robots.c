/* fuzz-robots: the robots.txt reader and matcher (lib/fetch/robots.c).
 * The input is a path, a NUL, then a robots.txt. Whatever the file,
 * /robots.txt is allowed, a file without a Disallow line refuses nothing,
 * a refusal names its rule, and asking by URL gives the path's answer. */
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/fetch/robots.h"
#include "fuzz.h"

/* Whether some line of the file starts a Disallow rule. */
static int
has_disallow(const char *s, size_t n)
{
	for (size_t i = 0; i + 8 <= n; i++)
		if (strncasecmp(s + i, "disallow", 8) == 0)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul = memchr(data, '\0', size);
	struct scio_robots_rules *r;
	struct scio_buf url = {0};
	char *path, *why = NULL, *why2 = NULL;
	const char *file;
	size_t flen;
	int ok, ok2;

	if (nul == NULL || size > 65536)
		return 0;
	path = scio_strndup((const char *)data, (size_t)(nul - (const char *)data));
	file = nul + 1;
	flen = size - (size_t)(file - (const char *)data);
	r = scio_robots_parse(file, flen, "scio-fetch");
	FUZZ_CHECK(scio_robots_allows(r, "/robots.txt", NULL),
	    "/robots.txt refused");
	ok = scio_robots_allows(r, path, &why);
	FUZZ_CHECK(ok || has_disallow(file, flen),
	    "a refusal from a file with no Disallow");
	FUZZ_CHECK(ok == (why == NULL), "a refusal without its rule");
	FUZZ_CHECK(scio_robots_crawl_delay(r) >= 0, "a negative Crawl-delay");
	if (path[0] == '/' && strchr(path, '#') == NULL) {
		scio_buf_printf(&url, "http://h.example%s", path);
		ok2 = scio_robots_allows_url(r, url.s, &why2);
		FUZZ_CHECK(ok == ok2, "the URL and its path get different answers");
	}
	free(why);
	free(why2);
	scio_buf_free(&url);
	scio_robots_rules_free(r);
	free(path);
	return 0;
}
