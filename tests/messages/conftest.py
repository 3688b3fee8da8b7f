"""Fixtures of the message tests."""

from __future__ import annotations

import pytest

from ._helpers import drain


@pytest.fixture
def empty_queue() -> None:
    """Start the test with the test thread's message queue empty."""
    drain()
