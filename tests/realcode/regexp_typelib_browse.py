"""Browse a registered type library by hand, as pywin32's tlbrowse and makepy do.

Source: the "list what a type library holds" snippets built on ``pythoncom.LoadRegTypeLib``
(``tlb.GetTypeInfoCount()``, ``tlb.GetDocumentation(i)``, ``tlb.GetTypeInfoType(i)``,
``ti.GetTypeAttr()``, ``ti.GetFuncDesc(j)``, ``ti.GetNames(memid)``,
``ti.GetRefTypeOfImplType(k)``/``GetRefTypeInfo``/``GetImplTypeFlags``), run on the VBScript
regular expression library (Microsoft VBScript Regular Expressions 5.5, on every Windows):
its name and documentation, each type's name and kind, the members of ``IRegExp2`` with their
invoke kinds and parameter names, what each class implements (its default interface),
``GetTypeInfoOfGuid``, the library of a type (``GetContainingTypeLib``), and the error of an
index out of range (TYPE_E_ELEMENTNOTFOUND) and of a version not registered
(TYPE_E_LIBNOTREGISTERED).

Wine differs: its registration of the 5.5 library does not load (LoadRegTypeLib gives
TYPE_E_LIBNOTREGISTERED); the library itself, loaded there with
``LoadTypeLib("vbscript.dll\\3")``, prints every line here but the last, as Windows does.
"""

import pythoncom

LIBID = "{3F4DACA7-160D-11D2-A8E9-00104B365C9F}"

KINDS = {
    pythoncom.TKIND_ENUM: "enum",
    pythoncom.TKIND_RECORD: "record",
    pythoncom.TKIND_MODULE: "module",
    pythoncom.TKIND_INTERFACE: "interface",
    pythoncom.TKIND_DISPATCH: "dispatch",
    pythoncom.TKIND_COCLASS: "coclass",
    pythoncom.TKIND_ALIAS: "alias",
    pythoncom.TKIND_UNION: "union",
}
INVOKE = {1: "method", 2: "get", 4: "put", 8: "putref"}


def main():
    tlb = pythoncom.LoadRegTypeLib(LIBID, 5, 5, 0)
    print("documentation:", tlb.GetDocumentation(-1)[:2])
    attr = tlb.GetLibAttr()
    print("libattr:", attr[0], attr[3], attr[4])
    count = tlb.GetTypeInfoCount()
    for index in range(count):
        name, doc = tlb.GetDocumentation(index)[:2]
        info = tlb.GetTypeInfo(index)
        type_attr = info.GetTypeAttr()
        print(
            f"{index}: {name} {KINDS[tlb.GetTypeInfoType(index)]} {type_attr.iid} "
            f"funcs={type_attr.cFuncs} impl={type_attr.cImplTypes}"
        )
        if type_attr.typekind == pythoncom.TKIND_COCLASS:
            for k in range(type_attr.cImplTypes):
                ref = info.GetRefTypeInfo(info.GetRefTypeOfImplType(k))
                print("   implements", ref.GetDocumentation(-1)[0], info.GetImplTypeFlags(k))
    info = tlb.GetTypeInfoOfGuid("{3F4DACB0-160D-11D2-A8E9-00104B365C9F}")
    print("by GUID:", info.GetDocumentation(-1)[0], info.GetContainingTypeLib()[1])
    type_attr = info.GetTypeAttr()
    for j in range(type_attr.cFuncs):
        desc = info.GetFuncDesc(j)
        names = info.GetNames(desc.memid)
        print(
            f"  {INVOKE[desc.invkind]} {names[0]} memid={desc.memid} args={list(names[1:])} "
            f"params={len(desc.args)} ret={desc.rettype[0]}"
        )
    try:
        tlb.GetTypeInfo(count)
    except pythoncom.com_error as error:
        print("past the end:", error.hresult)
    try:
        pythoncom.LoadRegTypeLib(LIBID, 9, 0, 0)
    except pythoncom.com_error as error:
        print("version 9.0:", error.hresult)
    print("done")


if __name__ == "__main__":
    main()
