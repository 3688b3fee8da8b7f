"""pywin32's ``win32serviceutil.ServiceFramework``: the base class of a Python service.

A subclass names itself (``_svc_name_``, ``_svc_display_name_``) and defines ``SvcDoRun``
(the service's work, on the service's main thread) and ``SvcStop`` (on the dispatcher's
thread: it signals ``SvcDoRun`` to end). The host (:mod:`apartment.services`) builds the
instance with ``cls(args)`` and calls ``SvcRun``; the control handler it registers dispatches
each control to the ``Svc*`` method named for it, as pywin32's does.
"""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar

from . import servicemanager, win32service
from .win32service import (
    SERVICE_ACCEPT_PAUSE_CONTINUE,
    SERVICE_ACCEPT_SHUTDOWN,
    SERVICE_ACCEPT_STOP,
    SERVICE_CONTROL_CONTINUE,
    SERVICE_CONTROL_INTERROGATE,
    SERVICE_CONTROL_PAUSE,
    SERVICE_CONTROL_SHUTDOWN,
    SERVICE_CONTROL_STOP,
    SERVICE_RUNNING,
    SERVICE_START_PENDING,
    SERVICE_STOP_PENDING,
    SERVICE_STOPPED,
    SERVICE_WIN32_OWN_PROCESS,
)

__all__ = ["ServiceFramework"]

_METHODS = {
    SERVICE_CONTROL_STOP: "SvcStop",
    SERVICE_CONTROL_PAUSE: "SvcPause",
    SERVICE_CONTROL_CONTINUE: "SvcContinue",
    SERVICE_CONTROL_INTERROGATE: "SvcInterrogate",
    SERVICE_CONTROL_SHUTDOWN: "SvcShutdown",
}


class ServiceFramework:
    """The base class of a Python service, as pywin32's."""

    _svc_name_: ClassVar[str]
    _svc_display_name_: ClassVar[str]
    _svc_deps_: ClassVar[Any] = None
    _exe_name_: ClassVar[str | None] = None
    _exe_args_: ClassVar[str | None] = None
    _svc_description_: ClassVar[str | None] = None

    def __init__(self, args: Any) -> None:  # noqa: ANN401
        self.ssh = servicemanager.RegisterServiceCtrlHandler(
            args[0], self.ServiceCtrlHandlerEx, True
        )
        servicemanager.SetEventSourceName(self._svc_name_)
        self.checkPoint = 0

    def GetAcceptedControls(self) -> int:
        """The controls the service takes, from the Svc* methods it defines."""
        accepted = 0
        if hasattr(self, "SvcStop"):
            accepted |= SERVICE_ACCEPT_STOP
        if hasattr(self, "SvcPause") and hasattr(self, "SvcContinue"):
            accepted |= SERVICE_ACCEPT_PAUSE_CONTINUE
        if hasattr(self, "SvcShutdown"):
            accepted |= SERVICE_ACCEPT_SHUTDOWN
        return accepted

    def ReportServiceStatus(
        self, serviceStatus: int, waitHint: int = 5000, win32ExitCode: int = 0, svcExitCode: int = 0
    ) -> None:
        """Report a state; no controls are accepted while starting, a pending one counts."""
        if self.ssh is None:  # pywin32's debug host
            return
        accepted = 0 if serviceStatus == SERVICE_START_PENDING else self.GetAcceptedControls()
        if serviceStatus in (SERVICE_RUNNING, SERVICE_STOPPED):
            check_point = 0
        else:
            self.checkPoint += 1
            check_point = self.checkPoint
        status = (SERVICE_WIN32_OWN_PROCESS, serviceStatus, accepted, win32ExitCode,
                  svcExitCode, check_point, waitHint)  # fmt: skip
        win32service.SetServiceStatus(self.ssh, status)

    def SvcInterrogate(self) -> None:
        """Answer SERVICE_CONTROL_INTERROGATE: report running."""
        self.ReportServiceStatus(SERVICE_RUNNING)

    def SvcOther(self, control: int) -> object:
        """A control with no Svc* method of its own."""
        with contextlib.suppress(OSError):  # a service may have no valid stdout
            print(f"Unknown control status - {control}")
        return None

    def ServiceCtrlHandler(self, control: int) -> object:
        """The handler without the extra arguments."""
        return self.ServiceCtrlHandlerEx(control, 0, None)

    def SvcOtherEx(self, control: int, event_type: int, data: object) -> object:
        """A control with no Svc* method of its own, with its extra arguments."""
        return self.SvcOther(control)

    def ServiceCtrlHandlerEx(self, control: int, event_type: int, data: object) -> object:
        """Run the Svc* method for ``control`` (on the dispatcher's thread)."""
        method = _METHODS.get(control)
        if method is None:
            return self.SvcOtherEx(control, event_type, data)
        return getattr(self, method)()

    def SvcRun(self) -> None:
        """Report running, run SvcDoRun, report stop pending (the host reports stopped)."""
        self.ReportServiceStatus(SERVICE_RUNNING)
        self.SvcDoRun()  # type: ignore[attr-defined]
        self.ReportServiceStatus(SERVICE_STOP_PENDING)
