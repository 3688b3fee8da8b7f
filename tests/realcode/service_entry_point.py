"""A service script started by hand: the frozen-exe entry point and HandleCommandLine's usage.

Source: the entry point of countless public GitHub services (and PyInstaller's service
recipe): ``if len(sys.argv) == 1: servicemanager.Initialize();
servicemanager.PrepareToHostSingle(AppServerSvc); servicemanager.StartServiceCtrlDispatcher()``
``else: win32serviceutil.HandleCommandLine(AppServerSvc)``, on a
``win32serviceutil.ServiceFramework`` class whose ``SvcDoRun`` waits on ``hWaitStop`` in a
5-second loop (search "StartServiceCtrlDispatcher PrepareToHostSingle HandleCommandLine").
Run from a console rather than by the service manager, the dispatcher fails with
ERROR_FAILED_SERVICE_CONTROLLER_CONNECT (1063), which such scripts catch to print a hint; an
unknown command prints HandleCommandLine's usage and exits with 1. Made outside the manager,
the class fails in ``RegisterServiceCtrlHandlerEx`` (1060); in debug mode
(``servicemanager.Debugging(True)``) it runs in process, as its tests run it.
"""

import sys
import threading

import servicemanager
import win32event
import win32service
import win32serviceutil


class AppServerSvc(win32serviceutil.ServiceFramework):  # type: ignore[misc]
    _svc_name_ = "RealcodeEntryPointSvc"
    _svc_display_name_ = "Realcode entry point service"
    _svc_description_ = "Loops until stopped."

    def __init__(self, args):
        win32serviceutil.ServiceFramework.__init__(self, args)
        self.hWaitStop = win32event.CreateEvent(None, 0, 0, None)
        self.loops = 0
        self.running = threading.Event()

    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        win32event.SetEvent(self.hWaitStop)

    def SvcDoRun(self):
        rc = None
        self.running.set()
        while rc != win32event.WAIT_OBJECT_0:
            self.loops += 1
            rc = win32event.WaitForSingleObject(self.hWaitStop, 5000)


def main():
    try:
        servicemanager.Initialize()
        servicemanager.PrepareToHostSingle(AppServerSvc)
        servicemanager.StartServiceCtrlDispatcher()
    except Exception as e:
        print("dispatcher:", getattr(e, "winerror", None), getattr(e, "funcname", None))
    argv = [sys.argv[0], "frobnicate"]
    try:
        win32serviceutil.HandleCommandLine(AppServerSvc, argv=argv)
    except SystemExit as e:
        print("HandleCommandLine exit:", e.code)
    print(
        "service name from class:",
        win32serviceutil.GetServiceClassString(AppServerSvc).split(".")[-1],
    )
    try:
        AppServerSvc([AppServerSvc._svc_name_])
    except Exception as e:
        print("made outside the manager:", e.winerror, e.funcname)
    servicemanager.Debugging(True)
    servicemanager.PrepareToHostSingle(AppServerSvc)
    svc = AppServerSvc([AppServerSvc._svc_name_])
    t = threading.Thread(target=svc.SvcDoRun)
    t.start()
    svc.running.wait(10)
    svc.SvcStop()
    t.join(10)
    print("loops:", svc.loops, "alive:", t.is_alive())
    print("done")


if __name__ == "__main__":
    main()
