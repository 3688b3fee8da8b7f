"""Mailslots in the core: whole messages, the read timeout, the name rules."""

from __future__ import annotations

import threading
import uuid

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_ALREADY_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_INSUFFICIENT_BUFFER,
    ERROR_INVALID_NAME,
    ERROR_SEM_TIMEOUT,
    ERROR_SHARING_VIOLATION,
    Win32Error,
)
from apartment.kernel import FILE_SHARE_READ, GENERIC_WRITE, OPEN_EXISTING


def code_of(fn: object, *args: object) -> int:
    with pytest.raises(Win32Error) as info:
        fn(*args)  # type: ignore[operator]
    return int(info.value.winerror)


def new_name() -> str:
    return f"\\\\.\\mailslot\\core\\{uuid.uuid4().hex}"


def test_messages_whole_in_order_and_the_buffer_rule() -> None:
    name = new_name()
    with kernel.create_mailslot(name) as slot:
        writer = kernel.open_file(name, GENERIC_WRITE, FILE_SHARE_READ, OPEN_EXISTING)
        with writer:
            writer.write(b"first")
            writer.write(b"")
            writer.write(b"third one")
        assert slot.info() == (0, 5, 3, 0)
        buffer = bytearray(3)
        assert code_of(slot.read_into, buffer) == ERROR_INSUFFICIENT_BUFFER
        assert slot.read(100) == b"first"
        assert slot.read(100) == b""
        assert slot.read(100) == b"third one"
        assert code_of(slot.read, 100) == ERROR_SEM_TIMEOUT


def test_a_read_waits_for_a_message_from_another_thread() -> None:
    name = new_name()
    with kernel.create_mailslot(name, timeout=kernel.MAILSLOT_WAIT_FOREVER) as slot:
        writer = kernel.open_file(name, GENERIC_WRITE, FILE_SHARE_READ, OPEN_EXISTING)
        sender = threading.Thread(target=writer.write, args=(b"late",))
        sender.start()
        assert slot.read(100) == b"late"
        sender.join()
        writer.close()


def test_names() -> None:
    name = new_name()
    with kernel.create_mailslot(name):
        assert code_of(kernel.create_mailslot, name.upper()) == ERROR_ALREADY_EXISTS
        assert code_of(kernel.open_file, name, GENERIC_WRITE, 0, OPEN_EXISTING) == (
            ERROR_SHARING_VIOLATION
        )
    assert code_of(kernel.open_file, name, GENERIC_WRITE, FILE_SHARE_READ, OPEN_EXISTING) == (
        ERROR_FILE_NOT_FOUND
    )
    assert code_of(kernel.create_mailslot, "\\\\.\\mailslot\\") == ERROR_INVALID_NAME
    with kernel.create_mailslot(name):  # free again once its server closed
        pass
