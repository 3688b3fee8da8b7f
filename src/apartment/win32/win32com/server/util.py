"""pywin32's ``win32com.server.util``: wrap Python objects as COM objects; collections.

The enumerator and collection classes are the core's (``apartment.com``): their COM members
(``Next``, ``Item``, ``Count``...) are Automation's.
"""

from __future__ import annotations

from typing import Any

from apartment import com
from apartment.com import Collection, ListEnumerator, ListEnumeratorGateway
from apartment.win32 import pythoncom
from apartment.win32._interfaces import interface_pointer

from . import dispatcher, policy

__all__ = [
    "wrap",
    "unwrap",
    "NewEnum",
    "NewCollection",
    "ListEnumerator",
    "ListEnumeratorGateway",
    "Collection",
]


def wrap(ob: object, iid: object = None, usePolicy: Any = None, useDispatcher: Any = None) -> Any:  # noqa: ANN401
    """Wrap ``ob`` in a gateway and return its ``iid`` (IDispatch by default).

    ``usePolicy`` answers the calls (DefaultPolicy by default), behind ``useDispatcher``
    when one is given (1: the debug dispatcher).
    """
    if useDispatcher == 1:
        useDispatcher = dispatcher.DefaultDebugDispatcher
    usePolicy = usePolicy or policy.DefaultPolicy
    answerer = usePolicy(ob) if not useDispatcher else useDispatcher(usePolicy, ob)
    return pythoncom.WrapObject(answerer, pythoncom.IID_IDispatch, iid)


def unwrap(ob: object) -> object:
    """Return the Python object behind a wrapped COM object of this apartment."""
    return com.unwrap(interface_pointer(ob))


def NewEnum(
    seq: Any,  # noqa: ANN401
    cls: Any = ListEnumerator,  # noqa: ANN401
    iid: object = pythoncom.IID_IEnumVARIANT,
    usePolicy: Any = None,  # noqa: ANN401
    useDispatcher: Any = None,  # noqa: ANN401
) -> Any:  # noqa: ANN401
    """Make an enumerator COM object over ``seq`` (``cls``, ListEnumerator by default)."""
    return wrap(cls(seq, iid=iid), iid, usePolicy=usePolicy, useDispatcher=useDispatcher)


def NewCollection(seq: Any, cls: Any = Collection) -> Any:  # noqa: ANN401
    """Make a collection COM object over ``seq``; return its IDispatch."""
    return pythoncom.WrapObject(
        policy.DefaultPolicy(cls(seq)), pythoncom.IID_IDispatch, pythoncom.IID_IDispatch
    )
