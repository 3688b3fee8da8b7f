"""pywin32's ``win32comext.directsound`` package (``win32com.directsound``): DirectSound."""

from __future__ import annotations

__all__: list[str] = []
