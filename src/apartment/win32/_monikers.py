"""pythoncom's monikers, bind contexts and running object table, over ``apartment.com``'s.

``GetRunningObjectTable``, ``CreateBindCtx``, ``CreateItemMoniker``, ``CreateFileMoniker``,
``CreatePointerMoniker``, ``MkParseDisplayName`` and the interface types ``PyIMoniker``,
``PyIEnumMoniker``, ``PyIBindCtx``, ``PyIRunningObjectTable``; ``pythoncom`` re-exports them.
pywin32 hands a method's S_OK / S_FALSE back as 0 / 1 (IsEqual, IsRunning), and raises a
success code it does not expect (MK_S_MONIKERALREADYREGISTERED) as a com_error.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import com
from ..com import (
    MKSYS_ANTIMONIKER,
    MKSYS_CLASSMONIKER,
    MKSYS_FILEMONIKER,
    MKSYS_GENERICCOMPOSITE,
    MKSYS_ITEMMONIKER,
    MKSYS_NONE,
    MKSYS_POINTERMONIKER,
    ROTFLAGS_ALLOWANYCLIENT,
    ROTFLAGS_REGISTRATIONKEEPSALIVE,
    BindCtxPointer,
    EnumMonikerPointer,
    MonikerPointer,
    RunningObjectTablePointer,
)
from ..errors import MK_S_MONIKERALREADYREGISTERED, ComError, hresult_message
from ._adapt import dword
from ._interfaces import TYPE_IIDS, PyIUnknown, com_object

__all__ = [
    "MKSYS_ANTIMONIKER",
    "MKSYS_CLASSMONIKER",
    "MKSYS_FILEMONIKER",
    "MKSYS_GENERICCOMPOSITE",
    "MKSYS_ITEMMONIKER",
    "MKSYS_NONE",
    "MKSYS_POINTERMONIKER",
    "ROTFLAGS_ALLOWANYCLIENT",
    "ROTFLAGS_REGISTRATIONKEEPSALIVE",
    "PyIMoniker",
    "PyIEnumMoniker",
    "PyIBindCtx",
    "PyIRunningObjectTable",
    "GetRunningObjectTable",
    "CreateBindCtx",
    "CreateItemMoniker",
    "CreateFileMoniker",
    "CreatePointerMoniker",
    "MkParseDisplayName",
    "already_registered",
]


def _required(value: object) -> object:
    """An interface argument pywin32 does not take None for."""
    if value is None:
        raise TypeError("None is not a valid interface object in this context")
    return value


def _string(value: object) -> str:
    """A string argument (pywin32's messages)."""
    if value is None:
        raise TypeError("None is not a valid string in this context")
    if not isinstance(value, str):
        raise TypeError(
            f"Objects of type '{type(value).__name__}' can not be converted to Unicode."
        )
    return value


def already_registered() -> ComError:
    """pywin32 raises MK_S_MONIKERALREADYREGISTERED, a success code, as an error."""
    code = MK_S_MONIKERALREADYREGISTERED
    return ComError(code, hresult_message(code), None, None)


class PyIMoniker(PyIUnknown, MonikerPointer):
    """pywin32's PyIMoniker; iterating it enumerates a composite's parts."""

    __slots__ = ()

    def GetDisplayName(self, bindCtx: object, moniker: object, /) -> str:
        return self.display_name(_required(bindCtx), moniker)

    def BindToObject(self, bindCtx: object, moniker: object, iidResult: object, /) -> Any:  # noqa: ANN401
        return self.bind_to_object(_required(bindCtx), moniker, iidResult)

    def ComposeWith(self, mkRight: object, fOnlyIfNotGeneric: int, /) -> Any:  # noqa: ANN401
        return self.compose_with(_required(mkRight), bool(fOnlyIfNotGeneric))

    def Enum(self, fForward: int = True, /) -> Any:  # noqa: ANN401
        return self.enum(bool(fForward))

    def IsEqual(self, other: object, /) -> int:
        return 0 if self.is_equal(_required(other)) else 1  # S_OK / S_FALSE

    def Hash(self) -> int:
        return self.hash_value()

    def IsSystemMoniker(self) -> int:
        return self.system_kind()

    def GetClassID(self) -> Any:  # noqa: ANN401
        return self.class_id()


class PyIEnumMoniker(PyIUnknown, EnumMonikerPointer):
    """pywin32's PyIEnumMoniker."""

    __slots__ = ()

    def Next(self, num: int = 1, /) -> tuple[Any, ...]:
        return self.fetch(dword(num))

    def Skip(self, num: int, /) -> None:
        self.skip(dword(num))

    def Reset(self) -> None:
        self.reset()

    def Clone(self) -> Any:  # noqa: ANN401
        return self.clone()


class PyIBindCtx(PyIUnknown, BindCtxPointer):
    """pywin32's PyIBindCtx."""

    __slots__ = ()

    def RegisterObjectParam(self, key: object, ob: object, /) -> None:
        self.register_object_param(_string(key), com_object(ob))

    def GetObjectParam(self, key: object, /) -> Any:  # noqa: ANN401
        return self.object_param(_string(key))

    def RevokeObjectParam(self, key: object, /) -> None:
        self.revoke_object_param(_string(key))

    def GetRunningObjectTable(self) -> Any:  # noqa: ANN401
        return self.running_object_table()


class PyIRunningObjectTable(PyIUnknown, RunningObjectTablePointer):
    """pywin32's PyIRunningObjectTable; iterating it gives the registered monikers."""

    __slots__ = ()

    def Register(self, flags: int, object: object, moniker: object, /) -> int:
        registered = self.register(com_object(object), _required(moniker), dword(flags))
        if registered.already_registered:  # the registration stands; pywin32 loses its cookie
            raise already_registered()
        return registered.handle

    def Revoke(self, cookie: int, /) -> None:
        self.revoke(dword(cookie))

    def IsRunning(self, moniker: object, /) -> int:
        return 0 if self.is_running(_required(moniker)) else 1  # S_OK / S_FALSE

    def GetObject(self, moniker: object, /) -> Any:  # noqa: ANN401
        return self.get_object(_required(moniker))

    def EnumRunning(self) -> Any:  # noqa: ANN401
        return self.enum_running()


def GetRunningObjectTable(reserved: int = 0, /) -> Any:  # noqa: ANN401
    operator.index(reserved)
    return com.running_object_table().pointer()


def CreateBindCtx(reserved: int = 0, /) -> Any:  # noqa: ANN401
    return com.create_bind_ctx(dword(reserved))


def CreateItemMoniker(delim: object, item: object, /) -> Any:  # noqa: ANN401
    return com.item_moniker(_string(delim), _string(item))


def CreateFileMoniker(filename: object, /) -> Any:  # noqa: ANN401
    return com.file_moniker(_string(filename))


def CreatePointerMoniker(punk: object, /) -> Any:  # noqa: ANN401
    return com.pointer_moniker(com_object(punk))


def MkParseDisplayName(displayName: object, bindCtx: object = None, /) -> tuple[Any, int, Any]:
    context = None if bindCtx is None else com_object(bindCtx).query_interface(com.IID_IBINDCTX)
    return com.parse_display_name(_string(displayName), context)  # type: ignore[arg-type]


for _iid, _cls in (
    (com.IID_IMONIKER, PyIMoniker),
    (com.IID_IENUMMONIKER, PyIEnumMoniker),
    (com.IID_IBINDCTX, PyIBindCtx),
    (com.IID_IRUNNINGOBJECTTABLE, PyIRunningObjectTable),
):
    TYPE_IIDS[_iid] = _cls
    com.set_interface_class(_iid, _cls)
