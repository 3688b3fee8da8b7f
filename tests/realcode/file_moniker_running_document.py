"""A running document found by its file name: a file moniker in the ROT, then GetObject(path).

Source: the document-server pattern of pywin32's own tests and of apps that let scripts attach
to an open document (``pythoncom.CreateFileMoniker(path)``,
``pythoncom.GetRunningObjectTable().Register(ROTFLAGS_REGISTRATIONKEEPSALIVE, ob, moniker)``,
then ``win32com.client.GetObject(path)`` from the client, ``Revoke(cookie)`` when the document
closes), rewritten as one program with a Python object in place of the application's document:
``IsRunning``, ``GetObject`` of the moniker, the display name, ``MkParseDisplayName`` of the
path and ``IsEqual``, ``GetObject(path)``, ``BindToObject``, ``EnumRunning``; after ``Revoke``, the
table no longer has it (MK_E_UNAVAILABLE from the table).
"""

import os
import tempfile

import pythoncom
import win32com.client
import win32com.server.util


class Document:
    _public_methods_ = ["Title", "Save"]
    _public_attrs_ = ["saved"]

    def __init__(self, path):
        self.path = path
        self.saved = 0

    def Title(self):
        return os.path.basename(self.path)

    def Save(self):
        self.saved += 1
        return self.saved


def main():
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "notes.pydoc")
    with open(path, "w") as handle:
        handle.write("some notes")
    ob = win32com.server.util.wrap(Document(path))
    moniker = pythoncom.CreateFileMoniker(path)
    rot = pythoncom.GetRunningObjectTable()
    cookie = rot.Register(pythoncom.ROTFLAGS_REGISTRATIONKEEPSALIVE, ob, moniker)
    print("registered:", cookie != 0)
    print("is running:", rot.IsRunning(moniker))
    ctx = pythoncom.CreateBindCtx(0)
    print("display name is the path:", moniker.GetDisplayName(ctx, None).lower() == path.lower())
    found = win32com.client.Dispatch(rot.GetObject(moniker).QueryInterface(pythoncom.IID_IDispatch))
    print("from the table:", found.Title(), found.Save())
    parsed, eaten, ctx = pythoncom.MkParseDisplayName(path, ctx)
    print("parsed all of it:", eaten == len(path))
    print("same moniker:", parsed.IsEqual(moniker))
    doc = win32com.client.GetObject(path)
    print("GetObject(path):", doc.Title(), doc.Save(), doc.saved)
    bound = parsed.BindToObject(ctx, None, pythoncom.IID_IDispatch)
    print("bound:", win32com.client.Dispatch(bound).Save())
    running = [m.GetDisplayName(ctx, None).lower() for m in rot.EnumRunning()]
    print("listed:", path.lower() in running)
    rot.Revoke(cookie)
    print("running after revoke:", rot.IsRunning(moniker))
    try:
        rot.GetObject(moniker)
    except pythoncom.com_error as error:
        print("after revoke:", error.hresult)
    try:
        rot.Revoke(cookie)
    except pythoncom.com_error as error:
        print("second revoke:", error.hresult)
    print("done")


if __name__ == "__main__":
    main()
