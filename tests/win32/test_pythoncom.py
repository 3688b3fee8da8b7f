"""The pythoncom / win32com facade: pywin32's initialization quirks, activation errors,
streams and the GIT, Dispatch (semantics.md §7.1, §7.4, §7.5, §9.5-9.7, §12)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import pytest

from .._subprocess import run_python

if TYPE_CHECKING:
    from pathlib import Path

SERVER = """
import threading
class Server:
    _public_methods_ = ["Where", "Add", "Fail"]
    _public_attrs_ = ["label"]
    _reg_progid_ = "Apartment.Test.Server"
    _reg_clsid_ = "{6F8E4C2A-1B3D-4E5F-8A9B-0C1D2E3F4A5B}"
    _reg_threading_ = "Apartment"
    def __init__(self):
        self.label = "made"
    def Where(self):
        return threading.get_native_id()
    def Add(self, a, b):
        return a + b
    def Fail(self):
        from win32com.server.exception import COMException
        raise COMException(description="nope", scode=-2147352573)
"""


def _run(code: str, tmp_path: Path) -> list[str]:
    (tmp_path / "server_module.py").write_text(SERVER)
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code))
    output = run_python(
        "-m", "apartment", "run", str(script), registry=tmp_path / "reg.sqlite3", cwd=tmp_path
    )
    return output.split()


REGISTER = """
import server_module, win32com.server.register
win32com.server.register.RegisterClasses(server_module.Server, quiet=True)
"""


def test_importing_pythoncom_makes_the_thread_an_sta_and_repeats_do_nothing(
    tmp_path: Path,
) -> None:
    output = _run(
        """
        import pythoncom
        from apartment import com
        print(com.current_apartment().is_sta)
        pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)  # ignored on this thread
        pythoncom.CoInitialize()
        print(com.current_apartment().is_sta)
        """,
        tmp_path,
    )
    assert output == ["True", "True"]


def test_sys_coinit_flags_zero_makes_the_importing_thread_mta(tmp_path: Path) -> None:
    output = _run(
        """
        import sys
        sys.coinit_flags = 0
        import pythoncom
        from apartment import com
        print(com.current_apartment().kind.value)
        """,
        tmp_path,
    )
    assert output == ["MTA"]


def test_on_other_threads_the_other_mode_raises_changed_mode(tmp_path: Path) -> None:
    output = _run(
        """
        import pythoncom, threading
        def other():
            pythoncom.CoInitializeEx(2)
            pythoncom.CoInitializeEx(2)
            try:
                pythoncom.CoInitializeEx(0)
            except pythoncom.com_error as error:
                print(error.hresult)
            pythoncom.CoInitialize()  # pywin32's CoInitialize ignores the refusal
            print("ok")
        t = threading.Thread(target=other); t.start(); t.join()
        """,
        tmp_path,
    )
    assert output == ["-2147417850", "ok"]


def test_dispatch_on_a_thread_that_never_initialized_is_co_e_notinitialized(
    tmp_path: Path,
) -> None:
    output = _run(
        REGISTER
        + """
import pythoncom, threading
from win32com.client import Dispatch
def other():
    try:
        Dispatch("Apartment.Test.Server")
    except pythoncom.com_error as error:
        print(error.hresult)
t = threading.Thread(target=other); t.start(); t.join()
""",
        tmp_path,
    )
    assert output == ["-2147221008"]


@pytest.mark.parametrize(
    ("name", "hresult"),
    [("No.Such.ProgID", "-2147221005"), ("{00000000-1111-2222-3333-444444444444}", "-2147221164")],
)
def test_activation_errors(name: str, hresult: str, tmp_path: Path) -> None:
    output = _run(
        f"""
        import pythoncom
        from win32com.client import Dispatch
        try:
            Dispatch({name!r})
        except pythoncom.com_error as error:
            print(error.hresult)
        """,
        tmp_path,
    )
    assert output == [hresult]


def test_dispatch_calls_properties_and_errors(tmp_path: Path) -> None:
    output = _run(
        REGISTER
        + """
import pythoncom, threading
from win32com.client import Dispatch
server = Dispatch("Apartment.Test.Server")
print(server.Add(2, 3), server.label, server.Where() == threading.get_native_id())
server.label = "changed"
print(server.label)
try:
    server.Fail()
except pythoncom.com_error as error:
    print(error.hresult)
try:
    server.Missing
except AttributeError:
    print("AttributeError")
""",
        tmp_path,
    )
    assert output == ["5", "made", "True", "changed", "-2147352573", "AttributeError"]


def test_a_stream_is_used_once_and_the_git_many_times(tmp_path: Path) -> None:
    output = _run(
        REGISTER
        + """
