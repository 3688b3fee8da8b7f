"""Late binding from type information: which names are properties and which are methods.

Source: questions on pywin32's dynamic dispatch ("win32com property vs method", "why is
obj.Count not callable", "_FlagAsMethod", "GetTypeInfo GetTypeAttr GetFuncDesc"): a
``Dispatch("Scripting.Dictionary")`` whose ``Count`` is a value and ``Keys`` a bound method,
``Item`` both ways (called with a key, and ``d(key)`` through the default member), the
dispatch ids from ``GetIDsOfNames`` (any case), ``Invoke`` by id with PROPERTYGET and METHOD,
the type info walked for names and kinds with ``GetTypeAttr``/``GetFuncDesc``/``GetNames``,
an unknown name (AttributeError), and the same questions asked of FileSystemObject.
"""

import pythoncom
import win32com.client

INVKINDS = {1: "func", 2: "get", 4: "put", 8: "putref"}


def main():
    d = win32com.client.Dispatch("Scripting.Dictionary")
    d.Add("a", 1)
    d.Add("b", 2)
    print("Count:", type(d.Count).__name__, d.Count)
    print("Keys callable:", callable(d.Keys), "->", d.Keys())
    print("Item(a):", d.Item("a"), "d(b):", d("b"), "d[a]:", d["a"])
    print("Exists callable:", callable(d.Exists), d.Exists("a"))
    print("CompareMode:", d.CompareMode)
    ole = d._oleobj_
    for name in ("Count", "count", "ITEM", "Keys"):
        print("id of", name, "=", ole.GetIDsOfNames(name))
    count_id = ole.GetIDsOfNames("Count")
    print("invoke get Count:", ole.Invoke(count_id, 0, pythoncom.DISPATCH_PROPERTYGET, True))
    keys_id = ole.GetIDsOfNames("Keys")
    print("invoke Keys:", ole.Invoke(keys_id, 0, pythoncom.DISPATCH_METHOD, True))
    print("typeinfo count:", ole.GetTypeInfoCount())
    info = ole.GetTypeInfo()
    attr = info.GetTypeAttr()
    members = []
    for i in range(attr.cFuncs):
        desc = info.GetFuncDesc(i)
        name = info.GetNames(desc.memid)[0]
        if name in ("Add", "Count", "Item", "Key", "Keys", "Exists", "RemoveAll"):
            members.append(f"{name}:{INVKINDS[desc.invkind]}")
    print("members:", sorted(set(members)))
    try:
        _ = d.NoSuchThing
    except AttributeError as error:
        print("unknown:", type(error).__name__)
    fso = win32com.client.Dispatch("Scripting.FileSystemObject")
    print(
        "Drives is a value:",
        not callable(fso.Drives),
        "GetTempName callable:",
        callable(fso.GetTempName),
    )
    print("temp name:", fso.GetTempName()[:3], fso.GetTempName()[-4:])
    print(
        "ext:", fso.GetExtensionName("report.final.txt"), fso.GetBaseName("C:\\x\\report.final.txt")
    )


if __name__ == "__main__":
    main()
