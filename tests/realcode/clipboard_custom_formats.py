"""Several formats on the clipboard at once: text, Unicode text, a registered format and HTML.

Source: public GitHub clipboard helpers (search "win32clipboard.RegisterClipboardFormat(\"HTML
Format\")", "EnumClipboardFormats GetClipboardFormatName", "SetClipboardData(CF_UNICODETEXT");
and the well-known HtmlClipboard recipe's header with ``StartHTML``/``EndHTML`` offsets),
rewritten with their calls and their order: ``OpenClipboard``, ``EmptyClipboard``,
``SetClipboardData`` of ``CF_UNICODETEXT``, a private registered format carrying bytes and the
"HTML Format" with its header, ``CloseClipboard``; then ``EnumClipboardFormats`` walked from 0,
``GetClipboardFormatName`` for the registered ones, the HTML fragment cut out by its offsets,
``IsClipboardFormatAvailable``, the synthesized ``CF_TEXT``, and the error of
``GetClipboardFormatName`` for a predefined format.
"""

import pywintypes
import win32clipboard as cb
import win32con


def html_payload(fragment):
    header = (
        "Version:0.9\r\nStartHTML:{0:08d}\r\nEndHTML:{1:08d}\r\n"
        "StartFragment:{2:08d}\r\nEndFragment:{3:08d}\r\n"
    )
    prefix = "<html><body><!--StartFragment-->"
    suffix = "<!--EndFragment--></body></html>"
    empty = header.format(0, 0, 0, 0)
    start_html = len(empty)
    start_frag = start_html + len(prefix)
    end_frag = start_frag + len(fragment)
    end_html = end_frag + len(suffix)
    return (
        header.format(start_html, end_html, start_frag, end_frag) + prefix + fragment + suffix
    ).encode("utf-8")


def main():
    cf_html = cb.RegisterClipboardFormat("HTML Format")
    cf_private = cb.RegisterClipboardFormat("Realcode.Private")
    print("registered are above 0xC000:", cf_html >= 0xC000, cf_private >= 0xC000)
    print("registering again gives the same:", cb.RegisterClipboardFormat("HTML Format") == cf_html)
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.SetClipboardData(win32con.CF_UNICODETEXT, "plain text")
    cb.SetClipboardData(cf_private, b"\x00\x01private")
    cb.SetClipboardData(cf_html, html_payload("<b>bold</b>"))
    cb.CloseClipboard()

    cb.OpenClipboard()
    formats = []
    fmt = cb.EnumClipboardFormats(0)
    while fmt:
        formats.append(fmt)
        fmt = cb.EnumClipboardFormats(fmt)
    print(
        "set formats listed:",
        all(f in formats for f in (win32con.CF_UNICODETEXT, cf_private, cf_html)),
    )
    print("names:", cb.GetClipboardFormatName(cf_html), cb.GetClipboardFormatName(cf_private))
    print("private data:", cb.GetClipboardData(cf_private))
    raw = cb.GetClipboardData(cf_html)
    text = raw.decode("utf-8")
    start = int(text.split("StartFragment:")[1][:8])
    end = int(text.split("EndFragment:")[1][:8])
    print("fragment:", raw[start:end].decode("utf-8"))
    print("unicode:", cb.GetClipboardData(win32con.CF_UNICODETEXT))
    print(
        "CF_TEXT synthesized:",
        cb.IsClipboardFormatAvailable(win32con.CF_TEXT),
        cb.GetClipboardData(win32con.CF_TEXT),
    )
    print("bitmap available:", cb.IsClipboardFormatAvailable(win32con.CF_BITMAP))
    try:
        cb.GetClipboardFormatName(win32con.CF_TEXT)
    except pywintypes.error as exc:
        print("name of CF_TEXT:", exc.winerror, exc.funcname)
    cb.EmptyClipboard()
    cb.CloseClipboard()


main()
