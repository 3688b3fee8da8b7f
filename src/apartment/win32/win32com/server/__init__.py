"""pywin32's ``win32com.server`` package: registration, policies and helpers for COM servers."""
