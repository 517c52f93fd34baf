#!/usr/bin/env python3
"""Checks that the echo meter answers on the modem side of the pty pair: exit 0 when a probe byte
comes back within a second, 1 otherwise. Leaves the line empty either way."""
import os, select, sys, termios, tty

fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
tty.setraw(fd)
termios.tcflush(fd, termios.TCIOFLUSH)
os.write(fd, b"\x55")
ready, _, _ = select.select([fd], [], [], 1.0)
ok = bool(ready) and os.read(fd, 16) == b"\x55"
os.close(fd)
sys.exit(0 if ok else 1)
