"""Printers listed the way print helpers do: EnumPrinters at levels 1, 2 and 4, the default.

Source: public GitHub print helpers (search "win32print.EnumPrinters(win32print.PRINTER_ENUM_LOCAL
| win32print.PRINTER_ENUM_CONNECTIONS" and "win32print.GetDefaultPrinter()"), rewritten with
their calls and their order: ``EnumPrinters(flags, None, 1)`` as (flags, description, name,
comment) tuples, level 2 and 4 dicts, ``GetDefaultPrinter``, and for each printer
``OpenPrinter``, ``GetPrinter(h, 2)`` and ``ClosePrinter``; the error of a printer that is
not there.
"""

import pywintypes
import win32print


def main():
    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    print("flags:", flags)
    level1 = win32print.EnumPrinters(flags, None, 1)
    print("level 1 is a tuple:", type(level1).__name__)
    for item in level1:
        print("  shape:", type(item).__name__, len(item))
    level2 = win32print.EnumPrinters(flags, None, 2)
    print("level 2 count matches:", len(level2) == len(level1))
    level4 = win32print.EnumPrinters(flags, None, 4)
    print("level 4 keys:", sorted(level4[0]) if level4 else None)
    try:
        default = win32print.GetDefaultPrinter()
        print("default is str:", isinstance(default, str))
    except RuntimeError as exc:
        print("no default printer:", exc)
    for item in level1:
        h = win32print.OpenPrinter(item[2])
        info = win32print.GetPrinter(h, 2)
        print("  printer name matches:", info["pPrinterName"] == item[2])
        win32print.ClosePrinter(h)
    try:
        win32print.OpenPrinter("No Such Printer 123")
    except pywintypes.error as exc:
        print("missing printer:", exc.winerror, exc.funcname)


main()
