"""pywin32's ``win32com`` package: the COM client and server helpers."""

from __future__ import annotations

__all__ = ["SetupEnvironment"]


def SetupEnvironment() -> None:
    """Add win32comext's packages to ``win32com``: the facade maps their names already."""
