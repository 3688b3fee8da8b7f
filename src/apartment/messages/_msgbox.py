"""MessageBox without a screen: the text goes to stderr, the answer is the default button.

There is no one to click a button, so a message box answers at once with the button the
style makes the default (MB_DEFBUTTON1 to 4: the first button unless another is chosen; a
default beyond the buttons is the first), having written ``caption: text`` to stderr so the
message is not lost. Tests (and programs that want another answer) install a chooser with
:func:`set_message_box_chooser`: it is called on the thread that shows the box with the
:class:`MessageBoxRequest` and returns the ID to answer.

The style is checked as Windows checks it: a button set other than MB_OK ... MB_CANCELTRYCONTINUE
fails with ERROR_INVALID_MSGBOX_STYLE; an owner that is not a window with
ERROR_INVALID_WINDOW_HANDLE.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ERROR_INVALID_MSGBOX_STYLE, Win32Error
from ._window_table import window_of

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "IDOK",
    "IDCANCEL",
    "IDABORT",
    "IDRETRY",
    "IDIGNORE",
    "IDYES",
    "IDNO",
    "IDTRYAGAIN",
    "IDCONTINUE",
    "MessageBoxRequest",
    "message_box",
    "set_message_box_chooser",
]

IDOK, IDCANCEL, IDABORT, IDRETRY, IDIGNORE, IDYES, IDNO = 1, 2, 3, 4, 5, 6, 7
IDTRYAGAIN, IDCONTINUE = 10, 11
_BUTTONS = {
    0: (IDOK,),  # MB_OK
    1: (IDOK, IDCANCEL),  # MB_OKCANCEL
    2: (IDABORT, IDRETRY, IDIGNORE),  # MB_ABORTRETRYIGNORE
    3: (IDYES, IDNO, IDCANCEL),  # MB_YESNOCANCEL
    4: (IDYES, IDNO),  # MB_YESNO
    5: (IDRETRY, IDCANCEL),  # MB_RETRYCANCEL
    6: (IDCANCEL, IDTRYAGAIN, IDCONTINUE),  # MB_CANCELTRYCONTINUE
}
_TYPE_MASK = 0x0000000F
_DEFAULT_MASK = 0x00000F00


@dataclass(frozen=True)
class MessageBoxRequest:
    """A message box to answer: what it says and which buttons it has (the default first)."""

    owner: int
    text: str
    caption: str
    style: int
    buttons: tuple[int, ...]
    default: int


class _Chooser:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.choose: Callable[[MessageBoxRequest], int] | None = None


_chooser = _Chooser()


def set_message_box_chooser(
    choose: Callable[[MessageBoxRequest], int] | None,
) -> Callable[[MessageBoxRequest], int] | None:
    """Install what answers message boxes (None: the default button); return the previous."""
    with _chooser.lock:
        previous, _chooser.choose = _chooser.choose, choose
    return previous


def message_box(owner: int, text: str, caption: str | None, style: int) -> int:
    """Show a message box (MessageBox): write it to stderr and return the button chosen.

    ``caption`` None is Windows' "Error". Runs the chooser, if one is installed, on the
    calling thread.

    Raises:
        TypeError: ``text`` or ``caption`` is not a str.
        Win32Error: ERROR_INVALID_MSGBOX_STYLE for an unknown button set.
        InvalidWindowHandleError: ``owner`` is not 0 and not a window.
    """
    if not isinstance(text, str) or not (caption is None or isinstance(caption, str)):
        raise TypeError("a message box's text and caption are str")
    buttons = _BUTTONS.get(style & _TYPE_MASK)
    if buttons is None:
        raise Win32Error.from_code(
            ERROR_INVALID_MSGBOX_STYLE, f"{style & _TYPE_MASK} is no MB_ button set (0 to 6)"
        )
    if owner:
        window_of(owner)
    index = (style & _DEFAULT_MASK) >> 8
    default = buttons[index] if index < len(buttons) else buttons[0]
    title = "Error" if caption is None else caption
    request = MessageBoxRequest(owner, text, title, style, buttons, default)
    print(f"{title}: {text}", file=sys.stderr, flush=True)
    with _chooser.lock:
        choose = _chooser.choose
    return default if choose is None else int(choose(request))
