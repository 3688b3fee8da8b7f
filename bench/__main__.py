"""``python -m bench [--smoke] [--filter SUBSTRING] [--json PATH]``: run the benchmark suites."""

from __future__ import annotations

import sys

from . import com, facade, kernel, messages, pipes, processes, remote, resident
from ._harness import Suite, main

SUITES: dict[str, Suite] = {
    "kernel": kernel.benchmarks,
    "messages": messages.benchmarks,
    "com": com.benchmarks,
    "resident": resident.benchmarks,
    "facade": facade.benchmarks,
    "processes": processes.benchmarks,
    "pipes": pipes.benchmarks,
    "remote": remote.benchmarks,
}
"""Every layer's benchmarks; a new layer module adds one line here."""

if __name__ == "__main__":
    sys.exit(main(SUITES))
