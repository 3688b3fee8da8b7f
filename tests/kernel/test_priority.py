"""Thread priority levels and process priority classes in the core."""

from __future__ import annotations

import os

import pytest

from apartment import kernel
from apartment.errors import InvalidParameterError


def test_levels_are_kept_per_thread_and_checked() -> None:
    thread = kernel.start_thread(lambda: 0, suspended=True)
    try:
        assert kernel.thread_priority(thread) == kernel.THREAD_PRIORITY_NORMAL
        kernel.set_thread_priority(thread, kernel.THREAD_PRIORITY_IDLE, current=False)
        assert kernel.thread_priority(thread) == -15
        assert kernel.thread_priority(kernel.current_thread()) == 0  # another thread's own
        with pytest.raises(InvalidParameterError):
            kernel.set_thread_priority(thread, 3, current=False)
        with pytest.raises(TypeError):
            kernel.set_thread_priority(thread, 1.0, current=False)  # type: ignore[arg-type]
        with pytest.raises(InvalidParameterError):  # background mode: the caller's only
            kernel.set_thread_priority(thread, kernel.THREAD_MODE_BACKGROUND_BEGIN, current=False)
    finally:
        thread.resume()
        assert thread.wait(10)


def test_classes_are_kept_per_process_and_checked() -> None:
    pid = os.getpid()
    try:
        kernel.set_priority_class(pid, kernel.HIGH_PRIORITY_CLASS)
        assert kernel.priority_class(pid) == 0x80
        assert kernel.priority_class(pid + 1_000_000) == kernel.NORMAL_PRIORITY_CLASS
        with pytest.raises(InvalidParameterError):
            kernel.set_priority_class(pid, 0x12345)
    finally:
        kernel.set_priority_class(pid, kernel.NORMAL_PRIORITY_CLASS)
