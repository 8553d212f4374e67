#!/usr/bin/python3
"""render.py: renders every transcript of tests/render/data/ in five
markups and two charsets, once as it is and once per metamorphic
transformation, and writes beside the pages a manifest holding, for each
rendering, its files in page order and the truth scio-parse must give.

    render.py OUTDIR [--only MARKUP/CHARSET/KIND]

OUTDIR/site/HOST/PATH is the page http://HOST/PATH; OUTDIR/manifest.jsonl
holds one case a line.  Python 3 standard library only."""

import argparse
import html
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import transcript  # noqa: E402
from transcript import human_date, clock_words  # noqa: E402
import transform  # noqa: E402

MARKUPS = ["desktop", "mobile", "table", "inline", "mirror"]
CHARSETS = ["utf-8", "gbk"]


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


# ---------------------------------------------------------------------
# The page model.  A markup builds one of these for each page; the
# transformations edit it; assemble() writes it out as HTML.

class Page:
    def __init__(self):
        self.head_title = ""        # the <title> text
        self.charset_meta = "http-equiv"   # or "html5"
        self.top = []               # chrome above the article (HTML)
        self.menu = []              # extra menus (transformations)
        self.header = []            # [kind, HTML] lines before the body
        self.body = []              # body blocks (see render_body)
        self.pager = ""
        self.sidebar = ""
        self.after = ""             # chrome right after the article
        self.footer = ""
        self.sidebar_first = False
        self.table_wrap = False
        # How the body is written: "p" paragraphs or "br" runs; labels
        # "plain", "bold" or "inline"; headings of the participants block
        # bold or not; person lines ending in ";".
        self.paras = "p"
        self.labels = "plain"
        self.bold_heads = False
        self.semicolons = False
        self.article_open = '<div class="TRS_Editor">'
        self.article_close = "</div>"
        self.header_open = '<div class="article">'
        self.header_close = ""
        self.shell = None           # markup's function assembling the page


def para_html(page, text):
    return "<p>%s</p>" % esc(text)


def label_html(page, label):
    if page.labels == "bold":
        return "<strong>%s:</strong>" % esc(label)
    if page.labels == "inline":
        return "<b>%s:</b>" % esc(label)
    return "%s:" % esc(label)


def render_body(page):
    """Body blocks:
        ("head", WORD)            a participants heading (Speakers:, ...)
        ("line", TEXT)            a person line, the date line, any line
        ("person", TEXT)          a person line (";" added in some markups)
        ("raw", HTML)             HTML as it is (captions, pictures)
        ("turn", LABEL|None, [PARAGRAPH])"""
    out = []
    br = page.paras == "br"

    def block(inner):
        if br:
            out.append(inner + "<br />\n<br />\n")
        else:
            out.append("<p>%s</p>\n" % inner)

    for b in page.body:
        if b[0] == "head":
            w = esc(b[1])
            block("<strong>%s</strong>" % w if page.bold_heads else w)
        elif b[0] in ("line", "person"):
            t = b[1] + (";" if b[0] == "person" and page.semicolons else "")
            block(esc(t))
        elif b[0] == "raw":
            out.append(b[1] + "\n")
        elif b[0] == "turn":
            label, paras = b[1], list(b[2])
            if label is not None and page.labels == "inline" and paras:
                block(label_html(page, label) + " " + esc(paras.pop(0)))
            elif label is not None and br:
                out.append(label_html(page, label) + "<br />\n")
            elif label is not None:
                block(label_html(page, label))
            for t in paras:
                block(esc(t))
    return "".join(out)


def assemble(page, charset):
    meta = ('<meta charset="%s">' % charset if page.charset_meta == "html5" else
            '<meta http-equiv="Content-Type" content="text/html; charset=%s" />'
            % charset)
    header = "\n".join(h for _, h in page.header)
    article = "".join([page.header_open, "\n", header, "\n",
                       page.article_open, "\n", render_body(page),
                       page.article_close, "\n", page.pager, "\n",
                       page.header_close, "\n", page.after])
    menus = "\n".join(page.menu)
    if page.table_wrap:
        main = ('<table width="1000" border="0" cellpadding="0" cellspacing="0">'
                '<tr><td valign="top" width="700">\n%s\n</td>'
                '<td valign="top" width="300">\n%s\n</td></tr></table>'
                % (article, page.sidebar))
        if page.sidebar_first:
            main = ('<table width="1000" border="0" cellpadding="0" cellspacing="0">'
                    '<tr><td valign="top" width="300">\n%s\n</td>'
                    '<td valign="top" width="700">\n%s\n</td></tr></table>'
                    % (page.sidebar, article))
    elif page.sidebar_first:
        main = page.sidebar + "\n" + article
    else:
        main = article + "\n" + page.sidebar
    return page.shell(page, meta, "\n".join(page.top), menus, main)


