"""Where Wine, the oracle, is known to differ from Windows: the mark for those tests.

The contract tests run on the facade and on the real pywin32 under Wine. A rule that Windows
has and Wine does not is still pinned to Windows' behaviour; its test is expected to fail on
the oracle only (``sys.platform == "win32"`` there), with the reason, and strictly so: if Wine
starts to behave like Windows the run says so. A difference Wine shows only sometimes is not
strict.
"""

from __future__ import annotations

import sys

import pytest

__all__ = ["ON_THE_ORACLE", "wine_differs"]

ON_THE_ORACLE = sys.platform == "win32"


def wine_differs(reason: str, *, strict: bool = True) -> pytest.MarkDecorator:
    """Mark a test that Windows passes and Wine fails, for ``reason``."""
    return pytest.mark.xfail(ON_THE_ORACLE, reason=reason, strict=strict)
