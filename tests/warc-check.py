#!/usr/bin/python3
"""Checks a WARC file's framing: each record is WARC/1.1, its head ends
with a blank line, Content-Length bytes of block follow, then CRLF CRLF;
a response block's own Content-Length matches its body."""
import sys


def main(path):
    data = open(path, "rb").read()
    pos = n = 0
    while pos < len(data):
        end = data.index(b"\r\n\r\n", pos)
        head = data[pos:end].decode()
        lines = head.split("\r\n")
        assert lines[0] == "WARC/1.1", lines[0]
        fields = dict(l.split(": ", 1) for l in lines[1:])
        length = int(fields["Content-Length"])
        block = data[end + 4:end + 4 + length]
        assert len(block) == length
        assert data[end + 4 + length:end + 8 + length] == b"\r\n\r\n"
        if fields["WARC-Type"] == "response":
            h, _, body = block.partition(b"\r\n\r\n")
            hl = [l for l in h.decode().split("\r\n") if l.lower().startswith("content-length:")]
            assert len(hl) == 1 and int(hl[0].split(":")[1]) == len(body), hl
        pos = end + 8 + length
        n += 1
    assert n > 0
    print("%d records" % n)


main(sys.argv[1])
