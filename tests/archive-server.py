#!/usr/bin/python3
"""archive-server: a generated SCIO archive served on 127.0.0.1, for the
backfill scale test (tests/t-backfill.sh, bench/b-backfill.sh).  Standard
library only; every page is made on the fly from the seed, so nothing big
is stored.

    archive-server.py -n N [--seed S] [--per-listing M] [--mobile]
                      [--log FILE] [--port P]
    archive-server.py -n N [--seed S] [--per-listing M] --manifest
    archive-server.py -n N [--seed S] [--per-listing M] --urls BASE

N invented conferences of 1 to 14 pages each, newest first, behind the
listing /pressroom/node_8021725.htm and its pages _2, _3, ... (M items a
page, default 20).  With --mobile the same conferences are also served at
their /m/pressroom/ URLs behind the mobile listing
/m/pressroom/node_8021725.htm, in the mobile layout.  /robots.txt allows
everything.  Every page has a fixed ETag and Last-Modified, and a
conditional request for it is answered 304.

The server prints its port, then serves until killed; each request is
logged to --log as one JSON line: path, status, inm (If-None-Match), ims
(If-Modified-Since), t0 and t1 (when it came and when it was answered,
seconds since the epoch).

--manifest prints what the archive holds, one JSON line a conference
(doc, url, pages, turns, title, date), newest first; --urls BASE prints
every URL a complete backfill asks for (the desktop listing pages: with
--mobile the mobile listing, given after it, is the same listing and not
walked again; then each conference's pages at its desktop URL),
for a plain client to fetch.
"""
import argparse
import collections
import datetime
import email.utils
import hashlib
import json
import random
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LISTING = "node_8021725"
FIRST_DOC = 31000000
NEWEST = datetime.date(2025, 11, 28)

SURNAMES = ("Qiao Fen Shen Lang Kong Mo Ye Hua Tong Bai Lou Gao Peng Xue Wen Hao Deng Mu Yuan "
            "Lu Ding Qin Luo Shi Yan He Wei Cao Jiang Xie Han Feng Song Du Lin Guo Pan Tian").split()
GIVEN = ("Mingrui Huilan Fangde Yongyu Tingjia Haoguo Qiangshu Huakai Weibai Jingru Qinghe Ruoshao "
         "Jiean Qizhen Lixiao Chengzhi Xinyi Hairan Fengbo Dongsheng Wanyun Taolei Minrong").split()
OUTLETS = ("Harbour Ledger", "Sunrise Radio", "Metro Finance Daily", "Lingnan Evening, Lingnan Plus",
           "Red Cliff News", "Lakeside TV", "Countryside Herald", "Yellow Sand Radio",
           "Riverside Evening Post", "Northern Star Weekly", "Jade Coast TV",
           "Hong Kong's Clearwater Review", "Silk Road Business Journal", "Plateau Morning Post")
AGENCIES = ("Inland Shipping", "Rural Logistics", "Folk Heritage", "Ageing Services", "Grain Reserve",
            "Standards Affairs", "Coastal Economy", "Water Conservation", "Urban Renewal",
            "Skills Development", "Data Resources", "Clean Heating", "Consumer Protection")
THINGS = ("data infrastructure", "rural logistics networks", "green shipping", "elderly care services",
          "vocational training", "the marine economy", "digital public services", "grain storage",
          "water-saving irrigation", "cross-border e-commerce", "community health centers",
          "clean heating", "smart manufacturing", "cold-chain logistics", "inland waterways",
          "flood control", "cultural tourism", "offshore wind power")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def long_date(d):
    return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)


