#!/usr/bin/env python3
"""An echo 'meter' on a pseudo-terminal: every byte read is written back at once (raw mode)."""
import os, sys, termios, tty

fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
tty.setraw(fd)
attrs = termios.tcgetattr(fd)
attrs[3] &= ~termios.ECHO
termios.tcsetattr(fd, termios.TCSANOW, attrs)
while True:
    data = os.read(fd, 65536)
    if not data:
        break
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]
