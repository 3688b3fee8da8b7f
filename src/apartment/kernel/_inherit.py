"""Handles that cross processes: inherited by a child, or duplicated into another process.

An object crosses as a *descriptor*: an event, mutex, semaphore or timer as its record in
the session's segment (a local one is made shared first, in place), a process as its id.
Other kinds (threads, windows) cannot cross.

* A child started with inherited handles gets a process slot its parent reserved before
  starting it, already referencing what it inherits, and the handles in its environment
  (``APARTMENT_CHILD``): :func:`inherit_from_parent`, run by the facade's start-up hook in
  a Python child, claims the slot and puts each handle in its table at the same value.
* A handle duplicated into another process of the session goes into that process's inbox
  in the segment, with a value of its own (4 mod 8; a process's own handles are 0 mod 8);
  the target takes it the first time it uses the value (:func:`take`).
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import (
    ERROR_NO_SYSTEM_RESOURCES,
    InvalidHandleError,
    NotSupportedError,
    Win32Error,
)
from . import _session
from ._core import Waitable
from ._event import Event
from ._mutex import Mutex
from ._process import ProcessHandle, open_process
from ._records import face_of, hold_for, publish
from ._segment import (
    FLAG_NAMED,
    I_ACCESS,
    I_GEN,
    I_OBJECT,
    I_VALUE,
    INBOX,
    INBOX_BASE,
    INBOX_WORDS,
    O_GEN,
    O_KIND,
    P_INBOX_NEXT,
    P_PID,
    P_RESERVER,
    P_START,
    P_STATE,
    RESERVED,
    obj_index,
    obj_word,
    proc_word,
)
from ._semaphore import Semaphore
from ._timer import WaitableTimer

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._session import Session

__all__ = [
    "CHILD_ENV",
    "describe",
    "reserve_child",
    "child_started",
    "child_failed",
    "inherit_from_parent",
    "give",
    "take",
]

CHILD_ENV = "APARTMENT_CHILD"
"""The environment variable that gives a child its reserved slot and inherited handles."""

INHERIT = 0x80000000
"""Set in an inbox entry's access word: the handle is inheritable (bit 31 is GENERIC_READ,
which no stored access keeps)."""

_PROCESS = 0xFFFFFFFF
"""In an inbox entry's object word: the entry is a process handle (its id in the gen word)."""


def describe(obj: object) -> list[Any] | None:
    """What another process needs to open a handle to ``obj``, or None if it cannot cross."""
    if isinstance(obj, ProcessHandle):
        return ["p", obj.pid]
    if isinstance(obj, Waitable) and _shareable(obj):
        shared: Any = publish(obj)
        o: int = shared._shared
        s = _session.session()
        return ["o", obj_index(o), s.w[o + O_GEN]]
    return None


def _shareable(obj: Waitable) -> bool:
    return isinstance(obj, (Event, Mutex, Semaphore, WaitableTimer))


def _open(description: list[Any]) -> object:
    if description[0] == "p":
        return open_process(int(description[1]))
    return face_of(int(description[1]), int(description[2]))


def _hold(s: Session, slot: int, description: list[Any]) -> None:
    if description[0] == "o":
        o = obj_word(int(description[1]))
        hold_for(s, slot, o, name=bool(s.w[o + O_KIND] & FLAG_NAMED))


