"""transform.py: the metamorphic transformations.  Each edits a rendered
page's model (render.Page) in a way a reader would not notice, so the
truth stays what it was; the one that adds words to an answer adds them
to the truth as well.

variants(conf) lists (kind, variant) pairs: a kind is what the report
counts; a kind may have several variants (one per header position, one
per way of splitting a title).  apply() returns False when the variant
has nothing to do on that page (a header position the page lacks), so
that the page is not counted for the kind."""

import html
import re

UNKNOWN_LINES = ["Promoting High-Quality Development", "Full text of the briefing below",
                 "Video replay available", "Editor's Pick", "Live Updates",
                 "In Pictures", "Top Stories of the Week", "Weekend Edition"]

UNKNOWN_MENU = ["Tidepool", "Quarry Lanterns", "Saltmarsh Almanac",
                "Kiln Street", "Ferrylight", "Cloudmill Notes"]

HEADER_POSITIONS = 8

# Header orders for reorder-header: rank of each kind of header line.
ORDERS = {
    "a": ["source", "tools", "title", "when", "category", "summary", "people", "zh"],
    "b": ["zh", "summary", "category", "title", "when", "people", "source", "tools"],
}

ANSWER_OPENINGS = {
    "copyright": "Copyright protection will be written into these rules as well, "
                 "so that designers and authors are paid for their work.",
    "related": "Related departments will publish the details of these measures "
               "in the coming weeks.",
}


def variants(conf):
    v = [("none", {"name": "none"}),
         ("no-h1", {"name": "no-h1"}),
         ("title-site", {"name": "title-site"}),
         ("sidebar-first", {"name": "sidebar-first"}),
         ("menu-unknown", {"name": "menu-unknown", "where": "top"}),
         ("menu-unknown", {"name": "menu-unknown-in-article", "where": "article"})]
    for i in range(HEADER_POSITIONS):
        v.append(("unknown-line", {"name": "unknown-line-%d" % i, "pos": i}))
    v += [("reorder-header", {"name": "reorder-header-a", "order": "a"}),
          ("reorder-header", {"name": "reorder-header-b", "order": "b"}),
          ("split-title", {"name": "split-title-br", "how": "br"}),
          ("split-title", {"name": "split-title-two", "how": "two"}),
          ("caption", {"name": "caption"}),
          ("copyright-answer", {"name": "copyright-answer", "word": "copyright"}),
          ("copyright-answer", {"name": "related-answer", "word": "related"}),
          ("labels-bold", {"name": "labels-bold", "labels": "bold"}),
          ("labels-plain", {"name": "labels-plain", "labels": "plain"}),
          ("labels-inline", {"name": "labels-inline", "labels": "inline"}),
          ("layout-table", {"name": "layout-table"}),
          ("br-runs", {"name": "br-runs"})]
    return v


KINDS = []
for _k, _v in variants(None):
    if _k not in KINDS:
        KINDS.append(_k)


def esc(s):
    return html.escape(s, quote=False)


def header_line(pg, text, cls="extra"):
    """A header line in the markup of PG (a table row in a table header)."""
    if pg.header_open.startswith("<table"):
        return '<tr><td class="%s">%s</td></tr>' % (cls, esc(text))
    return '<div class="%s">%s</div>' % (cls, esc(text))


def split_point(title):
    """Where a title splits over two lines: after ": " when there is one,
    else at the space nearest the middle."""
    i = title.find(": ")
    if 0 < i < len(title) - 2:
        return title[:i + 1], title[i + 2:]
    mid = len(title) // 2
    spaces = [j for j, c in enumerate(title) if c == " "]
    j = min(spaces, key=lambda s: abs(s - mid))
    return title[:j], title[j + 1:]


