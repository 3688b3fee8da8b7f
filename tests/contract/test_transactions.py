"""Contract: win32transaction and the transacted registry (RegOpenKeyTransacted,
RegCreateKeyEx / RegDeleteKeyEx with Transaction=), and BackupRead / BackupWrite /
BackupSeek: Windows' isolation rules and codes.

Wine's ktmw32 creates, commits and rolls back transactions without doing anything, and
lacks GetTransactionId and the Reg*Transacted calls (a call aborts the process): those
tests are Wine's gaps."""

import os
import struct
import tempfile
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32transaction

from ._wine import ON_THE_ORACLE, wine_differs

HKCU = win32con.HKEY_CURRENT_USER
_NO_KTM = "Wine's transactions do nothing (commit and rollback succeed, nothing waits)"
# Wine lacks RegOpenKeyTransactedW, RegCreateKeyTransactedW and RegDeleteKeyTransactedW: a
# call aborts the process (an unimplemented function), so those tests do not run there.
_ABORTS = pytest.mark.skipif(ON_THE_ORACLE, reason="Wine lacks the Reg*Transacted calls: abort")


def assert_error(code: int, name: str, fn: Any, *args: Any, **kwargs: Any) -> None:
    with pytest.raises(pywintypes.error) as info:
        fn(*args, **kwargs)
    assert (info.value.winerror, info.value.funcname) == (code, name)


@pytest.fixture
def base() -> Iterator[tuple[Any, str]]:
    path = f"Software\\apartment-s23-{uuid.uuid4().hex}"
    key, _ = win32api.RegCreateKeyEx(HKCU, path, win32con.KEY_ALL_ACCESS)
    yield key, path
    win32api.RegCloseKey(key)
    win32api.RegDeleteTree(HKCU, path)


def names(key: Any) -> list[str]:
    return [entry[0] for entry in win32api.RegEnumKeyEx(key)]


@wine_differs(_NO_KTM)
def test_a_transaction_is_a_waitable_handle_signaled_at_its_end() -> None:
    trans = win32transaction.CreateTransaction(Description="contract")
    assert isinstance(trans, pywintypes.HANDLEType)
    assert win32event.WaitForSingleObject(trans, 0) == win32event.WAIT_TIMEOUT
    win32transaction.CommitTransaction(trans)
    assert win32event.WaitForSingleObject(trans, 0) == win32event.WAIT_OBJECT_0
    trans.Close()


@wine_differs(_NO_KTM)
def test_ending_twice_gives_windows_codes() -> None:
    trans = win32transaction.CreateTransaction()
    win32transaction.CommitTransaction(trans)
    assert_error(6705, "CommitTransaction", win32transaction.CommitTransaction, trans)
    assert_error(6705, "RollbackTransaction", win32transaction.RollbackTransaction, trans)
    other = win32transaction.CreateTransaction()
    win32transaction.RollbackTransaction(other)
    assert_error(6704, "CommitTransaction", win32transaction.CommitTransaction, other)
    trans.Close()
    other.Close()


@_ABORTS
def test_a_transacted_key_is_seen_by_its_transaction_until_commit(base: Any) -> None:
    key, path = base
    trans = win32transaction.CreateTransaction()
    seen = win32api.RegOpenKeyTransacted(HKCU, path, win32con.KEY_ALL_ACCESS, trans)
    sub, disposition = win32api.RegCreateKeyEx(
        seen, "made", win32con.KEY_ALL_ACCESS, Transaction=trans
    )
    assert disposition == 1
    win32api.RegSetValueEx(sub, "v", 0, win32con.REG_SZ, "in it")
    assert names(seen) == ["made"] and names(key) == []
    assert_error(2, "RegOpenKeyEx", win32api.RegOpenKeyEx, key, "made", 0, win32con.KEY_READ)
    win32transaction.CommitTransaction(trans)
    assert names(key) == ["made"]
    plain = win32api.RegOpenKey(key, "made")
    assert win32api.RegQueryValueEx(plain, "v") == ("in it", win32con.REG_SZ)
    for handle in (plain, sub, seen, trans):
        handle.Close()


@_ABORTS
def test_a_rollback_or_closing_the_transaction_drops_its_changes(base: Any) -> None:
    key, path = base
    win32api.RegCloseKey(win32api.RegCreateKey(key, "old"))
    trans = win32transaction.CreateTransaction()
    win32api.RegDeleteKeyEx(key, "old", Transaction=trans)
    assert names(key) == ["old"]
    win32transaction.RollbackTransaction(trans)
    assert names(key) == ["old"]
    closed = win32transaction.CreateTransaction()
    seen = win32api.RegOpenKeyTransacted(HKCU, path, win32con.KEY_ALL_ACCESS, closed)
    win32api.RegCloseKey(win32api.RegCreateKeyEx(seen, "never", win32con.KEY_ALL_ACCESS)[0])
    closed.Close()
    assert names(key) == ["old"]
    seen.Close()
    trans.Close()


