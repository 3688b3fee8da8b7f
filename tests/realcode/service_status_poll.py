"""Check a service's state and wait for it to settle, as deployment scripts do.

Source: public GitHub helpers around ``win32serviceutil.QueryServiceStatus(name)`` (the state
is item 1 of the tuple, compared with SERVICE_RUNNING / SERVICE_STOPPED) and the lower-level
loop ``OpenSCManager(None, None, SC_MANAGER_CONNECT)``, ``OpenService(scm, name,
SERVICE_QUERY_STATUS)``, ``QueryServiceStatus`` until the state is not a pending one,
``CloseServiceHandle``; a missing service is told by its error, 1060
(ERROR_SERVICE_DOES_NOT_EXIST). Rewritten with those calls. The services a machine has
differ, so the program looks at one that is never there, and at the manager's list's shape.
"""

import pywintypes
import win32service
import win32serviceutil
import winerror

STATES = {
    win32service.SERVICE_STOPPED: "stopped",
    win32service.SERVICE_START_PENDING: "starting",
    win32service.SERVICE_STOP_PENDING: "stopping",
    win32service.SERVICE_RUNNING: "running",
}


def service_state(name):
    try:
        status = win32serviceutil.QueryServiceStatus(name)
    except pywintypes.error as error:
        if error.winerror == winerror.ERROR_SERVICE_DOES_NOT_EXIST:
            return "not installed"
        raise
    return STATES.get(status[1], "other")


def wait_settled(name, polls=10):
    scm = win32service.OpenSCManager(None, None, win32service.SC_MANAGER_CONNECT)
    try:
        try:
            svc = win32service.OpenService(scm, name, win32service.SERVICE_QUERY_STATUS)
        except pywintypes.error as error:
            return f"OpenService failed: {error.winerror} {error.funcname}"
        try:
            for _ in range(polls):
                status = win32service.QueryServiceStatus(svc)
                if status[1] not in (
                    win32service.SERVICE_START_PENDING,
                    win32service.SERVICE_STOP_PENDING,
                ):
                    return STATES.get(status[1], "other")
            return "still pending"
        finally:
            win32service.CloseServiceHandle(svc)
    finally:
        win32service.CloseServiceHandle(scm)


def main():
    print("state:", service_state("RcNoSuchService"))
    print("settled:", wait_settled("RcNoSuchService"))
    scm = win32service.OpenSCManager(None, None, win32service.SC_MANAGER_ENUMERATE_SERVICE)
    services = win32service.EnumServicesStatus(
        scm, win32service.SERVICE_WIN32, win32service.SERVICE_STATE_ALL
    )
    print(
        "list of tuples:",
        type(services).__name__,
        all(isinstance(s, tuple) and len(s) == 3 for s in services),
    )
    print("status tuples of 7:", all(len(s[2]) == 7 for s in services))
    win32service.CloseServiceHandle(scm)
    try:
        win32serviceutil.StopService("RcNoSuchService")
    except pywintypes.error as error:
        print("stop missing:", error.winerror, error.funcname)


if __name__ == "__main__":
    main()
