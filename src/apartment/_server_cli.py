"""The local-server verbs of the command line: ``serve CLSID...`` and ``servers``.

``python -m apartment serve CLSID... [-Embedding]`` is the LocalServer32 command of every
class registered for CLSCTX_LOCAL_SERVER: a client starts it when it activates such a class
and no server serves it yet. It runs :func:`apartment.com.serve` on its main thread (an
STA) until the last object it handed out is released.

``python -m apartment servers`` lists the local servers running for this user: their
classes, their clients and how many objects each holds.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from .com import ClassLoadError, running_servers, serve
from .errors import ComError, describe

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["serve_main", "servers_main"]


def serve_main(argv: Sequence[str]) -> int:
    """``serve CLSID...``: serve the classes until nobody needs them; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m apartment serve")
    parser.add_argument("classes", nargs="+", help="CLSIDs or ProgIDs of registered classes")
    parser.add_argument(
        "--single-use", action="store_true", help="REGCLS_SINGLEUSE: one client per server"
    )
    parser.add_argument("--linger", type=float, help="seconds to stay once nothing is held")
    # COM appends -Embedding (and pywin32 skips such words): accept them here as words.
    words = [arg for arg in argv if arg.lower() not in ("-embedding", "/embedding")]
    try:
        options = parser.parse_args(words)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        serve(options.classes, single_use=options.single_use, linger=options.linger)
    except ClassLoadError as exc:
        print(f"python -m apartment serve: {describe(exc)}", file=sys.stderr)
        if exc.__cause__ is not None:
            import traceback

            traceback.print_exception(exc.__cause__, file=sys.stderr)
        return 1
    except (ComError, ValueError) as exc:
        print(f"python -m apartment serve: {describe(exc)}", file=sys.stderr)
        return 1
    return 0


def servers_main(argv: Sequence[str]) -> int:
    """``servers``: print the running local servers; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m apartment servers")
    try:
        parser.parse_args(list(argv))
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    found = running_servers()
    if not found:
        print("No local servers are running.")
        return 0
    now = time.time()
    for info in found:
        print(f"Server {info.pid}, up {now - info.started:.0f} s: {' '.join(info.argv)}")
        for clsid, progid in info.classes:
            print(f"  class   {clsid}  {progid or '-'}")
        for pid, objects in info.clients:
            print(f"  client  process {pid}: {objects} object{'s' if objects != 1 else ''}")
        print(f"  held    {info.held} (objects held by clients, plus LockServer locks)")
    return 0
