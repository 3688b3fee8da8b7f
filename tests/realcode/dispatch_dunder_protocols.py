"""How a late-bound client's Python protocols map onto a Python server's IDispatch.

Source: public GitHub Python COM servers that expose a default value and a collection
shape (``_value_``, ``Count``, ``Item``, ``_NewEnum`` with ``win32com.server.util.NewEnum``)
and the client code that uses them the Python way (``str(obj)``, ``int(obj)``, ``obj()``,
``len(obj)``, ``obj[i]``, ``for x in obj``, ``obj._FlagAsMethod("Refresh")``,
``repr(obj)``), rewritten with their calls and their order on objects wrapped with
``win32com.server.util.wrap`` and reached through ``win32com.client.Dispatch(ob,
"Inventory.Items")`` (the user name repr shows).
"""

import pythoncom
import win32com.client
import win32com.server.util


class Item:
    _public_methods_ = []
    _public_attrs_ = ["Name", "Qty"]

    def __init__(self, name, qty):
        self.Name = name
        self.Qty = qty

    def _value_(self):
        return f"{self.Name} x{self.Qty}"


class Items:
    _public_methods_ = ["Item", "_NewEnum", "Refresh"]
    _public_attrs_ = ["Count"]
    _readonly_attrs_ = ["Count"]

    def __init__(self, rows):
        self.rows = [win32com.server.util.wrap(Item(*row)) for row in rows]
        self.refreshed = 0

    @property
    def Count(self):
        return len(self.rows)

    def Item(self, index):
        if isinstance(index, int):
            return self.rows[index]
        for row in self.rows:
            if win32com.server.util.unwrap(row).Name == index:
                return row
        raise KeyError(index)

    def _NewEnum(self):
        return win32com.server.util.NewEnum(self.rows)

    def Refresh(self):
        self.refreshed += 1
        return self.refreshed


def main():
    pythoncom.CoInitialize()
    items = win32com.client.Dispatch(
        win32com.server.util.wrap(Items([("bolt", 10), ("nut", 25), ("washer", 3)])),
        "Inventory.Items",
    )
    print("repr:", repr(items))
    print("count:", items.Count, "len:", len(items))
    first = items.Item(0)
    print("item repr:", repr(first))
    print("str(item):", str(first))
    print("item():", first())
    print("by name:", items.Item("nut").Qty)
    print("index [1]:", items[1].Name)
    print("iterate:", [row.Name for row in items])
    try:
        print("index past end:", items[5])
    except IndexError as error:
        print("index past end: IndexError", error)
    except pythoncom.com_error as error:
        print("index past end: com_error", error.hresult)
    items._FlagAsMethod("Refresh")
    print("flagged method:", items.Refresh(), items.Refresh())
    print("bool:", bool(items))
    items = first = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
