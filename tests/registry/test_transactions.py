"""Transacted registry keys: isolation until commit, rollback, conflicts, Windows' codes."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from apartment import kernel, registry
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_TRANSACTION_ALREADY_ABORTED,
    ERROR_TRANSACTION_ALREADY_COMMITTED,
    ERROR_TRANSACTION_NOT_ACTIVE,
    ERROR_TRANSACTION_NOT_FOUND,
    ERROR_TRANSACTIONAL_CONFLICT,
    Win32Error,
)
from apartment.testing import FakeClock, wait_until_blocked

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def user_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user-registry.sqlite3"
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(path))
    return path


def _root() -> registry.Key:
    return registry.key_of_handle(registry.HKEY_CURRENT_USER)


def _subkeys(key: registry.Key) -> list[str]:
    return [name for name, _ in registry.subkeys_with_times(key)]


def _base() -> tuple[registry.Key, kernel.Transaction, registry.Key]:
    base, _ = registry.create_key(_root(), "Software\\Tx")
    owner = kernel.Transaction("test")
    return base, owner, registry.transacted_key(base, owner)


def test_a_created_key_is_seen_through_the_transaction_only_until_commit() -> None:
    base, owner, seen = _base()
    sub, made = registry.create_key(seen, "New")
    assert made
    sub.set_value("v", registry.REG_SZ, "x")
    assert _subkeys(seen) == ["New"] and _subkeys(base) == []
    with pytest.raises(Win32Error) as caught:
        registry.open_key(base, "New")
    assert caught.value.winerror == ERROR_FILE_NOT_FOUND
    owner.commit()
    assert _subkeys(base) == ["New"]
    assert registry.open_key(base, "New").query_value("v") == ("x", registry.REG_SZ)


def test_rollback_and_closing_the_last_handle_drop_the_changes() -> None:
    base, owner, seen = _base()
    registry.create_key(seen, "Gone")
    owner.rollback()
    assert _subkeys(base) == []
    again = kernel.Transaction()
    handle = kernel.handles.insert(again)
    registry.create_key(registry.transacted_key(base, again), "Gone too")
    kernel.handles.close(handle)
    assert again.outcome == kernel.TRANSACTION_ROLLED_BACK
    assert _subkeys(base) == []


def test_a_transacted_delete_and_value_changes_wait_for_the_commit() -> None:
    base, owner, seen = _base()
    plain, _ = registry.create_key(base, "Old")
    plain.set_value("keep", registry.REG_DWORD, 1)
    plain.set_value("drop", registry.REG_DWORD, 2)
    old = registry.open_key(seen, "Old")
    old.set_value("keep", registry.REG_DWORD, 3)
    old.delete_value("drop")
    assert [old.value_at(i)[:2] for i in range(old.info().values)] == [("keep", 3)]
    assert plain.query_value("keep") == (1, registry.REG_DWORD)
    assert plain.query_value("drop") == (2, registry.REG_DWORD)
    owner.commit()
    assert plain.query_value("keep") == (3, registry.REG_DWORD)
    assert plain.info().values == 1
    second = kernel.Transaction()
    registry.delete_key(registry.transacted_key(base, second), "Old")
    assert _subkeys(base) == ["Old"]
    second.commit()
    assert _subkeys(base) == []


def test_deleting_a_key_with_subkeys_is_refused_in_a_transaction_too() -> None:
    _, owner, seen = _base()
    registry.create_key(seen, "A\\B")
    with pytest.raises(Win32Error) as caught:
        registry.delete_key(seen, "A")
    assert caught.value.winerror == ERROR_ACCESS_DENIED
    owner.rollback()


def test_a_key_the_transaction_changed_is_locked_until_it_ends() -> None:
    base, owner, seen = _base()
    plain, _ = registry.create_key(base, "K")
    registry.open_key(seen, "K").set_value("v", registry.REG_SZ, "tx")
    other = kernel.Transaction()
    through_other = registry.open_key(registry.transacted_key(base, other), "K")
    for key, name in ((plain, "v"), (plain, "w"), (through_other, "v")):
        with pytest.raises(Win32Error) as caught:
            key.set_value(name, registry.REG_SZ, "elsewhere")
        assert caught.value.winerror == ERROR_TRANSACTIONAL_CONFLICT
    other.rollback()
    owner.rollback()
    plain.set_value("v", registry.REG_SZ, "plain")  # free again
    assert plain.query_value("v") == ("plain", registry.REG_SZ)


def test_an_ended_transaction_refuses_work_with_windows_codes() -> None:
    base, owner, seen = _base()
    owner.commit()
    for call, code in (
        (lambda: registry.create_key(seen, "X"), ERROR_TRANSACTION_NOT_ACTIVE),
        (lambda: registry.transacted_key(base, owner), ERROR_TRANSACTION_NOT_ACTIVE),
        (owner.commit, ERROR_TRANSACTION_ALREADY_COMMITTED),
        (owner.rollback, ERROR_TRANSACTION_ALREADY_COMMITTED),
    ):
        with pytest.raises(Win32Error) as caught:
            call()
        assert caught.value.winerror == code
    aborted = kernel.Transaction()
    aborted.rollback()
    for end in (aborted.commit, aborted.rollback):
        with pytest.raises(Win32Error) as caught:
            end()
        assert caught.value.winerror == ERROR_TRANSACTION_ALREADY_ABORTED


def test_a_transaction_is_signaled_when_its_outcome_is_known() -> None:
    owner = kernel.Transaction()
    assert owner.wait(timeout=0) is None
    waiter = kernel.start_thread(owner.wait, 10.0)
    wait_until_blocked(waiter, on=owner)
    owner.commit()
    assert waiter.wait(timeout=10)
    assert owner.wait(timeout=0)  # it stays signaled


def test_a_transaction_rolls_back_when_its_timeout_passes_uncommitted() -> None:
    base, _ = registry.create_key(_root(), "Software\\Tx")
    with FakeClock() as clock:
        owner = kernel.Transaction(timeout=5.0)
        registry.create_key(registry.transacted_key(base, owner), "Late")
        clock.advance(4)
        assert owner.outcome == kernel.TRANSACTION_ACTIVE
        clock.advance(1)
        assert owner.outcome == kernel.TRANSACTION_ROLLED_BACK
        committed = kernel.Transaction(timeout=5.0)
        committed.commit()
        clock.advance(10)  # its timer was cancelled: nothing more happens
        assert committed.outcome == kernel.TRANSACTION_COMMITTED
    with pytest.raises(Win32Error) as caught:
        owner.commit()
    assert caught.value.winerror == ERROR_TRANSACTION_ALREADY_ABORTED
    assert _subkeys(base) == []


def test_open_transaction_finds_this_processs_transaction_by_id() -> None:
    owner = kernel.Transaction()
    assert kernel.open_transaction(owner.id) is owner
    owner.rollback()
    with pytest.raises(Win32Error) as caught:
        kernel.open_transaction(uuid.UUID(int=0))
    assert caught.value.winerror == ERROR_TRANSACTION_NOT_FOUND


# -- random interleavings of transacted and plain changes, against a model --------------------

_KEYS = ("K0", "K1", "K2")
_NAMES = ("a", "b")
_Op = tuple[str, str, str, str, int]  # who, what, key, value name, data
_ops = st.tuples(
    st.sampled_from(("tx", "plain")),
    st.sampled_from(("create", "delete", "set", "unset")),
    st.sampled_from(_KEYS),
    st.sampled_from(_NAMES),
    st.integers(0, 3),
)


class _Model:
    """What the registry should hold: the committed keys, the transaction's locked ones."""

    def __init__(self) -> None:
        self.committed: dict[str, dict[str, int]] = {}
        self.mine: dict[str, dict[str, int] | None] = {}  # locked keys: their state in it
        self.locked: set[str] = set()

    def view(self, who: str) -> dict[str, dict[str, int]]:
        if who == "plain":
            return self.committed
        seen = {key: values for key, values in self.committed.items() if key not in self.mine}
        seen.update({key: values for key, values in self.mine.items() if values is not None})
        return seen

    def expect(self, who: str, what: str, key: str, name: str, data: int) -> int:
        """Apply one change to the model; the error code it should raise (0: none)."""
        seen = self.view(who)
        if what == "create":
            if key in seen:
                return 0
            touched = {"", key}
        elif key not in seen or (what == "unset" and who == "tx" and name not in seen[key]):
            return ERROR_FILE_NOT_FOUND
        else:
            touched = {key, ""} if what == "delete" else {key}
        if who == "plain":
            if touched & self.locked:
                return ERROR_TRANSACTIONAL_CONFLICT
            if what == "unset" and name not in seen[key]:
                return ERROR_FILE_NOT_FOUND
            self._apply(self.committed, what, key, name, data)
            return 0
        self.locked |= touched
        state = {k: dict(v) for k, v in seen.items()}
        self._apply(state, what, key, name, data)
        self.mine[key] = state.get(key)
        return 0

    @staticmethod
    def _apply(keys: dict[str, dict[str, int]], what: str, key: str, name: str, data: int) -> None:
        if what == "create":
            keys[key] = {}
        elif what == "delete":
            del keys[key]
        elif what == "set":
            keys[key][name] = data
        else:
            del keys[key][name]