@_ABORTS
def test_a_key_the_transaction_changed_refuses_other_changes(base: Any) -> None:
    key, path = base
    win32api.RegSetValueEx(key, "v", 0, win32con.REG_SZ, "plain")
    trans = win32transaction.CreateTransaction()
    seen = win32api.RegOpenKeyTransacted(HKCU, path, win32con.KEY_ALL_ACCESS, trans)
    win32api.RegSetValueEx(seen, "v", 0, win32con.REG_SZ, "in it")
    assert win32api.RegQueryValueEx(key, "v") == ("plain", win32con.REG_SZ)
    assert_error(6800, "RegSetValueEx", win32api.RegSetValueEx, key, "v", 0, win32con.REG_SZ, "x")
    win32transaction.CommitTransaction(trans)
    assert win32api.RegQueryValueEx(key, "v") == ("in it", win32con.REG_SZ)
    assert_error(
        6701, "RegQueryValueEx", win32api.RegQueryValueEx, seen, "v"
    )  # the transaction has ended
    seen.Close()
    trans.Close()


# -- backup streams ------------------------------------------------------------------------

_HEADER = struct.Struct("<IIqI")


@pytest.fixture
def a_file() -> Iterator[str]:
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "data.bin")
    with open(path, "wb") as f:
        f.write(b"0123456789" * 5)
    yield path
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)


def _open(path: str, access: int, disposition: int = win32con.OPEN_EXISTING) -> Any:
    return win32file.CreateFile(
        path, access, 0, None, disposition, win32file.FILE_FLAG_BACKUP_SEMANTICS, None
    )


@wine_differs("Wine's BackupRead is a stub", strict=False)
def test_backup_read_gives_the_data_stream_and_backup_write_copies_it(a_file: str) -> None:
    h = _open(a_file, win32con.GENERIC_READ)
    count, header, ctxt = win32file.BackupRead(h, _HEADER.size, None, False, False, 0)
    assert count == _HEADER.size
    assert _HEADER.unpack(bytes(header[:count])) == (win32con.BACKUP_DATA, 0, 50, 0)
    count, data, ctxt = win32file.BackupRead(h, 1000, None, False, False, ctxt)
    assert bytes(data[:count]) == b"0123456789" * 5
    copy = _open(a_file + ".copy", win32con.GENERIC_WRITE, win32con.CREATE_ALWAYS)
    written, wctxt = win32file.BackupWrite(
        copy, _HEADER.size, bytes(header[: _HEADER.size]), False, False, 0
    )
    written2, wctxt = win32file.BackupWrite(copy, count, bytes(data[:count]), False, False, wctxt)
    assert (written, written2) == (_HEADER.size, 50)
    win32file.BackupWrite(copy, 0, b"", True, False, wctxt)
    win32file.BackupRead(h, 0, None, True, False, ctxt)
    copy.Close()
    h.Close()
    with open(a_file + ".copy", "rb") as f:
        assert f.read() == b"0123456789" * 5


@wine_differs("Wine's BackupSeek is a stub", strict=False)
def test_backup_seek_stays_within_the_current_stream(a_file: str) -> None:
    h = _open(a_file, win32con.GENERIC_READ)
    _, _, ctxt = win32file.BackupRead(h, _HEADER.size, None, False, False, 0)
    assert win32file.BackupSeek(h, 20, ctxt) == 20
    count, data, ctxt = win32file.BackupRead(h, 5, None, False, False, ctxt)
    assert bytes(data[:count]) == b"01234"
    win32file.BackupRead(h, 0, None, True, False, ctxt)
    h.Close()


@pytest.mark.skipif(ON_THE_ORACLE, reason="Wine lacks GetTransactionId: it aborts")
def test_open_transaction_finds_it_by_its_id() -> None:
    trans = win32transaction.CreateTransaction()
    tid = win32transaction.GetTransactionId(trans)
    assert isinstance(tid, pywintypes.IIDType)
    again = win32transaction.OpenTransaction(0x1F003F, tid)
    win32transaction.CommitTransaction(again)
    assert win32event.WaitForSingleObject(trans, 0) == win32event.WAIT_OBJECT_0
    assert_error(
        6715, "OpenTransaction", win32transaction.OpenTransaction, 0x1F003F, pywintypes.CreateGuid()
    )
    again.Close()
    trans.Close()


def test_pywin32s_argument_order_and_a_null_transaction(base: Any) -> None:
    key, _ = base
    sub, disposition = win32api.RegCreateKeyEx(key, "c", win32con.KEY_ALL_ACCESS, "Class", 0)
    assert disposition == 1
    sub.Close()
    win32api.RegDeleteKeyEx(key, "c", 0, 0)  # a NULL transaction: a plain delete
    assert names(key) == []
