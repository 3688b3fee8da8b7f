"""Proxies and stubs: using an object that lives in another apartment.

An object that leaves its apartment gets a :class:`Stub` there; each other apartment that
reaches it holds one :class:`Proxy` (one object, one proxy per apartment). A proxy carries
every attribute read, write and call into the object's apartment and brings the result back.

Values cross by value, objects by reference: numbers, strings, bytes, None, dates and
containers of those are copied as they are (a memoryview as a copy of its bytes); kernel
objects (events, mutexes, ...) are thread-safe and cross as themselves; every other object
stays home and the other side gets a proxy to it (or the object itself, back in its own
apartment).
"""

from __future__ import annotations

import datetime
import decimal
import fractions
import uuid
import weakref
from typing import TYPE_CHECKING, Any, final

from ..errors import DisconnectedError, ObjectNotConnectedError, WrongThreadError
from ..kernel import Waitable
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import Apartment, ApartmentKind, current_apartment
from ._apartment import _tls as _thread_com  # the calling thread's ThreadCom, read per call

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Stub",
    "Proxy",
    "stub_for",
    "proxy_in",
    "marshal_value",
    "is_agile",
    "live_proxies",
]

_PLAIN: frozenset[type] = frozenset(
    {
        type(None),
        bool,
        int,
        float,
        complex,
        str,
        bytes,
        decimal.Decimal,
        fractions.Fraction,
        datetime.datetime,
        datetime.date,
        datetime.time,
        datetime.timedelta,
        uuid.UUID,
        type(Ellipsis),
    }
)
_agile_types: set[type] = set()


def make_agile(cls: type) -> type:
    """Mark a class whose instances are thread-safe: they cross apartments as themselves.

    This is what aggregating the free-threaded marshaler does for a COM object.
    """
    _agile_types.add(cls)
    return cls


def is_agile(value: object) -> bool:
    """Tell whether ``value`` crosses apartments as itself (plain values, kernel objects...)."""
    kind = type(value)
    return (
        kind in _PLAIN
        or kind in _agile_types
        or isinstance(value, (Waitable, BaseException, datetime.date, decimal.Decimal))
    )


@final
class Stub:
    """The home end of an object that other apartments hold proxies to."""

    __slots__ = ("__weakref__", "home", "obj")

    def __init__(self, obj: object, home: Apartment) -> None:
        self.obj: object = obj
        self.home = home

    def __repr__(self) -> str:
        return f"<Stub of {type(self.obj).__name__} in {self.home!r}>"

    def disconnect(self) -> None:
        """Cut the object off: proxies then fail with RPC_E_DISCONNECTED."""
        with KERNEL_LOCK:
            self.obj = _DISCONNECTED

    def target(self) -> object:
        """Return the object, or raise DisconnectedError if it was cut off."""
        obj = self.obj
        if obj is _DISCONNECTED:
            raise DisconnectedError(f"the object's apartment {self.home!r} has ended")
        return obj


_DISCONNECTED = object()


def stub_for(obj: object, home: Apartment) -> Stub:
    """Return the stub of ``obj`` in ``home`` (one per object), creating it if needed."""
    key = id(obj)
    with KERNEL_LOCK:
        stub = home.stubs.get(key)
        if stub is None or stub.obj is not obj:
            stub = Stub(obj, home)
            home.stubs[key] = stub
        return stub


_live_proxies: weakref.WeakSet[Proxy] = weakref.WeakSet()


def live_proxies() -> list[Proxy]:
    """Return every proxy still alive in the process (for leak checks)."""
    with KERNEL_LOCK:
        return list(_live_proxies)


def proxy_in(apartment: Apartment, stub: Stub) -> Proxy:
    """Return the one proxy ``apartment`` holds to ``stub``'s object, creating it if needed."""
    key = id(stub)
    with KERNEL_LOCK:
        proxy = apartment.proxies.get(key)
        if proxy is None or proxy._stub is not stub:
            proxy = Proxy(stub, apartment)
            apartment.proxies[key] = proxy
            _live_proxies.add(proxy)
        return proxy


