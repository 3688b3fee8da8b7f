"""The COM facade's door: what the core raises, as pywin32's exact exception classes.

pywin32 raises ``com_error`` itself (never a subclass) from a failed COM call, and a plain
``TypeError`` for an argument that cannot be a VARIANT. The core raises its named subclasses
(``NoInterfaceError``, ``ClassNotRegisteredError``, ``VariantTypeError``...), which programs
written for pywin32 would see by name (``type(e).__name__``, ``repr(e)``, a traceback's
last line). :func:`com_api` translates them as they leave a facade call; the core keeps them.
"""

from __future__ import annotations

import functools
import types
from typing import TYPE_CHECKING, Any, TypeVar

from ..com import VariantTypeError
from ..errors import ComError

if TYPE_CHECKING:
    from collections.abc import Callable, MutableMapping

__all__ = ["com_api", "com_raised", "guard_functions", "guard_methods"]

F = TypeVar("F", bound="Callable[..., Any]")


def com_raised(error: ComError | VariantTypeError) -> Exception:
    """``error`` as pywin32 raises it: a plain com_error (detail kept), or a plain TypeError."""
    if isinstance(error, ComError):
        return error.plain()
    return TypeError(*error.args)


def com_api(fn: F) -> F:
    """Make ``fn`` raise pywin32's classes for the core's COM errors (see the module doc)."""
    if getattr(fn, "_com_door", False):
        return fn

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        try:
            return fn(*args, **kwargs)
        except (ComError, VariantTypeError) as error:
            raise com_raised(error).with_traceback(error.__traceback__) from None

    wrapper._com_door = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def guard_methods(cls: type) -> None:
    """Put :func:`com_api` on the pywin32-named methods ``cls`` defines (``QueryInterface``...).

    pywin32's methods are capitalized; the core's (``invoke``, ``query_interface``) are not,
    and stay as they are for the core's own callers.
    """
    for name, value in list(vars(cls).items()):
        if name[:1].isupper() and isinstance(value, types.FunctionType):
            setattr(cls, name, com_api(value))


def guard_functions(namespace: MutableMapping[str, Any], names: list[str]) -> None:
    """Put :func:`com_api` on the module functions among ``names`` in ``namespace``."""
    for name in names:
        value = namespace.get(name)
        if isinstance(value, types.FunctionType):
            namespace[name] = com_api(value)
