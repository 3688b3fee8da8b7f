"""A ServiceFramework service run in-process the way its unit tests run it: start, stop, status.

Source: public GitHub Windows services written on ``win32serviceutil.ServiceFramework`` and
their tests (search "win32serviceutil.ServiceFramework SvcDoRun hWaitStop
win32event.CreateEvent ReportServiceStatus SERVICE_STOP_PENDING"), rewritten with their
calls and their order: a class with ``_svc_name_``/``_svc_display_name_``, an ``__init__``
that calls the base and makes ``hWaitStop``, a ``SvcDoRun`` that logs with
``servicemanager.LogMsg`` and waits on the stop event with a timeout loop, a ``SvcStop`` that
reports ``SERVICE_STOP_PENDING`` and sets the event; the test turns on
``servicemanager.Debugging(True)`` and ``PrepareToHostSingle(cls)`` as
``win32serviceutil.DebugService`` does, makes the service with its name as args, runs
``SvcDoRun`` on a thread, calls ``SvcStop`` from the main thread and joins.

Wine differs: the two debug log lines (``Info 0x40001002 - ...``) come out of Wine's
console in UTF-16; Windows writes them as text, as here.
"""

import threading

import servicemanager
import win32event
import win32service
import win32serviceutil


class HeartbeatService(win32serviceutil.ServiceFramework):  # type: ignore[misc]
    _svc_name_ = "RealcodeHeartbeat"
    _svc_display_name_ = "Realcode heartbeat"
    _svc_description_ = "Beats until stopped."

    def __init__(self, args):
        win32serviceutil.ServiceFramework.__init__(self, args)
        self.hWaitStop = win32event.CreateEvent(None, 0, 0, None)
        self.beats = 0
        self.started = threading.Event()
        self.statuses = []

    def ReportServiceStatus(self, serviceStatus, waitHint=5000, win32ExitCode=0, svcExitCode=0):
        self.statuses.append(serviceStatus)
        try:
            win32serviceutil.ServiceFramework.ReportServiceStatus(
                self, serviceStatus, waitHint, win32ExitCode, svcExitCode
            )
        except Exception as exc:
            self.statuses.append(type(exc).__name__)

    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        win32event.SetEvent(self.hWaitStop)

    def SvcDoRun(self):
        servicemanager.LogMsg(
            servicemanager.EVENTLOG_INFORMATION_TYPE,
            servicemanager.PYS_SERVICE_STARTED,
            (self._svc_name_, ""),
        )
        self.started.set()
        while True:
            rc = win32event.WaitForSingleObject(self.hWaitStop, 10)
            if rc == win32event.WAIT_OBJECT_0:
                break
            self.beats += 1
        servicemanager.LogInfoMsg(f"{self._svc_name_} stopped after beating")


def main():
    print("accepted controls default:", win32service.SERVICE_ACCEPT_STOP)
    servicemanager.Debugging(True)
    servicemanager.PrepareToHostSingle(HeartbeatService)
    svc = HeartbeatService([HeartbeatService._svc_name_])
    print("status handle:", svc.ssh)
    print("checkpoint start:", getattr(svc, "checkPoint", "n/a"))
    runner = threading.Thread(target=svc.SvcDoRun)
    runner.start()
    svc.started.wait(10)
    svc.SvcStop()
    runner.join(10)
    print("run ended:", not runner.is_alive())
    print("beat at least zero times:", svc.beats >= 0)
    print("statuses:", svc.statuses)
    print("stop event left reset:", win32event.WaitForSingleObject(svc.hWaitStop, 0))
    print(
        "service name helper:",
        win32serviceutil.GetServiceClassString(HeartbeatService).split(".")[-1],
    )


main()