def _read(base: registry.Key) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    for name in _subkeys(base):
        key = registry.open_key(base, name)
        found[name] = {
            value[0]: int(value[1])  # type: ignore[call-overload]
            for value in (key.value_at(i) for i in range(key.info().values))
        }
    return found


def _do(base: registry.Key, what: str, key: str, name: str, data: int) -> None:
    if what == "create":
        registry.create_key(base, key)
    elif what == "delete":
        registry.delete_key(base, key)
    elif what == "set":
        registry.open_key(base, key).set_value(name, registry.REG_DWORD, data)
    else:
        registry.open_key(base, key).delete_value(name)


@settings(max_examples=60, deadline=None)
@example(  # a key deleted in the transaction, made again in it, and a plain change refused
    ops=[
        ("plain", "create", "K0", "a", 0),
        ("plain", "set", "K0", "a", 1),
        ("tx", "delete", "K0", "a", 0),
        ("plain", "set", "K0", "b", 2),
        ("tx", "create", "K0", "a", 0),
        ("tx", "set", "K0", "b", 3),
        ("plain", "create", "K1", "a", 0),
        ("tx", "unset", "K0", "a", 0),
    ],
    commit=True,
    round_=0,
)
@given(ops=st.lists(_ops, max_size=14), commit=st.booleans(), round_=st.integers(0, 10**9))
def test_committed_state_equals_the_model(ops: list[_Op], commit: bool, round_: int) -> None:
    base, _ = registry.create_key(_root(), f"Software\\Model{round_}")
    owner = kernel.Transaction()
    seen = registry.transacted_key(base, owner)
    model = _Model()
    for who, what, key, name, data in ops:
        code = model.expect(who, what, key, name, data)
        got = 0
        try:
            _do(seen if who == "tx" else base, what, key, name, data)
        except Win32Error as exc:
            got = exc.winerror
        assert got == code, (who, what, key, name)
        assert _read(base) == model.view("plain")
        assert _read(seen) == model.view("tx")
    if commit:
        owner.commit()
        model.committed = model.view("tx")
    else:
        owner.rollback()
    assert _read(base) == model.committed
    registry.delete_tree(_root(), f"Software\\Model{round_}")


def test_threads_changing_through_one_transaction_all_land_at_its_commit() -> None:
    base, owner, seen = _base()
    go = kernel.Event(manual_reset=True)

    def write(index: int) -> None:
        go.wait(10)
        key, _ = registry.create_key(seen, f"T{index}")
        for value in range(5):
            key.set_value(f"v{value}", registry.REG_DWORD, index * 10 + value)

    threads = [kernel.start_thread(write, index) for index in range(4)]
    go.set()
    assert all(thread.wait(timeout=30) for thread in threads)
    assert _subkeys(base) == []
    owner.commit()
    assert _subkeys(base) == ["T0", "T1", "T2", "T3"]
    assert registry.open_key(base, "T3").query_value("v4") == (34, registry.REG_DWORD)
