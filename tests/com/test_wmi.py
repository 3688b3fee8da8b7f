r"""WMI as a system class: the ``winmgmts:`` moniker, SWbemLocator, queries and instances.

Values come from Linux (services/_wmi_sources.py); what is pinned here is what Windows'
WMI rules say: which display names bind, which errors (HRESULT and excepinfo source)
come from which call and when (a query's errors with wbemFlagReturnImmediately come when its
set is read), the types scripting gives (uint64 as a string, a CIM datetime string, arrays as
tuples) and the methods of Win32_Process.
"""

from __future__ import annotations

import getpass
import os
import re
import subprocess
import sys
import threading
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import DISP_E_EXCEPTION, ComError
from apartment.kernel import computer_name

from ._helpers import in_apartment

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

WBEM_E_NOT_FOUND = -2147217406
WBEM_E_NOT_SUPPORTED = -2147217396
WBEM_E_INVALID_NAMESPACE = -2147217394
WBEM_E_INVALID_CLASS = -2147217392
WBEM_E_INVALID_QUERY = -2147217385
WBEM_E_INVALID_OBJECT_PATH = -2147217350
WBEM_E_PROVIDER_NOT_CAPABLE = -2147217372
WBEM_E_LOCAL_CREDENTIALS = -2147217308
RPC_S_SERVER_UNAVAILABLE = -2147023174
CIM_DATETIME = re.compile(r"^\d{14}\.\d{6}[+-]\d{3}$")


def _wmi(name: str = "winmgmts:") -> Any:
    return com.DispatchClient(com.get_object(name, com.IID_IDISPATCH))  # type: ignore[arg-type]


def _locator() -> Any:
    return com.DispatchClient(com.create_object("WbemScripting.SWbemLocator"))


def _error(call: Callable[[], object]) -> tuple[int, str | None]:
    """The WMI HRESULT a call fails with and the excepinfo's source (None without one)."""
    with pytest.raises(ComError) as caught:
        call()
    error = caught.value
    if error.hresult == DISP_E_EXCEPTION and error.excepinfo is not None:
        return error.excepinfo[5], error.excepinfo[1]
    return error.hresult, None


def test_every_display_name_form_binds_to_the_namespace_or_the_object() -> None:
    pid = os.getpid()

    def body() -> list[Any]:
        found = []
        for name in (
            "winmgmts:",
            "WinMgMts:",
            "winmgmts:{impersonationLevel=impersonate}!\\\\.\\root\\cimv2",
            "winmgmts:{impersonationLevel=impersonate}",
            "winmgmts:\\\\.\\root\\cimv2",
            "winmgmts://./root/cimv2",
            "winmgmts:root\\cimv2",
            f"winmgmts:\\\\{computer_name().lower()}\\root\\cimv2",
        ):
            found.append(_wmi(name).InstancesOf("Win32_OperatingSystem").Count)
        found.append(_wmi(f"winmgmts:\\\\.\\root\\cimv2:Win32_Process.Handle='{pid}'").ProcessId)
        found.append(_wmi(f'winmgmts:Win32_Process.Handle="{pid}"').ProcessId)
        found.append(_wmi("winmgmts:{impersonationLevel=impersonate}!Win32_Process").Path_.IsClass)
        return found

    assert in_apartment(body) == [1] * 8 + [pid, pid, True]


def test_display_names_refuse_another_namespace_another_computer_and_no_object() -> None:
    def body() -> list[int]:
        codes = []
        for name in (
            "winmgmts:\\\\.\\root\\nothing",
            "winmgmts://no-such-host-x/root/cimv2",
            "winmgmts:Win32_NoSuchClass",
            "winmgmts:Win32_Process.Handle='-5'",
        ):
            codes.append(_error(partial(com.get_object, name))[0])
        return codes

    assert in_apartment(body) == [
        WBEM_E_INVALID_NAMESPACE, RPC_S_SERVER_UNAVAILABLE, WBEM_E_NOT_FOUND, WBEM_E_NOT_FOUND,
    ]  # fmt: skip