def apply(variant, pg, conf, k, truth):
    name = variant["name"]
    if name == "none":
        return True
    if name == "no-h1":
        n = len(pg.header)
        pg.header = [h for h in pg.header if h[0] != "title"]
        return len(pg.header) < n
    if name == "title-site":
        pg.head_title = "China.org.cn" if "china.org.cn" in pg.head_title.lower() else "China SCIO"
        return True
    if name == "sidebar-first":
        pg.sidebar_first = True
        return True
    if name.startswith("menu-unknown"):
        items = "".join('<li><a href="/%s/">%s</a></li>' % (w.lower().replace(" ", ""), esc(w))
                        for w in UNKNOWN_MENU)
        if variant["where"] == "top":
            pg.menu.append('<div class="submenu"><ul>%s</ul></div>' % items)
        else:
            menu = '<ul class="channels">%s</ul>' % items
            if pg.header_open.startswith("<table"):
                menu = "<tr><td>%s</td></tr>" % menu
            pg.header.insert(0, ["menu", menu])
        return True
    if name.startswith("unknown-line"):
        pos = variant["pos"]
        text = UNKNOWN_LINES[pos % len(UNKNOWN_LINES)]
        if pos <= len(pg.header):
            pg.header.insert(pos, ["unknown", header_line(pg, text)])
            return True
        if pos == len(pg.header) + 1 and k == 1:
            # inside the article, just before the participants block
            heads = [i for i, b in enumerate(pg.body) if b[0] == "head"]
            if heads:
                pg.body.insert(heads[0], ("line", text))
                return True
        return False
    if name.startswith("reorder-header"):
        order = ORDERS[variant["order"]]
        before = [h[0] for h in pg.header]
        pg.header.sort(key=lambda h: order.index(h[0]) if h[0] in order else len(order))
        return [h[0] for h in pg.header] != before
    if name.startswith("split-title"):
        title = conf.get("title")
        first, second = split_point(title)
        for i, h in enumerate(pg.header):
            if h[0] != "title":
                continue
            if variant["how"] == "br":
                h[1] = h[1].replace(esc(title), esc(first) + "<br />" + esc(second))
            else:
                one = re.sub(r'<span class="m-date">.*?</span>', "", h[1])
                one = one.replace(esc(title), esc(first))
                two = h[1].replace(esc(title), esc(second))
                pg.header[i:i + 1] = [["title", one], ["title", two]]
            return True
        return False
    if name == "caption":
        caption = [("raw", '<p style="text-align: center;"><img src="/images/attachement/jpg/'
                    'site2/2031/%s_%02d.jpg" alt="" width="600" height="400" /></p>'
                    % (conf.id, k)),
                   ("line", "%s, %s, speaks at a press conference in Beijing on %s. "
                    "[Photo by Wei Lanting/China SCIO]" % (
                        conf.speakers[0].name, conf.speakers[0].title,
                        _date_words(conf)))]
        heads = [i for i, b in enumerate(pg.body) if b[0] == "head"]
        at = heads[0] if heads else 0
        if not heads:
            # after a "Read in Chinese" paragraph, if the body starts with one
            while at < len(pg.body) and pg.body[at][0] == "raw":
                at += 1
        pg.body[at:at] = caption
        return True
    if name in ("copyright-answer", "related-answer"):
        return _answer_opening(variant, pg, conf, truth)
    if name.startswith("labels-"):
        pg.labels = variant["labels"]
        return True
    if name == "layout-table":
        pg.table_wrap = True
        return True
    if name == "br-runs":
        pg.paras = "br"
        return True
    raise ValueError("unknown variant " + name)


def _date_words(conf):
    from transcript import human_date
    return human_date(conf.get("date"), conf.get("month-style"))


def _answer_opening(variant, pg, conf, truth):
    """Adds a paragraph starting with a word of page furniture as the
    second paragraph of the first official's turn that starts on the page
    (or its last, when it has one paragraph), and to the truth."""
    new = ANSWER_OPENINGS[variant["word"]]
    for i, b in enumerate(pg.body):
        if b[0] != "turn" or b[1] is None or conf.role(b[1]) != "official" or not b[2]:
            continue
        paras = list(b[2])
        paras.insert(1, new)
        pg.body[i] = (b[0], b[1], paras, b[3])
        t = truth["turns"][b[3]]
        parts = t["text"].split("\n\n")
        at = parts.index(b[2][0]) + 1
        parts.insert(at, new)
        t["text"] = "\n\n".join(parts)
        return True
    return False
