#!/usr/bin/python3
"""on-pty.py COLUMNS COMMAND...: runs COMMAND on a pseudo-terminal of COLUMNS
columns and 24 lines, and writes what it printed (CR LF as LF) to stdout;
exits with the command's status."""
import fcntl, os, pty, struct, sys, termios

cols = int(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
    os.execvp(sys.argv[2], sys.argv[2:])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
sys.exit(os.waitstatus_to_exitcode(status))
