"""Write a type library description module (src/apartment/com/_typelib_*.py) from a dump.

The dump is the JSON the oracle prints for a registered type library (its shape: LIBID,
types, their functions, constants): run under pywin32, then this, on Linux:
``python tools/typelib_to_desc.py dump.json scrrun > src/apartment/com/_typelib_scrrun.py``.
Names and numbers are facts of the library; the description format is apartment's
(:mod:`apartment.com._typedesc`).
"""

from __future__ import annotations

import ast
import json
import sys

_VT = {2: "I2", 3: "I4", 7: "DATE", 8: "BSTR", 9: "DISPATCH", 11: "BOOL", 12: "VARIANT",
       13: "UNKNOWN", 16: "I1", 17: "UI1", 18: "UI2", 19: "UI4", 22: "INT", 23: "UINT",
       24: "VOID", 25: "HRESULT"}  # fmt: skip
_INVOKE = {1: "METHOD", 2: "GET", 4: "PUT", 8: "PUTREF"}
_STD = 0x60000000
# IUnknown's (0x6000....) and IDispatch's (0x6001....) functions end here: an interface's own
# members without an [id] in the IDL are numbered from here (wshom's IWshNetwork.UserName)
_OWN = 0x60020000
# Only dispatch views are described: a vtable-only interface (shell32's IFolderViewOC), a record
# (WIDL's GUID), a pure dispinterface (events: no system class fires them) and the classes
# built on them are left out
_LEFT_OUT_KINDS = (1, 3)


def _type(spec: object) -> str:
    if isinstance(spec, int):
        return _VT[spec]
    assert isinstance(spec, list)
    if spec[0] == "U":
        return repr(spec[1])
    assert spec[0] == 26, spec
    return f"ptr({_type(spec[1])})"


def _param(name: str | None, arg: list[object]) -> str:
    spec, flags, default = arg
    text = f"P({name!r}, {_type(spec)}"
    if flags != 1:
        text += f", {flags}"
    if default != "None":
        text += f", {ast.literal_eval(str(default))!r}"
    return text + ")"


def _func(f: dict[str, object]) -> str:
    names = f["names"]
    assert isinstance(names, list)
    args = f["args"]
    assert isinstance(args, list)
    pnames = names[1:] + [None] * (len(args) - len(names) + 1)  # a put's value is unnamed
    params = ", ".join(_param(n, a) for n, a in zip(pnames, args, strict=True))
    ret = f["rettype"][0]  # type: ignore[index]
    text = f"F({f['memid']}, {names[0]!r}, {_INVOKE[f['invkind']]}"  # type: ignore[index]
    text += f", ({params},)" if params else ", ()"
    if ret != 24:
        text += f", {_type(ret)}"
    extras = []
    if f["wFuncFlags"]:
        extras.append(f"flags={f['wFuncFlags']}")
    if f["cParamsOpt"]:
        extras.append(f"opt={f['cParamsOpt']}")
    doc = f["doc"]
    assert isinstance(doc, list)
    if doc[1] is not None:
        extras.append(f"doc={doc[1]!r}, context={doc[2]}")
    if extras:
        text += (", " if ret != 24 else ", VOID, ") + ", ".join(extras)
    return text + ")"


def main(path: str, key: str) -> None:
    """Print the description module of library ``key`` of the dump at ``path``."""
    lib = json.load(open(path))[key]  # noqa: SIM115
    types = all_types = lib["types"]
    left_out = {t["doc"][0] for t in types if _left_out(t)} | {"IUnknown"}
    types = [
        t
        for t in types
        if t["doc"][0] not in left_out and not any(i[0] in left_out for i in t["impl"])
    ]
    own: dict[str, list[str]] = {}
    for t in types:
        if t["kind"] == 4:
            own[t["doc"][0]] = [_func(f) for f in t["funcs"] if not (_STD <= f["memid"] < _OWN)]
    aliases = {t["doc"][0]: t["tdescAlias"] for t in types if t["kind"] == 6}
    print(f'"""The type library {lib["doc"][0]!r}: written by tools/typelib_to_desc.py."""')
    print()
    print("from __future__ import annotations")
    print()
    print("from ._typedesc import *  # noqa: F403")
    print()
    print('__all__ = ["LIBRARY"]')
    print()
    attr = lib["attr"]
    doc = lib["doc"]
    print("LIBRARY = Library(")
    print(f"    {doc[0]!r}, {attr[0]!r}, ({attr[3]}, {attr[4]}),")
    print(f"    doc={doc[1]!r}, flags={attr[5]},")
    print(f"    path={lib['path']!r},")
    print("    types=(")
    for t in types:
        name = t["doc"][0]
        kind = t["kind"]
        tdoc = t["doc"][1]
        if kind == 6:
            continue
        if kind == 0:
            alias = [
                a
                for a, target in aliases.items()
                if target and name in _widl_names(all_types, target)
            ]
            ename = alias[0] if alias else name
            consts = ", ".join(f"({v['names'][0]!r}, {v['value']})" for v in t["vars"])
            print(f"        Enum({ename!r}, ({consts},)),")
        elif kind == 4:
            funcs = own[name]
            base = None
            for other, ofuncs in own.items():
                shorter = other != name and len(ofuncs) < len(funcs)
                if (
                    shorter
                    and funcs[: len(ofuncs)] == ofuncs
                    and (base is None or len(ofuncs) > len(own[base]))
                ):
                    base = other
            if base is not None:
                funcs = funcs[len(own[base]) :]
            attr = t["attr"]
            head = f"        Interface({name!r}, {attr['iid']!r}, flags={attr['wTypeFlags']:#x}"
            if base:
                head += f", base={base!r}"
            print(head + ", funcs=(")
            for f in funcs:
                print(f"            {f},")
            print("        )),")
        elif kind == 5:
            impls = ", ".join(f"({i[0]!r}, {i[1]})" for i in t["impl"])
            text = f"        CoClass({name!r}, {t['attr']['iid']!r}, ({impls},)"
            if t["attr"]["wTypeFlags"] != 2:
                text += f", flags={t['attr']['wTypeFlags']}"
            if t["attr"]["wMajorVerNum"] or t["attr"]["wMinorVerNum"]:
                text += f", version=({t['attr']['wMajorVerNum']}, {t['attr']['wMinorVerNum']})"
            if tdoc:
                text += f", doc={tdoc!r}"
            print(text + "),")
        else:
            raise SystemExit(f"kind {kind} of {name}")
    print("    ),")
    print(")")


def _left_out(t: dict[str, object]) -> bool:
    """Whether a type is not described: see _LEFT_OUT_KINDS."""
    attr = t["attr"]
    assert isinstance(attr, dict)
    return t["kind"] in _LEFT_OUT_KINDS or (t["kind"] == 4 and not attr["wTypeFlags"] & 0x40)


def _widl_names(types: list[dict[str, object]], target: str) -> list[str]:
    """The WIDL-named enum an alias (Wine's typedef enum) points to: the next enum after it."""
    names = [t["doc"][0] for t in types]  # type: ignore[index]
    for i, t in enumerate(types):
        if t["kind"] == 6 and t["tdescAlias"] == target and i + 1 < len(types):
            return [names[i + 1]]  # type: ignore[list-item]
    return []


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
