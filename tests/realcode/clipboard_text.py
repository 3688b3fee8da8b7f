"""Copy a text to the clipboard and read it back, as small tools do.

Source: public GitHub files (search index ids 71292126090 ``copiar_texto``/``texto_copiado``,
52079140920 and 8625074565), kept with their calls and their order: ``OpenClipboard``,
``EmptyClipboard``, ``SetClipboardText(text, CF_UNICODETEXT)`` (and with no format),
``CloseClipboard`` in ``finally``, ``GetClipboardData(CF_UNICODETEXT)``; a clear with
``EmptyClipboard`` alone.
"""

import win32clipboard
import win32con


def copiar_texto(texto):
    win32clipboard.OpenClipboard()
    try:
        win32clipboard.EmptyClipboard()
        win32clipboard.SetClipboardText(texto, win32clipboard.CF_UNICODETEXT)
    finally:
        win32clipboard.CloseClipboard()


def texto_copiado():
    win32clipboard.OpenClipboard()
    try:
        return win32clipboard.GetClipboardData(win32clipboard.CF_UNICODETEXT)
    finally:
        win32clipboard.CloseClipboard()


def update_clipboard(content):
    win32clipboard.OpenClipboard()
    win32clipboard.EmptyClipboard()
    win32clipboard.SetClipboardText(content)
    win32clipboard.CloseClipboard()


def clear_clipboard():
    win32clipboard.OpenClipboard()
    win32clipboard.EmptyClipboard()
    win32clipboard.CloseClipboard()


def main():
    copiar_texto("área de transferência ✓")
    print(ascii(texto_copiado()))
    update_clipboard("plain text")
    print(ascii(texto_copiado()))
    win32clipboard.OpenClipboard()
    try:
        print("as CF_TEXT:", win32clipboard.GetClipboardData(win32con.CF_TEXT))
        print("available:", win32clipboard.IsClipboardFormatAvailable(win32con.CF_UNICODETEXT))
    finally:
        win32clipboard.CloseClipboard()
    clear_clipboard()
    try:
        print(ascii(texto_copiado()))
    except TypeError as error:
        # pywin32 raises TypeError, not pywintypes.error, for a format not on the clipboard.
        print("empty clipboard:", type(error).__name__, error)
    print("done")


if __name__ == "__main__":
    main()
