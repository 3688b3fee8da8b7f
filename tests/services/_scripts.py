"""Service scripts the tests write to a folder and run (as users write them)."""

from __future__ import annotations

ECHO_SERVICE = """
import sys
import threading

import servicemanager
import win32event
import win32service
import win32serviceutil


class EchoService(win32serviceutil.ServiceFramework):
    _svc_name_ = "ApartmentTestEcho"
    _svc_display_name_ = "Apartment test echo service"
    _svc_description_ = "A service the tests start and stop"

    def __init__(self, args):
        win32serviceutil.ServiceFramework.__init__(self, args)
        self.hWaitStop = win32event.CreateEvent(None, 0, 0, None)
        self.args = args

    def SvcStop(self):
        print("SvcStop on", threading.current_thread().name, flush=True)
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        win32event.SetEvent(self.hWaitStop)

    def SvcPause(self):
        self.ReportServiceStatus(win32service.SERVICE_PAUSED)

    def SvcContinue(self):
        self.ReportServiceStatus(win32service.SERVICE_RUNNING)

    def SvcOther(self, control):
        if control == 201:  # a handler that blocks until the test releases it
            release = win32event.CreateEvent(None, 0, 0, "ApartmentTestRelease")
            win32event.WaitForSingleObject(release, win32event.INFINITE)
        servicemanager.LogInfoMsg(f"control {control}")

    def SvcDoRun(self):
        print("SvcDoRun on", threading.current_thread().name, self.args, flush=True)
        servicemanager.LogMsg(
            servicemanager.EVENTLOG_INFORMATION_TYPE,
            servicemanager.PYS_SERVICE_STARTED,
            (self._svc_name_, ""),
        )
        win32event.WaitForSingleObject(self.hWaitStop, win32event.INFINITE)
        servicemanager.LogMsg(
            servicemanager.EVENTLOG_INFORMATION_TYPE,
            servicemanager.PYS_SERVICE_STOPPED,
            (self._svc_name_, ""),
        )


if __name__ == "__main__":
    if len(sys.argv) == 1:
        servicemanager.Initialize()
        servicemanager.PrepareToHostSingle(EchoService)
        servicemanager.StartServiceCtrlDispatcher()
    else:
        win32serviceutil.HandleCommandLine(EchoService)
"""

FAILING_SERVICE = """
import win32serviceutil


class FailingService(win32serviceutil.ServiceFramework):
    _svc_name_ = "ApartmentTestFailing"
    _svc_display_name_ = "Apartment test failing service"

    def SvcDoRun(self):
        raise RuntimeError("the service's work failed")


if __name__ == "__main__":
    win32serviceutil.HandleCommandLine(FailingService)
"""
