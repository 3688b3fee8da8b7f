"""pywin32's CoGetObjectContext, PyIContext and PyIEnumContextProps.

``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

from typing import Any

from .. import com
from ._adapt import dword
from ._interfaces import PyIUnknown, com_object
from ._propstorage import _Enumerator

__all__ = ["CoGetObjectContext", "PyIContext", "PyIEnumContextProps"]


class PyIContext(PyIUnknown, com.ContextPointer):
    """pywin32's PyIContext: the properties of the calling thread's object context."""

    __slots__ = ()

    def SetProperty(self, rpolicyId: object, flags: int, pUnk: object, /) -> None:
        self.set_property(rpolicyId, dword(flags), com_object(pUnk))

    def RemoveProperty(self, rPolicyId: object, /) -> None:
        self.remove_property(rPolicyId)

    def GetProperty(self, rGuid: object, /) -> tuple[int, Any]:
        return self.get_property(rGuid)

    def EnumContextProps(self) -> Any:  # noqa: ANN401
        return self.enum_context_props()


class PyIEnumContextProps(_Enumerator):
    """pywin32's PyIEnumContextProps: ``(guid, flags, object)`` of each property."""

    __slots__ = ()


def CoGetObjectContext(riid: object, /) -> Any:  # noqa: ANN401
    return com.object_context(riid)


com.set_interface_class(com.IID_ICONTEXT, PyIContext)
com.set_interface_class(com.IID_IENUMCONTEXTPROPS, PyIEnumContextProps)