def test_locator_connects_to_this_computer_only() -> None:
    def body() -> list[Any]:
        locator = _locator()
        found: list[Any] = []
        for server in (".", "", "localhost", computer_name(), computer_name().lower()):
            found.append(
                locator.ConnectServer(server, "root\\cimv2")
                .InstancesOf("Win32_ComputerSystem")
                .Count
            )
        found.append(locator.ConnectServer().InstancesOf("Win32_OperatingSystem").Count)
        found.append(_error(lambda: locator.ConnectServer("no-such-host-x", "root\\cimv2")))
        found.append(_error(lambda: locator.ConnectServer(".", "root\\nothing")))
        found.append(_error(lambda: locator.ConnectServer(".", "root\\cimv2", "someone", "pw")))
        return found

    assert in_apartment(body) == [1, 1, 1, 1, 1, 1,
        (RPC_S_SERVER_UNAVAILABLE, "SWbemLocator"),
        (WBEM_E_INVALID_NAMESPACE, "SWbemLocator"),
        (WBEM_E_LOCAL_CREDENTIALS, "SWbemLocator"),
    ]  # fmt: skip


def test_this_process_is_a_win32_process_with_wmis_types() -> None:
    pid = os.getpid()

    def body() -> dict[str, Any]:
        found = {}
        for process in _wmi().InstancesOf("Win32_Process"):
            if process.ProcessId == pid:
                for name in ("Handle", "ParentProcessId", "CommandLine", "ExecutablePath",
                             "ThreadCount", "WorkingSetSize", "CreationDate", "Name",
                             "Caption", "Priority"):  # fmt: skip
                    found[name] = getattr(process, name)
                found["Caption via Properties_"] = process.Properties_("Caption").Value
        return found

    found = in_apartment(body)
    assert found["Handle"] == str(pid)  # Handle is a string key
    assert found["ParentProcessId"] == os.getppid()
    assert "pytest" in found["CommandLine"] or sys.argv[0] in found["CommandLine"]
    assert found["ExecutablePath"] == os.path.realpath(sys.executable)
    assert found["Name"] == os.path.basename(found["ExecutablePath"]) == found["Caption"]
    assert found["Caption via Properties_"] == found["Caption"]
    assert isinstance(found["ThreadCount"], int) and found["ThreadCount"] >= 1
    assert isinstance(found["WorkingSetSize"], str) and int(found["WorkingSetSize"]) > 0  # uint64
    assert CIM_DATETIME.match(found["CreationDate"]), found["CreationDate"]
    assert found["Priority"] == 8


def test_a_query_selects_only_its_list_and_filters() -> None:
    pid = os.getpid()

    def body() -> list[Any]:
        wmi = _wmi()
        found: list[Any] = []
        mine = wmi.ExecQuery(f"SELECT Name, ProcessId FROM Win32_Process WHERE ProcessId = {pid}")
        found.append(mine.Count)
        item = mine.ItemIndex(0)
        found.append(sorted(p.Name for p in item.Properties_))  # the list only
        found.append(item.Path_.RelPath)  # no key: no path
        found.append(_error(lambda: item.Properties_("Handle")))
        with_path = wmi.ExecQuery(f"SELECT Name, __PATH FROM Win32_Process WHERE ProcessId = {pid}")
        found.append(with_path.ItemIndex(0).Path_.RelPath)  # __PATH brings the keys
        name = item.Name
        like = wmi.ExecQuery(
            f"select * from win32_process where name like '{name[:2]}%' and "
            f"(ProcessId = {pid} or ProcessId < 0) and not CommandLine is null"
        )
        found.append([p.ProcessId for p in like])
        found.append(wmi.ExecQuery(f"SELECT * FROM Win32_Process WHERE Handle = '{pid}'").Count)
        return found

    assert in_apartment(body) == [
        1, ["Name", "ProcessId"], "", (WBEM_E_NOT_FOUND, "SWbemPropertySet"),
        f'Win32_Process.Handle="{pid}"', [pid], 1,
    ]  # fmt: skip


