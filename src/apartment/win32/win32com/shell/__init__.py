"""pywin32's ``win32com.shell`` package (win32comext's): ``shell`` and ``shellcon``."""

from __future__ import annotations

__all__: list[str] = []
