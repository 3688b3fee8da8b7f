"""The doctests of win32timezone and of its RangeMap (pywin32's test runs the module's only)."""

from __future__ import annotations

import doctest

import pytest

from apartment.win32 import _rangemap, win32timezone


@pytest.mark.parametrize("module", [win32timezone, _rangemap], ids=["win32timezone", "rangemap"])
def test_doctests_pass(module: object) -> None:
    failed, attempted = doctest.testmod(module, verbose=False)  # type: ignore[arg-type]
    assert attempted > 0
    assert failed == 0
