"""Put a list of files on the clipboard as CF_HDROP, as Explorer's "copy" does, and read it back.

Source: public GitHub and StackOverflow answers on "python copy file to clipboard win32clipboard
CF_HDROP DROPFILES" (``struct.pack("Iiiii", 20, 0, 0, 0, 1)`` for a ``DROPFILES`` header with
``fWide`` set, the paths joined by NUL as UTF-16, a double NUL at the end, then
``OpenClipboard``, ``EmptyClipboard``, ``SetClipboardData(CF_HDROP, data)``,
``CloseClipboard``; reading back with ``IsClipboardFormatAvailable(CF_HDROP)`` and
``GetClipboardData(CF_HDROP)``, which pywin32 hands back as a tuple of paths), rewritten with
their calls and their order; also the ``Preferred DropEffect`` format Explorer reads to tell
a cut from a copy.
"""

import os
import struct
import tempfile

import win32clipboard
import win32con

DROPEFFECT_COPY = 1


def put_files(paths):
    header = struct.pack("Iiiii", 20, 0, 0, 0, 1)
    names = ("\0".join(paths) + "\0\0").encode("utf-16-le")
    effect = win32clipboard.RegisterClipboardFormat("Preferred DropEffect")
    win32clipboard.OpenClipboard()
    try:
        win32clipboard.EmptyClipboard()
        win32clipboard.SetClipboardData(win32con.CF_HDROP, header + names)
        win32clipboard.SetClipboardData(effect, struct.pack("I", DROPEFFECT_COPY))
    finally:
        win32clipboard.CloseClipboard()
    return effect


def main():
    folder = tempfile.mkdtemp()
    paths = []
    for name in ("report.txt", "data set.csv"):
        path = os.path.join(folder, name)
        with open(path, "w") as f:
            f.write(name)
        paths.append(path)
    effect = put_files(paths)
    print("hdrop available:", bool(win32clipboard.IsClipboardFormatAvailable(win32con.CF_HDROP)))
    win32clipboard.OpenClipboard()
    try:
        files = win32clipboard.GetClipboardData(win32con.CF_HDROP)
        raw_effect = win32clipboard.GetClipboardData(effect)
        print(
            "text available:",
            bool(win32clipboard.IsClipboardFormatAvailable(win32con.CF_UNICODETEXT)),
        )
    finally:
        win32clipboard.CloseClipboard()
    print("type:", type(files).__name__, "count:", len(files))
    print("same files:", [os.path.basename(p) for p in files], list(files) == paths)
    print("drop effect:", struct.unpack("I", raw_effect[:4])[0])
    win32clipboard.OpenClipboard()
    win32clipboard.EmptyClipboard()
    win32clipboard.CloseClipboard()
    for path in paths:
        os.remove(path)
    os.rmdir(folder)


main()