class Conference:
    """Conference i of the archive (0 is the newest), made from the seed."""

    def __init__(self, seed, i):
        r = random.Random("%d/%d" % (seed, i))
        self.i = i
        self.doc = str(FIRST_DOC + 7 * i + r.randrange(7))
        self.published = NEWEST - datetime.timedelta(days=i)
        self.held = self.published - datetime.timedelta(days=r.randint(0, 6))
        self.ext = "html" if self.published >= datetime.date(2024, 7, 1) else "htm"
        self.npages = r.randint(1, 14)
        agency = "National %s Administration" % r.choice(AGENCIES)
        self.topic = r.choice(THINGS)
        self.title = "SCIO briefing on %s by the %s" % (self.topic, agency)

        def person():
            return "%s %s" % (r.choice(SURNAMES), r.choice(GIVEN))
        self.officials = []
        for t in ("administrator of the %s" % agency, "deputy administrator of the %s" % agency):
            p = person()
            if all(p != o[1] for o in self.officials):
                self.officials.append(("Mr." if r.random() < 0.6 else "Ms.", p, t))
        del self.officials[r.randint(1, len(self.officials)):]
        chair = person()
        while any(chair == o[1] for o in self.officials):
            chair = person()
        self.chair = ("Ms." if r.random() < 0.5 else "Mr.", chair,
                      "spokesperson of the State Council Information Office")
        self.seed = seed
        self._pages = None

    @property
    def pages(self):
        """The text, made only when asked for (listings need none)."""
        if self._pages is None:
            self._pages = self._turns(random.Random("%d/%d/text" % (self.seed, self.i)))
        return self._pages

    def _sentence(self, r):
        thing = r.choice(THINGS)
        return r.choice((
            "By the end of %s, %d projects for %s had been completed." % (
                r.choice(MONTHS), r.randint(12, 9000), thing),
            "We will work with the relevant departments to improve %s." % thing,
            "Investment in %s grew by %d.%d%% year on year." % (thing, r.randint(1, 30), r.randint(0, 9)),
            "This has laid a solid foundation for %s." % thing,
            "More than %d counties have joined the pilot program on %s." % (r.randint(20, 900), thing)))

    def _para(self, r):
        return " ".join(self._sentence(r) for _ in range(r.randint(2, 4)))

    def _turns(self, r):
        """The conference's turns as (speaker, paragraphs), split over
        its pages: [[turn, ...] for each page], every page at least one."""
        o = self.officials
        turns = [(self.chair[1], ["Good morning. Welcome to this press conference. Today we have "
                                  "invited %s %s, %s, to brief you. I now give the floor to %s %s."
                                  % (o[0][0], o[0][1], o[0][2], o[0][0], o[0][1].split()[0])]),
                 (o[0][1], [self._para(r) for _ in range(r.randint(2, 4))]),
                 (self.chair[1], ["The floor is now open for questions."])]
        while len(turns) < 2 * self.npages + 2:
            turns.append((r.choice(OUTLETS), ["Thank you. What will be done about %s? Thank you."
                                              % r.choice(THINGS)]))
            turns.append((r.choice(o)[1], [self._para(r) for _ in range(r.randint(1, 3))]))
        turns.append((self.chair[1], ["Thank you. That concludes today's press conference."]))
        per = len(turns) // self.npages
        pages = [turns[k * per:(k + 1) * per] for k in range(self.npages)]
        pages[-1].extend(turns[self.npages * per:])
        return pages

    def path(self, k, mobile=False):
        return "%s/pressroom/%s/content_%s%s.%s" % (
            "/m" if mobile else "", self.published.strftime("%Y-%m/%d"), self.doc,
            "" if k == 1 else "_%d" % k, self.ext)

    def turn_count(self):
        return sum(len(p) for p in self.pages)

    def html(self, k, mobile):
        b = []
        if mobile:
            b.append('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
                     '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
                     '<title>%s</title></head>\n<body>\n<header><a href="/m/">CHINA SCIO</a></header>\n'
                     '<div class="m-crumb"> \u3111 <a href="/m/pressroom/">Press Room</a> \u3111 '
                     '<a href="/m/pressroom/%s.htm">Press Conference Transcripts</a></div>\n<article>\n'
                     '<h1>%s</h1>\n<div class="m-source">China.org.cn | %s</div>\n<section class="m-content">\n'
                     % (esc(self.title), LISTING, esc(self.title), long_date(self.published)))
        else:
            b.append('<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" '
                     'content="text/html; charset=utf-8">\n<title>%s</title></head>\n<body>\n'
                     '<div class="nav"><a href="/">Home</a> &gt; <a href="/pressroom/%s.htm">Press Room</a>'
                     ' &gt; </div>\n<h1>%s</h1>\n<div class="source">China SCIOUpdated:  %s</div>\n'
                     '<div class="TRS_Editor">\n'
                     % (esc(self.title), LISTING, esc(self.title), long_date(self.published)))
        label = "<p><strong>%s:</strong></p>\n" if mobile else "<p><b>%s:</b></p>\n"
        if k == 1:
            b.append('<p><a href="http://www.scio.gov.cn/xwfbh/%s/index.htm">Read in Chinese</a></p>\n'
                     % self.doc)
            b.append(label % ("Speakers" if len(self.officials) > 1 else "Speaker"))
            for h, n, t in self.officials:
                b.append("<p>%s %s, %s</p>\n" % (h, n, esc(t)))
            b.append(label % "Chairperson")
            b.append("<p>%s %s, %s</p>\n" % self.chair)
            b.append(label % "Date")
            b.append("<p>%s</p>\n" % long_date(self.held))
        for speaker, paras in self.pages[k - 1]:
            b.append(label % esc(speaker))
            b.extend("<p>%s</p>\n" % esc(p) for p in paras)
        b.append("</section>\n" if mobile else "</div>\n")
        if self.npages > 1:
            links = []
            for j in range(1, self.npages + 1):
                name = "content_%s%s.%s" % (self.doc, "" if j == 1 else "_%d" % j, self.ext)
                links.append("<span>%d</span>" % j if j == k else '<a href="%s">%d</a>' % (name, j))
            b.append('<div id="autopage"><center>%s</center></div>\n' % "&nbsp;&nbsp;".join(links))
        b.append('<div class="more">MORE FROM China SCIO <a href="%s/pressroom/2011-01/05/'
                 'content_1000001.htm">An older briefing</a></div>\n' % ("/m" if mobile else ""))
        b.append("</article>\n</body></html>\n" if mobile else "</body></html>\n")
        return "".join(b).encode()


