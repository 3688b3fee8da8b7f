"""Credential prompts (CredUI): who answers when a program asks the user for a name and password.

No dialog and no console prompt is shown here: a prompt goes to the installed *prompter*, the
user at the screen in a test or an embedding program (as ``messages.set_file_dialog_chooser``
answers the file dialogs). With none installed a prompt is canceled, as by a user who closes
the dialog: ERROR_CANCELLED.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import TYPE_CHECKING, Final

from .._fork import CLOCK, hold_across_fork
from ..errors import Win32Error

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CredentialPrompt", "prompt_for_credentials", "set_credential_prompter"]

_ERROR_CANCELLED: Final = 1223


@dataclasses.dataclass(frozen=True)
class CredentialPrompt:
    """What a program asks the user.

    The target, the name and password it offers, the save box's state, CREDUI_FLAGS_*, the
    dialog's caption and message, and whether it asked at the console.
    """

    target: str
    user: str | None = None
    password: str | None = None
    save: bool = False
    flags: int = 0
    caption: str | None = None
    message: str | None = None
    console: bool = False


_lock = threading.Lock()
hold_across_fork(_lock, CLOCK)  # a leaf: nothing is taken under it
_prompter: list[Callable[[CredentialPrompt], tuple[str, str, bool] | None] | None] = [None]


def set_credential_prompter(
    prompter: Callable[[CredentialPrompt], tuple[str, str, bool] | None] | None,
) -> None:
    """Install what answers credential prompts (None: the user who cancels).

    ``prompter(prompt)`` runs on the thread that prompts and returns ``(user, password,
    save)``, or None to cancel.
    """
    with _lock:
        _prompter[0] = prompter


def prompt_for_credentials(prompt: CredentialPrompt) -> tuple[str, str, bool]:
    """Ask the user (the installed prompter) for a name and password: ``(user, password, save)``.

    Raises:
        Win32Error: ERROR_CANCELLED, the prompt was canceled (or no one is there to answer).
    """
    with _lock:
        prompter = _prompter[0]
    answer = None if prompter is None else prompter(prompt)
    if answer is None:
        why = "canceled" if prompter is not None else "no one is there to answer"
        raise Win32Error.from_code(_ERROR_CANCELLED, f"the credential prompt: {why}")
    user, password, save = answer
    return str(user), str(password), bool(save)
