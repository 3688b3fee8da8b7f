"""pywin32's ``win32comext`` package: the COM extensions (shell, directsound...).

pywin32 installs them under ``win32comext`` and adds that folder to ``win32com``'s path, so
``win32comext.shell.shell`` and ``win32com.shell.shell`` both import them; here both names
give the facade's one module (the import hook maps ``win32comext.X`` to ``win32com.X``).
"""

from __future__ import annotations

__all__: list[str] = []
