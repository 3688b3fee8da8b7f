"""The select-free echo server of ``examples/`` runs through ``python -m apartment run``.

Its server waits with WaitForMultipleObjects over a stop event and its sockets' events
(WSAEventSelect), echoes three clients and leaves its wait when the stop event is set.
"""

from __future__ import annotations

from pathlib import Path

from .._subprocess import run_python

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "EchoServer.py"


def test_the_echo_server_echoes_and_stops() -> None:
    output = run_python("-m", "apartment", "run", str(EXAMPLE))
    assert output.splitlines() == [
        "echoed: hello 0",
        "echoed: hello 1",
        "echoed: hello 2",
        "server stopped",
    ]