# ---------------------------------------------------------------------
# Shared chrome.

def related_links(conf, base, ext, case_id):
    items = list(conf.related) + [
        "SCIO briefing on the results of the national economic census",
        "Premier's remarks at the opening of the trade fair",
    ]
    out = []
    for i, t in enumerate(items):
        out.append('<li><a href="%s/2031-02/%02d/content_%d.%s" target="_blank">%s</a></li>'
                   % (base, 10 + i, 94000000 + i * 37 + int(case_id) % 1000, ext, esc(t)))
    return "\n".join(out)


def pager_links(pid, ext, page, npages, sep="&nbsp;&nbsp;"):
    """The pagination bar's links: 1 2 3 > (empty for one page)."""
    if npages < 2:
        return ""
    parts = []
    for k in range(1, npages + 1):
        if k == page:
            parts.append('<span class="current">%d</span>' % k)
        else:
            parts.append('<a href="%s">%d</a>' % (page_name(pid, ext, k), k))
    if page < npages:
        parts.append('<a href="%s">&gt;</a>' % page_name(pid, ext, page + 1))
    return sep + sep.join(parts) + sep


def page_name(pid, ext, k):
    return "%s.%s" % (pid, ext) if k == 1 else "%s_%d.%s" % (pid, k, ext)


def people_blocks(conf, honorifics=True):
    """The participants block of page 1, as body blocks."""
    out = [("head", "Speaker:" if len(conf.speakers) == 1 else "Speakers:")]
    for p in conf.speakers:
        out.append(("person", p.line()))
    out.append(("head", "Chairperson:"))
    for p in conf.chair:
        out.append(("person", p.line()))
    out.append(("head", "Date:"))
    out.append(("line", human_date(conf.get("date"), conf.get("month-style"))))
    return out


def turn_blocks(conf, k):
    out = []
    for t, paras, continued in conf.page_turns(k):
        out.append(("turn", None if continued else t.label, paras,
                    conf.turns.index(t)))
    return out


def when_line(conf):
    return "%s | %s %s" % (conf.get("place"), clock_words(conf.get("time")),
                           human_date(conf.get("date"), conf.get("month-style")))


def node_lists(conf, tag_open, tag_close):
    """Speakers and Chairperson lists of a conference page: no colons, no
    honorifics."""
    rows = ['%sSpeakers%s' % (tag_open, tag_close)]
    rows += ["<li>%s, %s</li>" % (esc(p.name), esc(p.title)) for p in conf.speakers]
    rows += ['%sChairperson%s' % (tag_open, tag_close)]
    rows += ["<li>%s, %s</li>" % (esc(p.name), esc(p.title)) for p in conf.chair]
    return '<div class="conf-people"><ul>\n' + "\n".join(rows) + "\n</ul></div>"


# ---------------------------------------------------------------------
# The five markups.  Each returns a Page for page K of a rendering.

