"""Contract: apartments' rules as pywin32 shows them (session 24 probes).

Initialization: CoInitialize(Ex) again is fine, another model is RPC_E_CHANGED_MODE, an
unbalanced CoUninitialize is ignored; a thread in no apartment gets CO_E_NOTINITIALIZED from
COM, except in the implicit MTA (while some thread holds the MTA). Pointers: a raw pointer (the
object's own) used in another apartment is RPC_E_WRONG_THREAD here (Windows cannot see it:
undefined; semantics.md's choice 10); an object wrapped on a thread in no apartment runs on
its callers' threads; a proxy works only in the apartment that unmarshaled it
(RPC_E_WRONG_THREAD), and from a thread in no apartment Windows says CO_E_NOTINITIALIZED for a
call and RPC_E_WRONG_THREAD for QueryInterface (Wine's ole32 differs: marked). Activation looks the
class up before it refuses an outer object; marshal data is read signature first.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
import pythoncom
import win32api
import win32event
import winerror
from win32com.server.util import wrap

from ._com import com_error_of, me, run_pumping
from ._fresh import in_the_fresh_process, run_in_a_fresh_process
from ._kernel import JOIN_MS
from ._wine import wine_differs

RPC_E_CHANGED_MODE = -2147417850
RPC_E_INVALID_OBJREF = -2147417827
RPC_S_CALLPENDING = -2147417835
UNREGISTERED = "{6B0A3D1E-93C4-4F1B-A0D2-5E7C9B13F2A4}"


class Where:
    """A server that says which thread runs its calls."""

    _public_methods_ = ["Tid"]

    def Tid(self) -> int:  # noqa: N802
        return me()


def where(pointer: Any) -> int:
    """The thread a call through ``pointer`` (a PyIDispatch) runs on."""
    result: int = pointer.Invoke(pointer.GetIDsOfNames("Tid"), 0, pythoncom.DISPATCH_METHOD, 1)
    return result


def outcome(fn: Any) -> Any:
    """``fn()``'s result, or the hresult of the com_error it raises."""
    try:
        return fn()
    except pythoncom.com_error as error:
        return ("error", error.hresult)


def on_plain_thread(fn: Any) -> Any:
    """Run ``fn()`` on a new thread that never initializes COM; return its result."""
    box: list[Any] = []
    thread = threading.Thread(target=lambda: box.append(fn()))
    thread.start()
    thread.join(JOIN_MS / 1000)
    assert box, "the thread failed"
    return box[0]


def create_dictionary() -> Any:
    return pythoncom.CoCreateInstance(
        "Scripting.Dictionary", None, pythoncom.CLSCTX_ALL, pythoncom.IID_IDispatch
    )


# --- initialization ------------------------------------------------------------------------


def test_initializing_again_is_fine_and_another_model_is_rpc_e_changed_mode() -> None:
    def body() -> list[Any]:
        seen = [pythoncom.CoInitialize(), pythoncom.CoInitialize()]
        error = com_error_of(pythoncom.CoInitializeEx, pythoncom.COINIT_MULTITHREADED)
        seen.append((error.hresult, error.excepinfo, error.argerror))
        for _ in range(4):  # two balance the inits; two more are ignored
            seen.append(pythoncom.CoUninitialize())
        seen.append(pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED))
        seen.append(pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED))
        seen.append(pythoncom.CoInitialize())  # CoInitialize ignores RPC_E_CHANGED_MODE
        error = com_error_of(pythoncom.CoInitializeEx, pythoncom.COINIT_APARTMENTTHREADED)
        seen.append(error.hresult)
        for _ in range(3):
            pythoncom.CoUninitialize()
        return seen

    seen = on_plain_thread(body)
    assert seen == [None, None, (RPC_E_CHANGED_MODE, None, None)] + [None] * 7 + [
        RPC_E_CHANGED_MODE
    ]


@pytest.mark.parametrize("flags", ["x", 1.5])
def test_co_initialize_ex_wants_an_int(flags: Any) -> None:
    with pytest.raises(TypeError):
        pythoncom.CoInitializeEx(flags)


def test_without_an_apartment_com_is_co_e_notinitialized(request: Any) -> None:
    if not in_the_fresh_process(request):  # no MTA made by an earlier test
        return run_in_a_fresh_process(request)

    def body() -> list[Any]:
        table = pythoncom.CLSID_StdGlobalInterfaceTable
        return [
            outcome(create_dictionary),
            outcome(
                lambda: pythoncom.CoCreateInstance(
                    table, None, pythoncom.CLSCTX_INPROC, pythoncom.IID_IGlobalInterfaceTable
                )
            ),
            outcome(lambda: pythoncom.CoGetObjectContext(pythoncom.IID_IUnknown)),
            outcome(
                lambda: pythoncom.CoMarshalInterThreadInterfaceInStream(
                    pythoncom.IID_IDispatch, wrap(Where())
                )
            ),
            type(pythoncom.CreateStreamOnHGlobal()).__name__,  # no COM needed
            pythoncom.PumpWaitingMessages(),
            pythoncom.CoUninitialize(),  # unbalanced: ignored
        ]

    not_initialized = ("error", winerror.CO_E_NOTINITIALIZED)
    assert on_plain_thread(body) == [not_initialized] * 4 + ["PyIStream", 0, None]


