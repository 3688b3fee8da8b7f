"""Shared fixtures: every test is checked for leaked threads and handles, and for
exceptions that escaped a thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from apartment.testing import LeakCheck

if TYPE_CHECKING:
    from collections.abc import Iterator

pytest_plugins = ["pytester"]  # tests/com/test_plugin.py runs a user's test session

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=50,
)
settings.load_profile("default")


@pytest.fixture(autouse=True)
def _no_leaks() -> Iterator[None]:
    """Fail the test if it leaves threads or handles behind or lets a thread raise."""
    with LeakCheck() as check:
        yield
        problems = check.problems()
    if problems:
        pytest.fail("the test leaked:\n  " + "\n  ".join(problems), pytrace=False)