def test_query_errors_come_when_the_set_is_read_unless_flags_are_zero() -> None:
    def body() -> list[Any]:
        wmi = _wmi()
        found: list[Any] = []
        for text in (
            "SELECT FROM Win32_Process",
            "SELECT * FROM Win32_NoSuchClass",
            "SELECT Bogus FROM Win32_Process",
            "SELECT * FROM Win32_Process WHERE Bogus = 1",
            "SELECT * FROM Win32_Process WHERE (Name = 'x'",
            "ASSOCIATORS OF {Win32_Process.Handle='1'}",
            "SELECT * FROM __InstanceCreationEvent WITHIN 1 WHERE TargetInstance ISA 'x'",
        ):
            deferred = wmi.ExecQuery(text)  # wbemFlagReturnImmediately: no error yet
            found.append(_error(partial(getattr, deferred, "Count")))
        found.append(_error(lambda: wmi.ExecQuery("SELECT FROM x", "WQL", 0)))
        found.append(_error(lambda: wmi.InstancesOf("Win32_NoSuchClass").Count))
        found.append(
            _error(lambda: wmi.ExecNotificationQuery("SELECT * FROM __InstanceCreationEvent"))
        )
        return found

    assert in_apartment(body) == [
        (WBEM_E_INVALID_QUERY, "SWbemObjectSet"),
        (WBEM_E_INVALID_CLASS, "SWbemObjectSet"),
        (WBEM_E_INVALID_QUERY, "SWbemObjectSet"),
        (WBEM_E_INVALID_QUERY, "SWbemObjectSet"),
        (WBEM_E_INVALID_QUERY, "SWbemObjectSet"),
        (WBEM_E_NOT_SUPPORTED, "SWbemObjectSet"),
        (WBEM_E_NOT_SUPPORTED, "SWbemObjectSet"),
        (WBEM_E_INVALID_QUERY, "SWbemServicesEx"),
        (WBEM_E_INVALID_CLASS, "SWbemObjectSet"),
        (WBEM_E_NOT_SUPPORTED, "SWbemServicesEx"),
    ]


def test_get_reads_object_paths_and_refuses_what_is_not_there() -> None:
    pid = os.getpid()

    def body() -> list[Any]:
        wmi = _wmi()
        found: list[Any] = []
        for path in (
            f"Win32_Process.Handle='{pid}'",
            f'Win32_Process.Handle="{pid}"',
            f"Win32_Process.Handle={pid}",
            f'Win32_Process="{pid}"',
            f"\\\\.\\root\\cimv2:Win32_Process.Handle='{pid}'",
        ):
            found.append(wmi.Get(path).ProcessId)
        cls = wmi.Get("Win32_Process")
        found.append((cls.Path_.IsClass, cls.Path_.RelPath, cls.Name))
        for path in ("Win32_Process.Handle='-5'", "Win32_NoSuchClass", "Win32_Process.Bogus=1",
                     "Win32_Process.Handle='1',Bogus=2", "3 bad", ""):  # fmt: skip
            found.append(_error(partial(wmi.Get, path))[0])
        return found

    assert in_apartment(body) == [pid] * 5 + [
        (True, "Win32_Process", None),
        WBEM_E_NOT_FOUND, WBEM_E_NOT_FOUND, WBEM_E_INVALID_OBJECT_PATH,
        WBEM_E_INVALID_OBJECT_PATH, WBEM_E_INVALID_OBJECT_PATH, WBEM_E_INVALID_OBJECT_PATH,
    ]  # fmt: skip


def test_object_sets_count_index_and_find_by_path() -> None:
    def body() -> list[Any]:
        disks = _wmi().InstancesOf("Win32_LogicalDisk")
        first = disks.ItemIndex(0)
        return [
            disks.Count >= 1,
            disks.Item(first.Path_.RelPath).DeviceID == first.DeviceID,
            _error(lambda: disks.ItemIndex(disks.Count)),
            _error(lambda: disks.Item("Win32_LogicalDisk.DeviceID='nowhere'")),
            len([d.DeviceID for d in disks]) == disks.Count,
        ]

    assert in_apartment(body) == [
        True, True, (WBEM_E_NOT_FOUND, "SWbemObjectSet"),
        (WBEM_E_NOT_FOUND, "SWbemObjectSet"), True,
    ]  # fmt: skip