def desktop_shell(page, meta, top, menus, main):
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
%s
<title>%s</title>
<meta name="keywords" content="SCIO, press conference, transcript" />
<link href="/images/2019/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">
function doZoom(size){var el=document.getElementById('articleText');if(!el){return;}el.style.fontSize=size+'px';}
</script>
</head>
<body>
%s
%s
<div class="main wrap">
%s
</div>
%s
</body>
</html>
""" % (meta, esc(page.head_title), top, menus, main, page.footer)


DESKTOP_TOP = """<div class="topbar"><div class="wrap">
<a class="logo" href="/"><img src="/images/2019/logo.png" alt="China SCIO" width="260" height="48" /></a>
<form class="search" action="/search/" method="get"><input type="text" name="q" value="" /><input type="submit" value="Search" /></form>
</div></div>
<div class="nav"><ul>
<li><a href="/">Home</a></li>
<li><a href="/pressroom/">Press Room</a></li>
<li><a href="/ministries/">Ministries</a></li>
<li><a href="/provinces/">Provinces</a></li>
<li><a href="/documents/">Documents</a></li>
<li><a href="/whitepapers/">White Papers</a></li>
<li><a href="/photos/">Photos</a></li>
<li><a href="/videos/">Videos</a></li>
</ul></div>
<div class="crumb wrap"><a href="/">Home</a> &gt; <a href="/pressroom/">Press Room</a> &gt; </div>"""

DESKTOP_TOOLS = """<div class="tools">
<div class="share">Share: <a href="javascript:void(0)" class="ico-fb"><img src="/images/2019/fb.png" alt="" /></a> <a href="javascript:void(0)" class="ico-wx"><img src="/images/2019/wx.png" alt="" /></a></div>
<div class="fontsize">Adjust font size: <a href="javascript:doZoom(18)"><img src="/images/2019/big.png" alt="" /></a> <a href="javascript:doZoom(14)"><img src="/images/2019/small.png" alt="" /></a></div>
<div class="comment"><span id="cmtnum">0</span> Comment(s)<a href="javascript:window.print()">Print</a> <a href="mailto:?subject=China%20SCIO">E-mail</a></div>
</div>"""

SCIO_FOOTER = """<div class="footer"><div class="wrap">
<p><a href="/about/">About Us</a> | <a href="/contact/">Contact Us</a> | <a href="/sitemap/">Site Map</a></p>
<p>Copyright &copy; China SCIO. All rights reserved. Reproduction in whole or in part without permission is prohibited.</p>
<p>E-mail: webmaster@scio.example.cn&nbsp;&nbsp; Tel: 86-10-6000-0000</p>
</div></div>"""


def lines_html(text, fmt):
    """A source line (three lines in one form) as elements made by FMT."""
    return "\n".join(fmt % esc(t).replace("\u00a0", "&nbsp;") for t in text.split("\n"))


def source_html_desktop(line):
    # "China.org.cnUpdated: DATE": the source in a span, glued to the rest
    if "\n" in line:
        return lines_html(line, '<div class="info">%s</div>')
    for src in ("China.org.cn", "China SCIO"):
        if line.startswith(src):
            return ('<div class="info"><span class="source">%s</span>%s</div>'
                    % (src, esc(line[len(src):]).replace("\u00a0", "&nbsp;")))
    return '<div class="info">%s</div>' % esc(line).replace("\u00a0", "&nbsp;")


def build_desktop(conf, k, ctx):
    pg = Page()
    pg.shell = desktop_shell
    pg.head_title = conf.get("title") + " - China SCIO"
    pg.top = [DESKTOP_TOP]
    pg.bold_heads = True
    pg.header_open = '<div class="article" id="article">'
    pg.header_close = "</div>"
    pg.article_open = ('<div class="TRS_Editor" id="articleText"><div class="Custom_UnionStyle">')
    pg.article_close = "</div></div>"
    h = pg.header
    h.append(["title", '<h1 class="title">%s</h1>' % esc(conf.get("title"))])
    if conf.is_node:
        h.append(["when", '<div class="conf-when">%s</div>' % esc(when_line(conf))])
    if k == 1 and conf.get("category"):
        h.append(["category", '<div class="category"><a href="/aroundchina/">%s</a></div>'
                  % esc(conf.get("category"))])
    if k == 1 and conf.get("summary"):
        h.append(["summary", '<div class="summary">%s</div>' % esc(conf.summary_text())])
    if conf.is_node:
        h.append(["people", node_lists(conf, "<li><h3>", "</h3></li>")])
    if conf.source_line():
        h.append(["source", source_html_desktop(conf.source_line())])
    h.append(["tools", DESKTOP_TOOLS])
    if k == 1:
        h.append(["zh", '<div class="zh"><a href="%s" target="_blank">Read in Chinese</a></div>'
                  % attr(conf.get("zh"))])
    pg.body = (people_blocks(conf) if k == 1 else []) + turn_blocks(conf, k)
    bar = pager_links(ctx["pid"], ctx["ext"], k, conf.npages)
    pg.pager = '<div id="autopage"><center>%s</center></div>' % bar if bar else ""
    pg.sidebar = ('<div class="more"><h3>MORE FROM China SCIO</h3>\n<ul>\n%s\n</ul></div>'
                  % related_links(conf, "/pressroom", ctx["ext"], ctx["id"]))
    pg.footer = SCIO_FOOTER
    return pg


def mobile_shell(page, meta, top, menus, main):
    return """<!DOCTYPE html>
