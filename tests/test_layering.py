"""The layers depend downward only, and the facade uses only the core's public names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "apartment"
LAYERS = ["kernel", "messages", "com", "win32"]  # each may import only those before it
SHARED = {"errors", "_clock", "testing"}


def _imports(path: Path) -> list[str]:
    """Return the absolute apartment module names a file imports."""
    package = ".".join(["apartment", *path.relative_to(SRC).with_suffix("").parts[:-1]])
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("apartment")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.startswith("apartment"):
                found.append(module)
                found += [f"{module}.{alias.name}" for alias in node.names]
    return found


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
