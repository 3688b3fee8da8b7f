"""pywin32's ``pythoncom``: message pumping (COM apartments arrive with the COM layer)."""

from __future__ import annotations

from .. import messages
from ..errors import ComError

__all__ = ["com_error", "error", "ole_error", "PumpWaitingMessages", "PumpMessages"]

com_error = error = ole_error = ComError


def PumpWaitingMessages(firstMessage: int = 0, lastMessage: int = 0, /) -> int:
    """Dispatch queued messages; 1 if WM_QUIT was seen (and consumed), else 0."""
    return 0 if messages.pump_waiting_messages(firstMessage, lastMessage) is None else 1


def PumpMessages() -> None:
    """Run a message loop until WM_QUIT."""
    messages.pump_messages()
