"""Money and dates kept in a Scripting.Dictionary: Decimal as currency, datetime as DATE.

Source: blog posts and answers on keeping typed values in VBScript-style dictionaries from
Python (search "Scripting.Dictionary" "decimal.Decimal" "pywintypes.Time" win32com), and
pywin32's docs on conversions (a ``Decimal`` goes as VT_CY, a ``datetime`` as VT_DATE, a
date comes back as a timezone-aware ``pywintypes.datetime``): prices added with ``Add``,
summed back, a value read through the default property (``d[key]``), a VARIANT(VT_DECIMAL)
stored, a date stored and read back, ``Exists``, ``Keys()``/``Items()`` as tuples, ``Count``,
the currency a Decimal becomes (ten-thousandths, read back with no trailing zeros:
2.10 is 2.1), a date as a key (found again by the same date: keys compare as the number a
VT_DATE is), and the error of adding a key twice (VB error 457 as the excepinfo's scode).
"""

import datetime
import decimal

import pythoncom
import pywintypes
import win32com.client
from win32com.client import VARIANT


def main():
    prices = win32com.client.Dispatch("Scripting.Dictionary")
    prices.Add("apple", decimal.Decimal("0.45"))
    prices.Add("bread", decimal.Decimal("2.10"))
    prices.Add("cheese", decimal.Decimal("7.3333"))
    total = decimal.Decimal(0)
    for key in prices.Keys():
        value = prices.Item(key)
        print(key, type(value).__name__, value)
        total += value
    print("total:", total)
    prices.Add("wine", decimal.Decimal("12.99"))
    print("wine:", prices["wine"], prices.Count)
    prices.Add("exact", VARIANT(pythoncom.VT_DECIMAL, decimal.Decimal("1.0000000001")))
    exact = prices.Item("exact")
    print("exact:", type(exact).__name__, exact)
    print("rounded cy:", prices.Item("cheese") * 3)

    when = win32com.client.Dispatch("Scripting.Dictionary")
    when.Add("created", datetime.datetime(2021, 6, 1, 8, 30, 15))
    when.Add("pytime", pywintypes.Time(datetime.datetime(1999, 12, 31, 23, 59, 59)))
    when.Add(datetime.datetime(2000, 1, 1), "millennium")
    created = when.Item("created")
    print(
        "created:",
        type(created).__name__,
        created.year,
        created.month,
        created.day,
        created.hour,
        created.minute,
        created.second,
    )
    print("created iso:", created.isoformat(" ")[:19])
    print("pytime:", when.Item("pytime").strftime("%Y-%m-%d %H:%M:%S"))
    print("date key:", when.Exists(datetime.datetime(2000, 1, 1)))
    print("items:", len(when.Items()), type(when.Items()).__name__)
    print("has bread:", prices.Exists("bread"), "has milk:", prices.Exists("milk"))
    try:
        prices.Add("apple", decimal.Decimal("0.50"))
    except pythoncom.com_error as error:
        hr, msg, exc, arg = error.args
        print("duplicate:", hr, hex(exc[5] & 0xFFFFFFFF))


if __name__ == "__main__":
    main()
