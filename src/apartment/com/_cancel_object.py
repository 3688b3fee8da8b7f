"""The cancel object of a call out (CoGetCancelObject, ICancelMethodCalls).

While a thread that enabled call cancellation waits on a call into another apartment, that
call has a cancel object: any thread may get it (:func:`cancel_object`) and ``cancel`` the
call (as :func:`~._callctl.cancel_call` does) or ``test`` it. The object stands for that one
call: once it completes, cancelling it is RPC_E_CALL_COMPLETE, whatever the thread calls next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import (
    E_NOTIMPL,
    RPC_E_CALL_CANCELED,
    RPC_E_CALL_COMPLETE,
    RPC_S_CALLPENDING,
    CallCompleteError,
    CancelDisabledError,
    ComError,
    NoInterfaceError,
)
from ..kernel import ThreadHandle, current_thread
from ..kernel.lowlevel import KERNEL_LOCK, add_exit_hook
from ._apartment import neutral
from ._callctl import _by_thread, cancel_call
from ._faces import set_interface_class
from ._iids import IID_IUNKNOWN
from ._pointer import InterfacePointer, make_pointer
from ._proxy import make_agile

if TYPE_CHECKING:
    from ._packet import CallPacket

__all__ = [
    "IID_ICANCELMETHODCALLS",
    "CancelObject",
    "CancelPointer",
    "cancel_object",
    "set_cancel_object",
]

IID_ICANCELMETHODCALLS = "{00000029-0000-0000-C000-000000000046}"


class CancelObject:
    """The cancel object of one call out (ICancelMethodCalls); agile."""

    __slots__ = ("__weakref__", "_packet", "_thread")

    def __init__(self, thread: int, packet: CallPacket) -> None:
        self._thread = thread
        self._packet = packet

    def resolve(self, iid: str) -> None:
        """QueryInterface: ICancelMethodCalls and IUnknown."""
        if iid not in (IID_IUNKNOWN, IID_ICANCELMETHODCALLS):
            raise NoInterfaceError(f"a cancel object does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run ICancelMethodCalls' ``Cancel(seconds)`` or ``TestCancel()``."""
        if method == "Cancel":
            return self.cancel(*args)
        if method == "TestCancel":
            return self.test()
        raise ComError.from_hresult(E_NOTIMPL, f"a cancel object has no {method}")

    def cancel(self, timeout: float) -> None:
        """Cancel the call: its caller waits ``timeout`` s more, then RPC_E_CALL_CANCELED.

        Raises:
            CallCompleteError: the call has completed (RPC_E_CALL_COMPLETE).
            CallCanceledError: it was cancelled already.
        """
        with KERNEL_LOCK:
            control = _by_thread.get(self._thread)
            current = control is not None and control.outgoing is self._packet
        if not current or self._packet.finished:
            raise CallCompleteError(f"the call of thread {self._thread} has completed")
        cancel_call(self._thread, timeout)

    def test(self) -> int:
        """The call's state as TestCancel's HRESULT.

        RPC_S_CALLPENDING while it runs, RPC_E_CALL_CANCELED once cancelled, else
        RPC_E_CALL_COMPLETE.
        """
        with KERNEL_LOCK:
            control = self._packet.control
            if self._packet.finished:
                return RPC_E_CALL_COMPLETE
            if control is not None and control.cancel_at is not None:
                return RPC_E_CALL_CANCELED
            return RPC_S_CALLPENDING

    def pointer(self) -> CancelPointer:
        """An ICancelMethodCalls pointer to this object (valid in every apartment)."""
        pointer: CancelPointer = make_pointer(self, neutral(), IID_ICANCELMETHODCALLS)  # type: ignore[assignment]
        return pointer


make_agile(CancelObject)


class CancelPointer(InterfacePointer):
    """An ICancelMethodCalls pointer: cancel or test one call out."""

    __slots__ = ()

    def cancel(self, timeout: float = 0.0) -> None:
        """Cancel the call; see :meth:`CancelObject.cancel`."""
        self._call("Cancel", timeout)

    def test(self) -> int:
        """The call's state as an HRESULT; see :meth:`CancelObject.test`."""
        result: int = self._call("TestCancel")
        return result


_pushed: dict[int, list[InterfacePointer]] = {}  # CoSetCancelObject's, by native thread id


def set_cancel_object(value: InterfacePointer | None) -> None:
    """Push a cancel object for the calling thread's calls, or (None) pop the last one.

    CoSetCancelObject, which custom marshalers call around a call they make themselves: while
    pushed, :func:`cancel_object` for this thread gives it (asked for ICancelMethodCalls).
    Popping when none is pushed does nothing.
    """
    me = current_thread().native_id
    with KERNEL_LOCK:
        if value is not None:
            _pushed.setdefault(me, []).append(value)
        elif _pushed.get(me):
            _pushed[me].pop()
            if not _pushed[me]:
                del _pushed[me]


def _thread_ended(thread: ThreadHandle) -> None:
    """A thread ends: the cancel objects it left pushed go (its native id may come back)."""
    with KERNEL_LOCK:
        _pushed.pop(thread.native_id, None)


add_exit_hook(_thread_ended)


def cancel_object(thread_id: int = 0) -> CancelPointer:
    """The cancel object of the call thread ``thread_id`` (0: this one) waits on.

    CoGetCancelObject: the last one :func:`set_cancel_object` pushed for that thread, if any.

    Raises:
        CancelDisabledError: that thread has not enabled call cancellation
            (CO_E_CANCEL_DISABLED).
        NoInterfaceError: that thread waits on no call now (E_NOINTERFACE).
    """
    if isinstance(thread_id, bool) or not isinstance(thread_id, int):
        raise TypeError(f"a thread id is an int, not {thread_id!r}")
    native_id = thread_id or current_thread().native_id
    with KERNEL_LOCK:
        control = _by_thread.get(native_id)
        if control is None or not control.cancellable:
            raise CancelDisabledError(f"thread {native_id} has not enabled call cancellation")
        packet = control.outgoing
        pushed = _pushed.get(native_id)
        if pushed:
            top = pushed[-1]
    if pushed:
        return top.query_interface(IID_ICANCELMETHODCALLS)  # type: ignore[return-value]
    if packet is None:
        raise NoInterfaceError(f"thread {native_id} is not waiting on a call now")
    return CancelObject(native_id, packet).pointer()


set_interface_class(IID_ICANCELMETHODCALLS, CancelPointer)
