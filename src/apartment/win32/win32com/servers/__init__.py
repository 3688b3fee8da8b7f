"""pywin32's ``win32com.servers``: the COM servers pywin32 ships (written here)."""
