"""The Pythonic face of apartments: context managers, a class decorator, create, marshal."""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING, Any, TypeVar, final

from .. import kernel
from ..errors import RPC_E_NO_SYNC, ComError, InvalidParameterError
from ..kernel.lowlevel import check_timeout
from ._activation import THREADING_MODELS, create_instance
from ._apartment import Apartment, ApartmentKind, current_apartment, thread_state
from ._callctl import call_timeout
from ._lifecycle import initialize, uninitialize
from ._proxy import Proxy, marshal_value
from ._sta import wait_serving

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = [
    "sta",
    "mta",
    "threading_model",
    "create",
    "with_timeout",
    "TimedProxy",
    "wait_for_handles",
]

T = TypeVar("T")


@contextlib.contextmanager
def sta() -> Iterator[Apartment]:
    """Make the calling thread a single-threaded apartment for the block.

    Objects of the apartment are called on this thread; calls from other apartments wait
    until this thread pumps messages (``apartment.messages.pump_waiting_messages`` or a
    ``msg_wait_any`` loop).
    """
    initialize(False)
    try:
        yield current_apartment()
    finally:
        uninitialize()


@contextlib.contextmanager
def mta() -> Iterator[Apartment]:
    """Put the calling thread in the multithreaded apartment for the block."""
    initialize(True)
    try:
        yield current_apartment()
    finally:
        uninitialize()


def threading_model(model: str | None) -> Callable[[type[T]], type[T]]:
    """Declare where a class's objects live: "Apartment", "Free", "Both", "Neutral" or None.

    It sets ``_reg_threading_``, as a pywin32 COM server does; :func:`create` and COM
    activation read it (a class without one is "Both", pywin32's default).
    """
    if model is not None and model.lower() not in {name.lower() for name in THREADING_MODELS}:
        raise ValueError(
            f"threading model must be one of {', '.join(THREADING_MODELS)} or None, not {model!r}"
        )

    def mark(cls: type[T]) -> type[T]:
        cls._reg_threading_ = model  # type: ignore[attr-defined]
        return cls

    return mark


def create(cls: Callable[..., T], *args: Any, **kwargs: Any) -> T:  # noqa: ANN401
    """Create an object where its threading model says; return it, or a proxy to it.

    In the caller's own apartment the caller gets the object itself (no proxy, no cost);
    elsewhere a proxy that carries every call there.

    Raises:
        NotInitializedError: the calling thread is in no apartment.
    """
    model = getattr(cls, "_reg_threading_", "both")
    result: T = create_instance(functools.partial(cls, *args, **kwargs), model)
    return result


@final
class TimedProxy:
    """A proxy whose every use (call, attribute read or write) is bounded; see with_timeout.

    Only :func:`with_timeout` makes these. It is valid where its proxy is, and crosses
    apartments as a bounded proxy of the receiving apartment.
    """

    __slots__ = ("_proxy", "_timeout")

    def __init__(self, proxy: Proxy, timeout: float) -> None:
        object.__setattr__(self, "_proxy", proxy)
        object.__setattr__(self, "_timeout", timeout)

    def __repr__(self) -> str:
        return f"<{self._proxy!r} bounded to {self._timeout} s>"

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        with call_timeout(self._timeout):
            value = getattr(self._proxy, name)
        if callable(value) and not isinstance(value, (Proxy, TimedProxy)):  # a method
            return functools.partial(_bounded, self._timeout, value)
        return value

    def __setattr__(self, name: str, value: object) -> None:
        with call_timeout(self._timeout):
            setattr(self._proxy, name, value)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        return _bounded(self._timeout, self._proxy, *args, **kwargs)

    def __apartment_marshal__(self, source: Apartment, dest: Apartment) -> object:
        """Cross to ``dest`` as a bounded proxy there (or the object itself, back home)."""
        moved = marshal_value(self._proxy, source, dest)
        return TimedProxy(moved, self._timeout) if isinstance(moved, Proxy) else moved


def _bounded(timeout: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
    with call_timeout(timeout):
        return fn(*args, **kwargs)


def with_timeout(obj: T, seconds: float) -> T:
    """Return ``obj`` with every call through it bounded to ``seconds``.

    For a proxy, a bounded proxy to the same object: a call that gets no reply in time fails
    with CallTimeoutError (RPC_E_TIMEOUT), saying what the callee's thread is doing. An object
    of the caller's own apartment (no proxy) is returned as it is: its calls never wait.

    Raises:
        TypeError: ``seconds`` is not a number.
        ValueError: ``seconds`` is negative or NaN.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"a call timeout is a number of seconds, not {seconds!r}")
    if not seconds >= 0:
        raise ValueError(f"a call timeout must be >= 0 seconds, not {seconds!r}")
    if isinstance(obj, TimedProxy):
        obj = obj._proxy
    if isinstance(obj, Proxy):
        return TimedProxy(obj, float(seconds))  # type: ignore[return-value]
    return obj


def wait_for_handles(
    objects: Iterable[kernel.Waitable],
    timeout: float | None = None,
    *,
    wait_all: bool = False,
    alertable: bool = False,
) -> kernel.WaitResult | None:
    """Wait for kernel objects the way COM waits (CoWaitForMultipleHandles).

    On an STA's thread the wait keeps serving calls into the apartment (and sent messages
    and paint), so objects the callers set can be waited for without a deadlock; other
    posted messages stay queued. Elsewhere it is a plain wait. ``wait_all`` on an STA waits
    for every object and new input at once (Windows' MWMO_WAITALL). Returns the WaitResult,
    ``ALERTED``, or None when ``timeout`` seconds passed.

    Raises:
        ComError: RPC_E_NO_SYNC when no objects are given.
        InvalidParameterError: more than 63 objects (64 outside an STA).
    """
    objs = tuple(objects)
    if not objs:
        raise ComError.from_hresult(RPC_E_NO_SYNC, "CoWaitForMultipleHandles needs objects")
    for obj in objs:
        if not isinstance(obj, kernel.Waitable):
            raise TypeError(f"a wait takes kernel objects, not {obj!r}")
    timeout = check_timeout(timeout)
    apartment = thread_state().apartment
    if apartment is not None and apartment.kind is ApartmentKind.STA:
        if len(objs) > kernel.MAXIMUM_WAIT_OBJECTS - 1:
            raise InvalidParameterError(f"at most 63 objects, not {len(objs)}")
        return wait_serving(objs, timeout, wait_all, alertable)
    wait = kernel.wait_all if wait_all else kernel.wait_any
    return wait(objs, timeout, alertable=alertable)