<html>
<head>
%s
<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=no" />
<title>%s</title>
<link rel="stylesheet" href="/m/images/css/m.css" />
</head>
<body>
%s
%s
%s
%s
</body>
</html>
""" % (meta, esc(page.head_title), top, menus, main, page.footer)


def build_mobile(conf, k, ctx):
    pg = Page()
    pg.shell = mobile_shell
    pg.charset_meta = "html5"
    pg.head_title = conf.get("title")
    pg.top = ['<header class="m-header"><div class="m-logo"><a href="/m/">CHINA SCIO</a></div>'
              '<div class="m-menu"><a href="javascript:;" class="m-open"><i></i><i></i><i></i></a></div></header>',
              '<div class="m-crumb"> \u3111 <a href="/m/pressroom/">Press Room</a> \u3111 '
              '<a href="/m/pressroom/node_8021725.htm">Press Conference Transcripts</a> \u3111 '
              '<a href="/m/pressroom/node_8021726.htm">Press Conferences of the State Council '
              'Information Office</a></div>']
    pg.labels = "bold"
    pg.bold_heads = True
    pg.header_open = '<article class="m-article">'
    pg.header_close = "</article>"
    pg.article_open = '<section class="m-content" id="m-content">'
    pg.article_close = "</section>"
    h = pg.header
    fused = ""
    if conf.get("published"):
        fused = '<span class="m-date"> | %s</span>' % esc(
            human_date(conf.get("published"), conf.get("month-style")))
    h.append(["title", '<h1 class="m-title">%s%s</h1>' % (esc(conf.get("title")), fused)])
    if conf.is_node:
        h.append(["when", '<div class="m-when">%s</div>' % esc(when_line(conf))])
    if k == 1 and conf.get("category"):
        h.append(["category", '<div class="m-cate">%s</div>' % esc(conf.get("category"))])
    if k == 1 and conf.get("summary"):
        h.append(["summary", '<div class="m-summary">%s</div>' % esc(conf.summary_text())])
    if conf.is_node:
        h.append(["people", node_lists(conf, "<li><b>", "</b></li>")])
    if conf.source_line():
        h.append(["source", lines_html(conf.source_line(), '<div class="m-source">%s</div>')])
    h.append(["tools", '<div class="m-tools"><span>Share:</span> <a href="javascript:;" class="s-wx"></a>'
              '<a href="javascript:;" class="s-wb"></a> <span>Adjust font size:</span> '
              '<a href="javascript:;">A+</a> <a href="javascript:;">A-</a></div>'])
    body = []
    if k == 1:
        body.append(("raw", '<p><a href="%s">Read in Chinese</a></p>' % attr(conf.get("zh"))))
        body += people_blocks(conf)
    pg.body = body + turn_blocks(conf, k)
    bar = pager_links(ctx["pid"], ctx["ext"], k, conf.npages)
    pg.pager = '<div id="m-pager"><center>%s</center></div>' % bar if bar else ""
    pg.sidebar = ('<div class="m-more"><h3>MORE FROM China SCIO</h3>\n<ul>\n%s\n</ul></div>'
                  % related_links(conf, "/m/pressroom", ctx["ext"], ctx["id"]))
    pg.footer = ('<footer class="m-footer"><p><a href="/m/">Home</a> | <a href="/">Desktop</a></p>'
                 '<p>Copyright &copy; China SCIO. All rights reserved.</p></footer>')
    return pg


def table_shell(page, meta, top, menus, main):
    return """<html>
