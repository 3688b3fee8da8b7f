"""COM server classes that the local-server tests run in server processes.

Registered by each test into its own class registry (``com.register_class``); a client's
activation then starts ``python -m apartment serve CLSID``, which imports this module.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from apartment import com
from apartment.errors import DISP_E_TYPEMISMATCH, E_NOTIMPL
from apartment.kernel import Event


class Child:
    """An object a server hands out by reference."""

    _public_methods_ = ["Pid", "Twice"]

    def Pid(self) -> int:  # noqa: N802 - COM names
        return os.getpid()

    def Twice(self, x: Any) -> Any:  # noqa: N802
        return x * 2


class Echo:
    """The test server: values back, errors, objects by reference, callbacks, a call that blocks."""

    _reg_clsid_ = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7001}"
    _reg_progid_ = "ApartmentTest.Echo"
    _reg_clsctx_ = com.CLSCTX_LOCAL_SERVER
    _public_methods_ = [
        "Pid",
        "Tid",
        "Echo",
        "Fail",
        "FailPlain",
        "FailDispatch",
        "MakeChild",
        "IsChild",
        "CallBack",
        "Nest",
        "Block",
        "WithOutValues",
        "Hand",
    ]
    _public_attrs_ = ["value"]

    def __init__(self) -> None:
        self.value = 5
        self.child = Child()

    def Pid(self) -> int:  # noqa: N802
        return os.getpid()

    def Tid(self) -> int:  # noqa: N802
        return threading.get_native_id()

    def Echo(self, x: Any) -> Any:  # noqa: N802
        """``x`` back; an array (it arrives as a tuple) as a list, so it comes back whole."""
        return list(x) if type(x) is tuple else x

    def WithOutValues(self, x: Any) -> Any:  # noqa: N802
        """A tuple: the result, then values of by-reference arguments (the client gets x)."""
        return (x, "out")

    def Fail(self) -> None:  # noqa: N802
        raise com.COMException(description="not today", scode=E_NOTIMPL, source="Echo")

    def FailPlain(self) -> None:  # noqa: N802
        raise ValueError("plain")

    def FailDispatch(self) -> None:  # noqa: N802
        raise com.COMException(description="wrong type", scode=DISP_E_TYPEMISMATCH)

    def MakeChild(self) -> com.DispatchPointer:  # noqa: N802
        return com.wrap(self.child)

    def IsChild(self, pointer: com.DispatchPointer) -> bool:  # noqa: N802
        return com.unwrap(pointer) is self.child

    def CallBack(self, callback: com.DispatchPointer, x: Any) -> Any:  # noqa: N802
        return com.DispatchClient(callback).Twice(x)

    def Nest(self, callback: com.DispatchPointer, depth: int) -> Any:  # noqa: N802
        """Call ``callback.Down(depth)``, which may call Nest again: reentrancy both ways."""
        return [threading.get_native_id(), com.DispatchClient(callback).Down(depth)]

    def Hand(self, callback: com.DispatchPointer) -> None:  # noqa: N802
        """Hand ``callback.Take`` a new child object: an object of ours made in the caller."""
        com.DispatchClient(callback).Take(com.wrap(Child()))

    def Block(self, callback: com.DispatchPointer) -> None:  # noqa: N802
        """Tell the caller the call has started, then never return."""
        com.DispatchClient(callback).Started()
        Event(manual_reset=True).wait()


class FreeEcho(Echo):
    """The same, living in the server's MTA (its calls run on the connection's threads)."""

    _reg_clsid_ = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7002}"
    _reg_progid_ = "ApartmentTest.FreeEcho"
    _reg_threading_ = "free"


class Both(Echo):
    """Registered for both contexts: in-process activation is preferred."""

    _reg_clsid_ = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7003}"
    _reg_progid_ = "ApartmentTest.Both"
    _reg_clsctx_ = com.CLSCTX_INPROC_SERVER | com.CLSCTX_LOCAL_SERVER


IID_TICKS = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E70E0}"
com.register_interface(IID_TICKS)  # its type library, as it were: sinks in clients get it


class Ticker(com.Connectable):
    """Fires events from the server process into its clients' sinks; answers IStream too."""

    _reg_clsid_ = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7004}"
    _reg_progid_ = "ApartmentTest.Ticker"
    _reg_clsctx_ = com.CLSCTX_LOCAL_SERVER
    _public_methods_ = ["Tick", "Read", "Write", *com.Connectable._public_methods_]
    _connect_interfaces_ = [IID_TICKS]
    _public_events_ = ["Ticked"]
    _com_interfaces_ = [*com.Connectable._com_interfaces_, com.IID_ISTREAM]

    def __init__(self) -> None:
        super().__init__()
        self.data = b"stored"

    def Tick(self, value: Any) -> int:  # noqa: N802
        self.fire("Ticked", value, os.getpid())
        return os.getpid()

    def Read(self, count: int) -> bytes:  # noqa: N802
        return self.data[:count]

    def Write(self, data: Any) -> int:  # noqa: N802
        self.data = bytes(data)
        return len(data)


class Active:
    """An application's object: it registers itself as its class's running object, strongly,
    and stays running until told to revoke it, as an application does."""

    _reg_clsid_ = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7005}"
    _reg_progid_ = "ApartmentTest.Active"
    _reg_clsctx_ = com.CLSCTX_LOCAL_SERVER
    _public_methods_ = ["Pid", "Register", "Revoke"]

    def __init__(self) -> None:
        self.handle: int | None = None

    def Pid(self) -> int:  # noqa: N802
        return os.getpid()

    def Register(self) -> None:  # noqa: N802
        pointer = com.wrap(self)
        self.handle = com.register_active_object(pointer, self._reg_clsid_).handle

    def Revoke(self) -> None:  # noqa: N802
        if self.handle is not None:
            com.revoke_active_object(self.handle)
            self.handle = None
