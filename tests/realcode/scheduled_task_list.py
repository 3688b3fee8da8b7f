"""List scheduled tasks with their last and next run times, as Task Scheduler scripts do.

Source: GitHub scripts that walk ``Schedule.Service`` (scMarth/Learning
scheduled_task_info.py, mzelenetz/databot get_tasks.py): ``Dispatch``, ``Connect()``,
``GetFolder('\\\\')``, ``GetFolders(0)``, ``GetTasks(flags)``, and for each task ``Path``,
``State`` through a TASK_STATE table, ``'Last Run   : %s' % task.LastRunTime`` and
``LastTaskResult``. The Task Scheduler is replaced by a small Python COM server of the same
shape (its dates are COM dates, VT_DATE, 1899-12-30 for "never"), served from a thread of
its own so every date crosses apartments; the walk is as the scripts do it, with
``NextRunTime`` compared too. The server's dates are aware: a naive one before 1970 fails on
Windows (pywin32 reads it as local time through the C runtime, which stops at 1970).
"""

import datetime
import threading

import pythoncom
import win32com.client
import win32com.server.util

TASK_ENUM_HIDDEN = 1
TASK_STATE = {0: "Unknown", 1: "Disabled", 2: "Queued", 3: "Ready", 4: "Running"}
UTC = datetime.timezone.utc


class Task:
    _public_methods_ = []
    _public_attrs_ = ["Path", "State", "LastRunTime", "NextRunTime", "LastTaskResult"]

    def __init__(self, path, state, last, next_run, result):
        self.Path, self.State, self.LastRunTime = path, state, last
        self.NextRunTime, self.LastTaskResult = next_run, result


class Folder:
    _public_methods_ = ["GetFolders", "GetTasks"]

    def __init__(self, tasks, folders=()):
        self.tasks, self.folders = tasks, folders

    def GetFolders(self, flags):
        return [win32com.server.util.wrap(f) for f in self.folders]

    def GetTasks(self, flags):
        return [win32com.server.util.wrap(t) for t in self.tasks]


class Service:
    _public_methods_ = ["Connect", "GetFolder"]

    def __init__(self, root):
        self.root = root

    def Connect(self, *args):
        return None

    def GetFolder(self, path):
        return win32com.server.util.wrap(self.root)


def serve(ready, done, box):
    pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
    sub = Folder(
        [
            Task(
                "\\Backup\\Nightly",
                3,
                datetime.datetime(2023, 5, 1, 2, 0, tzinfo=UTC),
                datetime.datetime(2023, 5, 2, 2, 0, tzinfo=UTC),
                0,
            )
        ]
    )
    root = Folder(
        [
            Task(
                "\\Cleanup",
                1,
                datetime.datetime(1999, 12, 30, tzinfo=UTC),
                datetime.datetime(1899, 12, 30, tzinfo=UTC),
                267011,
            ),
            Task(
                "\\Report",
                4,
                datetime.datetime(2023, 4, 30, 23, 59, 59, 500000, tzinfo=UTC),
                datetime.datetime(2023, 5, 1, 23, 59, 59, tzinfo=UTC),
                267009,
            ),
        ],
        [sub],
    )
    service = win32com.server.util.wrap(Service(root))
    box.append(pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, service))
    ready.set()
    while not done.is_set():
        pythoncom.PumpWaitingMessages()
        done.wait(0.01)
    pythoncom.CoUninitialize()


ready, done, box = threading.Event(), threading.Event(), []
server = threading.Thread(target=serve, args=(ready, done, box))
server.start()
ready.wait(30)
scheduler = win32com.client.Dispatch(
    pythoncom.CoGetInterfaceAndReleaseStream(box[0], pythoncom.IID_IDispatch)
)
scheduler.Connect()

n = 0
folders = [scheduler.GetFolder("\\")]
while folders:
    folder = folders.pop(0)
    folders += list(folder.GetFolders(0))
    tasks = list(folder.GetTasks(TASK_ENUM_HIDDEN))
    n += len(tasks)
    for task in tasks:
        print("Path       : %s" % task.Path)  # noqa: UP031
        print("State      : %s" % TASK_STATE[task.State])  # noqa: UP031
        print("Last Run   : %s" % task.LastRunTime)  # noqa: UP031
        print("Next Run   : %s" % task.NextRunTime)  # noqa: UP031
        print("Last Result: %s" % task.LastTaskResult)  # noqa: UP031
        print(
            "Overdue    : %s\n"
            % (task.NextRunTime < datetime.datetime(2023, 5, 1, 12, 0, tzinfo=UTC))
        )
print("Listed %d tasks." % n)  # noqa: UP031
del scheduler, folder, folders, task, tasks
done.set()
server.join(30)
print("server stopped:", not server.is_alive())
