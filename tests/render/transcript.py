"""transcript.py: reads the transcript data files of tests/render/data/
into one model, and derives from it the truth scio-parse must give.

A data file is plain text, one statement a line ('#' starts a comment):

    id N               content_N (a transcript) or node_N (a conference)
    kind K             transcript | conference
    path P             the directory under the site root (pressroom/YYYY-MM/DD)
    ext E              htm | html
    title T            the visible title, one line
    category C         optional
    summary S          optional: the summary sentence
    summary-date glued the page shows the summary with the published date
                       glued on (the truth's summary is without it)
    source-form F      how the source line reads: updated, bar, scio-updated,
                       comma, scio-bar, three (three lines), none (see
                       SOURCE_FORMS)
    month-style M      full | abbr: how months are written on the page
    published D        YYYY-MM-DD, or none
    date D             the day the conference was held
    time HH:MM         conference pages: the time line's clock
    place P            conference pages: the time line's place
    zh URL             the "Read in Chinese" link
    speaker H | NAME | TITLE    a listed speaker (honorific, name, title;
                       an empty honorific: the page gives none)
    chair H | NAME | TITLE      the chairperson
    official NAME      a person who answers without being listed
    media NAME         an outlet (its label is its name)
    related TEXT       a headline for the sidebar's related links

then the pages, each opened by a line "== page".  On a page, "> LABEL"
starts a turn ("> LABEL ?" a turn that is a question from the floor,
which opens the next qa number); every other line is one paragraph of the
current turn.  Paragraphs at the top of a page before any label continue
the last turn of the previous page (a turn running across a page break is
one turn, on the page where it starts)."""

import os
import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
        "Sept.", "Oct.", "Nov.", "Dec."]

# Source line forms: the visible text (date filled in) and the source the
# truth names.  "three" is on three lines (a list of lines).
SOURCE_FORMS = {
    "updated": ("China.org.cn", "China.org.cnUpdated:\u00a0 {date}"),
    "bar": ("China.org.cn", "China.org.cn | {date}"),
    "scio-updated": ("China SCIO", "China SCIOUpdated: {date}"),
    "comma": ("China.org.cn", "China.org.cn, {date}"),
    "scio-bar": ("China SCIO", "China SCIO\u4e28Updated: {date}"),
    "three": ("China.org.cn", "China.org.cn\n| {date}\n{iso}"),
    "none": (None, None),
}


def human_date(iso, style="full"):
    """2031-03-12 as "March 12, 2031" (style full) or "Mar. 12, 2031"."""
    y, m, d = (int(x) for x in iso.split("-"))
    names = ABBR if style == "abbr" else MONTHS
    return "%s %d, %d" % (names[m - 1], d, y)


def clock_words(hhmm):
    """15:00 as "3 p.m.", 10:30 as "10:30 a.m."."""
    h, m = (int(x) for x in hhmm.split(":"))
    half = "a.m." if h < 12 else "p.m."
    h12 = h % 12 or 12
    return ("%d %s" % (h12, half)) if m == 0 else ("%d:%02d %s" % (h12, m, half))


class Person:
    def __init__(self, honorific, name, title):
        self.honorific, self.name, self.title = honorific, name, title

    def line(self):
        """The participants block's line: "Mr. Name, title"."""
        h = (self.honorific + " ") if self.honorific else ""
        return "%s%s, %s" % (h, self.name, self.title)

    def record(self):
        return {"name": self.name, "honorific": self.honorific,
                "title": self.title}


class Turn:
    def __init__(self, label, question, page):
        self.label, self.question, self.page = label, question, page
        self.paras = []        # (page, text): where each paragraph stands


