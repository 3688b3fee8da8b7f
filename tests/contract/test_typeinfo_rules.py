"""Contract: type information of the system classes, and makepy over it (pywin32 312).

Windows registers the type libraries of the classes every program may create: scrrun.dll's
"Scripting" (Scripting.FileSystemObject, Scripting.Dictionary), wshom.ocx's
"IWshRuntimeLibrary" (WScript.Shell), vbscript.dll's "VBScript_RegExp_55". Their objects
answer IDispatch::GetTypeInfo; LoadRegTypeLib finds the libraries; makepy
(``gencache.EnsureDispatch``) generates early-bound classes from them, and
``win32com.client.constants`` gets their enumerations' values.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import winerror
from win32com.client import gencache

from ._com import com_error_of
from ._generated import private_gen_py
from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SCRIPTING = "{420B2830-E718-11CF-893D-00A0C9054228}"
IID_IFILESYSTEM3 = "{2A0B9D10-4B87-11D3-A97A-00104B365C9F}"
CLSID_FSO = "{0D43FE01-F093-11CF-8940-00A0C9054228}"
TKIND_ENUM, TKIND_DISPATCH, TKIND_COCLASS = 0, 4, 5
TYPEFLAG_FDUAL = 0x40
FUNC_DISPATCH, CC_STDCALL, VAR_CONST = 4, 4, 2


@pytest.fixture
def generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """makepy generates into a gen_py of the test's own, forgotten once the test ends.

    (A module left in the shared gen_py changes what the next run's EnsureDispatch loads.)
    """
    with private_gen_py(tmp_path, monkeypatch):
        yield


def scripting() -> Any:
    return pythoncom.LoadRegTypeLib(SCRIPTING, 1, 0, 0)


def function_named(info: Any, name: str) -> Any:
    for index in range(info.GetTypeAttr().cFuncs):
        desc = info.GetFuncDesc(index)
        if info.GetNames(desc.memid)[0] == name:
            return desc
    raise AssertionError(f"no function {name}")


def test_the_scripting_library_is_registered() -> None:
    library = scripting()
    assert library.GetLibAttr() == (pywintypes.IID(SCRIPTING), 0, 3, 1, 0, 8)
    assert library.GetDocumentation(-1)[0] == "Scripting"
    names = {library.GetDocumentation(i)[0] for i in range(library.GetTypeInfoCount())}
    assert {"IFileSystem3", "IDictionary", "ITextStream", "IOMode", "Tristate",
            "FileSystemObject", "Dictionary", "SpecialFolderConst"} <= names  # fmt: skip
    path = pythoncom.QueryPathOfRegTypeLib(SCRIPTING, 1, 0, 0)
    assert path.lower().endswith("scrrun.dll")
    assert pythoncom.LoadTypeLib(path).GetLibAttr()[0] == pywintypes.IID(SCRIPTING)


def test_other_versions_are_not_registered() -> None:
    for major, minor in ((2, 0), (1, 1)):
        error = com_error_of(pythoncom.LoadRegTypeLib, SCRIPTING, major, minor, 0)
        assert error.hresult == winerror.TYPE_E_LIBNOTREGISTERED


def test_a_dual_interface_is_described_as_a_dispatch_interface() -> None:
    info = scripting().GetTypeInfoOfGuid(pywintypes.IID(IID_IFILESYSTEM3))
    attr = info.GetTypeAttr()
    assert attr.iid == pywintypes.IID(IID_IFILESYSTEM3)
    assert attr.typekind == TKIND_DISPATCH
    assert (attr.cFuncs, attr.cVars, attr.cImplTypes, attr.cbSizeVft) == (34, 0, 1, 56)
    assert attr.wTypeFlags & TYPEFLAG_FDUAL
    base = info.GetRefTypeInfo(info.GetRefTypeOfImplType(0))
    assert base.GetDocumentation(-1)[0] == "IDispatch"
    library, index = info.GetContainingTypeLib()
    assert library.GetLibAttr()[0] == pywintypes.IID(SCRIPTING)
    assert library.GetTypeInfo(index).GetDocumentation(-1)[0] == "IFileSystem3"
    first = info.GetFuncDesc(0)  # IUnknown's and IDispatch's functions come first
    assert info.GetNames(first.memid)[0] == "QueryInterface"
    assert first.wFuncFlags & 1  # FUNCFLAG_FRESTRICTED


def test_a_method_has_its_dispid_and_typed_arguments() -> None:
    info = scripting().GetTypeInfoOfGuid(pywintypes.IID(IID_IFILESYSTEM3))
    desc = function_named(info, "OpenTextFile")
    assert (desc.memid, desc.invkind, desc.funckind, desc.callconv) == (
        1100,
        1,
        FUNC_DISPATCH,
        CC_STDCALL,
    )
    assert desc.args[0] == (pythoncom.VT_BSTR, 1, None)
    assert desc.args[1][1:] == (49, 1)  # in, optional, with default ForReading
    assert desc.args[2] == (pythoncom.VT_BOOL, 49, False)
    assert desc.rettype[0][0] == pythoncom.VT_PTR
    assert info.GetNames(1100) == ("OpenTextFile", "FileName", "IOMode", "Create", "Format")
    assert info.GetIDsOfNames("OpenTextFile") == 1100
    assert info.GetIDsOfNames("OpenTextFile", "Format") == (1100, 3)
    error = com_error_of(info.GetIDsOfNames, "NoSuchMember")
    assert error.hresult == winerror.DISP_E_UNKNOWNNAME
    count = function_named(scripting().GetTypeInfoOfGuid(pywintypes.IID(
        "{42C642C1-97E1-11CF-978F-00A02463E06F}")), "Count")  # fmt: skip
    assert (count.memid, count.invkind, count.rettype) == (2, 2, (pythoncom.VT_I4, 0, None))


def test_an_enumeration_holds_its_constants() -> None:
    library = scripting()
    index = next(
        i for i in range(library.GetTypeInfoCount()) if library.GetDocumentation(i)[0] == "IOMode"
    )
    assert library.GetTypeInfoType(index) == TKIND_ENUM
    info = library.GetTypeInfo(index)
    assert info.GetTypeAttr().cVars == 3
    values = [info.GetVarDesc(i) for i in range(3)]
    assert [v.value for v in values] == [1, 2, 8]
    assert {v.varkind for v in values} == {VAR_CONST}
    assert [info.GetNames(v.memid)[0] for v in values] == [
        "ForReading", "ForWriting", "ForAppending"
    ]  # fmt: skip


def test_a_coclass_names_its_default_interface() -> None:
    info = scripting().GetTypeInfoOfGuid(pywintypes.IID(CLSID_FSO))
    attr = info.GetTypeAttr()
    assert (attr.typekind, attr.cImplTypes) == (TKIND_COCLASS, 1)
    assert info.GetImplTypeFlags(0) == 1  # IMPLTYPEFLAG_FDEFAULT
    default = info.GetRefTypeInfo(info.GetRefTypeOfImplType(0))
    assert default.GetDocumentation(-1)[0] == "IFileSystem3"
    assert info.GetDocumentation(-1)[:2] == ("FileSystemObject", "FileSystem Object")


def test_what_is_not_there_is_type_e_elementnotfound() -> None:
    library = scripting()
    info = library.GetTypeInfoOfGuid(pywintypes.IID(IID_IFILESYSTEM3))
    for call in (
        lambda: library.GetTypeInfo(999),
        lambda: info.GetFuncDesc(999),
        lambda: info.GetVarDesc(0),
        lambda: info.GetNames(123456),
        lambda: library.GetTypeInfoOfGuid(pythoncom.IID_IDispatch),
    ):
        assert com_error_of(call).hresult == winerror.TYPE_E_ELEMENTNOTFOUND


def test_the_objects_give_their_type_information() -> None:
    pointer = win32com.client.Dispatch("Scripting.FileSystemObject")._oleobj_
    assert pointer.GetTypeInfoCount() == 1
    info = pointer.GetTypeInfo()
    assert info.GetDocumentation(-1)[0] == "IFileSystem3"
    assert info.GetTypeAttr().iid == pywintypes.IID(IID_IFILESYSTEM3)
    dictionary = win32com.client.Dispatch("Scripting.Dictionary")._oleobj_
    assert dictionary.GetTypeInfo().GetDocumentation(-1)[0] == "IDictionary"
    shell = win32com.client.Dispatch("WScript.Shell")._oleobj_
    assert shell.GetTypeInfo().GetContainingTypeLib()[0].GetDocumentation(-1)[0] == (
        "IWshRuntimeLibrary"
    )


@pytest.mark.usefixtures("generated")
def test_ensure_dispatch_generates_typed_classes_and_constants(tmp_path: Any) -> None:
    fso = gencache.EnsureDispatch("Scripting.FileSystemObject")
    assert type(fso).__name__ == "IFileSystem3"
    assert pywintypes.IID(IID_IFILESYSTEM3) == fso.CLSID
    constants = win32com.client.constants
    assert (constants.ForReading, constants.ForAppending, constants.TristateTrue) == (1, 8, -1)
    assert constants.TemporaryFolder == 2
    with pytest.raises(AttributeError):
        constants.NoSuchConstant  # noqa: B018
    assert fso.BuildPath("a", "b") in ("a\\b", "a/b")
    assert fso.FileExists(str(tmp_path / "missing.txt")) is False
    assert type(fso.GetSpecialFolder(constants.TemporaryFolder)).__name__ == "IFolder"
    drives = fso.Drives
    assert type(drives).__name__ == "IDriveCollection"
    assert len(drives) == drives.Count >= 1
    assert {type(drive).__name__ for drive in drives} == {"IDrive"}
    path = str(tmp_path / "typed.txt")
    stream = fso.CreateTextFile(path)
    assert type(stream).__name__ == "ITextStream"
    stream.WriteLine("first")
    stream.Close()
    stream = fso.OpenTextFile(path, constants.ForReading)
    assert stream.ReadLine() == "first"
    assert stream.AtEndOfStream
    stream.Close()
    item = fso.GetFile(path)
    assert (type(item).__name__, item.Name) == ("IFile", "typed.txt")
    # once generated, Dispatch gives the generated class too
    assert type(win32com.client.Dispatch("Scripting.FileSystemObject")).__name__ == "IFileSystem3"


@pytest.mark.usefixtures("generated")
def test_a_generated_collection_is_callable_iterable_and_sized() -> None:
    d = gencache.EnsureDispatch("Scripting.Dictionary")
    assert type(d).__name__ == "IDictionary"
    d.Add("a", 1)
    d.Add("b", 2)
    assert (d.Count, len(d), d.Item("a"), d("b")) == (2, 2, 1, 2)
    assert list(d) == ["a", "b"]
    assert tuple(d.Keys()) == ("a", "b")
    assert d.Exists("a") and not d.Exists("z")
    d.RemoveAll()
    assert bool(d) and len(d) == 0
    d.CompareMode = 1  # TextCompare
    assert d.CompareMode == 1
    with pytest.raises(AttributeError):
        d.NoSuchProperty  # noqa: B018


@pytest.mark.usefixtures("generated")
def test_the_cache_answers_for_what_it_generated() -> None:
    gencache.EnsureDispatch("Scripting.FileSystemObject")
    klass = gencache.GetClassForProgID("Scripting.FileSystemObject")
    assert klass.__name__ == "FileSystemObject"
    assert klass.default_interface.__name__ == "IFileSystem3"
    # the library's module (pywin32's EnsureDispatch makes a package of one module per class:
    # GetModuleForProgID gives the class's, the library's constants are the package's)
    module = gencache.GetModuleForTypelib(SCRIPTING, 0, 1, 0)
    assert module.constants.ForWriting == 2
    assert win32com.client.constants.ForWriting == 2
    assert pywintypes.IID(SCRIPTING) == module.CLSID
    assert (pywintypes.IID(SCRIPTING), 0, 1, 0) in gencache.GetGeneratedInfos()
    name = gencache.GetGeneratedFileName(SCRIPTING, 0, 1, 0)
    assert name == SCRIPTING[1:-1] + "x0x1x0"
    assert os.path.isdir(gencache.GetGeneratePath())
    made = klass()  # the coclass creates its object
    assert made.FolderExists(gencache.GetGeneratePath())


@pytest.mark.usefixtures("generated")
def test_the_shell_library_generates_too() -> None:
    shell = gencache.EnsureDispatch("WScript.Shell")
    assert type(shell).__name__ == "IWshShell3"
    assert win32com.client.constants.WshFinished == 1


@wine_differs("Wine's VBScript.RegExp cannot automate makepy (pywin32's TypeError)")
@pytest.mark.usefixtures("generated")
def test_the_regexp_library_generates_too() -> None:
    regexp = gencache.EnsureDispatch("VBScript.RegExp")
    assert type(regexp).__name__ == "IRegExp2"
    regexp.Pattern = "a(b)"
    regexp.Global = True
    matches = regexp.Execute("xab ab")
    assert (type(matches).__name__, matches.Count) == ("IMatchCollection2", 2)
    found = list(matches)
    assert [type(m).__name__ for m in found] == ["IMatch2", "IMatch2"]
    assert [m.FirstIndex for m in found] == [1, 4]
    assert matches.Item(0).SubMatches.Item(0) == "b"


@pytest.mark.usefixtures("generated")
def test_cast_to_gives_another_interface_of_the_same_library() -> None:
    fso = gencache.EnsureDispatch("Scripting.FileSystemObject")
    base = win32com.client.CastTo(fso, "IFileSystem")
    assert type(base).__name__ == "IFileSystem"
    assert base.FolderExists(gencache.GetGeneratePath())
    late = win32com.client.Dispatch("Scripting.Dictionary")
    assert type(win32com.client.CastTo(late, "IDictionary")).__name__ == "IDictionary"
    with pytest.raises(ValueError, match="NoSuchInterface"):
        win32com.client.CastTo(fso, "NoSuchInterface")


def test_type_iids_name_the_type_information_types() -> None:
    for iid, name in (
        (pythoncom.IID_ITypeInfo, "PyITypeInfo"),
        (pythoncom.IID_ITypeLib, "PyITypeLib"),
        (pythoncom.IID_ITypeComp, "PyITypeComp"),
    ):
        assert pythoncom.TypeIIDs[iid].__name__ == name
    library = scripting()
    assert isinstance(library, pythoncom.TypeIIDs[pythoncom.IID_ITypeLib])
    assert isinstance(library.GetTypeInfo(0), pythoncom.TypeIIDs[pythoncom.IID_ITypeInfo])
    assert isinstance(library.GetTypeComp(), pythoncom.TypeIIDs[pythoncom.IID_ITypeComp])


def test_invoke_types_leaves_trailing_missing_arguments_out() -> None:
    pointer = win32com.client.Dispatch("Scripting.Dictionary")._oleobj_
    byref_variant = (pythoncom.VT_BYREF | pythoncom.VT_VARIANT, 1)
    optional = (pythoncom.VT_BYREF | pythoncom.VT_VARIANT, 17)  # in, optional, no default
    types = (byref_variant, byref_variant, optional, optional)
    add = (1, 0, pythoncom.DISPATCH_METHOD, (pythoncom.VT_VOID, 0), types)
    pointer.InvokeTypes(*add, "k", "v", pythoncom.Missing, pythoncom.Missing)
    count = pointer.InvokeTypes(2, 0, pythoncom.DISPATCH_PROPERTYGET, (pythoncom.VT_I4, 0), ())
    assert count == 1
