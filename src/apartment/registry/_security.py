r"""Security descriptors of registry keys: owner, group and access lists, kept per key.

A key gets its creator's default descriptor (full access, KEY_ALL_ACCESS, for the user, or
BUILTIN\Administrators for root, and SYSTEM) the first time one is asked for, and keeps what
is set, by its path, in this process: another process sees the default one. Windows' rules
for the parts hold (``apartment.kernel.merge_parts``); nothing is enforced by them.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .. import kernel
from ..errors import ERROR_FILE_NOT_FOUND, Win32Error
from ._keys import open_key, root_key

if TYPE_CHECKING:
    from ._keys import Key

__all__ = ["key_security", "set_key_security", "key_by_name"]

_lock = threading.Lock()
_descriptors: dict[str, kernel.Descriptor] = {}  # by the key's path, case folded
# The names GetNamedSecurityInfo gives the modelled predefined keys.
_ROOTS = {
    "CURRENT_USER": "HKEY_CURRENT_USER",
    "MACHINE": "HKEY_LOCAL_MACHINE",
    "USERS": "HKEY_USERS",
}


def key_by_name(name: str) -> Key:
    r"""The key an object name names: ``CURRENT_USER\\Software\\...`` (SE_REGISTRY_KEY).

    ``MACHINE`` and ``USERS`` name the machine-wide roots; ``HKEY_...`` names are taken too.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for no such key, or a root not modelled.
    """
    first, _, rest = name.strip("\\").partition("\\")
    root = root_key(_ROOTS.get(first.upper(), first))
    if root is None:
        raise Win32Error.from_code(
            ERROR_FILE_NOT_FOUND,
            f"{first!r} is not a key here: CURRENT_USER, MACHINE and USERS are modelled",
        )
    return open_key(root, rest or None)


def _stored(key: Key, token: kernel.Token) -> kernel.Descriptor:
    with _lock:
        return _descriptors.setdefault(
            key.path.casefold(), kernel.default_descriptor(token, kernel.KEY_MAPPING)
        )


def key_security(key: Key, information: int, token: kernel.Token) -> kernel.Descriptor:
    """The parts ``information`` names of a key's descriptor (RegGetKeySecurity).

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD for the SACL without SeSecurityPrivilege.
    """
    kernel.check_parts_access(token, information, setting=False)
    return kernel.select_parts(_stored(key, token), information)


def set_key_security(
    key: Key, information: int, given: kernel.Descriptor, token: kernel.Token
) -> None:
    """Replace the parts ``information`` names of a key's descriptor (RegSetKeySecurity)."""
    merged = kernel.merge_parts(_stored(key, token), information, given, token)
    with _lock:
        _descriptors[key.path.casefold()] = merged
