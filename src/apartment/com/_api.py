"""The Pythonic face of apartments: context managers, a class decorator, create, marshal."""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING, Any, TypeVar

from ._activation import THREADING_MODELS, create_instance
from ._apartment import Apartment, current_apartment
from ._lifecycle import initialize, uninitialize

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["sta", "mta", "threading_model", "create"]

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
