"""Are these two COM references the same object? Identity through IUnknown, and == in pywin32.

Source: the answers to "how do I compare two COM objects in Python" (``a._oleobj_ ==
b._oleobj_``, ``a.QueryInterface(pythoncom.IID_IUnknown) == b.QueryInterface(...)``, a list
searched with ``==``), rewritten around Python COM objects of its own: the same wrapped object
reached through ``Dispatch`` twice and through its own ``Self()``, a child object reached
twice, another ``wrap`` of an equal Python object (a different COM object), and the object
handed to a worker thread through a marshaled stream while the main thread pumps: the IUnknown
the worker marshals back (from a proxy, its apartment ended since) is the original object.
"""

import threading

import pythoncom
import win32com.client
import win32com.server.util
import win32event


class Node:
    _public_methods_ = ["Self", "Child", "Name"]

    def __init__(self, name, child=None):
        self.name = name
        self.child = child
        self.me = None

    def Self(self):
        return self.me

    def Child(self):
        return self.child

    def Name(self):
        return self.name


def main():
    leaf = Node("leaf")
    leaf_disp = win32com.server.util.wrap(leaf)
    leaf.me = leaf_disp
    root = Node("root", leaf_disp)
    root_disp = win32com.server.util.wrap(root)
    root.me = root_disp

    a = win32com.client.Dispatch(root_disp)
    b = win32com.client.Dispatch(root_disp)
    print("two Dispatch wrappers are equal:", a == b, a is b)
    print("_oleobj_ equal:", a._oleobj_ == b._oleobj_)
    print("Self() is the object:", a.Self()._oleobj_ == a._oleobj_)
    c1 = a.Child()
    c2 = b.Child()
    print("child twice equal:", c1 == c2, c1._oleobj_ == c2._oleobj_)
    print("child differs from root:", c1 == a)
    unk_a = a._oleobj_.QueryInterface(pythoncom.IID_IUnknown)
    unk_self = a.Self()._oleobj_.QueryInterface(pythoncom.IID_IUnknown)
    print("IUnknown equal:", unk_a == unk_self)
    seen = [(unk_a, "root")]
    print("found by IUnknown:", [name for unk, name in seen if unk == unk_self])
    other = win32com.server.util.wrap(Node("root"))
    print("another wrap differs:", other == root_disp)

    stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, root_disp)
    back = {}

    def worker(done):
        pythoncom.CoInitialize()
        try:
            obj = win32com.client.Dispatch(
                pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
            )
            back["name"] = obj.Name()
            back["stream"] = pythoncom.CoMarshalInterThreadInterfaceInStream(
                pythoncom.IID_IUnknown, obj.Self()._oleobj_
            )
            del obj
        finally:
            pythoncom.CoUninitialize()
            win32event.SetEvent(done)

    done = win32event.CreateEvent(None, True, False, None)
    thread = threading.Thread(target=worker, args=(done,))
    thread.start()
    while True:  # the worker calls into this STA: pump until it has finished
        rc = win32event.MsgWaitForMultipleObjects([done], False, 30000, win32event.QS_ALLINPUT)
        if rc != win32event.WAIT_OBJECT_0 + 1:
            break
        pythoncom.PumpWaitingMessages()
    thread.join(30)
    print("worker saw:", back["name"])
    returned = pythoncom.CoGetInterfaceAndReleaseStream(back["stream"], pythoncom.IID_IUnknown)
    print("round trip is the same object:", returned == unk_a)
    print("done")


if __name__ == "__main__":
    main()
