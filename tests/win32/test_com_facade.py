"""The facade's COM surface where pywin32 cannot be asked: events from Python servers
(DispatchWithEvents, WithEvents), the shipped servers registered here, pywin32's messages.

Each test runs in a fresh interpreter (``run_script``), as a pywin32 script does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._subprocess import run_python

if TYPE_CHECKING:
    from pathlib import Path

SERVER = """
import threading
import pythoncom
import pywintypes
import win32com.server.connect

IID_EVENTS = pywintypes.IID("{7C9C0D7E-4C2B-4C7A-9B7B-6C5E2F1D0A11}")


class Bell(win32com.server.connect.ConnectableServer):
    _reg_clsid_ = "{5B2F6B0E-9C49-4B0A-8E3C-3B7A7C4A2E10}"
    _reg_progid_ = "Apartment.Test.Bell"
    _public_methods_ = ["Ring", *win32com.server.connect.ConnectableServer._public_methods_]
    _connect_interfaces_ = [IID_EVENTS]
    _public_events_ = ["Rang", "Stopped"]

    def Ring(self, times):
        self.fire("Rang", times, threading.get_native_id())
        return times
"""


def run(tmp_path: Path, script: str) -> str:
    (tmp_path / "bell_server.py").write_text(SERVER)
    (tmp_path / "main.py").write_text(script)
    registry = str(tmp_path / "registry.sqlite3")
    run_python("-m", "apartment", "register", str(tmp_path / "bell_server.py"), registry=registry)
    return run_python("-m", "apartment", "run", str(tmp_path / "main.py"), registry=registry)


def test_dispatch_with_events_calls_on_methods_in_the_clients_apartment(tmp_path: Path) -> None:
    out = run(
        tmp_path,
        """
import threading
import win32com.client

class Events:
    def __init__(self):
        self.heard = []
    def OnRang(self, times, thread):
        self.heard.append((times, thread == threading.get_native_id()))

bell = win32com.client.DispatchWithEvents("Apartment.Test.Bell", Events)
print(bell.Ring(3), bell.heard)
bell.note = "kept"          # not a COM property: an attribute of the events object
print(bell.note)
bell.close()
bell.Ring(4)
print(bell.heard)
""",
    )
    assert out.splitlines() == ["3 [(3, True)]", "kept", "[(3, True)]"]


def test_with_events_connects_a_handler_to_an_object(tmp_path: Path) -> None:
    out = run(
        tmp_path,
        """
import win32com.client

class Handler:
    def __init__(self):
        self.heard = []
    def OnRang(self, times, thread):
        self.heard.append(times)

bell = win32com.client.Dispatch("Apartment.Test.Bell")
handler = win32com.client.WithEvents(bell, Handler)
bell.Ring(1)
bell.Ring(2)
print(type(handler).__name__, handler.heard)
""",
    )
    assert out.strip() == "Handler [1, 2]"


def test_dispatch_with_events_needs_a_source_of_events(tmp_path: Path) -> None:
    out = run(
        tmp_path,
        """
import pythoncom, win32com.client, win32com.server.util

class Plain:
    _public_methods_ = ["X"]
    def X(self):
        return 1

try:
    win32com.client.DispatchWithEvents(win32com.server.util.wrap(Plain()), object)
except TypeError as error:  # pywin32's: no type information, so makepy cannot run
    print(str(error).startswith("This COM object can not automate the makepy process"),
          "_connect_interfaces_" in error.__cause__.detail)
""",
    )
    assert out.strip() == "True True"


def test_the_shipped_servers_register_by_module_name(tmp_path: Path) -> None:
    registry = str(tmp_path / "registry.sqlite3")
    for module in ("win32com.servers.interp", "win32com.servers.dictionary"):
        out = run_python("-m", "apartment", "register", module, registry=registry)
        assert out.startswith("Registered: Python.")
    (tmp_path / "main.py").write_text(
        """