import pythoncom, threading
from win32com.client import Dispatch
server = Dispatch("Apartment.Test.Server")
stream = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, server._oleobj_)
git = pythoncom.CoCreateInstance(pythoncom.CLSID_StdGlobalInterfaceTable, None,
                                 pythoncom.CLSCTX_INPROC, pythoncom.IID_IGlobalInterfaceTable)
cookie = git.RegisterInterfaceInGlobal(server._oleobj_, pythoncom.IID_IDispatch)
results = []
def other():
    pythoncom.CoInitialize()
    obj = pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
    results.append(type(obj).__name__)
    try:
        pythoncom.CoGetInterfaceAndReleaseStream(stream, pythoncom.IID_IDispatch)
    except pythoncom.com_error as error:
        results.append(error.hresult)
    from_git = git.GetInterfaceFromGlobal(cookie, pythoncom.IID_IDispatch)
    results.append(Dispatch(from_git).Where())
    pythoncom.CoUninitialize()
import win32event, win32process
handle, _ = win32process.beginthreadex(None, 0, other, (), 0)
while win32event.MsgWaitForMultipleObjects([handle], 0, 10000, win32event.QS_ALLINPUT) == 1:
    pythoncom.PumpWaitingMessages()  # the call into this STA runs here
git.RevokeInterfaceFromGlobal(cookie)
try:
    git.GetInterfaceFromGlobal(cookie, pythoncom.IID_IDispatch)
except pythoncom.com_error as error:
    results.append(error.hresult)
print(*results, threading.get_native_id())
""",
        tmp_path,
    )
    kind, readfault, where, invalid, me = output
    assert (kind, readfault, invalid) == ("PyIDispatch", "-2147287010", "-2147024809")
    assert where == me  # the Apartment object answered on its own (main) thread


def test_a_raw_pointer_used_from_another_apartment_is_rpc_e_wrong_thread(tmp_path: Path) -> None:
    output = _run(
        REGISTER
        + """
import pythoncom, threading
from win32com.client import Dispatch
server = Dispatch("Apartment.Test.Server")
def other():
    pythoncom.CoInitialize()
    try:  # the pointer was passed between threads without marshaling
        server._oleobj_.GetIDsOfNames("Add")
    except pythoncom.com_error as error:
        print(error.hresult)
    try:  # pywin32's late-bound client turns a failed GetIDsOfNames into AttributeError
        server.Add(1, 2)
    except AttributeError:
        print("AttributeError")
    pythoncom.CoUninitialize()
t = threading.Thread(target=other); t.start(); t.join()
""",
        tmp_path,
    )
    assert output == ["-2147417842", "AttributeError"]


def test_wrap_and_unwrap(tmp_path: Path) -> None:
    output = _run(
        """
        import pythoncom
        from win32com.server.util import wrap, unwrap
        from win32com.client import Dispatch
        class Local:
            _public_methods_ = ["Twice"]
            def Twice(self, x):
                return 2 * x
        obj = Local()
        wrapped = wrap(obj)
        print(type(wrapped).__name__, Dispatch(wrapped).Twice(21), unwrap(wrapped) is obj)
        try:
            wrap(object())
        except ValueError:
            print("ValueError")
        """,
        tmp_path,
    )
    assert output == ["PyIDispatch", "42", "True", "ValueError"]


def test_after_the_main_initializer_uninitializes_coinitialize_initializes_again(
    tmp_path: Path,
) -> None:
    """pywin32 forgets its hold on the thread: CoInitialize counts again, CoUninitialize not."""
    output = _run(
        """
        import pythoncom
        from apartment import com
        from apartment.errors import NotInitializedError
        def in_apartment():
            try:
                return com.current_apartment().is_sta
            except NotInitializedError:
                return False
        pythoncom.CoUninitialize()
        print(in_apartment())
        pythoncom.CoInitialize()
        print(in_apartment())
        pythoncom.CoUninitialize()  # ignored on the main initializer from now on
        print(in_apartment())
        """,
        tmp_path,
    )
    assert output == ["False", "True", "True"]


def test_dispatch_gives_cdispatch_objects_with_pywin32s_names(tmp_path: Path) -> None:
    output = _run(
        """
        import pythoncom
        from win32com.server.util import wrap
        from win32com.client import CDispatch, Dispatch
        class Local:
            _public_methods_ = ["Echo"]
            def Echo(self, x):
                return x
        client = Dispatch(wrap(Local()), "Local")
        echoed = client.Echo(client)  # passed as its _oleobj_, comes back as a CDispatch
        print(type(echoed).__name__, echoed == client, client._username_)
        print(type(client._oleobj_).__name__, isinstance(client, CDispatch))
        """,
        tmp_path,
    )
    assert output == ["CDispatch", "True", "Local", "PyIDispatch", "True"]