def test_wrap_needs_no_apartment_and_runs_calls_on_the_callers_thread() -> None:
    def body() -> bool:
        return where(wrap(Where())) == me()

    assert on_plain_thread(body) is True


def test_a_thread_in_no_apartment_is_in_the_mta_while_there_is_one(request: Any) -> None:
    if not in_the_fresh_process(request):  # no MTA made by an earlier test
        return run_in_a_fresh_process(request)
    ready = win32event.CreateEvent(None, True, False, None)
    done = win32event.CreateEvent(None, True, False, None)

    def holder() -> None:
        pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
        win32event.SetEvent(ready)
        win32event.WaitForSingleObject(done, JOIN_MS)
        pythoncom.CoUninitialize()

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert win32event.WaitForSingleObject(ready, JOIN_MS) == win32event.WAIT_OBJECT_0
        made = on_plain_thread(lambda: outcome(lambda: type(create_dictionary()).__name__))
        assert made == "PyIDispatch"
    finally:
        win32event.SetEvent(done)
        thread.join(JOIN_MS / 1000)
        win32api.CloseHandle(ready)
        win32api.CloseHandle(done)
    not_initialized = ("error", winerror.CO_E_NOTINITIALIZED)
    assert on_plain_thread(lambda: outcome(create_dictionary)) == not_initialized


# --- raw pointers and proxies --------------------------------------------------------------


@wine_differs(
    "Windows cannot see a raw pointer used in another apartment (undefined: the call runs on "
    "the wrong thread, as Wine does); we say RPC_E_WRONG_THREAD (semantics.md, 10, choice 10)"
)
@pytest.mark.parametrize("multithreaded", [False, True])
def test_a_raw_pointer_used_from_another_apartment_is_rpc_e_wrong_thread(
    multithreaded: bool,
) -> None:
    pointer = wrap(Where())

    def body() -> Any:
        return outcome(lambda: where(pointer))

    assert run_pumping(body, multithreaded) == ("error", winerror.RPC_E_WRONG_THREAD)
    assert where(pointer) == me()  # at home it is fine


class _ProxyHolder:
    """A thread (STA or MTA) that unmarshals a proxy to an object of the test's STA."""

    def __init__(self, multithreaded: bool) -> None:
        self.stream = pythoncom.CoMarshalInterThreadInterfaceInStream(
            pythoncom.IID_IDispatch, wrap(Where())
        )
        self.ready = win32event.CreateEvent(None, True, False, None)
        self.done = win32event.CreateEvent(None, True, False, None)
        self.ended = win32event.CreateEvent(None, True, False, None)
        self.proxy: Any = None
        self.home_ok: Any = None
        self.multithreaded = multithreaded
        self.thread = threading.Thread(target=self._run)
        self.thread.start()
        self._pump_until(self.ready)

    def _run(self) -> None:
        pythoncom.CoInitializeEx(0 if self.multithreaded else 2)
        try:
            self.proxy = pythoncom.CoGetInterfaceAndReleaseStream(
                self.stream, pythoncom.IID_IDispatch
            )
            self.home_ok = where(self.proxy) != me()  # a proxy: runs on the test's thread
            win32event.SetEvent(self.ready)
            win32event.WaitForSingleObject(self.done, JOIN_MS)
            self.proxy = None
        finally:
            pythoncom.CoUninitialize()  # releases the proxy: a call the test's thread serves
            win32event.SetEvent(self.ended)

    @staticmethod
    def _pump_until(event: Any) -> None:
        while True:
            rc = win32event.MsgWaitForMultipleObjects([event], 0, JOIN_MS, win32event.QS_ALLINPUT)
            if rc == win32event.WAIT_OBJECT_0:
                return
            assert rc == win32event.WAIT_OBJECT_0 + 1, "the holder did not get its proxy"
            pythoncom.PumpWaitingMessages()

    def close(self) -> None:
        win32event.SetEvent(self.done)
        self._pump_until(self.ended)
        self.thread.join(JOIN_MS / 1000)
        for handle in (self.ready, self.done, self.ended):
            win32api.CloseHandle(handle)


@pytest.fixture(params=[False, True], ids=["sta-proxy", "mta-proxy"])
def held(request: pytest.FixtureRequest) -> Any:
    holder = _ProxyHolder(bool(request.param))
    yield holder
    holder.close()


def test_a_proxy_is_used_in_its_apartment_only(held: Any) -> None:
    assert held.home_ok is True
    proxy = held.proxy
    wrong = ("error", winerror.RPC_E_WRONG_THREAD)

    def body() -> list[Any]:
        return [outcome(lambda: where(proxy)), outcome(lambda: proxy.GetIDsOfNames("Tid"))]

    other_kind = not held.multithreaded
    assert run_pumping(body, other_kind) == [wrong, wrong]
    assert outcome(lambda: where(proxy)) == wrong  # the test's own STA is another one too
    proxy = None


