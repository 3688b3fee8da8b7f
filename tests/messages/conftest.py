"""Fixtures of the message tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from ._helpers import drain

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def empty_queue() -> Iterator[None]:
    """Start the test with the test thread's message queue empty, and leave it so: a message
    a test posted and never took would be the next test's (any module's) first message."""
    drain()
    yield
    drain()
