"""examples/PipeServer.py: a pipe server that waits for clients and a stop event at once."""

from __future__ import annotations

import re
from pathlib import Path

from .._subprocess import run_python

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "PipeServer.py"


def test_the_pipe_server_serves_processes_and_threads_then_stops() -> None:
    output = run_python("-m", "apartment", "run", str(EXAMPLE))
    assert output.rstrip().endswith("server stopped after 5 clients")
    processes = re.findall(r"process client (\d+): server got 2\d bytes from client \d", output)
    assert len(set(processes)) == 3  # three other processes, each served once
    assert len(re.findall(r"thread client \d: server got 200 bytes", output)) == 2
