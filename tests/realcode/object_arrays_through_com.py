"""Lists of COM objects through COM: arrays of IDispatch in, out, and in a VARIANT.

Source: the automation scripts that hand a collection of objects to a method and get one
back (a "layers" or "shapes" list: ``obj.SetItems([a, b, c])``, ``items = obj.GetItems()``,
``VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_DISPATCH, [...])`` when the callee insists on a
typed array), rewritten against Python COM servers of their own: what the server receives for a
list of wrapped objects (a tuple of PyIDispatch), what the client gets back (a tuple of
CDispatch it can call), a typed VT_DISPATCH array and a VT_VARIANT array mixing objects with
numbers and None, nested lists (a 2-level tuple), and ``unwrap`` on the server side to reach
the Python objects behind the pointers.
"""

import pythoncom
import win32com.client
import win32com.server.util
from win32com.client import VARIANT


class Shape:
    _public_methods_ = ["Area", "Name"]

    def __init__(self, name, area):
        self.name = name
        self.area = area

    def Area(self):
        return self.area

    def Name(self):
        return self.name


class Drawing:
    _public_methods_ = ["SetItems", "GetItems", "Describe", "Largest"]

    def __init__(self):
        self.items = ()

    def SetItems(self, items):
        self.items = items
        return len(items)

    def GetItems(self):
        return list(self.items)  # a tuple would be (result, byref outs...)

    def Describe(self, items):
        kinds = []
        for item in items:
            if isinstance(item, (list, tuple)):
                kinds.append(f"nested({len(item)})")
            else:
                kinds.append(type(item).__name__)
        return ", ".join(kinds)

    def Largest(self, items):
        shapes = [win32com.server.util.unwrap(item) for item in items]
        best = max(shapes, key=lambda shape: shape.area)
        return best.name


def main():
    shapes = [
        win32com.server.util.wrap(Shape(name, area))
        for name, area in (("square", 4), ("circle", 3.14), ("field", 100))
    ]
    drawing = win32com.client.Dispatch(win32com.server.util.wrap(Drawing()))
    print("set:", drawing.SetItems(shapes))
    back = drawing.GetItems()
    print("got:", type(back).__name__, len(back), [type(item).__name__ for item in back])
    print("names:", [item.Name() for item in back], [item.Area() for item in back])
    print("server saw:", drawing.Describe(shapes))
    typed = VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_DISPATCH, shapes)
    print("typed array:", drawing.Describe(typed))
    mixed = VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_VARIANT, [shapes[0], 7, None, "x"])
    print("mixed array:", drawing.Describe(mixed))
    print("nested:", drawing.Describe([shapes[:2], [shapes[2]]]))
    print("largest:", drawing.Largest(shapes))
    print("done")


if __name__ == "__main__":
    main()
