"""A local-server class whose later activations wait at a gate (tests/com/test_remote_activation).

The second instance a server makes waits until the test
writes a byte to the FIFO named by ``$APARTMENT_TEST_GATE`` (opening it for reading blocks
until the test opens it for writing), so a test decides when an activation is answered.
"""

from __future__ import annotations

import os
import threading

__all__ = ["Gated"]

_made = [0]
_lock = threading.Lock()


class Gated:
    """Lives in its server's STA; its second instance waits at the gate."""

    _reg_clsid_ = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7101}"
    _reg_progid_ = "ApartmentTest.Gated"
    _reg_clsctx_ = 4  # CLSCTX_LOCAL_SERVER
    _public_methods_ = ["Pid"]

    def __init__(self) -> None:
        with _lock:
            _made[0] += 1
            second = _made[0] == 2
        if second:
            fd = os.open(os.environ["APARTMENT_TEST_GATE"], os.O_RDONLY)
            try:
                os.read(fd, 1)
            finally:
                os.close(fd)

    def Pid(self) -> int:  # noqa: N802 - COM names
        return os.getpid()
