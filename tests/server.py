#!/usr/bin/python3
"""A test HTTP server for scio-fetch: serves a fixture site on 127.0.0.1
and misbehaves on purpose under /fault/.  Standard library only.

    server.py --root DIR [--port N] [--delay SECONDS] [--log FILE]

Prints the port it listens on, then serves until killed.  Every request
is logged as one JSON line to --log (when given).
"""
import argparse
import email.utils
import gzip
import hashlib
import json
import os
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HITS = {}
LOCK = threading.Lock()
BOMB = None


def hit(key):
    with LOCK:
        HITS[key] = HITS.get(key, 0) + 1
        return HITS[key]


def page(title, body):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            "<title>%s</title></head>\n<body><h1>%s</h1>\n%s\n</body></html>\n"
            % (title, title, body)).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "scio-test"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def send_body(self, code, body, ctype="text/html; charset=utf-8",
                  headers=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        if self.server.log:
            with LOCK, open(self.server.log, "a") as f:
                f.write(json.dumps({
                    "t": time.time(), "path": self.path,
                    "ua": self.headers.get("User-Agent"),
                    "inm": self.headers.get("If-None-Match"),
                    "ims": self.headers.get("If-Modified-Since"),
                    "from": self.headers.get("From"),
                }) + "\n")
        if self.server.delay:
            time.sleep(self.server.delay)
        if url.path.startswith("/fault/"):
            return self.fault(url.path[7:], q)
        if url.path.startswith("/bench/"):
            return self.bench(url.path)
        return self.static(url.path, q)

    def static(self, path, q):
        rel = os.path.normpath(urllib.parse.unquote(path)).lstrip("/")
        full = os.path.join(self.server.root, rel)
        if path.endswith("/") and os.path.isdir(full):
            full = os.path.join(full, "index.html")
        # FILE.status beside a path (a test's robots.txt, say) answers
        # for it: "CODE [LOCATION]", or "reset" for a connection cut short.
        if not rel.startswith("..") and os.path.isfile(full + ".status"):
            with open(full + ".status") as f:
                status = f.read().split()
            if status[0] == "reset":
                return self.reset()
            headers = [("Location", status[1])] if len(status) > 1 else []
            return self.send_body(int(status[0]),
                                  page("Status " + status[0], "<p>As asked.</p>"),
                                  headers=headers)
        if rel.startswith("..") or not os.path.isfile(full):
            return self.send_body(404, page("Not found", "<p>No such page.</p>"))
        with open(full, "rb") as f:
            body = f.read()
        ctype = "text/html; charset=utf-8"
        if os.path.exists(full + ".ctype"):
            with open(full + ".ctype") as f:
                ctype = f.read().strip()
        mtime = int(os.path.getmtime(full))
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        lm = email.utils.formatdate(mtime, usegmt=True)
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = inm == etag
        elif ims is not None:
            t = email.utils.parsedate_to_datetime(ims).timestamp()
            fresh = mtime <= t
        headers = [("ETag", etag), ("Last-Modified", lm)]
        if fresh:
            self.send_response(304)
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            return
        if q.get("gz") and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        if q.get("chunked"):
            return self.send_chunked(body, ctype, headers)
        self.send_body(200, body, ctype, headers)

    def send_chunked(self, body, ctype, headers):
        """A 200 in chunks of 100 bytes (Transfer-Encoding: chunked)."""
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for i in range(0, len(body), 100):
            part = body[i:i + 100]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
        self.wfile.write(b"0\r\n\r\n")

    def bench(self, path):
        name = path.rsplit("/", 1)[-1]
        text = "<p>Invented briefing text for the benchmark.</p>\n" * 120
        self.send_body(200, page("Bench " + name, text))

    def reset(self):
        """Half a body, then the connection reset."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "5000")
        self.end_headers()
        self.wfile.write(b"<html><body>" + b"x" * 100)
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.close_connection = True

    def fault(self, name, q):
        key = name + "?" + q.get("id", "")
        if name == "flaky":
            if hit(key) == 1:
                return self.send_body(500, page("Error", "<p>Try later.</p>"))
            return self.send_body(200, page("Flaky", "<p>Second time lucky.</p>"))
        if name == "always500":
            return self.send_body(500, page("Error", "<p>Broken.</p>"))
        if name == "retry-after":
            secs = int(q.get("secs", "1"))
            if hit(key) == 1:
                ra = str(secs)
                if q.get("date"):
                    ra = email.utils.formatdate(time.time() + secs + 1, usegmt=True)
                return self.send_body(503, page("Busy", "<p>Later.</p>"),
                                      headers=[("Retry-After", ra)])
            return self.send_body(200, page("Ready", "<p>Served after waiting.</p>"))
        if name == "429":
            if hit(key) == 1:
                return self.send_body(429, page("Slow down", "<p>Too many.</p>"),
                                      headers=[("Retry-After", q.get("secs", "1"))])
            return self.send_body(200, page("Allowed", "<p>Thanks for waiting.</p>"))
        if name == "304":
            # Not Modified, whether or not the request was conditional.
            self.send_response(304)
            self.send_header("ETag", '"never"')
            self.end_headers()
            return
        if name == "404":
            return self.send_body(404, page("Not found", "<p>Gone.</p>"))
        if name == "hang":
            time.sleep(float(q.get("secs", "5")))
            return self.send_body(200, page("Late", "<p>Too late.</p>"))
        if name == "reset":
            return self.reset()
        if name == "chunked-truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<html><body><p>half a page"
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()
            self.close_connection = True
            return
        if name == "loop":
            return self.send_body(302, b"", headers=[("Location", "/fault/loop")])
        if name == "to-file":
            return self.send_body(302, b"", headers=[("Location", "file:///etc/passwd")])
        if name == "redirect":
            body = page("Moved", "<p>Moved.</p>") if q.get("body") else b""
            return self.send_body(301, body, headers=[("Location", q.get("to", "/"))])
        if name == "big":
            n = int(q.get("n", "1000000"))
            return self.send_body(200, b"<html><body>" + b"y" * n)
        if name == "bomb":
            global BOMB
            with LOCK:
                if BOMB is None:
                    BOMB = gzip.compress(b"\0" * (64 << 20), 9)
            return self.send_body(200, BOMB, headers=[("Content-Encoding", "gzip")])
        if name == "badgzip":
            return self.send_body(200, b"not gzip at all",
                                  headers=[("Content-Encoding", "gzip")])
        if name == "brotli":
            return self.send_body(200, b"\x0b\x02\x80hello\x03",
                                  headers=[("Content-Encoding", "br")])
        if name == "drip":
            n = int(q.get("n", "100"))
            every = float(q.get("every", "0.5"))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            try:
                for _ in range(n):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(every)
            except OSError:
                pass
            self.close_connection = True
            return
        if name == "hits":
            with LOCK:
                body = json.dumps(HITS, sort_keys=True).encode()
            return self.send_body(200, body, "application/json")
        return self.send_body(404, page("Unknown fault", "<p>%s</p>" % name))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--log")
    ap.add_argument("--port", type=int, default=0)
    a = ap.parse_args()
    srv = Server(("127.0.0.1", a.port), Handler)
    srv.root = os.path.abspath(a.root)
    srv.delay = a.delay
    srv.log = a.log
    print(srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