def test_an_mta_proxy_serves_every_thread_of_the_mta_the_implicit_one_too() -> None:
    holder = _ProxyHolder(True)
    try:
        proxy = holder.proxy
        test_thread = me()

        def body() -> bool:
            return where(proxy) == test_thread

        assert run_pumping(body, True) is True
        box: list[Any] = []
        ended = win32event.CreateEvent(None, True, False, None)

        def plain() -> None:
            box.append(outcome(body))
            win32event.SetEvent(ended)

        thread = threading.Thread(target=plain)
        thread.start()
        _ProxyHolder._pump_until(ended)
        thread.join(JOIN_MS / 1000)
        win32api.CloseHandle(ended)
        assert box == [True]
    finally:
        proxy = None
        holder.close()


@wine_differs("Wine's proxy answers QueryInterface in another apartment (marshal.c todo_wine)")
def test_query_interface_of_a_proxy_in_another_apartment_is_rpc_e_wrong_thread() -> None:
    # An STA's proxy asked from the MTA (an MTA's proxy asked from an STA hangs under Wine).
    holder = _ProxyHolder(False)
    try:
        proxy = holder.proxy

        def body() -> Any:
            return outcome(lambda: proxy.QueryInterface(pythoncom.IID_IUnknown))

        seen = run_pumping(body, True)
    finally:
        proxy = None
        holder.close()
    assert seen == ("error", winerror.RPC_E_WRONG_THREAD)


@wine_differs("Wine says RPC_E_WRONG_THREAD for a call, answers the QI (marshal.c todo_wine)")
def test_a_sta_proxy_from_a_thread_in_no_apartment(request: Any) -> None:
    if not in_the_fresh_process(request):  # no MTA made by an earlier test
        return run_in_a_fresh_process(request)
    holder = _ProxyHolder(False)
    try:
        proxy = holder.proxy

        def body() -> list[Any]:
            return [
                outcome(lambda: where(proxy)),
                outcome(lambda: proxy.QueryInterface(pythoncom.IID_IUnknown)),
            ]

        seen = on_plain_thread(body)
    finally:
        proxy = None
        holder.close()
    assert seen == [
        ("error", winerror.CO_E_NOTINITIALIZED),
        ("error", winerror.RPC_E_WRONG_THREAD),
    ]


# --- activation and marshal data -----------------------------------------------------------


def test_with_an_outer_object_the_class_is_looked_up_first() -> None:
    outer = wrap(Where())
    error = com_error_of(
        pythoncom.CoCreateInstance,
        UNREGISTERED,
        outer,
        pythoncom.CLSCTX_ALL,
        pythoncom.IID_IUnknown,
    )
    assert error.hresult == winerror.REGDB_E_CLASSNOTREG
    error = com_error_of(
        pythoncom.CoCreateInstance,
        "No.Such.ProgId",
        outer,
        pythoncom.CLSCTX_ALL,
        pythoncom.IID_IUnknown,
    )
    assert error.hresult == winerror.CO_E_CLASSSTRING


@pytest.mark.parametrize("size", [24, 64, 200])
def test_bytes_that_are_no_marshal_data_are_rpc_e_invalid_objref(size: int) -> None:
    for call in (
        lambda stream: pythoncom.CoUnmarshalInterface(stream, pythoncom.IID_IDispatch),
        pythoncom.CoReleaseMarshalData,
    ):
        stream = pythoncom.CreateStreamOnHGlobal()
        stream.Write(b"\0" * size)
        stream.Seek(0, pythoncom.STREAM_SEEK_SET)
        assert com_error_of(call, stream).hresult == RPC_E_INVALID_OBJREF


def test_fewer_bytes_than_an_objref_header_are_stg_e_readfault() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    stream.Write(b"\0" * 23)
    stream.Seek(0, pythoncom.STREAM_SEEK_SET)
    error = com_error_of(pythoncom.CoUnmarshalInterface, stream, pythoncom.IID_IDispatch)
    assert error.hresult == winerror.STG_E_READFAULT


def test_co_wait_in_the_mta_times_out_and_waits_for_all() -> None:
    def body() -> list[Any]:
        unset = win32event.CreateEvent(None, True, False, None)
        both = [win32event.CreateEvent(None, True, True, None) for _ in range(2)]
        seen = [
            outcome(lambda: pythoncom.CoWaitForMultipleHandles(0, 10, [unset])),
            outcome(
                lambda: pythoncom.CoWaitForMultipleHandles(pythoncom.COWAIT_ALERTABLE, 10, [unset])
            ),
            pythoncom.CoWaitForMultipleHandles(pythoncom.COWAIT_WAITALL, 10, both),
        ]
        for handle in [unset, *both]:
            win32api.CloseHandle(handle)
        return seen

    pending = ("error", RPC_S_CALLPENDING)
    assert run_pumping(body, True) == [pending, pending, 0]
