"""Type information of the system classes: the core's TypeLibrary/TypeInfo and its registry."""

from __future__ import annotations

import threading

import pytest

from apartment import com
from apartment.errors import ComError

SCRIPTING = "{420B2830-E718-11CF-893D-00A0C9054228}"
WSH = "{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}"
REGEXP = "{3F4DACA7-160D-11D2-A8E9-00104B365C9F}"
STDOLE = "{00020430-0000-0000-C000-000000000046}"
IID_IFILESYSTEM3 = "{2A0B9D10-4B87-11D3-A97A-00104B365C9F}"
IID_IFILESYSTEM = "{0AB5A3D0-E5B6-11D0-ABF5-00A0C90FFFC0}"
TYPE_E_LIBNOTREGISTERED = -2147319779
TYPE_E_CANTLOADLIBRARY = -2147312566
TYPE_E_ELEMENTNOTFOUND = -2147319765
DISP_E_UNKNOWNNAME = -2147352570
DISP_E_BADINDEX = -2147352565
E_INVALIDARG = -2147024809


def hresult_of(call: object, *args: object) -> int:
    with pytest.raises(ComError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.hresult


def scripting() -> com.TypeLibrary:
    return com.find_type_library(SCRIPTING, 1, 0, 0)


def test_the_system_libraries_are_registered_once_each() -> None:
    assert scripting() is scripting()
    for libid, version, name in (
        (SCRIPTING, (1, 0), "Scripting"),
        (WSH, (1, 0), "IWshRuntimeLibrary"),
        (REGEXP, (5, 5), "VBScript_RegExp_55"),
        (STDOLE, (2, 0), "stdole"),
    ):
        library = com.find_type_library(libid, *version, 1033)  # any locale: the neutral one
        assert library.documentation(-1)[0] == name
        assert library.attributes() == com.LibAttr(libid, 0, 3, version, 8)


def test_a_version_is_found_by_major_and_at_least_its_minor() -> None:
    assert com.find_type_library(REGEXP, 5, 0, 0) is com.find_type_library(REGEXP, 5, 5, 0)
    for major, minor in ((5, 6), (4, 0), (6, 0)):
        assert hresult_of(com.find_type_library, REGEXP, major, minor, 0) == (
            TYPE_E_LIBNOTREGISTERED
        )
    assert hresult_of(com.type_library_path, REGEXP, 1, 0, 0) == TYPE_E_LIBNOTREGISTERED


def test_a_library_loads_by_the_file_name_its_path_gives() -> None:
    path = com.type_library_path(SCRIPTING, 1, 0, 0)
    assert path.lower() == r"c:\windows\system32\scrrun.dll"
    assert com.load_type_library(path) is scripting()
    assert com.load_type_library("SCRRUN.DLL") is scripting()
    regexp = com.type_library_path(REGEXP, 5, 5, 0)
    assert com.load_type_library(regexp) is com.find_type_library(REGEXP, 5, 5, 0)
    assert com.load_type_library("stdole2.tlb").documentation(-1)[0] == "stdole"
    for other in ("/tmp/my.tlb", "scrrun.dll.bak", ""):
        assert hresult_of(com.load_type_library, other) == TYPE_E_CANTLOADLIBRARY
    with pytest.raises(TypeError):
        com.load_type_library(b"scrrun.dll")  # type: ignore[arg-type]


def test_a_dispatch_interface_lists_idispatch_then_its_bases_then_its_own() -> None:
    library = scripting()
    derived = library.type_info_of_guid(IID_IFILESYSTEM3)
    base = library.type_info_of_guid(IID_IFILESYSTEM)
    attr = derived.attributes()
    assert (attr.kind, attr.func_count, attr.impl_count, attr.vtable_size) == (4, 34, 1, 56)
    assert base.attributes().func_count == 32
    own = [derived.names(derived.function(i).memid)[0] for i in range(32, 34)]
    assert own == ["GetStandardStream", "GetFileVersion"]
    first = [derived.function(i) for i in range(7)]
    assert [f.memid for f in first][:3] == [0x60000000, 0x60000001, 0x60000002]
    assert all(f.flags & 1 for f in first)  # restricted
    assert [f.vtable_offset for f in first] == [0, 8, 16, 24, 32, 40, 48]
    assert derived.interface_iids() == {IID_IFILESYSTEM3, IID_IFILESYSTEM}
    idispatch = derived.ref_type_info(derived.ref_type_of_impl_type(0))
    assert idispatch.name == "IDispatch"
    assert idispatch.containing_library()[0].name == "stdole"


def test_a_function_describes_its_parameters_as_elements() -> None:
    info = scripting().type_info_of_guid(IID_IFILESYSTEM3)
    index = next(i for i in range(info.attributes().func_count) if info.function(i).memid == 1101)
    desc = info.function(index)
    assert desc.params == ((8, 1, None), (11, 49, True), (11, 49, False))
    kind, inner = desc.returns[0]
    assert kind == 26  # VT_PTR
    assert info.ref_type_info(inner[1]).name == "ITextStream"
    assert (desc.invkind, desc.funckind, desc.callconv) == (1, 4, 4)
    assert info.documentation(1204)[:3] == ("MoveFile", "Move a file", 2182059)


def test_names_and_ids_answer_as_getidsofnames_does() -> None:
    info = scripting().type_info_of_guid(IID_IFILESYSTEM3)
    assert info.ids_of_names("opentextfile", "FORMAT", "IOMode") == [1100, 3, 1]
    assert hresult_of(info.ids_of_names, "Nope") == DISP_E_UNKNOWNNAME
    assert hresult_of(info.ids_of_names, "OpenTextFile", "Nope") == DISP_E_UNKNOWNNAME
    assert info.names(10010) == ("Drives",)
    assert hresult_of(info.names, 4242) == TYPE_E_ELEMENTNOTFOUND


def test_enumerations_and_coclasses() -> None:
    library = scripting()
    names = [library.type_info(i).name for i in range(len(library))]
    tristate = library.type_info(names.index("Tristate"))
    values = [tristate.variable(i) for i in range(tristate.attributes().var_count)]
    assert [(tristate.names(v.memid)[0], v.value) for v in values] == [
        ("TristateTrue", -1), ("TristateFalse", 0), ("TristateUseDefault", -2),
        ("TristateMixed", -2),
    ]  # fmt: skip
    assert {v.kind for v in values} == {2}
    fso = library.type_info_of_guid("{0D43FE01-F093-11CF-8940-00A0C9054228}")
    assert (fso.kind, fso.impl_type_flags(0)) == (5, 1)
    assert fso.ref_type_info(fso.ref_type_of_impl_type(0)).name == "IFileSystem3"
    assert fso.attributes().version == (1, 0)
    assert hresult_of(fso.impl_type_flags, 1) == TYPE_E_ELEMENTNOTFOUND
    assert hresult_of(tristate.ref_type_of_impl_type, 0) == TYPE_E_ELEMENTNOTFOUND
    assert hresult_of(fso.ref_type_info, 4 * 999) == E_INVALIDARG
    assert hresult_of(library.type_info, len(library)) == TYPE_E_ELEMENTNOTFOUND
    assert hresult_of(library.type_info_of_guid, "{00020400-0000-0000-C000-000000000046}") == (
        TYPE_E_ELEMENTNOTFOUND
    )
    with pytest.raises(TypeError):
        library.type_info(True)


def test_the_system_objects_give_their_type_information() -> None:
    com.initialize()
    try:
        for progid, name in (
            ("Scripting.FileSystemObject", "IFileSystem3"),
            ("Scripting.Dictionary", "IDictionary"),
            ("VBScript.RegExp", "IRegExp2"),
            ("WScript.Shell", "IWshShell3"),
            ("WScript.Network", "IWshNetwork2"),
        ):
            pointer = com.create_object(progid)
            assert pointer.type_info_count() == 1
            assert pointer.type_info().name == name
            assert hresult_of(pointer.type_info, 1) == DISP_E_BADINDEX
            if type(pointer._gateway()).__name__ == "Proxy":
                continue  # (a dual interface has no marshaler to cross apartments with)
            # the object answers QueryInterface for its dual interface (and its bases)
            for iid in pointer.type_info().interface_iids():
                found = pointer.query_interface(iid, com.IID_IDISPATCH)
                assert found.object_id == pointer.object_id
        folder = com.create_object("Scripting.FileSystemObject").invoke("GetFolder", 1, "/")
        assert folder.type_info().name == "IFolder"
    finally:
        com.uninitialize()


def test_a_python_server_has_no_type_information() -> None:
    class Plain:
        _public_methods_ = ["Go"]

        def Go(self) -> int:  # noqa: N802 - a COM method's name
            return 1

    com.initialize()
    try:
        pointer = com.wrap(Plain())
        assert pointer.type_info_count() == 0
        assert hresult_of(pointer.type_info) == DISP_E_BADINDEX
    finally:
        com.uninitialize()


def test_a_library_binds_its_enumerations_constants_by_name() -> None:
    library = scripting()
    found = library.bind_constant("forappending")
    assert found is not None
    info, index = found
    assert info.name == "IOMode" and info.variable(index).value == 8
    assert library.bind_constant("IOMode") is None  # a type's name is no constant
    wbem = com.find_type_library("{565783C6-CB41-11D1-8B02-00600806D9B6}", 1, 2, 0)
    assert wbem.bind_constant("wbemFlagReturnImmediately") is not None


def test_named_arguments_need_the_objects_type_information() -> None:
    class Plain:
        _public_methods_ = ["Go"]

        def Go(self, first: object = None, second: object = None) -> object:  # noqa: N802
            return second

    com.initialize()
    try:
        typed = com.DispatchClient(com.create_object("Scripting.Dictionary"))
        typed.Add(Key="a", Item=1)
        assert typed.Item(Key="a") == 1
        plain = com.DispatchClient(com.wrap(Plain()))
        assert plain.Go(1, 2) == 2
        with pytest.raises(TypeError, match="unexpected keyword argument 'second'"):
            plain.Go(second=2)
    finally:
        com.uninitialize()


def test_type_information_crosses_apartments_as_itself() -> None:
    found: list[object] = []

    def in_the_mta() -> None:
        com.initialize(multithreaded=True)
        try:
            shell = com.create_object("WScript.Shell")  # apartment-threaded: a proxy here
            found.append(type(shell._gateway()).__name__)
            found.append(shell.type_info())
        finally:
            com.uninitialize()

    thread = threading.Thread(target=in_the_mta)
    thread.start()
    thread.join(30)
    assert found[0] == "Proxy"
    assert found[1] is com.described_type(WSH, (1, 0), "IWshShell3")


def test_libraries_are_built_once_under_concurrent_first_use() -> None:
    barrier = threading.Barrier(4)
    found: list[com.TypeLibrary] = []

    def look() -> None:
        barrier.wait()
        found.append(com.find_type_library(WSH, 1, 0, 0))

    threads = [threading.Thread(target=look) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(library) for library in found}) == 1


