"""Publish objects in the Running Object Table under item monikers and walk the table.

Source: public GitHub files that list what runs in the ROT (the common "list open Excel
workbooks / Visual Studio instances" walkers: ``rot = pythoncom.GetRunningObjectTable()``,
``ctx = pythoncom.CreateBindCtx(0)``, ``for moniker in rot.EnumRunning():``,
``moniker.GetDisplayName(ctx, None)``, ``rot.GetObject(moniker)``,
``obj.QueryInterface(pythoncom.IID_IDispatch)``) and the simulators that publish an object
for them (``pythoncom.CreateItemMoniker("!", name)``, ``rot.Register(1, obj, moniker)``,
``rot.Revoke(cookie)``), rewritten with their calls and their order; ``rot.IsRunning`` and
``rot.GetObject`` of a revoked name (MK_E_UNAVAILABLE) as such scripts check.
"""

import pythoncom
import win32com.client
import win32com.server.util


class Session:
    _public_methods_ = ["Describe"]
    _public_attrs_ = ["Name"]

    def __init__(self, name):
        self.Name = name

    def Describe(self):
        return f"session {self.Name}"


def walk(rot, ctx, prefix):
    found = []
    for moniker in rot.EnumRunning():
        name = moniker.GetDisplayName(ctx, None)
        if not name.startswith(prefix):
            continue
        obj = rot.GetObject(moniker)
        disp = win32com.client.Dispatch(obj.QueryInterface(pythoncom.IID_IDispatch))
        found.append((name, disp.Describe()))
    return sorted(found)


def main():
    pythoncom.CoInitialize()
    rot = pythoncom.GetRunningObjectTable()
    ctx = pythoncom.CreateBindCtx(0)
    cookies = []
    monikers = []
    for name in ("RealcomA", "RealcomB"):
        moniker = pythoncom.CreateItemMoniker("!", name)
        obj = win32com.server.util.wrap(Session(name))
        cookies.append(rot.Register(1, obj, moniker))
        monikers.append(moniker)
    print("display name:", monikers[0].GetDisplayName(ctx, None))
    print("running:", rot.IsRunning(monikers[0]) == 0)
    for name, text in walk(rot, ctx, "!Realcom"):
        print("found:", name, "->", text)
    rot.Revoke(cookies.pop(0))
    print("after revoke:", walk(rot, ctx, "!Realcom"))
    print("revoked is running:", rot.IsRunning(monikers[0]))
    try:
        rot.GetObject(monikers[0])
    except pythoncom.com_error as error:
        print("get revoked:", error.hresult)
    try:
        rot.Revoke(12345678)
    except pythoncom.com_error as error:
        print("bad cookie:", error.hresult)
    rot.Revoke(cookies.pop(0))
    print("empty:", walk(rot, ctx, "!Realcom"))
    rot = ctx = monikers = None  # type: ignore[assignment]
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