import win32com.client
interp = win32com.client.Dispatch("Python.Interpreter")
interp.Exec("x = 6 * 7")
d = win32com.client.Dispatch("Python.Dictionary")
d["Key"] = interp.Eval("x")
print(d("KEY"), d.Count, list(d))
"""
    )
    out = run_python("-m", "apartment", "run", str(tmp_path / "main.py"), registry=registry)
    assert out.strip() == "42 1 ['key']"


def test_a_tuple_result_is_reported_as_pywin32_does(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        """
import sys
import win32com.client, win32com.server.util

class Server:
    _public_methods_ = ["Two"]
    def Two(self):
        return (1, 2)

sys.stderr = sys.stdout
print(win32com.client.Dispatch(win32com.server.util.wrap(Server())).Two())
"""
    )
    out = run_python("-m", "apartment", "run", str(tmp_path / "main.py"))
    assert out.splitlines() == [
        "pythoncom warning: Too many results supplied - 2 supplied, but only 0 can be set",
        "1",
    ]


def test_ensure_dispatch_needs_a_type_library(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        """
import pythoncom
from win32com.client.gencache import EnsureDispatch
import win32com.server.util

class Server:
    _public_methods_ = ["X"]

try:
    EnsureDispatch(win32com.server.util.wrap(Server()))
except (pythoncom.com_error, TypeError) as error:
    print(type(error).__name__)
"""
    )
    out = run_python("-m", "apartment", "run", str(tmp_path / "main.py"))
    # pywin32 312 turns GetTypeInfo's com_error into its TypeError (the oracle shows it:
    # tests/contract/test_client_names.py)
    assert out.strip() == "TypeError"


def test_known_bugs_stay_fixed(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        """
from apartment import com
import pythoncom, win32com.client
from win32com.server.policy import DesignatedWrapPolicy

class Server:
    _public_methods_ = ["Twice"]
    def Twice(self, value):
        return 2 * value

# WrapObject takes a policy as it is (it used to wrap the policy itself: ValueError)
print(win32com.client.Dispatch(pythoncom.WrapObject(DesignatedWrapPolicy(Server()))).Twice(2))
# a core pointer given to Dispatch gets pywin32's face (it used to stay a bare pointer)
client = win32com.client.Dispatch(com.wrap(Server()))
print(type(client._oleobj_).__name__, client._oleobj_.GetIDsOfNames("Twice"))
"""
    )
    out = run_python("-m", "apartment", "run", str(tmp_path / "main.py"))
    assert out.splitlines() == ["4", "PyIDispatch 1000"]


def test_the_perfmon_query_server_reads_counters(tmp_path: Path) -> None:
    registry = str(tmp_path / "registry.sqlite3")
    out = run_python("-m", "apartment", "register", "win32com.servers.perfmon", registry=registry)
    assert out.startswith("Registered: Python.PerfmonQuery")
    (tmp_path / "main.py").write_text(
        """
import os
import pythoncom, win32com.client
query = win32com.client.Dispatch("Python.PerfmonQuery")
print(query.Query("Memory", "Available Bytes") > 0)
try:
    query.Query("No such object", "No such counter")
except pythoncom.com_error as error:
    print(error.hresult == -2147352567)  # DISP_E_EXCEPTION, PDH's message inside
"""
    )
    out = run_python("-m", "apartment", "run", str(tmp_path / "main.py"), registry=registry)
    assert out.split() == ["True", "True"]


def test_the_python_tools_server(tmp_path: Path) -> None:
    registry = str(tmp_path / "registry.sqlite3")
    script = tmp_path / "register.py"
    script.write_text("import win32com.servers.PythonTools as t\nt.main([])\n")
    out = run_python("-m", "apartment", "run", str(script), registry=registry)
    assert out.splitlines() == ["Registering COM server...", "Class registered."]
    (tmp_path / "main.py").write_text(
        """
import win32com.client
tools = win32com.client.Dispatch("Python.Tools")
print(tools.echo(42), tools.reload("no_such_module_s29"), tools.reload("json"))
print("folder_s29" in tools.adddir("folder_s29"))
"""
    )
    out = run_python("-m", "apartment", "run", str(tmp_path / "main.py"), registry=registry)
    assert out.splitlines() == ["42 no reload performed. reload succeeded.", "True"]
