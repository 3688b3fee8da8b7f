"""pywin32's ``winxpgui``: an obsolete alias of ``win32gui``, with GetConsoleWindow.

pywin32 keeps it for old programs: it holds every name of ``win32gui`` and
``win32console.GetConsoleWindow``, and warns (DeprecationWarning) when imported.
"""

from __future__ import annotations

import warnings

from .. import messages
from . import win32gui
from .win32gui import *  # noqa: F403 (the alias: every name of win32gui)

__all__ = [*win32gui.__all__, "GetConsoleWindow"]


def GetConsoleWindow() -> int:
    """The console's window, 0 when the process has no console (win32console's)."""
    return messages.console_window()


warnings.warn(
    "winxpgui is obsolete: use win32gui, and win32console.GetConsoleWindow",
    category=DeprecationWarning,
    stacklevel=2,
)
