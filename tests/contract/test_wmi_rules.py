r"""WMI's scripting objects: shapes, types and errors that the facade and Windows share.

Values differ from system to system (Linux here, Wine's wbemprox on the oracle); what is pinned
is which calls answer, the types of what they answer (a uint64 is a string, a datetime a CIM
string), and the HRESULT an error carries. Wine's wbemdisp lacks much of Windows' (reading a
property by its name, ``Path_``, ``Methods_`` iteration, query errors); those tests are
marked, and pinned to Windows' answer.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
import pythoncom
import win32com.client

from ._wine import wine_differs

WBEM_E_FAILED = -2147217407
WBEM_E_NOT_FOUND = -2147217406
WBEM_E_INVALID_NAMESPACE = -2147217394
WBEM_E_INVALID_CLASS = -2147217392
WBEM_E_INVALID_QUERY = -2147217385
WBEM_E_LOCAL_CREDENTIALS = -2147217308
CIM_DATETIME = re.compile(r"^\d{14}\.\d{6}[+-]\d{3}$")
_NO_NAMES = "Wine's wbemdisp answers E_NOTIMPL for a property read by its name"


def _wmi_code(call: Any) -> int:
    """The WMI HRESULT a call raises: excepinfo's scode for DISP_E_EXCEPTION, else the hresult."""
    with pytest.raises(pythoncom.com_error) as caught:
        call()
    error = caught.value
    if error.hresult == -2147352567 and error.excepinfo is not None:  # DISP_E_EXCEPTION
        return int(error.excepinfo[5])
    return int(error.hresult)


def _me() -> Any:
    return win32com.client.GetObject(f"winmgmts:Win32_Process.Handle='{os.getpid()}'")


def test_this_process_through_properties_has_wmis_types() -> None:
    me = _me()
    values = {n: me.Properties_(n).Value for n in ("Name", "ProcessId", "Handle", "WorkingSetSize")}
    assert isinstance(values["Name"], str) and values["Name"]
    assert values["ProcessId"] == os.getpid()
    assert values["Handle"] == str(os.getpid())  # the key is a string
    size = values["WorkingSetSize"]
    assert isinstance(size, str) and size.isdigit()  # uint64: a string in scripting


@wine_differs(_NO_NAMES)
def test_a_property_reads_by_its_name() -> None:
    me = _me()
    assert (me.ProcessId, me.Handle) == (os.getpid(), str(os.getpid()))


def test_the_system_classes_types() -> None:
    wmi = win32com.client.GetObject("winmgmts:")
    system = wmi.InstancesOf("Win32_OperatingSystem").ItemIndex(0)
    computer = wmi.InstancesOf("Win32_ComputerSystem").ItemIndex(0)
    for name in ("TotalVisibleMemorySize", "FreePhysicalMemory"):
        value = system.Properties_(name).Value
        assert isinstance(value, str) and value.isdigit(), (name, value)
    assert CIM_DATETIME.match(system.Properties_("LastBootUpTime").Value)
    assert system.Properties_("OSArchitecture").Value == "64-bit"
    assert isinstance(system.Properties_("BuildNumber").Value, str)
    assert computer.Properties_("Domain").Value == "WORKGROUP"
    memory = computer.Properties_("TotalPhysicalMemory").Value
    assert isinstance(memory, str) and memory.isdigit()
    assert isinstance(computer.Properties_("NumberOfLogicalProcessors").Value, int)
    assert wmi.InstancesOf("Win32_OperatingSystem").Count == 1
    assert wmi.InstancesOf("Win32_Process").Count > 3


def test_object_text_is_mof() -> None:
    text = _me().GetObjectText_()
    assert text.startswith("\ninstance of Win32_Process\n{\n\t")
    assert f'\tHandle = "{os.getpid()}";\n' in text
    assert text.rstrip("\0\n").endswith("\n};")  # Wine's leaves NULs after the text


def test_not_found_errors() -> None:
    wmi = win32com.client.GetObject("winmgmts:")
    me = _me()
    assert _wmi_code(lambda: me.Properties_("NoSuchProperty")) == WBEM_E_NOT_FOUND
    assert _wmi_code(lambda: wmi.InstancesOf("Win32_Process").ItemIndex(10**6)) == WBEM_E_NOT_FOUND
    assert _wmi_code(lambda: wmi.Get("Win32_Process.Handle='-5'")) == WBEM_E_NOT_FOUND
    assert _wmi_code(lambda: wmi.Get("Win32_NoSuchClass")) == WBEM_E_NOT_FOUND


