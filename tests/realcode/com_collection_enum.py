"""A Python COM server that hands out a collection: NewCollection, NewEnum, wrap and unwrap.

Source: public GitHub COM servers written with pywin32 (search "win32com.server.util
NewCollection", "util.NewEnum(self.items)", "win32com.server.util.unwrap"), rewritten with
their calls and their order: a ``_public_methods_`` class whose ``Items`` returns
``util.NewCollection(list)``, whose ``_NewEnum`` returns ``util.NewEnum(list)``, wrapped with
``util.wrap`` and driven through ``win32com.client.Dispatch``: ``Count``, ``Item(i)``,
``Add``, ``Remove``, a ``for`` loop over the collection, ``len()``, indexing, ``unwrap`` back
to the Python object, and the ``DISP_E_BADINDEX`` of an index past the end.

Wine differs: its FormatMessage has no text for DISP_E_BADINDEX, so pywin32 there
shows the name "DISP_E_BADINDEX"; Windows' text is "Invalid index.", as we print.
"""

import pythoncom
import win32com.client
import win32com.server.util as util


class Library:
    _public_methods_ = ["Items", "AddBook", "_NewEnum"]
    _public_attrs_ = ["Name"]

    def __init__(self):
        self.Name = "shelf"
        self.books = ["Dune", "Emma", "Ulysses"]

    def Items(self):
        return util.NewCollection(self.books)

    def AddBook(self, title):
        self.books.append(str(title))
        return len(self.books)

    def _NewEnum(self):
        return util.NewEnum(self.books)


def main():
    lib = Library()
    disp = win32com.client.Dispatch(util.wrap(lib))
    print("name:", disp.Name)
    print("add returns:", disp.AddBook("Hamlet"))
    items = disp.Items()
    print("collection type:", type(items).__name__)
    print("count unbound:", items.Count)
    print("count:", items.Count())
    print("item(0):", items.Item(0), "item(3):", items.Item(3))
    print("loop:", [b for b in items])
    print("enum over server:", [b for b in disp])
    items.Add("Walden")
    print("after Add, count:", items.Count(), "server sees:", lib.books[-1])
    items.Remove(0)
    print("after Remove(0):", [b for b in items])
    try:
        items.Item(99)
    except pythoncom.com_error as exc:
        print("bad index:", exc.hresult, exc.strerror)
    back = util.unwrap(disp._oleobj_)
    print("unwrap is the object:", back is lib)
    enum = util.wrap(util.ListEnumerator(["a", "b", "c"]), pythoncom.IID_IEnumVARIANT)
    print("Next(2):", enum.Next(2))
    print("Skip(0) then Next(5):", enum.Skip(0), enum.Next(5))
    enum.Reset()
    clone = enum.Clone()
    print("clone Next(1):", clone.Next(1))


main()
