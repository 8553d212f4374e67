/* fuzz-urlname: the file name --save gives a URL's body (lib/fetch/urlname.c)
 * must stay inside the directory: no "..", ".", empty or hidden
 * component, no leading '/', only [A-Za-z0-9._%-] bytes, and components
 * of at most 200 bytes. */
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/fetch/urlname.h"
#include "fuzz.h"

static void
check_component(const char *s, size_t n)
{
	FUZZ_CHECK(n > 0, "an empty path component");
	FUZZ_CHECK(n <= 200, "a path component over 200 bytes");
	FUZZ_CHECK(s[0] != '.', "a component that starts with '.'");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		FUZZ_CHECK((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
		    c == '%', "a byte outside [A-Za-z0-9._%-] in a name");
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *url, *name, *p;

	if (size > 8192)
		return 0;
	url = scio_strndup((const char *)data, size);
	if (strlen(url) != size) {
		free(url);
		return 0;
	}
	name = scio_urlname(url);
	if (name != NULL) {
		FUZZ_CHECK(name[0] != '/', "an absolute name");
		for (p = name;;) {
			char *slash = strchr(p, '/');
			size_t n = slash ? (size_t)(slash - p) : strlen(p);

			check_component(p, n);
			if (slash == NULL)
				break;
			p = slash + 1;
		}
		free(name);
	}
	free(url);
	return 0;
}