def test_monikers_and_the_locator_connect_or_fail_with_wmis_codes() -> None:
    pid = os.getpid()
    security = "{impersonationLevel=impersonate}"
    name = f"winmgmts:{security}!\\\\.\\root\\cimv2:Win32_Process.Handle='{pid}'"
    assert win32com.client.GetObject(name).Properties_("ProcessId").Value == pid
    for bad, code in (
        ("winmgmts:\\\\.\\root\\nosuchnamespace", WBEM_E_INVALID_NAMESPACE),
        ("winmgmts:Win32_NoSuchClass", WBEM_E_NOT_FOUND),
    ):
        with pytest.raises(pythoncom.com_error) as caught:
            win32com.client.GetObject(bad)
        assert caught.value.hresult == code  # MkParseDisplayName's own HRESULT
    locator = win32com.client.Dispatch("WbemScripting.SWbemLocator")
    for server, namespace in ((".", "root\\cimv2"), ("", ""), ("localhost", "root\\cimv2")):
        services = locator.ConnectServer(server, namespace)
        assert services.InstancesOf("Win32_ComputerSystem").Count == 1
    bad_namespace = _wmi_code(lambda: locator.ConnectServer(".", "root\\nosuchnamespace"))
    assert bad_namespace == WBEM_E_INVALID_NAMESPACE


@wine_differs("Wine's wbemprox lets a user name through on a local connection")
def test_credentials_are_refused_on_a_local_connection() -> None:
    locator = win32com.client.Dispatch("WbemScripting.SWbemLocator")
    code = _wmi_code(lambda: locator.ConnectServer(".", "root\\cimv2", "someone", "secret"))
    assert code == WBEM_E_LOCAL_CREDENTIALS


@wine_differs("Wine's wbemprox answers a malformed query or an unknown class with an empty set")
def test_query_errors_come_when_the_set_is_read() -> None:
    wmi = win32com.client.GetObject("winmgmts:")
    bad = wmi.ExecQuery("SELECT FROM Win32_Process")  # wbemFlagReturnImmediately: no error yet
    assert _wmi_code(lambda: bad.Count) == WBEM_E_INVALID_QUERY
    unknown = wmi.ExecQuery("SELECT * FROM Win32_NoSuchClass")
    assert _wmi_code(lambda: unknown.Count) == WBEM_E_INVALID_CLASS


def test_a_query_filters_on_its_where() -> None:
    wmi = win32com.client.GetObject("winmgmts:")
    found = wmi.ExecQuery(f"SELECT * FROM Win32_Process WHERE ProcessId = {os.getpid()}")
    assert [p.Properties_("Handle").Value for p in found] == [str(os.getpid())]
    assert wmi.ExecQuery("SELECT * FROM Win32_Process WHERE ProcessId = 4294967295").Count == 0


def test_a_method_without_in_parameters_has_none() -> None:
    process = win32com.client.GetObject("winmgmts:").Get("Win32_Process")
    assert process.Methods_("GetOwner").InParameters is None


def test_members_have_wbemdisps_dispids() -> None:
    services = win32com.client.GetObject("winmgmts:")
    found = services.InstancesOf("Win32_Process")
    me = _me()
    locator = win32com.client.Dispatch("WbemScripting.SWbemLocator")
    tables = (
        (services, {"Get": 1, "InstancesOf": 5, "ExecQuery": 9, "ExecMethod": 17,
                    "ExecNotificationQuery": 15, "Security_": 19}),
        (found, {"Item": 0, "Count": 1, "ItemIndex": 5}),
        (me, {"Put_": 1, "ExecMethod_": 13, "GetObjectText_": 16, "SpawnInstance_": 18,
              "Qualifiers_": 20, "Properties_": 21, "Methods_": 22, "Path_": 24}),
        (me.Properties_, {"Item": 0, "Count": 1}),
        (me.Properties_("Name"), {"Value": 0, "Name": 1, "CIMType": 4, "IsArray": 6}),
        (locator, {"ConnectServer": 1, "Security_": 2}),
    )  # fmt: skip
    for obj, dispids in tables:
        for name, dispid in dispids.items():
            assert obj._oleobj_.GetIDsOfNames(name) == dispid, name
