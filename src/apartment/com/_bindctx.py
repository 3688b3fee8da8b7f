"""Bind contexts (CreateBindCtx) and reading a display name into a moniker (MkParseDisplayName).

A :class:`BindCtx` is what a binding carries along: objects kept under names (object
parameters) and the running object table. It is a native object of this layer, agile as a
memory stream is; the objects it keeps are the pointers it was given, valid in their own
apartments.

:func:`parse_display_name` reads, as Windows' MkParseDisplayName does:

* ``clsid:XXXXXXXX-...:`` (the CLSID with or without braces, the last colon optional): a
  class moniker;
* ``ProgID:rest`` or ``@ProgID rest``, for a registered ProgID: an instance of the class is
  asked for IParseDisplayName and reads the whole name (Windows asks the class object; here
  class objects have no interface pointers, so an instance answers);
* otherwise a path naming an existing file (or one the running object table holds a file
  moniker for), up to the first ``!``: a file moniker;

each followed by any number of ``!item`` parts (item monikers, composed on the right).
"""

from __future__ import annotations

import os
from typing import Any

from ..errors import (
    E_FAIL,
    E_INVALIDARG,
    E_NOTIMPL,
    MK_E_CANTOPENFILE,
    MK_E_SYNTAX,
    ClassStringError,
    ComError,
    NoInterfaceError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._activation import create_interface
from ._apartment import neutral
from ._class_entry import CLSCTX_ALL, normalize_clsid
from ._iids import IID_IBINDCTX, IID_IPARSEDISPLAYNAME, IID_IUNKNOWN
from ._moniker_pointers import BindCtxPointer, MonikerPointer, ParseDisplayNamePointer
from ._monikers import class_moniker, composite_moniker, file_moniker, item_moniker
from ._pointer import InterfacePointer, make_pointer
from ._proxy import make_agile
from ._registry import clsid_from_progid
from ._rot import running_object_table

__all__ = ["BindCtx", "create_bind_ctx", "parse_display_name", "get_object"]


class BindCtx:
    """A bind context (IBindCtx): object parameters by name, and the running object table."""

    __slots__ = ("__weakref__", "_params")

    def __init__(self) -> None:
        self._params: dict[str, InterfacePointer] = {}

    def __repr__(self) -> str:
        return f"<BindCtx of {len(self._params)} object parameters>"

    def resolve(self, iid: str) -> None:
        """QueryInterface: a bind context is an IBindCtx."""
        if iid not in (IID_IUNKNOWN, IID_IBINDCTX):
            raise NoInterfaceError(f"a bind context does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run the IBindCtx method ``method``."""
        if method == "RegisterObjectParam":
            key, obj = args
            with KERNEL_LOCK:
                self._params[key] = obj
            return None
        if method in ("GetObjectParam", "RevokeObjectParam"):
            (key,) = args
            with KERNEL_LOCK:
                found = self._params.get(key)
                if method == "RevokeObjectParam":
                    self._params.pop(key, None)
            if found is None:
                raise ComError.from_hresult(E_FAIL, f"no object parameter {key!r}")
            return found if method == "GetObjectParam" else None
        if method == "GetRunningObjectTable":
            return running_object_table().pointer()
        raise ComError.from_hresult(E_NOTIMPL, f"a bind context has no {method} here")

    def pointer(self) -> BindCtxPointer:
        """Return an IBindCtx pointer to this bind context (valid in every apartment)."""
        return make_pointer(self, neutral(), IID_IBINDCTX)  # type: ignore[return-value]


make_agile(BindCtx)


def create_bind_ctx(reserved: int = 0) -> BindCtxPointer:
    """Return a new bind context (CreateBindCtx); ``reserved`` must be 0 (else E_INVALIDARG)."""
    if reserved != 0:
        raise ComError.from_hresult(E_INVALIDARG, "CreateBindCtx's reserved argument must be 0")
    return BindCtx().pointer()


def parse_display_name(
    name: str, bind_ctx: BindCtxPointer | None = None
) -> tuple[MonikerPointer, int, BindCtxPointer]:
    """Read the display name ``name`` into a moniker (MkParseDisplayName; see the module).

    Returns the moniker, how many characters it took (all of them) and the bind context
    (``bind_ctx``, or a new one).

    Raises:
        TypeError: ``name`` is not a str.
        ComError: E_INVALIDARG for an empty name; MK_E_SYNTAX for a malformed CLSID or a rest
            that is no ``!item``; MK_E_CANTOPENFILE when the name starts with no file that
            exists (or is running); what a class's IParseDisplayName raises.
    """
    if not isinstance(name, str):
        raise TypeError(f"Objects of type '{type(name).__name__}' can not be converted to Unicode.")
    if not name:
        raise ComError.from_hresult(E_INVALIDARG, "an empty display name")
    context = bind_ctx if bind_ctx is not None else create_bind_ctx()
    found = _class_name(name) or _progid_name(name, context) or _file_name(name)
    moniker, eaten = found
    parts = [moniker]
    while eaten < len(name):
        if name[eaten] != "!":
            raise ComError.from_hresult(MK_E_SYNTAX, f"cannot read {name[eaten:]!r} in {name!r}")
        end = name.find("!", eaten + 1)
        end = len(name) if end < 0 else end
        parts.append(item_moniker("!", name[eaten + 1 : end]))
        eaten = end
    result = composite_moniker(parts)
    return result, eaten, context


def _class_name(name: str) -> tuple[InterfacePointer, int] | None:
    """``clsid:...:`` -> a class moniker, or None for another kind of name."""
    if name[:6].lower() != "clsid:":
        return None
    start = 6
    end = name.find("}", start) + 1 if name[start : start + 1] == "{" else start + 36
    if end <= start:
        raise ComError.from_hresult(MK_E_SYNTAX, f"no CLSID in {name!r}")
    try:
        text = name[start:end]
        clsid = normalize_clsid(text if text.startswith("{") else "{" + text + "}")
    except (ClassStringError, ValueError):
        raise ComError.from_hresult(MK_E_SYNTAX, f"no CLSID in {name!r}") from None
    if name[end : end + 1] == ":":
        end += 1
    return class_moniker(clsid), end


def _progid_name(name: str, context: BindCtxPointer) -> tuple[InterfacePointer, int] | None:
    """``ProgID:rest`` or ``@ProgID``: the class's IParseDisplayName reads it; else None."""
    if name.startswith("@"):
        progid = name[1:].split(" ", 1)[0].split("!", 1)[0]
    else:
        progid = name.split(":", 1)[0] if ":" in name else ""
    if len(progid) < 2:  # a drive letter, or nothing
        return None
    try:
        clsid_from_progid(progid)
    except ClassStringError:
        return None
    parser = create_interface(progid, CLSCTX_ALL, IID_IPARSEDISPLAYNAME)
    assert isinstance(parser, ParseDisplayNamePointer)
    moniker, eaten = parser.parse_display_name(context, name)
    return moniker, eaten


def _file_name(name: str) -> tuple[InterfacePointer, int]:
    """A path up to the first ``!``, naming a file that exists or is running."""
    end = name.find("!")
    path = name if end < 0 else name[:end]
    moniker = file_moniker(path)
    if path and (os.path.exists(path) or running_object_table().is_running(("file", path))):
        return moniker, len(path)
    raise ComError.from_hresult(MK_E_CANTOPENFILE, f"no file {path!r}")


def get_object(name: str, iid: object = IID_IUNKNOWN) -> InterfacePointer:
    """The object a display name names, as the interface ``iid`` (CoGetObject).

    :func:`parse_display_name`, then the moniker's ``bind_to_object``.

    Raises:
        ComError: what parsing or binding raises (MK_E_SYNTAX, MK_E_CANTOPENFILE,
            MK_E_UNAVAILABLE, E_NOINTERFACE...).
    """
    moniker, _, context = parse_display_name(name)
    return moniker.bind_to_object(context, None, iid)
