"""A Python dict handed to VBA-style code as a Scripting.Dictionary, and read back.

Source: public GitHub files that build a ``Scripting.Dictionary`` for a macro or a COM
server from a Python dict (``d = Dispatch("Scripting.Dictionary")``, then ``d.Add(k, str(v))``
in a loop; search "Dispatch(\"Scripting.Dictionary\")"), with the reading back such code does:
``Count``, ``Exists``, ``Item``, ``Keys()``, ``Items()``, ``Remove`` and the error a duplicate
``Add`` raises (scrrun's 457, "This key is already associated with an element of this
collection", as ``DISP_E_EXCEPTION``).
"""

from decimal import Decimal

import pythoncom
import pywintypes
import win32com.client
from win32com.client import Dispatch


def to_vba(record):
    d = Dispatch("Scripting.Dictionary")
    for k, v in list(record.items()):
        d.Add(k, str(v))
    return d


def main():
    pythoncom.CoInitialize()
    record = {
        "cod_moneda": "PES",
        "importe_total_fc": Decimal("12850000"),
        "saldo": Decimal("12850000"),
        "saldo_aceptado": Decimal("0"),
    }
    d = to_vba(record)
    print("count:", d.Count)
    print("keys:", list(d.Keys()))
    print("items:", list(d.Items()))
    print("exists saldo:", d.Exists("saldo"), "exists nada:", d.Exists("nada"))
    print("item saldo:", d.Item("saldo"), type(d.Item("saldo")).__name__)
    try:
        d.Add("saldo", "1")
    except pywintypes.com_error as error:
        hr, msg, exc, arg = error.args
        print("duplicate add:", hr, exc[5] if exc else None)
    d.Remove("saldo_aceptado")
    d.Add("total", 3)
    print("after:", d.Count, list(d.Keys()))
    print("total is", d.Item("total"), type(d.Item("total")).__name__)
    d.RemoveAll()
    print("emptied:", d.Count)
    print(isinstance(d, win32com.client.CDispatch))
    d = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
