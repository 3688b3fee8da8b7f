"""The class registry: the SQLite file, pywin32's _reg_*_ attributes, errors, CLI verbs."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import textwrap
import threading
import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import _registry_cli as _cli
from apartment.com import (
    ClassEntry,
    ClassLoadError,
    RegistryError,
    clsid_from_progid,
    entries,
    entry_from_class,
    load_class,
    lookup,
    lookup_clsid,
    lookup_progid,
    normalize_clsid,
    register,
    registry_path,
    unregister,
)
from apartment.com import _registry_store as _registry
from apartment.errors import ClassNotRegisteredError, ClassStringError, ComError, describe
from apartment.win32.win32com.server import register as facade

from .._subprocess import run_python

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

CO_E_CLASSSTRING = -2147221005
REGDB_E_CLASSNOTREG = -2147221164
CO_E_DLLNOTFOUND = -2147221000
CLASS_E_CLASSNOTAVAILABLE = -2147221231


def new_clsid() -> str:
    return "{" + str(uuid.uuid4()).upper() + "}"


def unique(prefix: str) -> str:
    """A module name no other test (or earlier run in this process) uses."""
    return f"regtest_{prefix}_{uuid.uuid4().hex[:12]}"


@pytest.fixture(autouse=True)
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point APARTMENT_REGISTRY at a fresh file (in a directory that does not exist yet)."""
    path = tmp_path / "data" / "registry.sqlite3"
    monkeypatch.setenv("APARTMENT_REGISTRY", str(path))
    return path


