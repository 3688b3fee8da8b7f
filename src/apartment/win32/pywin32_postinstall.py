"""pywin32's ``pywin32_postinstall``: the script run after installing pywin32.

``python -m pywin32_postinstall -install`` (or ``-remove``) on the facade: of what pywin32's
script does, only the COM servers that pywin32's installer registers have a counterpart here,
``Python.Interpreter`` and ``Python.Dictionary`` (pywin32's tests expect them), which
``-install`` registers and ``-remove`` unregisters, in the facade's class registry (the
user's, or ``APARTMENT_REGISTRY``'s). The rest has nothing to do on Linux and is said so,
once, unless ``-quiet``: no DLLs to copy into System32 (the facade loads none), no
``pywin32.pth`` to write, no Start-menu shortcuts or help file, no ActiveX Scripting engine
(pywin32's PyScript, not provided). The options are pywin32's: ``-install``, ``-remove`` (one
of the two, else usage error 2), ``-wait PID``, ``-silent``, ``-quiet``, ``-destination DIR``
(an existing folder, else usage error 2).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sysconfig

__all__ = ["COM_MODULES", "NOTHING_TO_DO", "install", "main", "uninstall", "verify_destination"]

COM_MODULES = (
    ("win32com.servers.interp", "Interpreter"),
    ("win32com.servers.dictionary", "DictionaryPolicy"),
)
"""The COM servers (module, class) that pywin32's installer registers and this one does."""
NOTHING_TO_DO = (
    "pywin32_postinstall: on apartment's facade there are no DLLs to copy into System32, no "
    "pywin32.pth to write, no shortcuts, help file or ActiveX Scripting engine to register: "
    "only the COM servers Python.Interpreter and Python.Dictionary."
)


def _register(*, register: bool, verbose: bool) -> None:
    from .win32com.server import register as registration

    call = registration.RegisterClasses if register else registration.UnregisterClasses
    flags: dict[str, object] = {} if verbose else {"quiet": 1}
    for module_name, class_name in COM_MODULES:
        module = importlib.import_module(f"apartment.win32.{module_name}")
        call(getattr(module, class_name), **flags)


def install(lib_dir: str, *, verbose: bool = True) -> None:
    """Register pywin32's COM servers (``lib_dir``, pywin32's folder, is not needed here)."""
    if verbose:
        print(NOTHING_TO_DO)
    _register(register=True, verbose=verbose)
    if verbose:
        print("The pywin32 extensions were successfully installed.")


def uninstall(lib_dir: str, *, verbose: bool = True) -> None:
    """Unregister pywin32's COM servers."""
    if verbose:
        print(NOTHING_TO_DO)
    _register(register=False, verbose=verbose)
    if verbose:
        print("Uninstall complete.")


def verify_destination(location: str) -> str:
    """``location`` as an absolute path, if it is an existing folder (argparse's type)."""
    location = os.path.abspath(location)
    if not os.path.isdir(location):
        raise argparse.ArgumentTypeError(f'Path "{location}" is not an existing directory!')
    return location


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="The post-install script of the pywin32 extensions (on apartment's "
        "facade: it registers pywin32's COM servers).\n\n"
        "    > python -m pywin32_postinstall -install",
    )
    parser.add_argument("-install", default=False, action="store_true",
                        help="Configure the Python environment for pywin32.")  # fmt: skip
    parser.add_argument("-remove", default=False, action="store_true",
                        help="Remove what -install registered.")  # fmt: skip
    parser.add_argument("-wait", type=int,
                        help="Wait for the specified process to end before starting.")  # fmt: skip
    parser.add_argument("-silent", default=False, action="store_true",
                        help="Show no dialogs (none is shown here).")  # fmt: skip
    parser.add_argument("-quiet", default=False, action="store_true",
                        help="Don't display progress messages.")  # fmt: skip
    parser.add_argument("-destination", default=sysconfig.get_paths()["platlib"],
                        type=verify_destination,
                        help="Location of the PyWin32 installation")  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> None:
    """The script: ``-install`` or ``-remove``, with pywin32's other options."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.quiet:
        print(f"Parsed arguments are: {args}")
    if not args.install ^ args.remove:
        parser.error("You need to either choose to -install or -remove!")
    if args.wait is not None:
        with contextlib.suppress(OSError):  # not our child, or already gone
            os.waitpid(args.wait, 0)
    if args.install:
        install(args.destination, verbose=not args.quiet)
    else:
        uninstall(args.destination, verbose=not args.quiet)


if __name__ == "__main__":
    main()
