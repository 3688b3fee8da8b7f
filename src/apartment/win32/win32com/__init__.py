"""pywin32's ``win32com`` package: the COM client and server helpers."""