class Archive:
    def __init__(self, n, seed, per_listing, mobile):
        self.n = n
        self.seed = seed
        self.per = per_listing
        self.mobile = mobile
        self.nlist = max(1, (n + per_listing - 1) // per_listing)
        self.by_path = {}
        self._confs = [Conference(seed, i) for i in range(n)]
        self._lock = threading.Lock()
        self._texts = collections.deque()

    def conference(self, i):
        return self._confs[i]

    def text_made(self, c):
        """Keeps the text of the last 64 conferences served, no more."""
        with self._lock:
            self._texts.append(c)
            if len(self._texts) > 64:
                self._texts.popleft()._pages = None

    def index(self):
        """Maps each conference page's desktop path to (i, k); built once,
        without making any text."""
        if not self.by_path:
            for i in range(self.n):
                c = self.conference(i)
                for k in range(1, c.npages + 1):
                    self.by_path[c.path(k)] = (i, k)
        return self.by_path

    def listing_path(self, k, mobile=False):
        return "%s/pressroom/%s%s.htm" % ("/m" if mobile else "", LISTING, "" if k == 1 else "_%d" % k)

    def listing(self, k, mobile):
        first = (k - 1) * self.per
        items = []
        for i in range(first, min(first + self.per, self.n)):
            c = self.conference(i)
            items.append('<li>&bull; <a href="%s">%s</a> <span>%s</span></li>\n'
                         % (c.path(1, mobile), esc(c.title), c.published.isoformat()))
        # a pager window, as the site shows: first, a few around, last, next
        shown = sorted({1, self.nlist} | set(range(max(1, k - 3), min(self.nlist, k + 3) + 1)))
        links = []
        for j in shown:
            name = "%s%s.htm" % (LISTING, "" if j == 1 else "_%d" % j)
            links.append("<span>%d</span>" % j if j == k else '<a href="%s">%d</a>' % (name, j))
        if k < self.nlist:
            links.append('<a href="%s_%d.htm">&gt;</a>' % (LISTING, k + 1))
        return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n'
                '<title>Press Conference Transcripts</title></head>\n<body>\n'
                '<div class="nav"><a href="/">Home</a> &gt; <a href="/pressroom/">Press Room</a> &gt; </div>\n'
                '<h1>Press Conference Transcripts</h1>\n'
                '<div class="source">China SCIOUpdated:  %s</div>\n<div class="TRS_Editor">\n'
                '<ul class="list">\n%s</ul>\n</div>\n<div id="autopage"><center>%s</center></div>\n'
                '</body></html>\n' % (long_date(NEWEST), "".join(items), "&nbsp;&nbsp;".join(links))).encode()

    def lookup(self, path):
        """(body maker, last-modified date) for a path, or None."""
        mobile = path.startswith("/m/")
        if mobile and not self.mobile:
            return None
        desk = path[2:] if mobile else path
        if desk.startswith("/pressroom/%s" % LISTING):
            rest = desk[len("/pressroom/%s" % LISTING):]
            k = 1
            if rest.startswith("_") and rest.endswith(".htm") and rest[1:-4].isdigit():
                k = int(rest[1:-4])
            elif rest != ".htm":
                return None
            if not 1 <= k <= self.nlist:
                return None
            return (lambda: self.listing(k, mobile)), NEWEST
        hit = self.index().get(desk)
        if hit is None:
            return None
        c = self.conference(hit[0])

        def make():
            fresh = c._pages is None
            body = c.html(hit[1], mobile)
            if fresh:
                self.text_made(c)
            return body
        return make, c.published

    def urls(self, base):
        # The mobile listing, given after the desktop one, is the same
        # listing (node id) to scio-fetch: walked once, in the first form.
        for k in range(1, self.nlist + 1):
            yield base + self.listing_path(k)
        for i in range(self.n):
            c = self.conference(i)
            for k in range(1, c.npages + 1):
                yield base + c.path(k)


