"""Rules the session-26 probes found (tools/probes/): names, values and CoTreatAsClass.

Each test passes on the facade and on the real pywin32 (``make oracle``).
"""

from __future__ import annotations

from typing import Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import win32com.server.register
import winerror

from ._wine import wine_differs

CLSID_NULL = "{00000000-0000-0000-0000-000000000000}"


def test_security_information_bit_31_is_signed() -> None:
    import win32security

    assert win32security.PROTECTED_DACL_SECURITY_INFORMATION == -2147483648
    assert win32security.PROTECTED_SACL_SECURITY_INFORMATION == 0x40000000


def test_unicode_flags_are_ints_not_bools() -> None:
    import win32gui

    assert type(win32gui.UNICODE) is int
    assert win32gui.UNICODE == 1


def test_evtlogutil_langid_is_neutral_neutral() -> None:
    import win32evtlogutil

    assert win32evtlogutil.langid == 0


def test_shellcon_has_the_whole_module() -> None:
    from win32com.shell import shellcon

    assert (shellcon.ABE_BOTTOM, shellcon.ABM_NEW, shellcon.SHCNE_ALLEVENTS) == (3, 0, 0x7FFFFFFF)
    assert shellcon.EIRESID(7) == -7
    assert shellcon.SVGIO_CHECKED == (3,)  # pywin32's trailing comma
    assert shellcon.IShellFolder_Methods[0] == "ParseDisplayName"


def test_shell_has_its_iids_and_its_error_is_com_error() -> None:
    from win32com.shell import shell

    assert shell.error is pythoncom.com_error
    assert str(shell.BHID_Stream) == "{1CEBB3AB-7C10-499A-A417-92CA16C4CB83}"
    assert shell.SLR_NO_UI == 1
    assert callable(shell.SHGetDesktopFolder)


def test_winperf_constants() -> None:
    import winperf

    assert winperf.PERF_COUNTER_COUNTER == 0x10410400
    assert winperf.PERF_DETAIL_NOVICE == 100


class TreatOld:
    _reg_clsid_ = "{5A0C1D2E-26A1-4B11-9C01-0000000000B1}"
    _reg_progid_ = "Apartment.ContractTreatOld"
    _reg_class_spec_ = f"{__name__}.TreatOld"
    _public_methods_ = ["Name"]

    def Name(self) -> str:  # noqa: N802
        return "old"


class TreatNew:
    _reg_clsid_ = "{5A0C1D2E-26A1-4B11-9C01-0000000000B2}"
    _reg_progid_ = "Apartment.ContractTreatNew"
    _reg_class_spec_ = f"{__name__}.TreatNew"
    _public_methods_ = ["Name"]

    def Name(self) -> str:  # noqa: N802
        return "new"


@pytest.fixture
def treat_classes() -> Any:
    pythoncom.CoInitialize()
    win32com.server.register.RegisterClasses(TreatOld, TreatNew, quiet=True)
    yield
    win32com.server.register.UnregisterClasses(TreatOld, TreatNew, quiet=True)


def _name(progid: str) -> str:
    return str(win32com.client.Dispatch(progid).Name())


def test_treat_as_class_makes_the_old_class_create_the_new_one(treat_classes: None) -> None:
    assert _name(TreatOld._reg_progid_) == "old"
    pythoncom.CoTreatAsClass(TreatOld._reg_clsid_, pywintypes.IID(TreatNew._reg_clsid_))
    assert _name(TreatOld._reg_progid_) == "new"
    assert _name(TreatOld._reg_clsid_) == "new"
    assert _name(TreatNew._reg_progid_) == "new"
    assert pythoncom.CoTreatAsClass(TreatOld._reg_clsid_) is None  # omitted: removed
    assert _name(TreatOld._reg_progid_) == "old"


def test_treat_as_class_null_removes_and_itself_with_none_is_writeregdb(
    treat_classes: None,
) -> None:
    pythoncom.CoTreatAsClass(TreatOld._reg_clsid_, TreatNew._reg_clsid_)
    pythoncom.CoTreatAsClass(TreatOld._reg_clsid_, CLSID_NULL)
    assert _name(TreatOld._reg_progid_) == "old"
    pythoncom.CoTreatAsClass(TreatOld._reg_clsid_, CLSID_NULL)  # nothing to remove: fine
    with pytest.raises(pythoncom.com_error) as caught:
        pythoncom.CoTreatAsClass(TreatOld._reg_clsid_, TreatOld._reg_clsid_)
    assert caught.value.hresult == winerror.REGDB_E_WRITEREGDB


def test_treat_as_class_of_an_unregistered_class_is_classnotreg() -> None:
    with pytest.raises(pythoncom.com_error) as caught:
        pythoncom.CoTreatAsClass("{5A0C1D2E-26A1-4B11-9C01-0000000000BF}", TreatNew._reg_clsid_)
    assert caught.value.hresult == winerror.REGDB_E_CLASSNOTREG
    with pytest.raises(TypeError):
        pythoncom.CoTreatAsClass(5, None)


def test_a_handle_argument_is_read_as_int_reads_it() -> None:
    import win32event

    # (each detached: a PyHANDLE closes its value when it goes, and these values are the
    # process's own handles, a thread's among them on Windows)
    made = [pywintypes.HANDLE(2.0), pywintypes.HANDLE("5"), pywintypes.HANDLE(True)]
    assert [int(handle) for handle in made] == [2, 5, 1]
    assert repr(made[2]) == "<PyHANDLE:1>"
    for handle in made:
        handle.Detach()
    event = win32event.CreateEvent(None, True, True, None)
    assert win32event.WaitForSingleObject(float(int(event)), 0) == win32event.WAIT_OBJECT_0
    for bad in ("x", 2**64, object()):
        with pytest.raises(TypeError):
            pywintypes.HANDLE(bad)


@wine_differs("Wine's TerminateProcess succeeds on a process that has exited")
def test_terminating_a_process_that_has_exited_is_access_denied() -> None:
    import sys

    import win32event
    import win32process

    command = f'"{sys.executable}" -c "import sys; sys.exit(7)"'
    process, thread, _, _ = win32process.CreateProcess(
        None, command, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    try:
        assert win32event.WaitForSingleObject(process, 60000) == win32event.WAIT_OBJECT_0
        with pytest.raises(pywintypes.error) as caught:
            win32process.TerminateProcess(process, 3)
        assert caught.value.winerror == winerror.ERROR_ACCESS_DENIED
        assert win32process.GetExitCodeProcess(process) == 7
    finally:
        process.Close()
        thread.Close()


def test_make_iid_is_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match="MakeIID is deprecated"):
        iid = pythoncom.MakeIID("{00020400-0000-0000-C000-000000000046}")
    assert iid == pythoncom.IID_IDispatch


def test_dispatch_of_what_is_no_com_object_fails_asking_for_type_info() -> None:
    for bad in (None, 5):
        with pytest.raises(AttributeError, match="has no attribute 'GetTypeInfo'"):
            win32com.client.Dispatch(bad)
