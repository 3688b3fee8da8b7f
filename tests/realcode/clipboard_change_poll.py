"""Poll the clipboard for a new text with GetClipboardSequenceNumber, as clipboard loggers do.

Source: public GitHub clipboard monitors (``last = GetClipboardSequenceNumber()`` then a loop
that, when the number changes, opens the clipboard, checks ``IsClipboardFormatAvailable(
CF_UNICODETEXT)``, reads ``GetClipboardData`` and closes it; and clipboard "sync" scripts that
``OpenClipboard``, ``EmptyClipboard``, ``SetClipboardData(CF_UNICODETEXT, text)``,
``CloseClipboard``), rewritten with those calls in that order. The loop runs three rounds
against a writer thread that sets a text each round after the loop has seen the previous one;
then the formats on the clipboard are listed with ``EnumClipboardFormats``.
"""

import threading
import time

import win32clipboard
import win32con

seen = threading.Event()
written = threading.Event()


def writer(texts):
    for text in texts:
        seen.wait(30)
        seen.clear()
        win32clipboard.OpenClipboard()
        try:
            win32clipboard.EmptyClipboard()
            win32clipboard.SetClipboardData(win32con.CF_UNICODETEXT, text)
        finally:
            win32clipboard.CloseClipboard()
        written.set()


def read_text():
    win32clipboard.OpenClipboard()
    try:
        if win32clipboard.IsClipboardFormatAvailable(win32con.CF_UNICODETEXT):
            return win32clipboard.GetClipboardData(win32con.CF_UNICODETEXT)
        return None
    finally:
        win32clipboard.CloseClipboard()


def main():
    texts = ["first copy", "second copy", "third ✓"]
    t = threading.Thread(target=writer, args=(texts,))
    t.start()
    last = win32clipboard.GetClipboardSequenceNumber()
    print("sequence is an int:", isinstance(last, int))
    seen.set()
    got = []
    deadline = time.time() + 60
    while len(got) < len(texts) and time.time() < deadline:
        written.wait(30)
        written.clear()
        current = win32clipboard.GetClipboardSequenceNumber()
        if current != last:
            got.append((current > last, ascii(read_text())))
            last = current
        seen.set()
    t.join(30)
    for row in got:
        print("changed:", *row)
    print("no change when read:", win32clipboard.GetClipboardSequenceNumber() == last)
    win32clipboard.OpenClipboard()
    try:
        formats = []
        fmt = win32clipboard.EnumClipboardFormats(0)
        while fmt:
            formats.append(fmt)
            fmt = win32clipboard.EnumClipboardFormats(fmt)
        print("first format:", formats[0], "CF_TEXT made too:", win32con.CF_TEXT in formats)
        print("count:", win32clipboard.CountClipboardFormats() == len(formats))
        win32clipboard.EmptyClipboard()
    finally:
        win32clipboard.CloseClipboard()
    print("emptied, text:", read_text())


if __name__ == "__main__":
    main()