def test_the_plan_of_generated_code_follows_makepys_rules() -> None:
    plan = com.plan_library(scripting())
    assert ("ForReading", 1, "IOMode") in plan.constants
    interfaces = {i.name: i for i in plan.interfaces}
    dictionary = interfaces["IDictionary"]
    methods = {m.name: m for m in dictionary.methods}
    assert {"Item", "SetItem", "Add", "Key", "HashVal"} <= set(methods)  # getters with args
    assert "SetRefItem" not in methods  # a putref next to a put adds nothing
    assert methods["Add"].arg_types == ((16396, 1), (16396, 1))  # VARIANT*: byref variants
    assert [g.name for g in dictionary.gets] == ["Count", "CompareMode"]
    assert [p.name for p in dictionary.puts] == ["CompareMode"]
    assert dictionary.puts[0].arg_types == ((3, 1),)  # an enumeration goes as VT_I4
    assert dictionary.default is not None and dictionary.default.name == "Item"
    assert dictionary.enumerable
    assert dictionary.count is not None and dictionary.count.memid == 2
    assert dictionary.coclass_clsid == "{EE09B103-97E0-11CF-978F-00A02463E06F}"
    fso = {m.name: m for m in interfaces["IFileSystem3"].methods}
    open_text = fso["OpenTextFile"]
    assert open_text.arg_types == ((8, 1), (3, 49, 1), (11, 49, False), (3, 49, 0))
    assert open_text.result == (9, 0)
    assert open_text.result_iid == "{53BAD8C1-E718-11CF-893D-00A0C9054228}"
    assert open_text.params[1] == ("IOMode", True, True, 1)
    assert "QueryInterface" not in fso  # restricted functions are left out
    coclasses = {c.name: c for c in plan.coclasses}
    assert coclasses["FileSystemObject"].default == "IFileSystem3"
    assert coclasses["FileSystemObject"].sources == ()
