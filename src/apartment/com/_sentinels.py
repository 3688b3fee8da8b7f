"""The argument sentinels of late-bound calls: an empty argument, an omitted one.

pywin32 has four: ``Empty`` and ``ArgNotFound`` reach the server as the VT_ERROR
DISP_E_PARAMNOTFOUND ("this optional argument was not given"), which a Python server receives
as that int; ``Missing`` marks an argument that must not be sent at all, and converting it to a
VARIANT fails with TypeError; ``Nothing`` is a null object reference (a NULL VT_DISPATCH), which
a Python server receives as None. Each is a singleton, true, and cannot be made again (a copy or a
pickle is the same object); each has a class of its own, named as pywin32 names its type
(``type(pythoncom.Empty).__name__ == "PyOleEmpty"``), all subclasses of ``ArgumentSentinel``.
"""

from __future__ import annotations

from typing import Any, NoReturn

__all__ = ["ArgumentSentinel", "EMPTY", "MISSING", "ARG_NOT_FOUND", "NOTHING"]


class ArgumentSentinel:
    """One of the argument sentinels (``EMPTY``, ``MISSING``, ``ARG_NOT_FOUND``, ``NOTHING``).

    Attributes:
        variant_name: what pywin32 calls its type (used in its messages).
        sendable: whether it crosses a call (as DISP_E_PARAMNOTFOUND) or must be left out.
    """

    __slots__ = ("_name", "sendable", "variant_name")

    def __init__(self, name: str, variant_name: str, *, sendable: bool) -> None:
        self._name = name
        self.variant_name = variant_name
        self.sendable = sendable

    def __repr__(self) -> str:
        return f"<{self.variant_name} object at {id(self):#018x}>"

    def __reduce__(self) -> str:
        return self._name  # pickled by name: the same object comes back

    def __copy__(self) -> ArgumentSentinel:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> ArgumentSentinel:
        return self

    def __init_subclass__(cls, **kwargs: object) -> None:
        if _SEALED:
            raise TypeError("the argument sentinels are final")


_SEALED = False  # this module makes the four classes below, then no more


class PyOleEmpty(ArgumentSentinel):
    """The class of ``EMPTY``, named as pywin32's."""

    __slots__ = ()


class PyOleMissing(ArgumentSentinel):
    """The class of ``MISSING``, named as pywin32's."""

    __slots__ = ()


class ArgNotFound(ArgumentSentinel):
    """The class of ``ARG_NOT_FOUND``, named as pywin32's."""

    __slots__ = ()


class PyOleNothing(ArgumentSentinel):
    """The class of ``NOTHING``, named as pywin32's."""

    __slots__ = ()


_SEALED = True

EMPTY = PyOleEmpty("EMPTY", "PyOleEmpty", sendable=True)
"""An empty argument: the server gets DISP_E_PARAMNOTFOUND (pywin32's ``pythoncom.Empty``)."""
MISSING = PyOleMissing("MISSING", "PyOleMissing", sendable=False)
"""An argument not to send at all (pywin32's ``pythoncom.Missing``): no VARIANT."""
ARG_NOT_FOUND = ArgNotFound("ARG_NOT_FOUND", "ArgNotFound", sendable=True)
"""An argument not found: DISP_E_PARAMNOTFOUND (pywin32's ``pythoncom.ArgNotFound``)."""
NOTHING = PyOleNothing("NOTHING", "PyOleNothing", sendable=True)
"""A null object reference (VB's ``Nothing``, pywin32's ``pythoncom.Nothing``): a NULL
VT_DISPATCH, which a Python receiver gets as None."""


def _no_more(*args: object, **kwargs: object) -> NoReturn:
    raise TypeError(
        "cannot create argument sentinel instances: use EMPTY, MISSING, ARG_NOT_FOUND, NOTHING"
    )


ArgumentSentinel.__new__ = _no_more  # type: ignore[method-assign]  # these exist; no others
