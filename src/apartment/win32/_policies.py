"""pywin32's policy protocol over the core's policies, both ways.

pywin32's gateway calls a policy by pywin32's entry points (``_Invoke_``, ``_InvokeEx_``,
``_GetIDsOfNames_``, ``_QueryInterface_``...); the core's gateway calls a
:class:`apartment.com.Policy` by Python names (``invoke``, ``get_ids_of_names``...).

* :class:`Pywin32Names` gives a core policy class pywin32's entry points and helpers
  (``_invokeex_``, ``_getidsofnames_``...) and routes the core's entry points through them,
  so that a subclass, or a wrapped object, that overrides a pywin32 helper is honoured, as
  under pywin32. The helpers end in the core class's own logic (``_core``).
* :class:`Pywin32Protocol` adapts any other object that speaks pywin32's protocol (a
  dispatcher, a policy of the user's own) to the core's, for ``pythoncom.WrapObject``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from .. import com
from ..errors import DISP_E_MEMBERNOTFOUND, S_OK
from .pywintypes import IID

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Pywin32Names", "Pywin32Protocol"]

_OVERRIDABLE = ("_invoke_", "_invokeex_", "_getidsofnames_", "_getdispid_")


def _result(answer: Any) -> Any:  # noqa: ANN401
    """The result in what ``_Invoke_`` returns: pywin32's ``(hresult, argErr, result)``."""
    if isinstance(answer, tuple) and len(answer) == 3:
        return answer[2]
    return answer


