#!/bin/sh
# fmt-html-check.sh PAGE: fails unless PAGE (scio-fmt -f html output) is
# well-formed XML and libxml2's HTML parser finds no error in it, except
# that libxml2 2.9's parser, which knows HTML 4 only, names the HTML5
# elements scio-fmt uses as invalid tags.
set -u
page=$1
xmllint --noout "$page" || { echo "not well-formed XML: $page" >&2; exit 1; }
errs=$(xmllint --html --noout "$page" 2>&1 | grep 'parser error' |
	grep -Ev 'Tag (main|article|header|nav|section|mark) invalid$')
if [ -n "$errs" ]; then
	printf '%s\n' "$errs" >&2
	exit 1
fi
exit 0