<head>
%s
<title>%s</title>
<link href="/css/old.css" rel="stylesheet" type="text/css">
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td>%s</td></tr>
</table>
%s
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td>
%s
</td></tr></table>
%s
</body>
</html>
""" % (meta, esc(page.head_title), top, menus, main, page.footer)


def build_table(conf, k, ctx):
    pg = Page()
    pg.shell = table_shell
    pg.head_title = conf.get("title")
    pg.top = ['<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
              '<td><img src="/images/logo_old.gif" width="300" height="60"></td></tr>'
              '<tr><td class="nav"><a href="/">Home</a> | <a href="/pressroom/">Press Room</a> | '
              '<a href="/policy/">Policies</a> | <a href="/whitepaper/">White Papers</a> | '
              '<a href="/china/">Facts and Figures</a></td></tr>'
              '<tr><td class="crumb"><a href="/">Home</a> &gt;&gt; <a href="/pressroom/">Press Room</a></td></tr></table>']
    pg.paras = "br"
    pg.semicolons = True
    pg.header_open = '<table width="640" border="0" cellpadding="0" cellspacing="0">'
    pg.header_close = "</table>"
    pg.article_open = '<tr><td class="content">'
    pg.article_close = "</td></tr>"
    h = pg.header
    h.append(["title", '<tr><td class="title" align="center"><b>%s</b></td></tr>' % esc(conf.get("title"))])
    if conf.is_node:
        h.append(["when", '<tr><td>%s</td></tr>' % esc(when_line(conf))])
    if k == 1 and conf.get("category"):
        h.append(["category", '<tr><td class="cate">%s</td></tr>' % esc(conf.get("category"))])
    if k == 1 and conf.get("summary"):
        h.append(["summary", '<tr><td class="summary">%s</td></tr>' % esc(conf.summary_text())])
    if conf.is_node:
        h.append(["people", '<tr><td>%s</td></tr>' % node_lists(conf, "<li>", "</li>")])
    if conf.source_line():
        h.append(["source", lines_html(conf.source_line(),
                                       '<tr><td class="source" align="center">%s</td></tr>')])
    h.append(["tools", '<tr><td class="tools">Share: <a href="javascript:;">Facebook</a> '
              '<a href="javascript:;">Twitter</a> &nbsp; Adjust font size: '
              '<a href="javascript:;">A</a> <a href="javascript:;">A</a> <a href="javascript:;">A</a></td></tr>'])
    if k == 1:
        h.append(["zh", '<tr><td><a href="%s">Read in Chinese</a></td></tr>' % attr(conf.get("zh"))])
    pg.body = (people_blocks(conf) if k == 1 else []) + turn_blocks(conf, k)
    bar = pager_links(ctx["pid"], ctx["ext"], k, conf.npages, sep=" ")
    pg.pager = '<tr><td align="center" class="pager">%s</td></tr>' % bar if bar else ""
    pg.sidebar = ('<table width="300" border="0"><tr><td class="more"><b>MORE FROM China SCIO</b></td></tr>\n'
                  '<tr><td><ul>\n%s\n</ul></td></tr></table>'
                  % related_links(conf, "/pressroom", ctx["ext"], ctx["id"]))
    pg.footer = ('<table width="960" align="center"><tr><td align="center" class="foot">'
                 'Copyright &copy; China SCIO. All Rights Reserved.<br>'
                 'E-mail: webmaster@scio.example.cn</td></tr></table>')
    return pg


def inline_shell(page, meta, top, menus, main):
    return """<!DOCTYPE html>
<html lang="en">
<head>
%s
<title>%s</title>
</head>
<body>
<div id="wrapper">
%s
%s
<div id="main">
%s
</div>
%s
</div>
</body>
</html>
""" % (meta, esc(page.head_title), top, menus, main, page.footer)


def build_inline(conf, k, ctx):
    pg = Page()
    pg.shell = inline_shell
    pg.head_title = conf.get("title") + " | China SCIO"
    pg.top = ['<div id="header"><a href="/"><img src="/img/scio.png" alt="China SCIO"></a></div>',
              '<ul id="menu"><li><a href="/">Home</a></li><li><a href="/pressroom/">Press Room</a></li>'
              '<li><a href="/m/">Mobile</a></li><li><a href="/rss/">RSS</a></li></ul>',
              '<div id="position">You are here: <a href="/">Home</a> &gt;&gt; '
              '<a href="/pressroom/">Press Room</a></div>']
    pg.labels = "inline"
    pg.header_open = '<div id="art">'
    pg.header_close = "</div>"
    pg.article_open = '<div id="artbody">'
    pg.article_close = "</div>"
    h = pg.header
    h.append(["title", '<h1>%s</h1>' % esc(conf.get("title"))])
    if conf.is_node:
        h.append(["when", '<p class="when">%s</p>' % esc(when_line(conf))])
    if k == 1 and conf.get("category"):
        h.append(["category", '<p class="channel">%s</p>' % esc(conf.get("category"))])
    if k == 1 and conf.get("summary"):
        h.append(["summary", '<p class="lead"><i>%s</i></p>' % esc(conf.summary_text())])
    if conf.is_node:
        h.append(["people", node_lists(conf, "<li><i>", "</i></li>")])
    if conf.source_line():
        h.append(["source", lines_html(conf.source_line(), '<p class="from">%s</p>')])
    h.append(["tools", '<div class="share">Share: <a href="javascript:;">Weibo</a> '
              '<a href="javascript:;">WeChat</a> <a href="javascript:;">Facebook</a></div>'])
    if k == 1:
        h.append(["zh", '<p class="zh"><a href="%s">Read in Chinese</a></p>' % attr(conf.get("zh"))])
    pg.body = (people_blocks(conf) if k == 1 else []) + turn_blocks(conf, k)
    bar = pager_links(ctx["pid"], ctx["ext"], k, conf.npages, sep=" ")
    pg.pager = '<div class="pages">%s</div>' % bar if bar else ""
    pg.sidebar = ('<div id="side"><h2>MORE FROM China SCIO</h2>\n<ul>\n%s\n</ul></div>'
                  % related_links(conf, "/pressroom", ctx["ext"], ctx["id"]))
    pg.footer = ('<div id="footer">Copyright &copy; China SCIO. All rights reserved. '
                 '<a href="/about/">About</a> | <a href="/contact/">Contact</a></div>')
    return pg


def mirror_shell(page, meta, top, menus, main):
    return """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