def reserve_child(
    items: list[tuple[int, object, int]], extra: dict[str, Any] | None = None, floor: int = 0
) -> tuple[int, str]:
    """Reserve a slot for a child about to start, holding what it inherits.

    ``items`` are ``(value, object, access)`` of the handles it inherits; ``extra`` goes to
    the child with them (its standard handles, its start-up information), and the child's
    own handle values start above ``floor`` too. Returns the slot and the value of the
    child's ``APARTMENT_CHILD``.
    """
    handles: list[tuple[int, list[Any], int]] = []
    for value, obj, access in items:
        description = describe(obj)
        if description is not None:
            handles.append((value, description, access))
    s = _session.session()
    s.lock()
    try:
        slot = s.reserve()
        for _, description, _ in handles:
            _hold(s, slot, description)
        highest = max(max((value for value, _, _ in handles), default=0), floor)
        s.put(proc_word(slot) + P_INBOX_NEXT, highest // 8 + 1)
        s.commit()
    finally:
        s.unlock()
    payload = {**(extra or {}), "slot": slot, "reserver": s.slot, "handles": handles}
    payload["next"] = highest + 8
    return slot, json.dumps(payload, separators=(",", ":"))


def child_started(slot: int, pid: int) -> None:
    """The child of reservation ``slot`` runs as ``pid``: the slot lives while it runs."""
    s = _session.session()
    start = _start_time(pid)
    s.lock()
    try:
        pword = proc_word(slot)
        if s.w[pword + P_STATE] == RESERVED and s.w[pword + P_RESERVER] == s.slot + 1:
            s.put(pword + P_START, start)
            s.put(pword + P_PID, pid)
            s.commit()
    finally:
        s.unlock()


def child_failed(slot: int) -> None:
    """The child of reservation ``slot`` did not start: give back what it held."""
    s = _session.session()
    s.lock()
    try:
        pword = proc_word(slot)
        if s.w[pword + P_STATE] == RESERVED and s.w[pword + P_RESERVER] == s.slot + 1:
            s.bury(slot)
    finally:
        s.unlock()


def _start_time(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return 0
    return int(text[text.rfind(b")") + 2 :].split()[19]) & 0xFFFFFFFF


class _Table(Protocol):
    def insert_at(self, value: int, obj: object, access: int, *, inherit: bool = False) -> None:
        """Open a handle at ``value``."""

    def reserve_values(self, floor: int) -> None:
        """Make the next values exceed ``floor``."""


def inherit_from_parent(
    table: _Table, extra: Callable[[dict[str, Any]], None] | None = None
) -> int:
    """In a child: claim the parent's reservation and take the inherited handles.

    ``table`` is the handle table to put them in; ``extra(payload)`` then takes what else
    the parent sent (see :func:`reserve_child`). Does nothing (0) unless the process was
    started with inherited handles; returns how many it took. Handles whose objects are gone
    (the parent died before the child started) are left out.
    """
    raw = os.environ.pop(CHILD_ENV, None)
    if not raw:
        return 0
    payload = json.loads(raw)
    slot, reserver = int(payload["slot"]), int(payload["reserver"])
    _session.attach(lambda s: s.claim_reserved(slot, reserver))
    taken = 0
    for value, description, access in payload["handles"]:
        try:
            obj = _open(description)
        except (InvalidHandleError, OSError, ValueError):
            continue
        table.insert_at(int(value), obj, int(access), inherit=True)
        taken += 1
    table.reserve_values(int(payload["next"]))
    if extra is not None:
        extra(payload)
    return taken


def give(pid: int, obj: object, access: int, inherit: bool) -> int:
    """Put a handle to ``obj`` into process ``pid``'s inbox; return its value there.

    Raises:
        NotSupportedError: ``obj`` cannot cross processes, or ``pid`` does not use this
            library (it has no slot in the session).
        Win32Error: ERROR_NO_SYSTEM_RESOURCES, the target's inbox is full.
    """
    description = describe(obj)
    if description is None:
        raise NotSupportedError(f"{obj!r} cannot be duplicated into another process")
    s = _session.session()
    s.lock()
    try:
        slot = s.slot_of_pid(pid)
        if slot < 0:
            raise NotSupportedError(
                f"process {pid} does not use apartment's kernel objects, so a handle cannot "
                "be put into it; start it with CreateProcess, or have it create a name first"
            )
        w = s.w
        base = INBOX_BASE + slot * INBOX * INBOX_WORDS
        values = w[base + I_VALUE : base + INBOX * INBOX_WORDS : INBOX_WORDS].tolist()
        try:
            entry = base + values.index(0) * INBOX_WORDS
        except ValueError:
            raise Win32Error.from_code(
                ERROR_NO_SYSTEM_RESOURCES,
                f"process {pid} has {INBOX} duplicated handles it has not used yet",
            ) from None
        pword = proc_word(slot)
        number = w[pword + P_INBOX_NEXT]
        value = number * 8 + 4
        s.put(pword + P_INBOX_NEXT, number + 1)
        if description[0] == "p":
            s.put(entry + I_OBJECT, _PROCESS)
            s.put(entry + I_GEN, int(description[1]))
        else:
            s.put(entry + I_OBJECT, int(description[1]) + 1)
            s.put(entry + I_GEN, int(description[2]))
        s.put(entry + I_ACCESS, access | (INHERIT if inherit else 0))
        s.put(entry + I_VALUE, value)
        _hold(s, slot, description)
        s.commit()
    finally:
        s.unlock()
    return value


def take(value: int) -> tuple[object, int, bool] | None:
    """Take the handle ``value`` another process put into this one's inbox, if it did.

    Returns ``(object, access, inheritable)``, or None when no such handle waits.
    """
    s = _session.S
    if s is None or value & 7 != 4:
        return None
    s.lock()
    try:
        w = s.w
        base = INBOX_BASE + s.slot * INBOX * INBOX_WORDS
        values = w[base + I_VALUE : base + INBOX * INBOX_WORDS : INBOX_WORDS].tolist()
        try:
            entry = base + values.index(value) * INBOX_WORDS
        except ValueError:
            return None
        found = (w[entry + I_OBJECT], w[entry + I_GEN], w[entry + I_ACCESS])
        for word in range(INBOX_WORDS):
            s.put(entry + word, 0)
        s.commit()
    finally:
        s.unlock()
    index, generation, access = found
    description: list[Any] = (
        ["p", generation] if index == _PROCESS else ["o", index - 1, generation]
    )
    obj = _open(description)
    return obj, access & ~INHERIT, bool(access & INHERIT)


def _bury_inbox(s: Session, slot: int) -> None:
    """Death hook: empty the dead process's inbox (its references go with the rest)."""
    base = INBOX_BASE + slot * INBOX * INBOX_WORDS
    for word in range(INBOX * INBOX_WORDS):
        if s.w[base + word]:
            s.w[base + word] = 0
    s.put(proc_word(slot) + P_INBOX_NEXT, 0)
    s.commit()


_session.add_death_hook(35, _bury_inbox)