class Transcript:
    """One conference: header fields, participants, pages of turns."""

    def __init__(self, path):
        self.file = os.path.basename(path)
        self.fields = {}
        self.speakers, self.chair = [], []
        self.officials, self.media, self.related = [], [], []
        self.turns = []
        self.npages = 0
        self._read(path)

    def _read(self, path):
        cur = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                where = "%s:%d" % (path, n)
                if line == "== page":
                    self.npages += 1
                    continue
                if self.npages == 0:
                    key, _, val = line.partition(" ")
                    if key in ("speaker", "chair"):
                        parts = [p.strip() for p in val.split("|")]
                        if len(parts) != 3:
                            raise ValueError(where + ": want H | NAME | TITLE")
                        p = Person(parts[0] or None, parts[1], parts[2])
                        (self.speakers if key == "speaker" else self.chair).append(p)
                    elif key == "official":
                        self.officials.append(val)
                    elif key == "media":
                        self.media.append(val)
                    elif key == "related":
                        self.related.append(val)
                    else:
                        self.fields[key] = None if val == "none" else val
                    continue
                if line.startswith("> "):
                    label = line[2:].strip()
                    q = label.endswith(" ?")
                    if q:
                        label = label[:-2].strip()
                    cur = Turn(label, q, self.npages)
                    self.turns.append(cur)
                    continue
                if cur is None:
                    raise ValueError(where + ": a paragraph before any label")
                cur.paras.append((self.npages, line.strip()))
        for t in self.turns:
            self.role(t.label)     # every label is known

    # -- header fields ------------------------------------------------

    def get(self, key):
        return self.fields.get(key)

    @property
    def id(self):
        return self.fields["id"]

    @property
    def is_node(self):
        return self.get("kind") == "conference"

    def role(self, label):
        if any(p.name == label for p in self.chair):
            return "chair"
        if any(p.name == label for p in self.speakers) or label in self.officials:
            return "official"
        if label in self.media:
            return "media"
        raise ValueError("%s: label %r is neither a participant, an "
                         "official nor an outlet" % (self.file, label))

    def title_of(self, name):
        for p in self.speakers + self.chair:
            if p.name == name:
                return p.title
        return None

    def page_turns(self, page):
        """The turns with paragraphs on PAGE, each as (turn, paragraphs,
        continued) where continued is true when the turn started earlier."""
        out = []
        for t in self.turns:
            paras = [txt for (pg, txt) in t.paras if pg == page]
            if paras or t.page == page:
                out.append((t, paras, t.page != page))
        return out

    def source_line(self, style=None):
        form = self.get("source-form") or "none"
        src, tmpl = SOURCE_FORMS[form]
        if tmpl is None or not self.get("published"):
            return None
        return tmpl.format(date=human_date(self.get("published"),
                                           style or self.get("month-style")),
                           iso=self.get("published"))

    def summary_text(self):
        """The summary as the page shows it: with the date glued on when
        summary-date is "glued"."""
        s = self.get("summary")
        if s and self.get("summary-date") == "glued" and self.get("published"):
            s += human_date(self.get("published"), self.get("month-style"))
        return s

    def source(self):
        return SOURCE_FORMS[self.get("source-form") or "none"][0]

    # -- the truth ----------------------------------------------------

    def truth(self):
        """The doc record scio-parse --docs must give (without doc, url,
        urls, pages: those depend on where a rendering is written)."""
        turns, qa = [], 0
        for seq, t in enumerate(self.turns):
            if t.question:
                qa += 1
            role = self.role(t.label)
            turns.append({
                "seq": seq, "page": t.page, "speaker": t.label, "role": role,
                "outlet": t.label if role == "media" else None, "qa": qa,
                "text": "\n\n".join(txt for _, txt in t.paras),
                "speaker_title": self.title_of(t.label),
            })
        return {
            "kind": "conference" if self.is_node else "transcript",
            "title": self.get("title"), "category": self.get("category"),
            "summary": self.get("summary"), "source": self.source(),
            "published": self.get("published"), "date": self.get("date"),
            "time": self.get("time"), "place": self.get("place"),
            "zh_url": self.get("zh"),
            "speakers": [p.record() for p in self.speakers],
            "chair": [p.record() for p in self.chair],
            "turns": turns,
        }


def load_all(datadir):
    out = []
    for name in sorted(os.listdir(datadir)):
        if name.endswith(".txt"):
            out.append(Transcript(os.path.join(datadir, name)))
    return out


if __name__ == "__main__":
    import json
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    for t in load_all(os.path.join(here, "data")):
        sys.stdout.write(json.dumps(dict(t.truth(), file=t.file),
                                    ensure_ascii=False) + "\n")