%s
<title>%s</title>
<link href="http://images.china.org.cn/css/en_main.css" rel="stylesheet" type="text/css">
</head>
<body>
%s
%s
<div id="container">
%s
</div>
%s
</body>
</html>
""" % (meta, esc(page.head_title), top, menus, main, page.footer)


def build_mirror(conf, k, ctx):
    pg = Page()
    pg.shell = mirror_shell
    pg.head_title = conf.get("title") + " - China.org.cn"
    pg.top = ['<div id="top"><a href="http://www.china.org.cn/"><img src="http://images.china.org.cn/logo.gif" '
              'alt="China.org.cn"></a> <a href="http://www.china.org.cn/">Home</a> '
              '<a href="http://www.china.org.cn/china/">China</a> <a href="http://www.china.org.cn/world/">World</a> '
              '<a href="http://www.china.org.cn/business/">Business</a> <a href="http://www.china.org.cn/culture/">Culture</a> '
              '<a href="http://www.china.org.cn/travel/">Travel</a> <a href="http://www.china.org.cn/opinion/">Opinion</a></div>',
              '<div class="crumb"><a href="http://www.china.org.cn/">Home</a> / '
              '<a href="http://www.china.org.cn/china/">China</a> / Keywords: SCIO press conference</div>']
    pg.header_open = '<div id="main">'
    pg.header_close = "</div>"
    pg.article_open = '<div id="artbody">'
    pg.article_close = "</div>"
    h = pg.header
    h.append(["title", '<h1 class="artTitle">%s</h1>' % esc(conf.get("title"))])
    if k == 1 and conf.get("category"):
        h.append(["category", '<div class="artCate">%s</div>' % esc(conf.get("category"))])
    if k == 1 and conf.get("summary"):
        h.append(["summary", '<div class="artSummary">%s</div>' % esc(conf.summary_text())])
    h.append(["source", '<div class="toolbar"><span id="cmt">0</span> Comment(s)'
              '<a href="javascript:window.print()">Print</a> <a href="javascript:mailto()">E-mail</a> '
              'China.org.cn, %s</div>' % esc(human_date(conf.get("published"), "full"))])
    h.append(["tools", '<div class="toolbar">Adjust font size: <a href="javascript:;">A</a> '
              '<a href="javascript:;">A</a> <a href="javascript:;">A</a></div>'])
    if k == 1:
        h.append(["zh", '<div class="zh"><a href="%s">\u4e2d\u6587</a></div>' % attr(conf.get("zh"))])
    pg.body = (people_blocks(conf) if k == 1 else []) + turn_blocks(conf, k)
    bar = pager_links(ctx["pid"], ctx["ext"], k, conf.npages, sep=" ")
    pg.pager = ('<div id="autopage"><a href="%s">Previous</a>%s<a href="%s">Next</a></div>'
                % (page_name(ctx["pid"], ctx["ext"], max(k - 1, 1)), bar,
                   page_name(ctx["pid"], ctx["ext"], min(k + 1, conf.npages)))) if bar else ""
    pg.after = ('<div class="related"><h3>Related News</h3><ul>'
                '<li><a href="http://www.china.org.cn/china/2031-01/05/content_80001.htm">'
                'Coastal provinces report record tourism</a></li>'
                '<li><a href="http://www.china.org.cn/china/2031-01/06/content_80002.htm">'
                'New rules for river shipping take effect</a></li></ul></div>')
    pg.sidebar = ('<div id="right"><div class="box"><h3>MORE FROM China SCIO</h3>\n<ul>\n%s\n</ul></div></div>'
                  % related_links(conf, "http://www.china.org.cn/china", ctx["ext"], ctx["id"]))
    pg.footer = ('<div id="footer"><a href="http://www.china.org.cn/about/">About Us</a> | '
                 '<a href="http://www.china.org.cn/contact/">Contact Us</a><br>'
                 'Copyright &copy; China.org.cn. All Rights Reserved E-mail: webmaster@china.org.cn '
                 'Tel: 86-10-8800-0000</div>')
    return pg


BUILDERS = {"desktop": build_desktop, "mobile": build_mobile, "table": build_table,
            "inline": build_inline, "mirror": build_mirror}

# Charset names each markup declares for its GBK-encoded copy.
GBK_NAMES = {"desktop": "gbk", "mobile": "gbk", "table": "gb2312",
             "inline": "gb18030", "mirror": "gb2312"}


def site_path(conf, markup, pid):
    """(host, directory) of a rendering's pages."""
    path = conf.get("path")
    if markup == "mirror":
        return "www.china.org.cn", path.replace("pressroom", "china", 1)
    if markup == "mobile":
        return "english.scio.gov.cn", "m/" + path
    return "english.scio.gov.cn", path


