/* url.h: URL parsing and resolution (RFC 3986), over libcurl's URL API. */
#ifndef SCIO_URL_H
#define SCIO_URL_H

/* Resolves ref against base (base may be NULL when ref is absolute) and
 * drops any fragment. Returns a new string, or NULL when the result is
 * not a URL with a scheme libcurl knows (mailto:, javascript:, ...). */
char *scio_url_resolve(const char *base, const char *ref);

/* Parts of an absolute URL, as new strings; NULL when absent or when the
 * URL does not parse. The scheme is lower case. */
char *scio_url_scheme(const char *url);
char *scio_url_host(const char *url);
char *scio_url_path(const char *url);
char *scio_url_query(const char *url);

/* "scheme://host:port", the key politeness limits are kept under. */
char *scio_url_origin(const char *url);



/* A URL to fetch from what a user gave (an argument or an input line):
 * resolved against base, which must give http, https or file. Returns a
 * new string, or NULL with *why set to a static reason. */
char *scio_url_input(const char *text, const char *base, const char **why);
#endif
