"""makepy support for the Scripting runtime by type library GUID: EnsureModule, CastTo, constants.

Source: pywin32 answers that generate early-bound support from a type library rather than a
ProgID (search "gencache.EnsureModule('{420B2830-E718-11CF-893D-00A0C9054228}'" and
"win32com.client.CastTo"): ``EnsureModule(guid, 0, 1, 0)`` for the Microsoft Scripting
Runtime, the generated module's coclass ``Dictionary()``, its methods and properties,
``win32com.client.constants`` filled by it (``TextCompare``, ``ForReading``, ``ForWriting``),
``gencache.GetClassForProgID``, ``CastTo(ob, "IDictionary")``, and a constant that does not
exist (AttributeError).
"""

import win32com.client
from win32com.client import constants, gencache

SCRIPTING_TYPELIB = "{420B2830-E718-11CF-893D-00A0C9054228}"


def main():
    mod = gencache.EnsureModule(SCRIPTING_TYPELIB, 0, 1, 0)
    print("module:", mod is not None, mod.CLSID == SCRIPTING_TYPELIB or str(mod.CLSID))
    d = mod.Dictionary()
    print("class:", type(d).__name__)
    d.CompareMode = constants.TextCompare
    d.Add("Alpha", 1)
    d.Add("beta", 2)
    print("exists ALPHA:", d.Exists("ALPHA"), "count:", d.Count)
    print("keys:", d.Keys())
    print(
        "constants:",
        constants.TextCompare,
        constants.BinaryCompare,
        constants.ForReading,
        constants.ForWriting,
        constants.ForAppending,
    )
    klass = gencache.GetClassForProgID("Scripting.Dictionary")
    print("class for progid:", klass.__name__)
    late = win32com.client.Dispatch("Scripting.Dictionary")
    early = win32com.client.CastTo(late, "IDictionary")
    early.Add("x", 10)
    print("cast:", type(early).__name__, early.Item("x"), early.Count)
    fso = gencache.EnsureDispatch("Scripting.FileSystemObject")
    print("fso:", type(fso).__name__, fso.FolderExists("."))
    try:
        _ = constants.NoSuchConstant
    except AttributeError as error:
        print("missing constant:", type(error).__name__)


if __name__ == "__main__":
    main()
