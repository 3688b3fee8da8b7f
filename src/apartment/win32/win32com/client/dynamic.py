"""pywin32's ``win32com.client.dynamic``: the late-bound client class."""

from __future__ import annotations

from . import CDispatch, Dispatch

__all__ = ["CDispatch", "Dispatch"]
