"""A program that runs once per session and hands its arguments to the copy that runs.

The other Windows idiom for a single instance: the first copy makes a hidden window of a
class of its own; a later copy finds that window with FindWindow (windows are seen by every
process of the session), sends its command line to it with WM_COPYDATA (whose bytes Windows
copies into the first copy's memory) and exits. The first copy prints what it is handed;
``--quit`` handed over ends it.

    python -m apartment run examples/single_instance_window.py            # the first copy
    python -m apartment run examples/single_instance_window.py a b c      # hands a b c over
    python -m apartment run examples/single_instance_window.py --quit     # ends the first copy

(Two copies started at the same instant could both find no window: a program that must rule
that out takes a named mutex first, as examples/single_instance.py does.)
"""

from __future__ import annotations

import array
import struct
import sys

import win32con
import win32gui

CLASS_NAME = "apartment-example-single-instance-window"
ARGUMENTS = 0x41524753  # COPYDATASTRUCT.dwData: what the bytes are ("ARGS")
COPYDATASTRUCT = "PLP"  # dwData (ULONG_PTR), cbData (DWORD), lpData (pointer)


def hand_over(hwnd: int, args: list[str]) -> int:
    """Send ``args`` to the window of the running copy; returns its procedure's answer."""
    data = array.array("b", "\0".join(args).encode("utf-8"))
    address, length = data.buffer_info()
    packed = struct.pack(COPYDATASTRUCT, ARGUMENTS, length, address)
    result: int = win32gui.SendMessage(hwnd, win32con.WM_COPYDATA, 0, packed)
    return result


def window_procedure(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
    """The first copy's window procedure (its main thread runs it, inside PumpMessages)."""
    if msg == win32con.WM_COPYDATA:
        size = struct.calcsize(COPYDATASTRUCT)
        kind, length, address = struct.unpack(COPYDATASTRUCT, win32gui.PyGetMemory(lparam, size))
        if kind != ARGUMENTS:
            return 0
        text = bytes(win32gui.PyGetMemory(address, length)).decode("utf-8") if length else ""
        args = text.split("\0") if text else []
        print(f"Handed over: {args}", flush=True)
        if args == ["--quit"]:
            win32gui.PostQuitMessage(0)
        return 1
    result: int = win32gui.DefWindowProc(hwnd, msg, wparam, lparam)
    return result


def first_copy(args: list[str]) -> int:
    """Make the window the next copies look for, then serve them until --quit."""
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = CLASS_NAME
    wc.lpfnWndProc = window_procedure
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(CLASS_NAME, "single instance", 0, 0, 0, 0, 0, 0, 0, 0, None)
    print(f"The first copy (arguments {args}): waiting for the next ones.", flush=True)
    win32gui.PumpMessages()
    win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(atom, 0)
    print("Done.")
    return 0


def main(args: list[str]) -> int:
    hwnd = win32gui.FindWindow(CLASS_NAME, None)
    if not hwnd:
        return first_copy(args)
    if hand_over(hwnd, args) != 1:
        print("The running copy did not take the arguments.")
        return 1
    print(f"Handed {args} to the running copy; this one exits.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