def case_id(conf_no, markup, charset, variant_no, node):
    digits = "9%d%d%d%02d" % (conf_no, MARKUPS.index(markup), CHARSETS.index(charset),
                              variant_no)
    return digits if node else digits + "01"


def truth_for(conf, markup):
    t = conf.truth()
    if markup == "mirror":
        t["source"] = "China.org.cn"
    return t


def render_all(outdir, only=None):
    confs = transcript.load_all(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    cases = []
    for ci, conf in enumerate(confs, 1):
        for markup in MARKUPS:
            if markup == "mirror" and conf.is_node:
                continue    # the mirror has no conference pages
            for charset in CHARSETS:
                for vi, (kind, variant) in enumerate(transform.variants(conf)):
                    name = "%s/%s/%s" % (markup, charset, kind)
                    if only and not (name + "/").startswith(only.rstrip("/") + "/"):
                        continue
                    cases.append(render_case(outdir, ci, conf, markup, charset,
                                             vi, kind, variant))
    with open(os.path.join(outdir, "manifest.jsonl"), "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    return cases


def render_case(outdir, ci, conf, markup, charset, vi, kind, variant):
    cid = case_id(ci, markup, charset, vi, conf.is_node)
    pid = ("node_" + cid) if conf.is_node else ("content_" + cid)
    ext = conf.get("ext")
    host, d = site_path(conf, markup, pid)
    ctx = {"pid": pid, "ext": ext, "id": cid}
    truth = truth_for(conf, markup)
    files, applied = [], []
    enc = "utf-8" if charset == "utf-8" else "gbk"
    declared = "utf-8" if charset == "utf-8" else GBK_NAMES[markup]
    for k in range(1, conf.npages + 1):
        pg = BUILDERS[markup](conf, k, ctx)
        applied.append(transform.apply(variant, pg, conf, k, truth))
        text = assemble(pg, declared)
        rel = os.path.join(host, d, page_name(pid, ext, k))
        full = os.path.join(outdir, "site", rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(text.encode(enc, errors="xmlcharrefreplace"))
        files.append(rel)
    return {"case": "%s/%s/%s/%s" % (markup, charset, variant["name"], conf.file[:-4]),
            "markup": markup, "charset": charset, "kind": kind,
            "variant": variant["name"], "conf": conf.file,
            "doc": pid if conf.is_node else cid,
            "urls": ["http://%s" % f for f in files], "files": files,
            "applied": applied,
            "truth": truth}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--only", help="MARKUP[/CHARSET[/KIND]]: render only these")
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    cases = render_all(args.outdir, args.only)
    n = sum(len(c["files"]) for c in cases)
    sys.stderr.write("render.py: %d renderings, %d pages\n" % (len(cases), n))


if __name__ == "__main__":
    main()
