"""What both error trees share: the detail as a lazy PEP 678 note, pickling, ``describe``.

:mod:`apartment.errors` (Win32 errors) and :mod:`apartment._com_errors` (COM errors) use
these; ``describe`` is exported by :mod:`apartment.errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["notes_of", "set_notes", "describe", "reduce_error", "name_as_pywin32"]

# The two classes that print as pywin32's (``pywintypes.error``, ``pywintypes.com_error``) are
# pickled through a function of their own module: ``pywintypes`` is importable only where the
# facade is.
_REBUILD: dict[type, Callable[[tuple[object, ...]], BaseException]] = {}


def notes_of(self: BaseException) -> list[str]:
    """``__notes__``: the ``detail``, made a note only when a traceback (or pytest) asks.

    pywin32's ``str()`` of an error is its ``args``; the detail for humans is a PEP 678 note,
    shown by tracebacks under that line. Made lazily, so raising costs nothing more.
    """
    notes: list[str] | None = self.__dict__.get("_notes")
    if notes is None:
        detail: str = getattr(self, "detail", "")
        if not detail:
            raise AttributeError("__notes__")
        notes = self.__dict__["_notes"] = [detail]
    return notes


def set_notes(self: BaseException, notes: list[str]) -> None:
    """Set ``__notes__`` (``add_note`` appends to what :func:`notes_of` made)."""
    self.__dict__["_notes"] = notes


def describe(error: BaseException) -> str:
    """One line for a human: ``str(error)`` then its notes (the ``detail``), as a CLI prints it."""
    notes = getattr(error, "__notes__", None) or ()
    return ": ".join([str(error), *(str(note) for note in notes)])


def name_as_pywin32(
    cls: type[BaseException], name: str, rebuild: Callable[[tuple[object, ...]], BaseException]
) -> None:
    """Make ``cls`` print as ``pywintypes.<name>`` (its repr, ``type(e)``, tracebacks).

    pywin32's programs print ``type(e)`` and tracebacks name the class: both say
    ``pywintypes.error``, which is what this class is in the facade. Pickles name ``rebuild``
    (a function of the class's own module) instead, so they load without the facade.
    """
    cls.__name__ = cls.__qualname__ = name
    cls.__module__ = "pywintypes"
    _REBUILD[cls] = rebuild


def reduce_error(self: BaseException) -> tuple[object, ...]:
    """Rebuild from ``args`` and the attributes, as pywin32's errors pickle."""
    rebuild = _REBUILD.get(type(self))
    if rebuild is None:
        return (type(self), self.args, self.__dict__)
    return (rebuild, (self.args,), self.__dict__)
