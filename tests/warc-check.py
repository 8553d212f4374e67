#!/usr/bin/python3
"""warc-check.py: an independent reader of WARC files, written from the
WARC 1.1 specification (ISO 28500:2017) with Python's standard library
only, to check what scio-fetch --warc writes.

    warc-check.py [--list] [--payload URI] FILE

FILE is a .warc (records one after another) or a .warc.gz (told by its
first bytes, not its name), where each gzip member must hold exactly one
record.  For every record it checks:

  - the version line (WARC/1.1 or WARC/1.0);
  - the named fields (continuation lines allowed), and the mandatory ones:
    WARC-Record-ID (a <URI>, unique in the file), Content-Length,
    WARC-Date (W3C ISO 8601, UTC), WARC-Type (one of the eight the spec
    defines), Content-Type for a non-empty block, WARC-Target-URI where
    the type needs one, WARC-Profile for a revisit, and WARC-IP-Address,
    when there, an IPv4 or IPv6 address;
  - Content-Length bytes of block, then CRLF CRLF;
  - WARC-Block-Digest on every record and WARC-Payload-Digest on every
    response (sha1, sha256 or md5, base32 or hex), recomputed;
  - an application/http block: a request line or status line, headers, a
    blank line; a response's body matches its Content-Length (unless the
    record says WARC-Truncated) or its chunked framing;
  - a warcinfo block is application/warc-fields lines;
  - every response has its request (WARC-Concurrent-To, either way round,
    with the same WARC-Target-URI), and every WARC-Warcinfo-ID names a
    warcinfo record of the file.

It prints a summary whose first line is "N records: ..." and exits 0, or
names each problem on standard error and exits 1.  --list prints a line
per record (type, target URI, HTTP status, Content-Encoding) first;
--payload URI writes the payload of the last response for URI (the body
as sent, with its Content-Encoding) to standard output instead.
"""
import base64
import hashlib
import ipaddress
import re
import sys
import zlib

TYPES = {"warcinfo", "response", "resource", "request", "metadata",
         "revisit", "conversion", "continuation"}
NEEDS_URI = {"response", "resource", "request", "revisit", "conversion",
             "continuation"}
DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$")
RECORD_ID = re.compile(r"^<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]+>$")
TOKEN = re.compile(rb"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
STATUS = re.compile(rb"^HTTP/\d(\.\d)? (\d{3})( .*)?$")
REQUEST = re.compile(rb"^[A-Z]+ \S+ HTTP/\d(\.\d)?$")


class Bad(Exception):
    pass


def parse_fields(lines, what):
    """Named fields from header lines (bytes, no CRLF): a list of
    (name, value), continuation lines folded into the value."""
    fields = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and fields:
            name, value = fields[-1]
            fields[-1] = (name, value + " " + line.strip().decode("utf-8"))
            continue
        name, colon, value = line.partition(b":")
        if not colon or not TOKEN.match(name):
            raise Bad("%s: not a named field: %r" % (what, line[:80]))
        fields.append((name.decode("ascii"), value.strip().decode("utf-8")))
    return fields


def field(fields, name):
    for n, v in fields:
        if n.lower() == name.lower():
            return v
    return None


def check_digest(label, data, what):
    algo, colon, value = label.partition(":")
    if not colon:
        raise Bad("%s: not ALGORITHM:VALUE: %r" % (what, label))
    try:
        h = hashlib.new(algo.lower(), data).digest()
    except ValueError:
        raise Bad("%s: unknown digest algorithm %r" % (what, algo))
    if value.upper() == base64.b32encode(h).decode() or value.lower() == h.hex():
        return
    raise Bad("%s: %s does not match the data (%s)" % (what, label,
              "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()))


def dechunk(body, what):
    out, pos = [], 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            raise Bad("%s: chunked body cut short" % what)
        size = int(body[pos:eol].split(b";")[0], 16)
        pos = eol + 2
        if size == 0:
            return b"".join(out)
        if body[pos + size:pos + size + 2] != b"\r\n":
            raise Bad("%s: chunk not ended by CRLF" % what)
        out.append(body[pos:pos + size])
        pos += size + 2


def http_message(block, msgtype, truncated, what):
    """(start line, header fields, payload) of an application/http block."""
    end = block.find(b"\r\n\r\n")
    if end < 0:
        raise Bad("%s: HTTP head not ended by a blank line" % what)
    lines = block[:end].split(b"\r\n")
    start, body = lines[0], block[end + 4:]
    if msgtype == "response" and not STATUS.match(start):
        raise Bad("%s: not an HTTP status line: %r" % (what, start[:80]))
    if msgtype == "request" and not REQUEST.match(start):
        raise Bad("%s: not an HTTP request line: %r" % (what, start[:80]))
    fields = parse_fields(lines[1:], what)
    if msgtype == "request":
        if body:
            raise Bad("%s: a GET request with a body" % what)
        return start, fields, body
    te = (field(fields, "Transfer-Encoding") or "").lower()
    cl = field(fields, "Content-Length")
    code = int(STATUS.match(start).group(2))
    if "chunked" in te:
        body = dechunk(body, what)
    elif cl is not None and not truncated and code not in (204, 304) and \
            code // 100 != 1 and int(cl) != len(body):
        raise Bad("%s: HTTP Content-Length %s, body %d bytes" % (what, cl, len(body)))
    if truncated and cl is not None and int(cl) <= len(body):
        raise Bad("%s: WARC-Truncated, yet the body is whole" % what)
    return start, fields, body


def read_record(data, pos, what):
    """One record at data[pos:]: (fields, block, end offset)."""
    end = data.find(b"\r\n\r\n", pos)
    if end < 0:
        raise Bad("%s: a record head not ended by a blank line" % what)
    lines = data[pos:end].split(b"\r\n")
    if lines[0] not in (b"WARC/1.1", b"WARC/1.0"):
        raise Bad("%s: not a WARC version line: %r" % (what, lines[0][:40]))
    fields = parse_fields(lines[1:], what)
    for name in ("WARC-Record-ID", "Content-Length", "WARC-Date", "WARC-Type"):
        if field(fields, name) is None:
            raise Bad("%s: no %s" % (what, name))
    length = field(fields, "Content-Length")
    if not length.isdigit():
        raise Bad("%s: Content-Length %r" % (what, length))
    start, stop = end + 4, end + 4 + int(length)
    if stop + 4 > len(data):
        raise Bad("%s: ends inside its block (torn)" % what)
    if data[stop:stop + 4] != b"\r\n\r\n":
        raise Bad("%s: block not followed by CRLF CRLF" % what)
    return fields, data[start:stop], stop + 4


def records(data):
    """(offset, fields, block) of every record; gzip: one member each."""
    if data[:2] != b"\x1f\x8b":
        pos = 0
        while pos < len(data):
            fields, block, nxt = read_record(data, pos, "record at byte %d" % pos)
            yield pos, fields, block
            pos = nxt
        return
    pos = 0
    while pos < len(data):
        what = "gzip member at byte %d" % pos
        d = zlib.decompressobj(31)
        try:
            member = d.decompress(data[pos:])
        except zlib.error as e:
            raise Bad("%s: %s" % (what, e))
        if not d.eof:
            raise Bad("%s: ends inside the member (torn)" % what)
        fields, block, nxt = read_record(member, 0, what)
        if nxt != len(member):
            raise Bad("%s: holds more than one record" % what)
        yield pos, fields, block
        pos = len(data) - len(d.unused_data)


def main(argv):
    listing, want_payload, args = False, None, []
    it = iter(argv)
    for a in it:
        if a == "--list":
            listing = True
        elif a == "--payload":
            want_payload = next(it)
        else:
            args.append(a)
    if len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    path = args[0]
    data = open(path, "rb").read()
    gz = data[:2] == b"\x1f\x8b"
    if path.endswith(".gz") and not gz and data:
        print("%s: a .gz name, but not gzip" % path, file=sys.stderr)
        return 1
    counts, ids, infos = {}, set(), set()
    requests, responses = {}, {}     # id -> (uri, concurrent-to)
    linked = set()
    problems, ndigest, npayload = [], 0, 0
    encoded, chunked, truncated_n, payload = {}, 0, 0, None
    n = 0
    try:
        for pos, fields, block in records(data):
            n += 1
            what = "%s: record %d at byte %d" % (path, n, pos)
            rtype, rid = field(fields, "WARC-Type"), field(fields, "WARC-Record-ID")
            uri = field(fields, "WARC-Target-URI")
            try:
                if rtype not in TYPES:
                    raise Bad("%s: unknown WARC-Type %r" % (what, rtype))
                if not RECORD_ID.match(rid):
                    raise Bad("%s: WARC-Record-ID %r is not a <URI>" % (what, rid))
                if rid in ids:
                    raise Bad("%s: WARC-Record-ID %s used twice" % (what, rid))
                ids.add(rid)
                if not DATE.match(field(fields, "WARC-Date")):
                    raise Bad("%s: WARC-Date %r" % (what, field(fields, "WARC-Date")))
                ctype = field(fields, "Content-Type")
                if block and ctype is None and rtype != "continuation":
                    raise Bad("%s: no Content-Type" % what)
                if rtype in NEEDS_URI and not uri:
                    raise Bad("%s: a %s without WARC-Target-URI" % (what, rtype))
                if rtype == "revisit" and field(fields, "WARC-Profile") is None:
                    raise Bad("%s: a revisit without WARC-Profile" % what)
                ip = field(fields, "WARC-IP-Address")
                if ip is not None:
                    try:
                        ipaddress.ip_address(ip)
                    except ValueError:
                        raise Bad("%s: WARC-IP-Address %r" % (what, ip))
                wid = field(fields, "WARC-Warcinfo-ID")
                if wid is not None and wid not in infos:
                    raise Bad("%s: WARC-Warcinfo-ID %s names no earlier warcinfo" % (what, wid))
                bd = field(fields, "WARC-Block-Digest")
                if bd is None:
                    raise Bad("%s: no WARC-Block-Digest" % what)
                check_digest(bd, block, what + ": WARC-Block-Digest")
                ndigest += 1
                counts[rtype] = counts.get(rtype, 0) + 1
                if rtype == "warcinfo":
                    if ctype != "application/warc-fields":
                        raise Bad("%s: warcinfo of Content-Type %r" % (what, ctype))
                    if not block.endswith(b"\r\n"):
                        raise Bad("%s: warcinfo fields not ended by CRLF" % what)
                    parse_fields(block[:-2].split(b"\r\n"), what)
                    infos.add(rid)
                    if listing:
                        print("warcinfo")
                    continue
                http = ctype is not None and ctype.replace(" ", "").startswith("application/http")
                if rtype in ("request", "response") and http:
                    msgtype = "request" if rtype == "request" else "response"
                    trunc = field(fields, "WARC-Truncated") is not None
                    start, hfields, body = http_message(block, msgtype, trunc, what)
                    link = field(fields, "WARC-Concurrent-To")
                    if rtype == "request":
                        requests[rid] = (uri, link)
                    else:
                        responses[rid] = (uri, link)
                        pd = field(fields, "WARC-Payload-Digest")
                        if pd is None:
                            raise Bad("%s: a response without WARC-Payload-Digest" % what)
                        check_digest(pd, body, what + ": WARC-Payload-Digest")
                        npayload += 1
                        ce = field(hfields, "Content-Encoding")
                        if ce:
                            encoded[ce.lower()] = encoded.get(ce.lower(), 0) + 1
                        if field(hfields, "X-Scio-Transfer-Encoding") or \
                                "chunked" in (field(hfields, "Transfer-Encoding") or ""):
                            chunked += 1
                        truncated_n += trunc
                        if want_payload is not None and uri == want_payload:
                            payload = body
                    if listing:
                        status = start.split(b" ")[1].decode() if rtype == "response" else "-"
                        print("%s %s %s %s" % (rtype, uri, status,
                              field(hfields, "Content-Encoding") or "-"))
                elif listing:
                    print("%s %s" % (rtype, uri or "-"))
            except Bad as e:
                problems.append(str(e))
    except Bad as e:
        problems.append("%s: %s" % (path, e))
    for rid, (uri, link) in requests.items():
        if link in responses:
            if responses[link][0] != uri:
                problems.append("%s: request %s and response %s name different URIs"
                                % (path, rid, link))
            linked.add(link)
    for rid, (uri, link) in responses.items():
        if link in requests and requests[link][0] == uri:
            linked.add(rid)
        if rid not in linked:
            problems.append("%s: response %s (%s) has no request" % (path, rid, uri))
    if n == 0:
        problems.append("%s: no records" % path)
    for p in problems[:40]:
        print("warc-check: " + p, file=sys.stderr)
    if problems:
        return 1
    if want_payload is not None:
        if payload is None:
            print("warc-check: %s: no response for %s" % (path, want_payload), file=sys.stderr)
            return 1
        sys.stdout.buffer.write(payload)
        return 0
    print("%d records: %s" % (n, ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    print("format: %s" % ("gzip, one member per record" if gz else "plain"))
    print("digests verified: %d block, %d payload" % (ndigest, npayload))
    print("responses: %d, content-encoded %d%s, chunked %d, truncated %d" % (
        len(responses), sum(encoded.values()),
        "".join(" (%s %d)" % kv for kv in sorted(encoded.items())),
        chunked, truncated_n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
