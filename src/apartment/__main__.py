"""The command line: ``python -m apartment run|register|unregister|classes ...``.

* ``run SCRIPT [ARGS...]`` installs the pywin32 facade (unless the real pywin32 is
  importable) and runs the script as ``__main__`` with ``sys.argv`` set as Python would;
  ``run -m MODULE [ARGS...]`` runs a module so, as ``python -m MODULE`` does (a pywin32
  module name runs its facade module: ``run -m win32traceutil`` is the trace collector).
* ``register FILE`` / ``unregister FILE`` (un)register the COM classes a server script
  defines (those with ``_reg_clsid_``), in the class registry ``$APARTMENT_REGISTRY``.
* ``classes`` lists what the class registry holds.
* ``pythonservice`` hosts a pywin32 service: pythonservice.exe's stand-in, the command the
  service control manager (``win32service.StartService``) runs.
* ``services`` lists the installed services; ``events [SOURCE]`` prints the event log.
* ``serve CLSID...`` is a local COM server (the LocalServer32 command a client starts);
  ``servers`` lists the local servers running for this user.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def _share_the_facade() -> None:
    """Give the program's Python children pywin32's names, however they are started.

    On Windows pywin32 is installed for the interpreter, so a child started by ``subprocess``
    or ``multiprocessing`` imports it as its parent does; CreateProcess alone gave ours the
    facade's start-up hook.
    """
    from .kernel.lowlevel import share_python_hooks
    from .win32.win32process import FACADE_HOOK

    share_python_hooks([FACADE_HOOK])


def _run(script: str, args: Sequence[str]) -> int:
    from .kernel.lowlevel import forget_exit_code, record_exit_code
    from .win32 import install

    install(runtime=True)
    _share_the_facade()
    path = os.path.abspath(script)
    if not os.path.exists(path):
        print(f"apartment run: no such script: {script}", file=sys.stderr)
        return 2
    sys.argv = [script, *args]
    sys.path.insert(0, os.path.dirname(path))
    forget_exit_code()
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exit_:
        record_exit_code(exit_.code)  # a code wider than a byte, as Windows keeps it
        raise
    return 0


def _run_module(name: str, args: Sequence[str]) -> int:
    from .win32 import MODULES, install

    install(runtime=True)
    _share_the_facade()
    sys.argv = [name, *args]  # runpy puts the module's path first, as python -m does
    sys.path.insert(0, os.getcwd())
    runpy.run_module(MODULES.get(name, name), run_name="__main__", alter_sys=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``apartment`` command line and return its exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m apartment",
        description="The Win32 threading model and COM apartments for Python.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a pywin32 script on the apartment facade")
    run.add_argument("-m", dest="module", help="run a module as __main__ (as python -m)")
    run.add_argument("script", nargs="?", help="the script to run as __main__")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    for verb, text in (
        ("register", "register the COM classes a server script defines"),
        ("unregister", "unregister the COM classes a server script defines"),
        ("classes", "list the registered COM classes"),
        ("serve", "serve COM classes to other processes (a local server)"),
        ("servers", "list the running local COM servers"),
        ("pythonservice", "host a pywin32 service (the service control manager starts it)"),
        ("services", "list the installed services"),
        ("events", "print the event log (what services logged)"),
    ):
        sub = commands.add_parser(verb, help=text, add_help=False)
        sub.add_argument("rest", nargs=argparse.REMAINDER)
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:2] == ["run", "-m"] and len(words) > 2:  # the module's options are its own
        return _run_module(words[2], words[3:])
    if words and words[0] in _VERBS:  # the verb parses its own options (argparse would not)
        return _verb(words[0], words[1:])
    options = parser.parse_args(words)
    if options.command == "run":
        if options.module is not None:
            rest = [options.script, *options.args] if options.script is not None else []
            return _run_module(options.module, rest)
        if options.script is None:
            parser.error("run: name a script, or a module with -m")
        return _run(options.script, options.args)
    return _verb(options.command, options.rest)


_VERBS = (
    "register", "unregister", "classes", "serve", "servers", "pythonservice", "services", "events",
)  # fmt: skip


def _verb(name: str, rest: Sequence[str]) -> int:
    from . import _registry_cli as _cli
    from . import _server_cli
    from .win32 import install

    if name in ("pythonservice", "services", "events"):
        from . import _pythonservice as _services_cli

        service_verbs = {
            "pythonservice": _services_cli.pythonservice_main,
            "services": _services_cli.services_main,
            "events": _services_cli.events_main,
        }
        return service_verbs[name](rest)

    install()  # server scripts import pywin32's names
    verbs = {
        "register": _cli.register_main,
        "unregister": _cli.unregister_main,
        "classes": _cli.classes_main,
        "serve": _server_cli.serve_main,
        "servers": _server_cli.servers_main,
    }
    return verbs[name](rest)


if __name__ == "__main__":
    sys.exit(main())
