"""Python objects passed through COM as arguments, and unwrapped on the server side.

Source: pywin32 answers on "how do I pass a Python object to my COM server" and "get the
Python object back from a PyIDispatch" (search "win32com.server.util.unwrap(" "wrap(" argument
"_public_methods_"): a wrapped ``Registry`` server whose ``Add(item)`` gets each item as a
COM object (a ``PyIDispatch``), unwraps it to reach its Python attributes, and returns it
again; the client passes wrapped items, gets one back (a ``CDispatch`` around the same
object: ``unwrap`` of its ``_oleobj_`` finds the very instance, while ``unwrap`` of the
``CDispatch`` itself is ValueError, as pywin32's ``UnwrapObject`` wants the PyI* object),
passes a non-Python COM object (Scripting.Dictionary: native code, so its unwrap raises
ValueError "argument is not a Python gateway"), and a plain Python object that cannot be
converted (TypeError).
"""

import win32com.client
import win32com.server.util


class Item:
    _public_methods_ = ["Describe"]
    _public_attrs_ = ["name"]

    def __init__(self, name):
        self.name = name
        self.secret = "python-only " + name

    def Describe(self):
        return f"Item({self.name})"


class Registry:
    _public_methods_ = ["Add", "Get", "Names", "Probe"]

    def __init__(self):
        self.items = []

    def Add(self, item):
        kind = type(item).__name__
        ob = win32com.server.util.unwrap(item)
        self.items.append(ob)
        return f"{kind} -> {type(ob).__name__} ({ob.secret})"

    def Get(self, index):
        return win32com.server.util.wrap(self.items[index])

    def Names(self):
        return [ob.name for ob in self.items]

    def Probe(self, other):
        try:
            win32com.server.util.unwrap(other)
        except ValueError as error:
            return f"not a Python object: {type(other).__name__} ({error})"
        return "python"


def main():
    registry = win32com.client.Dispatch(win32com.server.util.wrap(Registry()))
    apple = Item("apple")
    print(registry.Add(win32com.server.util.wrap(apple)))
    print(registry.Add(win32com.server.util.wrap(Item("pear"))))
    print("names:", registry.Names())
    back = registry.Get(0)
    print("back:", type(back).__name__, back.Describe(), back.name)
    print("same instance:", win32com.server.util.unwrap(back._oleobj_) is apple)
    try:
        win32com.server.util.unwrap(back)
    except ValueError as error:
        print("unwrap of the client:", error)
    print("probe:", registry.Probe(win32com.client.Dispatch("Scripting.Dictionary")))
    try:
        registry.Probe(Item("plain"))
    except TypeError:
        print("plain object: TypeError")


if __name__ == "__main__":
    main()