ROBOTS = b"User-agent: *\nAllow: /\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "scio-archive"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        if self.server.log is not None:
            line = json.dumps({"path": self.path, "status": status,
                               "inm": self.headers.get("If-None-Match"),
                               "ims": self.headers.get("If-Modified-Since"),
                               "t0": round(self.t0, 6), "t1": round(time.time(), 6)})
            with self.server.log_lock:
                self.server.log.write(line + "\n")
                self.server.log.flush()

    def reply(self, status, body, headers=()):
        self.log(status)
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Type", "text/plain" if body is ROBOTS else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304 and self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        self.t0 = time.time()
        path = urllib.parse.urlsplit(self.path).path
        if path == "/robots.txt":
            return self.reply(200, ROBOTS)
        found = self.server.archive.lookup(path)
        if found is None:
            return self.reply(404, b"<html><body><p>No such page.</p></body></html>\n")
        make, day = found
        etag = '"%s"' % hashlib.sha1(("%d%s" % (self.server.archive.seed, path)).encode()).hexdigest()[:16]
        mtime = datetime.datetime(day.year, day.month, day.day, 9, 30, tzinfo=datetime.timezone.utc)
        lm = email.utils.format_datetime(mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = inm == etag
        elif ims is not None:
            try:
                fresh = mtime <= email.utils.parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                fresh = False
        headers = [("ETag", etag), ("Last-Modified", lm)]
        if fresh:
            return self.reply(304, b"", headers)
        return self.reply(200, make(), headers)

    do_HEAD = do_GET


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # a client killed mid-transfer (the kill test) is no error here
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser(description="A generated SCIO archive on 127.0.0.1.")
    ap.add_argument("-n", "--conferences", type=int, required=True)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--per-listing", type=int, default=20)
    ap.add_argument("--mobile", action="store_true")
    ap.add_argument("--log")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--manifest", action="store_true")
    ap.add_argument("--urls", metavar="BASE")
    a = ap.parse_args()
    if a.conferences < 1 or a.per_listing < 1:
        ap.error("-n and --per-listing must be at least 1")
    archive = Archive(a.conferences, a.seed, a.per_listing, a.mobile)
    if a.manifest:
        for i in range(a.conferences):
            c = archive.conference(i)
            print(json.dumps({"doc": c.doc, "url": c.path(1), "pages": c.npages,
                              "turns": c.turn_count(), "title": c.title,
                              "date": c.held.isoformat()}))
        return 0
    if a.urls is not None:
        for u in archive.urls(a.urls):
            print(u)
        return 0
    archive.index()
    srv = Server(("127.0.0.1", a.port), Handler)
    srv.archive = archive
    srv.log = open(a.log, "a") if a.log else None
    srv.log_lock = threading.Lock()
    print(srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
