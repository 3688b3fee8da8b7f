"""RegOverridePredefKey's core: a predefined handle names another key until restored."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment import registry
from apartment.errors import Win32Error

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def user_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user-registry.sqlite3"
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(path))
    return path


def test_an_override_redirects_the_predefined_handle_until_restored() -> None:
    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    target, _ = registry.create_key(root, "Software\\s25\\target")
    registry.override_predefined(registry.HKEY_LOCAL_MACHINE, target)
    try:
        assert registry.key_of_handle(registry.HKEY_LOCAL_MACHINE) is target
        signed = registry.HKEY_LOCAL_MACHINE - 2**32  # pywin32's signed spelling
        assert registry.key_of_handle(signed) is target
        assert registry.key_of_handle(registry.HKEY_CURRENT_USER) is root
    finally:
        registry.override_predefined(registry.HKEY_LOCAL_MACHINE, None)
    assert registry.key_of_handle(registry.HKEY_LOCAL_MACHINE) is not target


def test_only_the_six_roots_can_be_overridden() -> None:
    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    for handle in (0x80000006, 0x80000050, 0x1234):
        with pytest.raises(Win32Error) as caught:
            registry.override_predefined(handle, root)
        assert caught.value.winerror == 6
    registry.override_predefined(0x80000005, None)  # HKEY_CURRENT_CONFIG: nothing to restore
