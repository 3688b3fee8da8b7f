"""The layers depend downward only, through named APIs, and no import cycle stands at run time.

* A layer imports nothing above it.
* No module imports another package's private module: a layer reaches below another only
  through its public names and its ``lowlevel`` module (``apartment.kernel.lowlevel``, ...).
* The modules' run-time imports (at module level or deferred into a function; not the ones
  under ``if TYPE_CHECKING:``) form no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "apartment"
LAYERS = [
    "kernel",
    "registry",
    "messages",
    "gdi",
    "com",
    "services",
    "win32",
]  # each may import only those before it
SHARED = {"errors", "_clock", "_fork", "_lazy", "_pids", "_runtime", "_sqlite", "_wire", "testing"}


def _from_module(package: str, node: ast.ImportFrom) -> str:
    """The absolute name of the module a ``from ... import`` in ``package`` reads."""
    if not node.level:
        return node.module or ""
    base = package.split(".")[: len(package.split(".")) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(path: Path) -> list[str]:
    """Return the absolute apartment module names a file imports."""
    package = ".".join(["apartment", *path.relative_to(SRC).with_suffix("").parts[:-1]])
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("apartment")]
        elif isinstance(node, ast.ImportFrom):
            module = _from_module(package, node)
            if module.startswith("apartment"):
                found.append(module)
                found += [f"{module}.{alias.name}" for alias in node.names]
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(["apartment", *parts])


def _private_owner(module: str) -> str | None:
    """The package a private name belongs to (``apartment.kernel`` for ``..kernel._core``)."""
    parts = module.split(".")
    for index, part in enumerate(parts[1:], start=1):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:index])
    return None


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_nothing_above_it(layer: str) -> None:
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])  # the shared modules are let through below
    assert (SRC / layer).is_dir(), f"no {layer} layer"
    for path in (SRC / layer).rglob("*.py"):
        for module in _imports(path):
            target = _layer(module)
            if target is None or target in SHARED - {"testing"}:
                continue
            assert target in allowed, f"{path.relative_to(SRC)} imports {module}"


def test_no_module_imports_another_packages_private_module() -> None:
    for path in SRC.rglob("*.py"):
        importer = _module_name(path)
        package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
        for module in _imports(path):
            owner = _private_owner(module)
            if owner is None or package == owner or package.startswith(owner + "."):
                continue
            raise AssertionError(
                f"{path.relative_to(SRC)} imports {module}, private to {owner}; "
                f"use {owner}'s public names or its lowlevel module"
            )


def _runtime_imports(path: Path, known: set[str]) -> set[str]:
    """The src modules a file imports when it runs (TYPE_CHECKING blocks left out)."""
    tree = ast.parse(path.read_text())
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = _from_module(package, node)
            for alias in node.names:  # a submodule, else a name the module itself defines
                submodule = f"{module}.{alias.name}"
                found.add(submodule if submodule in known else module)
    return {module for module in found if module in known and module != name}


def test_no_import_cycle_at_run_time() -> None:
    paths = {_module_name(path): path for path in SRC.rglob("*.py")}
    graph = {name: _runtime_imports(path, set(paths)) for name, path in paths.items()}
    # Tarjan's strongly connected components; any component of two or more is a cycle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for succ in graph[node]:
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not cycles, f"run-time import cycles: {cycles}"


def test_the_facade_uses_only_public_core_names() -> None:
    assert (SRC / "win32").is_dir(), "no win32 layer"
    for path in (SRC / "win32").rglob("*.py"):
        for module in _imports(path):
            parts = module.split(".")
            if len(parts) > 2 and parts[1] in LAYERS[:-1]:
                assert not any(part.startswith("_") for part in parts[2:]), (
                    f"{path.relative_to(SRC)} reaches into {module}"
                )


def test_the_core_never_spells_win32_names() -> None:
    for layer in LAYERS[:-1]:
        assert (SRC / layer).is_dir(), f"no {layer} layer"
        for path in (SRC / layer).rglob("*.py"):
            tree = ast.parse(path.read_text())
            names = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
            camel = [name for name in names if name[:1].isupper()]
            assert not camel, f"{path.relative_to(SRC)} defines Win32-style functions {camel}"
