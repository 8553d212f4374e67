/* url.c: URL resolution with curl_url; no CURLU leaves this file. */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "scio/base/alloc.h"
#include "scio/base/url.h"

/* Copies a string libcurl allocated into one of ours. */
static char *
take(char *s)
{
	char *r;

	if (s == NULL)
		return NULL;
	r = scio_strdup(s);
	curl_free(s);
	return r;
}

char *
scio_url_resolve(const char *base, const char *ref)
{
	CURLU *u = curl_url();
	char *out = NULL;

	if (u == NULL)
		scio_die(SCIO_EXIT_ERROR, "out of memory");
	if (base != NULL && curl_url_set(u, CURLUPART_URL, base, 0) != CURLUE_OK)
		goto done;
	if (curl_url_set(u, CURLUPART_URL, ref, 0) != CURLUE_OK)
		goto done;
	curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);
	if (curl_url_get(u, CURLUPART_URL, &out, 0) != CURLUE_OK)
		out = NULL;
done:
	curl_url_cleanup(u);
	return take(out);
}

static char *
part(const char *url, CURLUPart what, unsigned flags)
{
	CURLU *u = curl_url();
	char *out = NULL;

	if (u == NULL)
		scio_die(SCIO_EXIT_ERROR, "out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, what, &out, flags) != CURLUE_OK)
		out = NULL;
	curl_url_cleanup(u);
	return take(out);
}

char *
scio_url_scheme(const char *url)
{
	char *s = part(url, CURLUPART_SCHEME, 0);

	for (char *p = s; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

char *
scio_url_host(const char *url)
{
	return part(url, CURLUPART_HOST, 0);
}

char *
scio_url_path(const char *url)
{
	return part(url, CURLUPART_PATH, 0);
}

char *
scio_url_query(const char *url)
{
	return part(url, CURLUPART_QUERY, 0);
}

char *
scio_url_origin(const char *url)
{
	char *scheme = scio_url_scheme(url);
	char *host = scio_url_host(url);
	char *port = part(url, CURLUPART_PORT, CURLU_DEFAULT_PORT);
	struct scio_buf b = {0};

	scio_buf_printf(&b, "%s://%s:%s", scheme ? scheme : "",
	    host ? host : "", port ? port : "");
	free(scheme);
	free(host);
	free(port);
	return scio_buf_take(&b);
}

char *
scio_url_input(const char *text, const char *base, const char **why)
{
	char *url = scio_url_resolve(base, text);
	char *scheme;

	if (url == NULL) {
		*why = "not a URL";
		return NULL;
	}
	scheme = scio_url_scheme(url);
	if (scheme == NULL || (strcmp(scheme, "http") != 0 &&
	    strcmp(scheme, "https") != 0 && strcmp(scheme, "file") != 0)) {
		*why = "not an http, https or file URL";
		free(url);
		url = NULL;
	}
	free(scheme);
	return url;
}