def marshal_value(value: Any, source: Apartment, dest: Apartment) -> Any:  # noqa: ANN401
    """Prepare ``value``, valid in ``source``, for use in ``dest``."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        return tuple(marshal_value(item, source, dest) for item in value)
    if kind is list:
        return [marshal_value(item, source, dest) for item in value]
    if kind is dict:
        return {key: marshal_value(item, source, dest) for key, item in value.items()}
    if kind is set or kind is frozenset:
        return kind(marshal_value(item, source, dest) for item in value)
    if kind is Proxy:
        stub = value._stub
        if stub.home is dest:
            return stub.target()
        return proxy_in(dest, stub)
    if kind is memoryview:
        return memoryview(bytearray(value))  # by value: a copy of its bytes
    reduce = getattr(value, "__apartment_marshal__", None)
    if reduce is not None:
        return reduce(source, dest)
    if is_agile(value) or source is dest:
        return value
    return proxy_in(dest, stub_for(value, source))


def _check(proxy: Proxy) -> Apartment:
    """Check a proxy may be used on the calling thread; return the caller's apartment.

    A proxy whose apartment has ended was disconnected with it: CO_E_OBJNOTCONNECTED comes
    first, even on a thread that has no apartment left (Wine's marshal.c
    test_marshal_proxy_apartment_shutdown: the thread's CoUninitialize, then a call).
    """
    own = proxy._apartment
    if not own.alive:
        raise ObjectNotConnectedError(
            f"this proxy belonged to {own!r}, which has ended; unmarshal it again"
        )
    caller = current_apartment()
    if caller is not own and own.kind is not ApartmentKind.NA:
        raise WrongThreadError(
            f"this proxy belongs to {own!r}, not to {caller!r}; marshal the object "
            "(apartment.marshal / CoMarshalInterThreadInterfaceInStream) to use it here"
        )
    return caller


def _remote_getattr(stub: Stub, name: str, caller: Apartment) -> Any:  # noqa: ANN401
    return marshal_value(getattr(stub.target(), name), stub.home, caller)


def _remote_setattr(stub: Stub, name: str, value: object) -> None:
    setattr(stub.target(), name, value)


def _remote_call(
    stub: Stub, name: str | None, args: tuple[Any, ...], kwargs: dict[str, Any], caller: Apartment
) -> Any:  # noqa: ANN401
    target = stub.obj
    if target is _DISCONNECTED:
        target = stub.target()  # raises
    fn: Callable[..., Any] = target if name is None else getattr(target, name)  # type: ignore[assignment]
    result = fn(*args, **kwargs)
    if type(result) in _PLAIN:  # the common case, without a call to marshal_value
        return result
    return marshal_value(result, stub.home, caller)


@final
class Proxy:
    """A reference, valid in one apartment, to an object that lives in another.

    Attribute reads, writes and calls run in the object's apartment: on its thread for an
    STA (when it pumps), on an MTA thread for the MTA, on the caller's thread for the neutral
    apartment. Using a proxy from another apartment raises RPC_E_WRONG_THREAD.
    """

    # The instance dict caches one _Method per method name, written under the kernel lock:
    # the next ``proxy.name`` finds it there without calling __getattr__.
    __slots__ = ("__dict__", "__weakref__", "_apartment", "_stub")

    def __init__(self, stub: Stub, apartment: Apartment) -> None:
        object.__setattr__(self, "_stub", stub)
        object.__setattr__(self, "_apartment", apartment)

    def __repr__(self) -> str:
        stub = self._stub
        return f"<Proxy to {type(stub.obj).__name__} in {stub.home!r}>"

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401
        # Only names not cached yet get here. An entry, once there, never changes, so the
        # lock-free read of the instance dict sees it or nothing.
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        stub = self._stub
        member = getattr(type(stub.obj), name, None)
        if callable(member) and not isinstance(member, (property, type)):
            with KERNEL_LOCK:  # calling the method is one round trip
                return self.__dict__.setdefault(name, _Method(self, name))
        caller = _check(self)
        return caller.call_out(caller, stub.home, _remote_getattr, (stub, name, caller))

    def __setattr__(self, name: str, value: object) -> None:
        caller = _check(self)
        stub = self._stub
        value = marshal_value(value, caller, stub.home)
        caller.call_out(caller, stub.home, _remote_setattr, (stub, name, value))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        return _Method(self, None)(*args, **kwargs)


@final
class _Method:
    """A method of a proxied object (None: the object itself); calling it runs it at home.

    ``__call__`` is the hot path of every proxy call: it checks the caller, marshals the
    arguments and hands the call to the caller's apartment, in one frame.
    """

    __slots__ = ("name", "proxy")

    def __init__(self, proxy: Proxy, name: str | None) -> None:
        self.proxy = proxy
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        proxy = self.proxy
        try:  # current_apartment(), its common case inlined; None goes to _check
            caller: Apartment | None = _thread_com.com.apartment
        except AttributeError:
            caller = None
        if caller is not proxy._apartment or not caller.alive:  # else _check has nothing to say
            caller = _check(proxy)
        assert caller is not None
        stub = proxy._stub
        home = stub.home
        for arg in args:  # the common case, all plain, sends the tuple as it is
            kind = type(arg)
            if kind not in _PLAIN:
                if kind is tuple:  # _all_plain(arg), inlined: a facade call's VARIANTs
                    for item in arg:
                        if type(item) not in _PLAIN:
                            break
                    else:
                        continue
                args = tuple([marshal_value(arg, caller, home) for arg in args])
                break
        if kwargs:
            kwargs = {key: marshal_value(arg, caller, home) for key, arg in kwargs.items()}
        return caller.call_out(caller, home, _remote_call, (stub, self.name, args, kwargs, caller))

    def __repr__(self) -> str:
        if self.name is None:
            return f"<remote call of {self.proxy!r}>"
        return f"<remote method {self.name} of {self.proxy!r}>"
