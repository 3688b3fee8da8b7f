"""pywin32's ``win32serviceutil.HandleCommandLine``: a service script's command line.

``install|update|remove|start [args]|stop|restart [args]|debug [args]``, with pywin32's
options and messages. ``debug`` runs the service in this process until Ctrl+C.
"""

from __future__ import annotations

import contextlib
import getopt
import sys
from typing import Any

from . import _service_helpers as util
from . import win32service
from .pywintypes import error as _win32_error

__all__ = ["HandleCommandLine"]

_ERROR_SERVICE_EXISTS = 1073
_STARTUP = {
    "manual": win32service.SERVICE_DEMAND_START,
    "auto": win32service.SERVICE_AUTO_START,
    "delayed": win32service.SERVICE_AUTO_START,
    "disabled": win32service.SERVICE_DISABLED,
}


def HandleCommandLine(
    cls: Any,  # noqa: ANN401
    serviceClassString: str | None = None,
    argv: list[str] | None = None,
    customInstallOptions: str = "",
    customOptionHandler: Any = None,  # noqa: ANN401
) -> int:
    """Run the service command ``argv[1:]`` names for service class ``cls``; its error code."""
    err = 0
    if argv is None:
        argv = sys.argv
    if len(argv) <= 1:
        util.usage()
    name = cls._svc_name_
    display_name = cls._svc_display_name_
    if serviceClassString is None:
        serviceClassString = util.GetServiceClassString(cls)
    try:
        opts, args = getopt.getopt(
            argv[1:],
            customInstallOptions,
            ["password=", "username=", "startup=", "perfmonini=", "perfmondll=", "interactive",
             "wait="],
        )  # fmt: skip
    except getopt.error as details:
        print(details)
        util.usage()
    user_name = password = None
    startup = None
    interactive = None
    wait_secs = 0
    for opt, val in opts:
        if opt == "--username":
            user_name = val
        elif opt == "--password":
            password = val
        elif opt == "--interactive":
            interactive = 1
        elif opt == "--startup":
            startup = _STARTUP.get(val.lower())
            if not startup:
                print(f"{val!r} is not a valid startup option")
        elif opt == "--wait":
            try:
                wait_secs = int(val)
            except ValueError:
                print("--wait must specify an integer number of seconds.")
                util.usage()
    arg = args[0]
    known = False
    if arg == "start":
        known = True
        print(f"Starting service {name}")
        try:
            util.StartService(name, args[1:])
            if wait_secs:
                util.WaitForServiceStatus(name, win32service.SERVICE_RUNNING, wait_secs)
        except _win32_error as exc:
            print(f"Error starting service: {exc.strerror}")
            err = exc.winerror
    elif arg == "restart":
        known = True
        print(f"Restarting service {name}")
        util.RestartService(name, args[1:])
        if wait_secs:
            util.WaitForServiceStatus(name, win32service.SERVICE_RUNNING, wait_secs)
    elif arg == "debug":
        known = True
        with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl+C: leave quietly
            util.DebugService(cls, args[1:])  # pythonservice -debug NAME args
    if not known and len(args) != 1:
        util.usage()
    settings: dict[str, Any] = {
        "serviceDeps": getattr(cls, "_svc_deps_", None),
        "exeName": getattr(cls, "_exe_name_", None),
        "exeArgs": getattr(cls, "_exe_args_", None),
        "description": getattr(cls, "_svc_description_", None),
        "startType": startup,
        "bRunInteractive": interactive,
        "userName": user_name,
        "password": password,
    }
    if arg == "install":
        known = True
        print(f"Installing service {name}")
        try:
            util.InstallService(serviceClassString, name, display_name, **settings)
            if customOptionHandler:
                customOptionHandler(opts)
            print("Service installed")
        except _win32_error as exc:
            if exc.winerror == _ERROR_SERVICE_EXISTS:
                arg = "update"
            else:
                print(f"Error installing service: {exc.strerror} ({exc.winerror})")
                err = exc.winerror
        except ValueError as msg:
            print(f"Error installing service: {msg}")
            err = -1
            try:
                util.RemoveService(name)
            except _win32_error:
                print("Warning - could not remove the partially installed service.")
    if arg == "update":
        known = True
        print("Changing service configuration")
        try:
            util.ChangeServiceConfig(serviceClassString, name, displayName=display_name, **settings)
            if customOptionHandler:
                customOptionHandler(opts)
            print("Service updated")
        except _win32_error as exc:
            print(f"Error changing service configuration: {exc.strerror} ({exc.winerror})")
            err = exc.winerror
    elif arg == "remove":
        known = True
        print(f"Removing service {name}")
        try:
            util.RemoveService(name)
            print("Service removed")
        except _win32_error as exc:
            print(f"Error removing service: {exc.strerror} ({exc.winerror})")
            err = exc.winerror
    elif arg == "stop":
        known = True
        print(f"Stopping service {name}")
        try:
            if wait_secs:
                util.StopServiceWithDeps(name, waitSecs=wait_secs)
            else:
                util.StopService(name)
        except _win32_error as exc:
            print(f"Error stopping service: {exc.strerror} ({exc.winerror})")
            err = exc.winerror
    if not known:
        err = -1
        print(f"Unknown command - '{arg}'")
        util.usage()
    return err
