"""The registry's tree calls and hive refusals, in the core."""

from __future__ import annotations

import uuid

import pytest

from apartment import registry
from apartment.errors import ERROR_BAD_NETPATH, ERROR_PRIVILEGE_NOT_HELD, Win32Error


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
