"""The peer scio-parse is measured against: readability-lxml extracting
the main text of each HTML file given, as a user would reach for it."""
import sys

from readability import Document

total = 0
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        doc = Document(f.read())
    total += len(doc.title()) + len(doc.summary())
print(total)
