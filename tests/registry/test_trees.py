"""The registry's tree calls and hive refusals, in the core."""

from __future__ import annotations

import contextlib
import uuid

import msgpack
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import registry
from apartment.errors import (
    ERROR_BAD_NETPATH,
    ERROR_PRIVILEGE_NOT_HELD,
    ERROR_REGISTRY_CORRUPT,
    Win32Error,
)
from apartment.registry import _hives


def test_copy_and_delete_a_tree() -> None:
    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    name = f"Software\\core-trees-{uuid.uuid4().hex}"
    base, _ = registry.create_key(root, name)
    try:
        deep, _ = registry.create_key(base, "A\\Deep")
        deep.set_value("v", registry.REG_SZ, "x")
        target, _ = registry.create_key(base, "B")
        registry.copy_tree(base, "A", target)
        registry.copy_tree(base, None, registry.create_key(base, "A\\Deep\\Inner")[0])
        assert [n for n, _ in registry.subkeys_with_times(target)] == ["Deep"]
        assert registry.open_key(target, "Deep").query_value("v") == ("x", registry.REG_SZ)
        registry.delete_tree(base, "A")
        assert [n for n, _ in registry.subkeys_with_times(base)] == ["B"]
    finally:
        registry.delete_tree(root, name)
    with pytest.raises(Win32Error):
        registry.open_key(root, name)


def test_hives_need_privileges_and_other_computers_are_refused() -> None:
    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    with pytest.raises(Win32Error) as info:
        registry.save_key(root, "/tmp/x")
    assert info.value.winerror == ERROR_PRIVILEGE_NOT_HELD
    assert registry.connect_registry(None, registry.HKEY_CURRENT_USER) == (
        registry.HKEY_CURRENT_USER
    )
    with pytest.raises(Win32Error) as info:
        registry.connect_registry("elsewhere-s19", registry.HKEY_CURRENT_USER)
    assert info.value.winerror == ERROR_BAD_NETPATH


@given(st.binary(max_size=300))
@settings(max_examples=200)
def test_any_bytes_after_the_magic_restore_nothing_or_a_tree(tail: bytes) -> None:
    tree = None
    with contextlib.suppress(Win32Error):
        tree = _hives._parse(_hives._MAGIC + tail, "fuzzed")
    if tree is not None:
        values, children = tree
        assert isinstance(values, list) and isinstance(children, list)


@pytest.mark.parametrize(
    "shape",
    [[[], [], []], [[["v", "v", 1, "not bytes"]], []], {"a": 1}, [[], [["k", "k", [[], 5]]]]],
)
def test_a_parse_refuses_wrong_shapes(shape: object) -> None:
    data = _hives._MAGIC + msgpack.packb(shape, use_bin_type=True)
    with pytest.raises(Win32Error) as info:
        _hives._parse(data, "shaped")
    assert info.value.winerror == ERROR_REGISTRY_CORRUPT


def test_a_tree_deeper_than_a_key_path_can_be_is_refused() -> None:
    deep: list[object] = [[], []]
    for _ in range(600):
        deep = [[], [["k", "k", deep]]]
    assert not _hives._is_tree(deep, 0)