class Pywin32Names(com.Policy):
    """pywin32's entry points and helpers for a core policy class (see the module docstring).

    ``_core`` is the core class whose logic the helpers end in.
    """

    _core: ClassVar[type[com.Policy]] = com.Policy
    _direct: bool = False
    """Whether a call may skip pywin32's chain (_Invoke_, _invoke_, _invokeex_) for the core's
    invoke: True once ``_wrap_`` has seen that nothing overrides a link of it."""

    def __init__(self, object: object = None) -> None:
        if object is not None:
            self._wrap_(object)

    def _wrap_(self, object: object) -> None:
        self._core.__init__(self, object)
        for name in _OVERRIDABLE:  # pywin32 lets the object answer these itself
            if hasattr(object, name):
                setattr(self, name, getattr(object, name))
        cls = type(self)
        self._direct = (
            cls._Invoke_ is Pywin32Names._Invoke_
            and cls._invoke_ is Pywin32Names._invoke_
            and cls._invokeex_ is Pywin32Names._invokeex_
            and not {"_Invoke_", "_invoke_", "_invokeex_"} & vars(self).keys()
        )

    # -- pywin32's attributes --------------------------------------------------------------

    @property
    def _obj_(self) -> object:
        return self.obj

    @property
    def _name_to_dispid_(self) -> dict[str, int]:
        return self.names

    @property
    def _com_interfaces_(self) -> list[object]:
        return [IID(iid) for iid in self.interfaces]

    # -- the core's entry points, through pywin32's ----------------------------------------

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        if self._direct:  # where pywin32's chain would end anyway, without its four frames
            if type(dispid) is not int:
                dispid = self._name_of(dispid)
            return self._core.invoke(self, dispid, flags, args)
        return _result(self._Invoke_(dispid, 0, flags, args))

    def invoke_ex(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        return self._InvokeEx_(dispid, 0, flags, args, None, None)

    def get_ids_of_names(self, names: Sequence[str]) -> list[int]:
        return list(self._GetIDsOfNames_(tuple(names), 0))

    def get_dispid(self, name: str, flags: int = 0) -> int:
        return int(self._GetDispID_(name, flags))

    def get_next_dispid(self, flags: int, dispid: int) -> int:
        return int(self._GetNextDispID_(flags, dispid))

    def get_member_name(self, dispid: int) -> str:
        return str(self._GetMemberName_(dispid))

    def query_interface(self, iid: str) -> Any:  # noqa: ANN401
        return self._QueryInterface_(IID(iid))

    # -- pywin32's entry points and helpers ------------------------------------------------

    def _QueryInterface_(self, iid: object) -> Any:  # noqa: ANN401
        if com.iid_text(iid) in self.interfaces:
            return 1
        return self._query_interface_(iid)

    def _query_interface_(self, iid: object) -> Any:  # noqa: ANN401
        query = self._query  # the object's own _query_interface_, if it has one
        return 0 if query is None else query(iid)

    def _name_of(self, dispid: int | str) -> int | str:
        if isinstance(dispid, str):  # pywin32 takes a name for a DISPID here
            found = self.names.get(dispid.lower())
            if found is None:
                raise com.COMException(scode=DISP_E_MEMBERNOTFOUND, desc="Member not found")
            return found
        return dispid

    def _Invoke_(self, dispid: int | str, lcid: int, wFlags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        return self._invoke_(self._name_of(dispid), lcid, wFlags, args)

    def _invoke_(self, dispid: int | str, lcid: int, wFlags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        return S_OK, -1, self._invokeex_(dispid, lcid, wFlags, args, None, None)

    def _InvokeEx_(
        self, dispid: int | str, lcid: int, wFlags: int, args: tuple[Any, ...],
        kwargs: object, serviceProvider: object,
    ) -> Any:  # noqa: ANN401  # fmt: skip
        return self._invokeex_(self._name_of(dispid), lcid, wFlags, args, kwargs, serviceProvider)

    def _invokeex_(
        self, dispid: int | str, lcid: int, wFlags: int, args: tuple[Any, ...],
        kwArgs: object, serviceProvider: object,
    ) -> Any:  # noqa: ANN401  # fmt: skip
        return self._core.invoke(self, dispid, wFlags, args)

    def _GetIDsOfNames_(self, names: Sequence[str], lcid: int) -> Any:  # noqa: ANN401
        return self._getidsofnames_(names, lcid)

    def _getidsofnames_(self, names: Sequence[str], lcid: int) -> Any:  # noqa: ANN401
        return tuple(self._core.get_ids_of_names(self, names))

    def _GetDispID_(self, name: str, fdex: int) -> int:
        return int(self._getdispid_(name, fdex))

    def _getdispid_(self, name: str, fdex: int) -> int:
        return self._core.get_dispid(self, name, fdex)

    def _GetNextDispID_(self, fdex: int, dispid: int) -> int:
        return self._getnextdispid_(fdex, dispid)

    def _getnextdispid_(self, fdex: int, dispid: int) -> int:
        return self._core.get_next_dispid(self, fdex, dispid)

    def _GetMemberName_(self, dispid: int) -> str:
        return self._getmembername_(dispid)

    def _getmembername_(self, dispid: int) -> str:
        return self._core.get_member_name(self, dispid)

    def _GetTypeInfoCount_(self) -> int:
        return 0

    def _CreateInstance_(self, clsid: object, reqIID: object) -> Any:  # noqa: ANN401
        raise com.COMException(desc="create the object with win32com.client.Dispatch")


class Pywin32Protocol(com.Policy):
    """A core policy over an object that speaks pywin32's protocol (a dispatcher, say).

    ``target`` is that object (what ``pythoncom.UnwrapObject`` gives); ``obj`` the object
    it wraps, as ``win32com.server.util.unwrap`` finds it (through a dispatcher's
    ``policy`` and a policy's ``_obj_``).
    """

    def __init__(self, target: object) -> None:
        inner = getattr(target, "policy", target)
        super().__init__(getattr(inner, "_obj_", target))
        self.interfaces = frozenset()
        self._query = None
        self._target = target

    @property
    def target(self) -> object:
        return self._target

    def query_interface(self, iid: str) -> Any:  # noqa: ANN401
        return self._target._QueryInterface_(IID(iid))  # type: ignore[attr-defined]

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        return _result(self._target._Invoke_(dispid, 0, flags, args))  # type: ignore[attr-defined]

    def invoke_ex(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        return self._target._InvokeEx_(dispid, 0, flags, args, None, None)  # type: ignore[attr-defined]

    def get_ids_of_names(self, names: Sequence[str]) -> list[int]:
        return list(self._target._GetIDsOfNames_(tuple(names), 0))  # type: ignore[attr-defined]

    def get_dispid(self, name: str, flags: int = 0) -> int:
        return int(self._target._GetDispID_(name, flags))  # type: ignore[attr-defined]

    def get_next_dispid(self, flags: int, dispid: int) -> int:
        return int(self._target._GetNextDispID_(flags, dispid))  # type: ignore[attr-defined]

    def get_member_name(self, dispid: int) -> str:
        return str(self._target._GetMemberName_(dispid))  # type: ignore[attr-defined]
