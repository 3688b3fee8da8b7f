"""Run pywin32's ``win32comport_demo.py`` (its SerialTTY, unchanged) on COM3, a pty pair.

Run by ``test_comm.test_pywin32_comport_demo_talks_over_the_cable`` with
``python -m apartment run``. This driver is the cable's other end and the user: it maps COM3
to a new pty, types "hi" (the demo sends it down the cable), sends "hello" up the cable (the
demo writes it to its terminal), then types Ctrl+C, which ends the demo. Two things stand in:
the keyboard (the facade's msvcrt has no getch) and the terminal, which takes the bytes the
demo writes to ``sys.stdout`` (Python 3's text stdout refuses them, on Windows too).
"""

from __future__ import annotations

import os
import queue
import runpy
import select
import sys
import threading
import types

master, slave = os.openpty()
os.environ["APARTMENT_COMPORTS"] = f"COM3={os.ttyname(slave)}"
keys: queue.Queue[bytes] = queue.Queue()
shown = bytearray()
hello_shown = threading.Event()


class Keyboard:
    """The user's keys, as msvcrt.getch gives them."""

    @staticmethod
    def getch() -> bytes:
        return keys.get(timeout=60)


class Terminal:
    """The demo's terminal: what it writes there is kept."""

    def write(self, data: object) -> None:
        shown.extend(bytes(data))  # type: ignore[call-overload]
        if b"hello" in shown:
            hello_shown.set()

    def close(self) -> None:
        pass


demo = runpy.run_path(sys.argv[1], run_name="comport_demo")
demo["SerialTTY"].__init__.__globals__["msvcrt"] = Keyboard
demo["SerialTTY"].__init__.__globals__["sys"] = types.SimpleNamespace(stdout=Terminal())
tty = demo["SerialTTY"]("COM3")
runner = threading.Thread(target=tty.Run)
runner.start()
keys.put(b"h")
keys.put(b"i")
sent = b""
while len(sent) < 2:
    if not select.select([master], [], [], 30)[0]:
        sys.exit("the typed keys never came down the cable")
    sent += os.read(master, 2 - len(sent))
os.write(master, b"hello")
if not hello_shown.wait(30):
    sys.exit(f"the terminal shows {bytes(shown)!r}, not hello")
keys.put(b"\x03")  # Ctrl+C: the demo stops
runner.join(60)
if runner.is_alive():
    sys.exit("the demo did not stop")
os.close(slave)
os.close(master)
print(f"sent {sent!r}, shown {bytes(shown)!r}")
