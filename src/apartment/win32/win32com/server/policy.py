"""pywin32's ``win32com.server.policy``: how a Python object answers IDispatch."""

from __future__ import annotations

from apartment.com import DispatchPolicy

__all__ = ["DesignatedWrapPolicy", "DefaultPolicy"]

DesignatedWrapPolicy = DispatchPolicy
DefaultPolicy = DispatchPolicy