def test_properties_methods_path_and_text_of_an_instance() -> None:
    pid = os.getpid()

    def body() -> list[Any]:
        me = _wmi().Get(f"Win32_Process.Handle='{pid}'")
        props = me.Properties_
        by_name = {p.Name: (p.CIMType, p.IsArray, p.Origin) for p in props}
        qualifiers = {q.Name: q.Value for q in props("Handle").Qualifiers_}
        path = me.Path_
        adapters = _wmi().InstancesOf("Win32_NetworkAdapterConfiguration")
        arrays = [(p.IsArray, p.CIMType) for a in adapters for p in [a.Properties_("IPAddress")]]
        return [
            props.Count == len(by_name) and props.Count >= 15,
            by_name["ProcessId"],
            by_name["WorkingSetSize"],
            by_name["CreationDate"],
            by_name["Handle"],
            qualifiers,
            _error(lambda: props("Bogus")),
            sorted(m.Name for m in me.Methods_),
            (path.Path, path.RelPath, path.Class, path.IsClass, path.Namespace),
            path.DisplayName.startswith("WINMGMTS:{") and path.DisplayName.endswith(path.Path),
            me.Derivation_,
            f"\tProcessId = {pid};" in me.GetObjectText_(0),
            me.GetObjectText_(0).startswith("\ninstance of Win32_Process\n{"),
            _error(lambda: me.Put_()),
            set(arrays) <= {(True, 8)},
            all(isinstance(a.IPAddress, (tuple, type(None))) for a in adapters),
        ]

    host = computer_name()
    assert in_apartment(body) == [
        True, (19, False, "Win32_Process"), (21, False, "Win32_Process"),
        (101, False, "Win32_Process"), (8, False, "Win32_Process"),
        {"CIMTYPE": "string", "key": True},
        (WBEM_E_NOT_FOUND, "SWbemPropertySet"),
        ["Create", "GetOwner", "Terminate"],
        (f'\\\\{host}\\root\\cimv2:Win32_Process.Handle="{pid}"', f'Win32_Process.Handle="{pid}"',
         "Win32_Process", False, "root\\cimv2"),
        True, ("CIM_Process", "CIM_LogicalElement", "CIM_ManagedSystemElement"),
        True, True, (WBEM_E_PROVIDER_NOT_CAPABLE, "SWbemObjectEx"), True, True,
    ]  # fmt: skip


def test_terminate_kills_a_process_and_getowner_names_its_user() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)  # fmt: skip
    try:

        def body() -> list[Any]:
            process = _wmi().Get(f"Win32_Process.Handle='{child.pid}'")
            owner = process.ExecMethod_("GetOwner")
            return [owner.User, owner.ReturnValue, process.Terminate()]

        found = in_apartment(body)
        assert child.wait(30) == -9  # SIGKILL, as TerminateProcess
        assert found == [getpass.getuser(), 0, 0]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        assert child.stdin is not None
        child.stdin.close()


