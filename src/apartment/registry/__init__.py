r"""The user's registry: ``HKEY_CURRENT_USER``'s keys and typed values, shared by its processes.

Windows keeps per-user settings in a tree of keys, each holding named, typed values; this is
that tree for one Linux user, in a SQLite file (see :func:`user_registry_path`). Open keys
live in the kernel's handle table, with the access they were opened for; a change notification
(:meth:`Key.notify`) sets a kernel :class:`~apartment.kernel.Event`, so it can be waited on
like any other. A key opened through a kernel Transaction (:func:`transacted_key`) keeps
its changes until the transaction commits. ``HKEY_LOCAL_MACHINE`` and ``HKEY_USERS`` are
two more roots of the same file (so kept per Linux user), seeded once with the machine's
well-known keys; writing below them needs an elevated token. The COM class registry has
its own file and API (:mod:`apartment.com`); ``HKEY_CLASSES_ROOT`` (and a root's
``Software\Classes``) shows it as the keys Windows would hold, and a class written there
by hand is registered (:mod:`._classes`).

Example::

    key, _ = registry.create_key(registry.key_of_handle(registry.HKEY_CURRENT_USER), "App")
    key.set_value("Count", registry.REG_DWORD, 3)
    assert key.query_value("Count") == (3, registry.REG_DWORD)
"""

from __future__ import annotations

from ._classes import HKEY_CLASSES_ROOT as HKEY_CLASSES_ROOT
from ._classes import ClassesKey as ClassesKey
from ._classtree import ClassSource as ClassSource
from ._classtree import Node as ClassesNode
from ._classtree import set_class_source as set_class_source
from ._hives import connect_registry as connect_registry
from ._hives import load_key as load_key
from ._hives import restore_key as restore_key
from ._hives import save_key as save_key
from ._hives import unload_key as unload_key
from ._keys import HKEY_CURRENT_USER as HKEY_CURRENT_USER
from ._keys import HKEY_LOCAL_MACHINE as HKEY_LOCAL_MACHINE
from ._keys import HKEY_USERS as HKEY_USERS
from ._keys import KEY_ALL_ACCESS as KEY_ALL_ACCESS
from ._keys import KEY_CREATE_SUB_KEY as KEY_CREATE_SUB_KEY
from ._keys import KEY_ENUMERATE_SUB_KEYS as KEY_ENUMERATE_SUB_KEYS
from ._keys import KEY_NOTIFY as KEY_NOTIFY
from ._keys import KEY_QUERY_VALUE as KEY_QUERY_VALUE
from ._keys import KEY_READ as KEY_READ
from ._keys import KEY_SET_VALUE as KEY_SET_VALUE
from ._keys import KEY_WRITE as KEY_WRITE
from ._keys import Key as Key
from ._keys import KeyInfo as KeyInfo
from ._keys import create_key as create_key
from ._keys import delete_key as delete_key
from ._keys import key_of_handle as key_of_handle
from ._keys import open_key as open_key
from ._keys import override_predefined as override_predefined
from ._notify import REG_NOTIFY_CHANGE_ATTRIBUTES as REG_NOTIFY_CHANGE_ATTRIBUTES
from ._notify import REG_NOTIFY_CHANGE_LAST_SET as REG_NOTIFY_CHANGE_LAST_SET
from ._notify import REG_NOTIFY_CHANGE_NAME as REG_NOTIFY_CHANGE_NAME
from ._notify import REG_NOTIFY_CHANGE_SECURITY as REG_NOTIFY_CHANGE_SECURITY
from ._notify import REG_NOTIFY_THREAD_AGNOSTIC as REG_NOTIFY_THREAD_AGNOSTIC
from ._security import key_by_name as key_by_name
from ._security import key_security as key_security
from ._security import set_key_security as set_key_security
from ._store import user_registry_path as user_registry_path
from ._transacted import TransactedKey as TransactedKey
from ._transacted import transacted_key as transacted_key
from ._trees import copy_tree as copy_tree
from ._trees import delete_tree as delete_tree
from ._trees import subkeys_with_times as subkeys_with_times
from ._values import REG_BINARY as REG_BINARY
from ._values import REG_DWORD as REG_DWORD
from ._values import REG_DWORD_BIG_ENDIAN as REG_DWORD_BIG_ENDIAN
from ._values import REG_EXPAND_SZ as REG_EXPAND_SZ
from ._values import REG_LINK as REG_LINK
from ._values import REG_MULTI_SZ as REG_MULTI_SZ
from ._values import REG_NONE as REG_NONE
from ._values import REG_QWORD as REG_QWORD
from ._values import REG_SZ as REG_SZ
from ._written import written_class_value as written_class_value

__all__ = [
    "HKEY_CLASSES_ROOT", "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE", "HKEY_USERS",
    "KEY_ALL_ACCESS", "KEY_CREATE_SUB_KEY", "KEY_ENUMERATE_SUB_KEYS", "KEY_NOTIFY",
    "KEY_QUERY_VALUE", "KEY_READ", "KEY_SET_VALUE", "KEY_WRITE",
    "ClassesKey", "ClassesNode", "ClassSource", "set_class_source", "Key", "KeyInfo",
    "create_key", "delete_key", "key_of_handle", "open_key", "override_predefined",
    "REG_NOTIFY_CHANGE_ATTRIBUTES", "REG_NOTIFY_CHANGE_LAST_SET", "REG_NOTIFY_CHANGE_NAME",
    "REG_NOTIFY_CHANGE_SECURITY", "REG_NOTIFY_THREAD_AGNOSTIC", "user_registry_path",
    "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_EXPAND_SZ", "REG_LINK",
    "REG_MULTI_SZ", "REG_NONE", "REG_QWORD", "REG_SZ",
    "copy_tree", "delete_tree", "subkeys_with_times", "save_key", "restore_key", "load_key",
    "unload_key", "connect_registry",
    "key_by_name", "key_security", "set_key_security",
    "TransactedKey", "transacted_key", "written_class_value",
]  # fmt: skip