@pytest.fixture
def isolated_imports(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Undo what load_class does to sys.path and sys.modules."""
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield
    for name in [name for name in sys.modules if name.startswith("regtest_")]:
        del sys.modules[name]


# -- the file ----------------------------------------------------------------------------------


def test_the_file_is_created_in_wal_mode_with_the_schema_version(registry: Path) -> None:
    assert entries() == []
    assert not registry.exists()  # reading an empty registry makes no file
    register(ClassEntry(clsid=new_clsid(), progid="RegTest.Made", class_spec="mod.Server"))
    assert registry.is_file()
    conn = sqlite3.connect(registry)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == _registry.SCHEMA_VERSION
    finally:
        conn.close()


def test_the_default_path_is_in_the_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("APARTMENT_REGISTRY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert registry_path() == tmp_path / "xdg" / "apartment" / "registry.sqlite3"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")  # the XDG spec ignores relative paths
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".local" / "share" / "apartment" / "registry.sqlite3"
    assert registry_path() == expected


def test_a_newer_schema_version_is_refused_with_the_fix(registry: Path) -> None:
    registry.parent.mkdir()
    conn = sqlite3.connect(registry)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with pytest.raises(RegistryError, match="schema version 2") as caught:
        entries()
    assert "APARTMENT_REGISTRY" in describe(caught.value)
    assert "upgrade apartment" in describe(caught.value)


def test_another_database_or_file_is_refused(registry: Path) -> None:
    registry.parent.mkdir()
    conn = sqlite3.connect(registry)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.close()
    with pytest.raises(RegistryError, match="not an apartment class registry"):
        lookup_progid("Any.Thing")
    registry.unlink()
    registry.write_bytes(b"this is not a database, just text of some length" * 40)
    with pytest.raises(RegistryError, match="APARTMENT_REGISTRY"):
        entries()


# -- register and look up ------------------------------------------------------------------------


def test_register_then_look_up_by_progid_and_clsid_in_any_case() -> None:
    clsid = new_clsid()
    entry = ClassEntry(clsid=clsid.lower(), progid="RegTest.Lookup", class_spec="mod.Server")
    assert entry.clsid == clsid  # canonical: upper case
    register(entry)

    found = lookup_progid("regtest.LOOKUP")
    assert found == dataclasses.replace(entry, registered_at=found.registered_at)
    assert found.registered_at > 0
    assert lookup_clsid(clsid.lower()) == found
    assert lookup_clsid(uuid.UUID(clsid[1:-1])) == found
    assert lookup("REGTEST.lookup") == lookup(clsid) == found
    assert clsid_from_progid("RegTest.Lookup") == clsid
    assert clsid_from_progid(clsid.lower()) == clsid


def test_a_version_dependent_progid_names_the_class_too() -> None:
    clsid = new_clsid()
    register(
        ClassEntry(clsid=clsid, progid="RegTest.Ver", verprogid="RegTest.Ver.2", class_spec="m.C")
    )
    assert lookup_progid("regtest.ver.2").clsid == clsid


def test_clsid_from_string_of_a_wellformed_unregistered_clsid_does_not_look_it_up() -> None:
    clsid = new_clsid()
    assert clsid_from_progid(clsid) == clsid  # CLSIDFromString parses, it does not check
    with pytest.raises(ClassNotRegisteredError):
        lookup(clsid)


def test_normalize_clsid_gives_the_canonical_form() -> None:
    value = uuid.uuid4()
    canonical = "{" + str(value).upper() + "}"
    assert normalize_clsid(value) == normalize_clsid(canonical.lower()) == canonical
    with pytest.raises(TypeError):
        normalize_clsid(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "00000000-0000-0000-0000-000000000000",  # braces are required
        "{00000000-0000-0000-0000-00000000000}",
        "{00000000-0000-0000-0000-00000000000G}",
        "{000000000000-0000-0000-0000-00000000}",
        " {00000000-0000-0000-0000-000000000000}",
        "{00000000-0000-0000-0000-000000000000}x",
        "{}",
    ],
)
def test_a_malformed_clsid_is_co_e_classstring(text: str) -> None:
    with pytest.raises(ClassStringError) as caught:
        lookup_clsid(text)
    error = caught.value
    assert isinstance(error, ComError)
    assert isinstance(error, ValueError)
    assert error.args == (CO_E_CLASSSTRING, "Invalid class string", None, None)
    assert "braces" in error.detail
    with pytest.raises(ClassStringError):
        unregister(text)
    with pytest.raises(ClassStringError):
        ClassEntry(clsid=text, class_spec="m.C")


def test_an_unknown_progid_is_co_e_classstring_naming_the_fix() -> None:
    for call in (lookup_progid, clsid_from_progid, lookup):
        with pytest.raises(ClassStringError) as caught:
            call("No.Such.ProgID")
        assert caught.value.hresult == CO_E_CLASSSTRING
        assert "python -m apartment register FILE" in caught.value.detail


def test_an_unregistered_clsid_is_regdb_e_classnotreg() -> None:
    with pytest.raises(ClassNotRegisteredError) as caught:
        lookup_clsid(new_clsid().lower())
    error = caught.value
    assert isinstance(error, LookupError)
    assert error.args == (REGDB_E_CLASSNOTREG, "Class not registered", None, None)
    assert "python -m apartment register FILE" in error.detail


def test_unregister_removes_the_class_and_its_progid() -> None:
    clsid = new_clsid()
    register(ClassEntry(clsid=clsid, progid="RegTest.Gone", class_spec="m.C"))
    assert unregister(clsid.lower())
    assert not unregister(clsid)
    with pytest.raises(ClassNotRegisteredError):
        lookup_clsid(clsid)
    with pytest.raises(ClassStringError):
        lookup_progid("RegTest.Gone")


def test_registering_a_progid_for_another_clsid_moves_it() -> None:
    first, second = new_clsid(), new_clsid()
    register(
        ClassEntry(
            clsid=first, progid="RegTest.Moved", verprogid="RegTest.Moved.1", class_spec="m.A"
        )
    )
    register(
        ClassEntry(
            clsid=second, progid="regtest.moved", verprogid="RegTest.Moved.1", class_spec="m.B"
        )
    )
    assert lookup_progid("RegTest.Moved").clsid == second
    assert lookup_progid("RegTest.Moved.1").clsid == second
    old = lookup_clsid(first)  # still registered by CLSID, without its ProgIDs
    assert (old.progid, old.verprogid, old.class_spec) == (None, None, "m.A")
    assert len(entries()) == 2


def test_registering_a_clsid_again_replaces_it() -> None:
    clsid = new_clsid()
    register(ClassEntry(clsid=clsid, progid="RegTest.Old", class_spec="m.C"))
    register(
        ClassEntry(clsid=clsid, progid="RegTest.New", class_spec="m.D", threading_model="free")
    )
    assert [(e.progid, e.class_spec, e.threading_model) for e in entries()] == [
        ("RegTest.New", "m.D", "free")
    ]
    with pytest.raises(ClassStringError):
        lookup_progid("RegTest.Old")


def test_entries_are_sorted_by_progid_then_clsid() -> None:
    ids = sorted(new_clsid() for _ in range(3))
    register(ClassEntry(clsid=ids[2], progid="b.Second", class_spec="m.C"))
    register(ClassEntry(clsid=ids[1], class_spec="m.C"))
    register(ClassEntry(clsid=ids[0], progid="A.First", class_spec="m.C"))
    assert [e.progid for e in entries()] == ["A.First", "b.Second", None]


def test_threads_register_through_their_own_connections() -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                register(ClassEntry(clsid=new_clsid(), progid=f"T{n}.C{i}", class_spec="m.C"))
        except BaseException as exc:  # reported below, not through the thread hook
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert len(entries()) == 40


def test_four_processes_registering_at_once_all_land(registry: Path) -> None:
    code = textwrap.dedent(
        """
        import sys, uuid
        from apartment.com import ClassEntry, register
        n = int(sys.argv[1])
        for i in range(25):
            clsid = "{" + str(uuid.uuid4()) + "}"
            register(ClassEntry(clsid=clsid, progid=f"Proc{n}.Class{i}", class_spec="m.C"))
        """
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for n in range(4)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err.decode()
    assert len(entries()) == 100
    assert {e.progid for e in entries()} == {
        f"Proc{n}.Class{i}" for n in range(4) for i in range(25)
    }


# -- pywin32's _reg_*_ attributes ---------------------------------------------------------------


def test_entry_from_class_uses_pywin32s_defaults() -> None:
    clsid = new_clsid()

    class Server:
        _reg_clsid_ = clsid.lower()
        _reg_progid_ = "RegTest.Defaults"

    entry = entry_from_class(Server)
    assert entry.clsid == clsid
    assert entry.progid == "RegTest.Defaults"
    assert entry.verprogid is None
    assert entry.description == "RegTest.Defaults"
    assert entry.threading_model == "both"
    assert entry.clsctx == 5
    assert entry.class_spec == f"{Server.__module__}.Server"
    assert entry.policy_spec is None


def test_entry_from_class_reads_every_attribute_through_base_classes() -> None:
    clsid = new_clsid()

    class Base:
        _reg_progid_ = "RegTest.Inherited"
        _reg_verprogid_ = "RegTest.Inherited.1"
        _reg_desc_ = "An inherited description"
        _reg_threading_ = "Apartment"
        _reg_clsctx_ = 1
        _reg_class_spec_ = "somewhere.Else"
        _reg_policy_spec_ = "policies.Custom"

    class Derived(Base):
        _reg_clsid_ = clsid

    entry = entry_from_class(Derived)
    assert dataclasses.astuple(entry)[:-1] == (
        clsid,
        "somewhere.Else",
        "RegTest.Inherited",
        "RegTest.Inherited.1",
        "An inherited description",
        "Apartment",
        1,
        None,  # an explicit spec in another module brings its own path
        "policies.Custom",
    )


def test_reg_threading_none_stores_an_empty_model() -> None:
    class Legacy:
        _reg_clsid_ = new_clsid()
        _reg_progid_ = "RegTest.Legacy"
        _reg_threading_ = None
        _reg_clsctx_ = 0  # pywin32: "if not clsctx" -> the default

    register(entry_from_class(Legacy))
    entry = lookup_progid("RegTest.Legacy")
    assert (entry.threading_model, entry.clsctx) == ("", 5)


def test_a_class_without_reg_clsid_is_an_attribute_error() -> None:
    class NoClsid:
        _reg_progid_ = "RegTest.NoClsid"

    with pytest.raises(AttributeError):
        entry_from_class(NoClsid)


def test_a_script_run_as_main_registers_its_file_name(
    tmp_path: Path, isolated_imports: None
) -> None:
    name = unique("script")
    clsid = new_clsid()
    script = tmp_path / f"{name}.py"
    script.write_text(
        textwrap.dedent(
            f"""
            from apartment.com import entry_from_class, register

            class Server:
                _reg_clsid_ = {clsid!r}
                _reg_progid_ = "RegTest.Script"

                def hello(self):
                    return "hello from " + __name__

            if __name__ == "__main__":
                register(entry_from_class(Server))
            """
        )
    )
    run_python(str(script))
    entry = lookup_progid("RegTest.Script")
    assert entry.class_spec == f"{name}.Server"
    assert entry.python_path == str(tmp_path)
    assert load_class(entry)().hello() == f"hello from {name}"


# -- load_class -----------------------------------------------------------------------------------


def test_load_class_imports_the_module_from_its_python_path(
    tmp_path: Path, isolated_imports: None
) -> None:
    name = unique("module")
    (tmp_path / f"{name}.py").write_text("class Server:\n    answer = 42\n")
    entry = ClassEntry(clsid=new_clsid(), class_spec=f"{name}.Server", python_path=str(tmp_path))
    register(entry)
    loaded = load_class(lookup_clsid(entry.clsid))
    assert loaded.__name__ == "Server"
    assert loaded.answer == 42  # type: ignore[attr-defined]
    assert sys.path[0] == str(tmp_path)
    assert load_class(entry) is loaded  # the path is added once, the module imported once
    assert sys.path.count(str(tmp_path)) == 1


def test_load_class_of_a_module_entry_from_class_built(
    tmp_path: Path, isolated_imports: None
) -> None:
    package = unique("package")
    (tmp_path / package).mkdir()
    (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / package / "servers.py").write_text(
        f"class Server:\n    _reg_clsid_ = {new_clsid()!r}\n"
    )
    sys.path.insert(0, str(tmp_path))
    module = __import__(f"{package}.servers", fromlist=["Server"])
    entry = entry_from_class(module.Server)
    assert entry.class_spec == f"{package}.servers.Server"
    assert entry.python_path == str(tmp_path)  # the directory the package imports from
    assert load_class(entry) is module.Server


def test_a_missing_module_is_co_e_dllnotfound(isolated_imports: None) -> None:
    name = unique("missing")
    entry = ClassEntry(clsid=new_clsid(), progid="RegTest.Missing", class_spec=f"{name}.Server")
    with pytest.raises(ClassLoadError) as caught:
        load_class(entry)
    error = caught.value
    assert isinstance(error, ImportError)
    assert isinstance(error.__cause__, ModuleNotFoundError)
    assert error.args == (CO_E_DLLNOTFOUND, "DLL for class not found", None, None)
    assert name in error.detail
    assert "RegTest.Missing" in error.detail
    assert "python -m apartment register FILE" in error.detail


def test_a_module_that_raises_on_import_is_co_e_dllnotfound(
    tmp_path: Path, isolated_imports: None
) -> None:
    name = unique("broken")
    (tmp_path / f"{name}.py").write_text("raise RuntimeError('broken on purpose')\n")
    entry = ClassEntry(clsid=new_clsid(), class_spec=f"{name}.Server", python_path=str(tmp_path))
    with pytest.raises(ClassLoadError, match="broken on purpose") as caught:
        load_class(entry)
    assert caught.value.hresult == CO_E_DLLNOTFOUND


def test_a_missing_class_is_class_e_classnotavailable(
    tmp_path: Path, isolated_imports: None
) -> None:
    name = unique("noclass")
    (tmp_path / f"{name}.py").write_text("Other = 1\n")
    path = str(tmp_path)
    for spec, what in (
        (f"{name}.Server", "has no class 'Server'"),
        (f"{name}.Other", "not a class"),
    ):
        entry = ClassEntry(clsid=new_clsid(), class_spec=spec, python_path=path)
        with pytest.raises(ClassLoadError, match=what) as caught:
            load_class(entry)
        assert caught.value.args == (
            CLASS_E_CLASSNOTAVAILABLE,
            "ClassFactory cannot supply requested class",
            None,
            None,
        )


# -- the facade: win32com.server.register -------------------------------------------------------


def test_register_classes_prints_as_pywin32_and_stores_the_entry(
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Server:
        _reg_clsid_ = new_clsid()
        _reg_progid_ = "RegTest.Facade"

    class NoProgID:
        _reg_clsid_ = new_clsid()

    facade.RegisterClasses(Server, NoProgID)
    spec = f"{NoProgID.__module__}.NoProgID"
    # pywin32: print("Registered:", progID or spec, debuggingDesc), so a trailing space
    assert capsys.readouterr().out == f"Registered: RegTest.Facade \nRegistered: {spec} \n"
    assert lookup_progid("RegTest.Facade") == dataclasses.replace(
        entry_from_class(Server), registered_at=lookup_progid("RegTest.Facade").registered_at
    )
    facade.RegisterClasses(Server, quiet=1)
    facade.RegisterClasses(Server, debug=1)
    assert capsys.readouterr().out == "Registered: RegTest.Facade (for debugging)\n"

    facade.UnregisterClasses(Server, NoProgID)
    assert (
        capsys.readouterr().out
        == f"Unregistered: RegTest.Facade\nUnregistered: {NoProgID._reg_clsid_}\n"
    )
    assert entries() == []


def test_a_uuid_reg_clsid_registers_and_unregisters(capsys: pytest.CaptureFixture[str]) -> None:
    class Server:
        _reg_clsid_ = uuid.uuid4()
        _reg_progid_ = "RegTest.Uuid"

    facade.RegisterClasses(Server, quiet=1)
    assert lookup_progid("RegTest.Uuid").clsid == normalize_clsid(Server._reg_clsid_)
    facade.UnregisterClasses(Server, quiet=1)
    assert entries() == []
    assert capsys.readouterr().out == ""


def test_register_classes_without_reg_clsid_is_an_attribute_error() -> None:
    class NoClsid:
        _reg_progid_ = "RegTest.NoClsid"

    with pytest.raises(AttributeError):
        facade.RegisterClasses(NoClsid)
    with pytest.raises(AttributeError):
        facade.UnregisterClasses(NoClsid)


def test_use_command_line_reads_sys_argv(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Server:
        _reg_clsid_ = new_clsid()
        _reg_progid_ = "RegTest.CommandLine"
        _reg_verprogid_ = "RegTest.CommandLine.1"

    monkeypatch.setattr(sys, "argv", ["server.py"])
    assert facade.UseCommandLine(Server) is None
    assert lookup_progid("RegTest.CommandLine").clsid == Server._reg_clsid_

    monkeypatch.setattr(sys, "argv", ["server.py", "--unregister_info"])
    root = -2147483648  # HKEY_CLASSES_ROOT
    assert facade.UseCommandLine(Server) == [
        (f"CLSID\\{Server._reg_clsid_}", root),
        ("RegTest.CommandLine.1", root),
        ("RegTest.CommandLine", root),
        (f"AppID\\{Server._reg_clsid_}", root),
    ]
    assert lookup_progid("RegTest.CommandLine")  # still registered

    monkeypatch.setattr(sys, "argv", ["server.py", "--unregister", "--quiet"])
    facade.UseCommandLine(Server)
    assert capsys.readouterr().out == "Registered: RegTest.CommandLine \n"
    with pytest.raises(ClassNotRegisteredError):
        lookup_clsid(Server._reg_clsid_)


def test_register_server_takes_explicit_values() -> None:
    clsid = new_clsid()
    facade.RegisterServer(clsid, "mod.Server", progID="RegTest.Explicit", threadingModel=None)
    entry = lookup_clsid(clsid)
    assert (entry.class_spec, entry.description, entry.threading_model, entry.clsctx) == (
        "mod.Server",
        "",
        "",
        5,
    )
    with pytest.raises(TypeError):
        facade.RegisterServer(new_clsid())
    facade.UnregisterServer(clsid)
    assert entries() == []


# -- the command line ------------------------------------------------------------------------------


def test_cli_register_classes_and_unregister_a_file(
    tmp_path: Path, registry: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clsid, legacy = new_clsid(), new_clsid()
    script = tmp_path / f"{unique('cli')}.py"
    script.write_text(
        textwrap.dedent(
            f"""
            class Server:
                _reg_clsid_ = {clsid!r}
                _reg_progid_ = "RegTest.Cli"
                _reg_threading_ = "Apartment"

            class Alias(Server):  # inherits the CLSID: not a second server
                pass

            class Legacy:
                _reg_clsid_ = {legacy.lower()!r}
                _reg_threading_ = None

            if __name__ == "__main__":
                raise SystemExit("register FILE must not run the __main__ block")
            """
        )
    )
    path_before, modules_before = list(sys.path), set(sys.modules)
    assert _cli.register_main([str(script)]) == 0
    assert (list(sys.path), set(sys.modules)) == (path_before, modules_before)
    out = capsys.readouterr().out
    assert out == f"Registered: RegTest.Cli\nRegistered: {script.stem}.Legacy\n"
    entry = lookup_progid("RegTest.Cli")
    assert (entry.class_spec, entry.python_path) == (f"{script.stem}.Server", str(tmp_path))

    assert _cli.classes_main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Classes registered in {registry}:"
    assert lines[1].split() == ["ProgID", "CLSID", "ThreadingModel", "Class"]
    assert lines[2].split() == ["RegTest.Cli", clsid, "Apartment", f"{script.stem}.Server"]
    assert lines[3].split()[0] == "-"
    assert lines[3].split()[2:] == ["-", f"{script.stem}.Legacy"]

    assert _cli.unregister_main([str(script)]) == 0
    assert _cli.unregister_main([str(script)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Unregistered: RegTest.Cli",
        f"Unregistered: {legacy}",
        "Not registered: RegTest.Cli",
        f"Not registered: {legacy}",
    ]
    assert _cli.classes_main([]) == 0
    assert capsys.readouterr().out == f"No classes are registered in {registry}.\n"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (None, "no such file"),
        ("x = 1\n", "defines no class with a _reg_clsid_"),
        ("class A:\n    _reg_clsid_ = 'not-a-clsid'\n", "is not a CLSID string"),
        ("raise ImportError('no pythoncom here')\n", "no pythoncom here"),
    ],
)
def test_cli_errors_exit_2_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str | None, message: str
) -> None:
    script = tmp_path / f"{unique('bad')}.py"
    if source is not None:
        script.write_text(source)
    assert _cli.register_main([str(script)]) == 2
    assert message in capsys.readouterr().err
    assert _cli.unregister_main([str(script)]) == 2
    assert entries() == []


def test_cli_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli.register_main([]) == 2
    assert _cli.classes_main(["extra"]) == 2
    assert "usage: python -m apartment" in capsys.readouterr().err