def test_create_starts_a_process_through_execmethod_with_in_parameters(tmp_path: Path) -> None:
    fifo = tmp_path / "pid"
    os.mkfifo(fifo)
    script = f"import os; f = open({str(fifo)!r}, 'w'); f.write(str(os.getpid()))"

    def body() -> list[Any]:
        wmi = _wmi()
        cls = wmi.Get("Win32_Process")
        params = cls.Methods_("Create").InParameters
        params.Properties_("CommandLine").Value = f'"{sys.executable}" -c "{script}"'
        out = wmi.ExecMethod("Win32_Process", "Create", params)
        missing = cls.Methods_("Create").InParameters
        missing.Properties_("CommandLine").Value = "no-such-program-x --flag"
        empty = cls.Methods_("Create").InParameters
        return [
            out.ReturnValue, out.ProcessId,
            cls.ExecMethod_("Create", missing).ReturnValue,
            cls.ExecMethod_("Create", empty).ReturnValue,
            _error(lambda: cls.Terminate()),  # an instance's method, on the class
        ]  # fmt: skip

    found = in_apartment(body)
    with open(fifo, encoding="utf-8") as stream:  # opens once the child has: read to its end
        written = stream.read()
    assert found[0] == 0 and written == str(found[1])
    assert found[2:] == [9, 21, (-2147217363, "SWbemObjectEx")]  # WBEM_E_INVALID_METHOD


def test_the_system_classes_answer_from_linux() -> None:
    def body() -> dict[str, Any]:
        wmi = _wmi()
        system = wmi.InstancesOf("Win32_OperatingSystem").ItemIndex(0)
        computer = wmi.InstancesOf("Win32_ComputerSystem").ItemIndex(0)
        cpu = wmi.InstancesOf("Win32_Processor").ItemIndex(0)
        root = wmi.Get("Win32_LogicalDisk.DeviceID='/'")
        return {
            "version": (system.Version, system.BuildNumber, system.OSArchitecture),
            "memory": (system.TotalVisibleMemorySize, system.FreePhysicalMemory),
            "boot": system.LastBootUpTime,
            "processes": system.NumberOfProcesses,
            "computer": (computer.Name, computer.Domain, computer.NumberOfLogicalProcessors),
            "total": computer.TotalPhysicalMemory,
            "user": computer.UserName,
            "cpu": (cpu.DeviceID, cpu.NumberOfLogicalProcessors >= 1, cpu.NumberOfCores >= 1),
            "disk": (root.DeviceID, root.DriveType, root.Size, root.FreeSpace),
            "csname": system.CSName,
        }

    found = in_apartment(body)
    assert found["version"] == ("10.0.19045", "19045", "64-bit")
    assert all(isinstance(v, str) and v.isdigit() for v in found["memory"])  # uint64
    assert CIM_DATETIME.match(found["boot"])
    assert isinstance(found["processes"], int) and found["processes"] > 1
    assert found["computer"] == (computer_name(), "WORKGROUP", os.cpu_count())
    assert int(found["total"]) > int(found["memory"][1]) * 1024 // 2
    assert found["user"] == f"{computer_name()}\\{getpass.getuser()}"
    assert found["cpu"] == ("CPU0", True, True)
    stat = os.statvfs("/")
    assert found["disk"][:3] == ("/", 3, str(stat.f_blocks * stat.f_frsize))
    assert found["csname"] == computer_name()


def test_environment_variables_are_the_registrys() -> None:
    from apartment import registry

    key = registry.create_key(registry.key_of_handle(registry.HKEY_CURRENT_USER), "Environment")[0]
    key.set_value("WMI_TEST_VARIABLE", 1, "a value")  # REG_SZ

    def body() -> list[Any]:
        wmi = _wmi()
        found = wmi.ExecQuery("SELECT * FROM Win32_Environment WHERE Name = 'wmi_test_variable'")
        return [(e.Name, e.VariableValue, e.SystemVariable, e.UserName) for e in found]

    try:
        assert in_apartment(body) == [
            ("WMI_TEST_VARIABLE", "a value", False, f"{computer_name()}\\{getpass.getuser()}")
        ]
    finally:
        key.delete_value("WMI_TEST_VARIABLE")
        key.close()


def test_an_object_set_reads_the_system_once_from_many_threads() -> None:
    from apartment.services._wmi import ObjectSet
    from apartment.services._wmi_objects import Context, Security

    calls: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(4)

    def produce() -> list[Any]:
        with lock:
            calls.append(1)
        return []

    objects = ObjectSet(Context("VM", "root\\cimv2", Security()), produce)

    def reader() -> None:
        barrier.wait(30)
        objects.objects()

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert calls == [1]
