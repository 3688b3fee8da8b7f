"""Packages whose re-exports are imported on first use (apartment._lazy).

What they re-export is unchanged (the same objects as their ``_exports`` modules'), a fresh
process imports only what it uses, and a module whose import plugs something into another
module is still imported with its package.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import apartment
from apartment import _lazy

if TYPE_CHECKING:
    from types import ModuleType

SRC = Path(apartment.__file__).resolve().parent.parent
LAZY = ["apartment", "apartment.kernel", "apartment.messages"]
HARMLESS = {"after_fork_in_child", "hold_across_fork", "register_at_fork", "atexit.register"}
"""Module-level calls that only matter once the module was used (they reset its own state)."""


def _python(code: str, *, path: Path = SRC) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env={"PYTHONPATH": str(path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _exports(package: str) -> ModuleType:
    return importlib.import_module(f"{package}._exports")


def _file(package: str, name: str) -> Path:
    return SRC.joinpath(*package.split("."), f"{name}.py")


@pytest.mark.parametrize("package", LAZY)
def test_every_re_export_is_the_exports_modules_object(package: str) -> None:
    module = importlib.import_module(package)
    exports = _exports(package)
    for name in exports.__all__:
        assert getattr(module, name) is getattr(exports, name), name
        assert name in module.__all__
        assert name in dir(module)


@pytest.mark.parametrize("package", LAZY)
def test_the_init_sees_every_import_the_exports_file_has(package: str) -> None:
    # A re-export written in another form (two lines, a star) would be invisible at run time.
    tree = ast.parse(_file(package, "_exports").read_text())
    written = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    found = _lazy._read(str(_file(package, "_exports")))
    assert found is not None
    where, names = found
    assert set(where) == written
    assert names == list(_exports(package).__all__)


def test_an_unknown_name_is_an_attribute_error() -> None:
    from apartment import kernel

    with pytest.raises(AttributeError, match=r"'apartment\.kernel' has no attribute 'no_such_"):
        _ = kernel.no_such_name  # type: ignore[attr-defined]


def test_a_fresh_process_imports_only_what_it_uses() -> None:
    out = _python(
        """
        import sys
        import apartment.messages
        from apartment import kernel
        print("apartment.kernel._backup" in sys.modules, "asyncio" in sys.modules)
        kernel.backup_read
        print("apartment.kernel._backup" in sys.modules)
        """
    )
    assert out.split() == ["False", "False", "True"]


def test_threads_asking_for_one_name_at_once_get_one_object() -> None:
    out = _python(
        """
        import threading
        from apartment import kernel

        barrier = threading.Barrier(8)
        seen = []
        lock = threading.Lock()

        def ask():
            barrier.wait()
            value = kernel.backup_read
            with lock:
                seen.append(value)

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(len(seen), len({id(value) for value in seen}))
        """
    )
    assert out.split() == ["8", "1"]


def test_without_the_source_the_exports_are_imported_at_once(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "_one.py").write_text("VALUE = 1\n")
    (package / "_exports.py").write_text(
        'from ._one import VALUE as VALUE\n\n__all__ = [\n    "VALUE",\n]\n'
    )
    (package / "__init__.py").write_text(
        "from apartment._lazy import lazy_exports\n\n"
        "__getattr__, __dir__, __all__ = lazy_exports(__name__)\n"
    )
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-b", str(package / "_exports.py")], check=True
    )
    (package / "_exports.py").unlink()  # only its bytecode is left
    out = _python(
        """
        import sys
        import pkg
        print("pkg._one" in sys.modules, pkg.VALUE, pkg.__all__)
        """,
        path=Path(f"{SRC}:{tmp_path}"),
    )
    assert out.split() == ["True", "1", "['VALUE']"]


def _plugs_in(path: Path) -> bool:
    """Whether the module's import changes another module's state (a hook, a table)."""
    tree = ast.parse(path.read_text())
    imported: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imported.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            call = node.value.func
            if ast.unparse(call) in HARMLESS or getattr(call, "attr", None) in HARMLESS:
                continue
            targets = [call]
        elif isinstance(node, ast.Assign):
            targets = [t for t in node.targets if isinstance(t, (ast.Attribute, ast.Subscript))]
        for target in targets:
            root = target
            while isinstance(root, (ast.Attribute, ast.Subscript, ast.Call)):
                root = root.func if isinstance(root, ast.Call) else root.value
            if isinstance(root, ast.Name) and root.id in imported:
                return True
    return False


@pytest.mark.parametrize("package", ["apartment.kernel", "apartment.messages"])
def test_modules_that_plug_in_are_imported_with_their_package(package: str) -> None:
    folder = SRC.joinpath(*package.split("."))
    plugging = sorted(
        f"{package}.{path.stem}"
        for path in folder.glob("_*.py")
        if path.stem not in ("__init__", "_exports") and _plugs_in(path)
    )
    assert plugging  # the scan sees the known ones
    out = _python(f"import sys, {package}\nprint(sorted(sys.modules))")
    loaded = set(ast.literal_eval(out))
    assert [name for name in plugging if name not in loaded] == []
