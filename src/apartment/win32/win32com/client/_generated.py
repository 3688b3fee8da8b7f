"""What makepy's generated code stands on: typed values, constants and the base classes.

:class:`VARIANT` is the core's :class:`apartment.com.Variant` with pywin32's attribute names
(``varianttype``, ``value``). :data:`constants` holds the constants of generated type
libraries: none are generated here (no type library is), so it is an empty
:class:`Constants`, and a missing name raises AttributeError as pywin32's does.
:class:`DispatchBaseClass` and :class:`CoClassBaseClass` are the bases of generated
classes: code written against them (a class with ``CLSID``, ``_prop_map_get_``...) works.
"""

from __future__ import annotations

import sys
from typing import Any, ClassVar

from apartment import com
from apartment.win32 import pythoncom
from apartment.win32._interfaces import PyIDispatch

from ._dispatch import CDispatch, generated_class

__all__ = ["VARIANT", "Constants", "constants", "DispatchBaseClass", "CoClassBaseClass"]

_E_NOINTERFACE = -2147467262
_DISPID_NEWENUM = -4
_METHOD_OR_GET = 3


class VARIANT(com.Variant):
    """A value sent as the VARIANT type ``vt`` (pywin32's ``VARIANT``).

    ``VARIANT(VT_BYREF | VT_I4, 0)`` is an out parameter: its ``value`` holds what the server
    wrote once the call returns.
    """

    def __init__(self, vt: int, value: object) -> None:
        self.varianttype = vt
        self._value = value

    def __repr__(self) -> str:
        return f"win32com.client.VARIANT({self.varianttype!r}, {self._value!r})"

    @property
    def vartype(self) -> int:  # the core's name for varianttype
        return self.varianttype

    @vartype.setter
    def vartype(self, vt: int) -> None:
        self.varianttype = vt

    @property
    def value(self) -> Any:  # noqa: ANN401
        return self._value

    @value.setter
    def value(self, newval: object) -> None:
        self._value = _good_object(newval)  # pointers as clients, as pywin32 sets it

    @value.deleter
    def value(self) -> None:
        del self._value


class Constants:
    """Constants of generated type libraries: a name is looked up in each of ``__dicts__``."""

    def __init__(self) -> None:
        self.__dicts__: list[dict[str, Any]] = []

    def __getattr__(self, a: str) -> Any:  # noqa: ANN401
        for names in self.__dicts__:
            if a in names:
                return names[a]
        raise AttributeError(a)


constants = Constants()


def _good_object(obj: object, user: object = None, resultCLSID: object = None) -> Any:  # noqa: ANN401
    """A result with its interface pointers as clients (pywin32's rule).

    A pointer becomes the generated class of ``resultCLSID`` (or of its type information)
    when makepy generated one, else a late-bound client.
    """
    if isinstance(obj, com.DispatchPointer):
        pointer = PyIDispatch.of(obj)
        generated = generated_class(pointer, resultCLSID)
        if generated is not None:
            return generated(pointer)
    return CDispatch._result(obj)


class DispatchBaseClass:
    """The base of makepy's generated dispatch classes.

    A subclass has ``CLSID`` and the maps ``_prop_map_get_`` (name -> ``_ApplyTypes_``
    arguments) and ``_prop_map_put_``.
    """

    CLSID: ClassVar[Any]
    _prop_map_get_: ClassVar[dict[str, tuple[Any, ...]]] = {}
    _prop_map_put_: ClassVar[dict[str, tuple[Any, ...]]] = {}

    def __init__(self, oobj: Any = None) -> None:  # noqa: ANN401
        if oobj is None:
            oobj = pythoncom.new(self.CLSID)
        elif isinstance(oobj, (DispatchBaseClass, PyIDispatch)):
            pointer = oobj._oleobj_ if isinstance(oobj, DispatchBaseClass) else oobj
            try:
                oobj = pointer.QueryInterface(self.CLSID, pythoncom.IID_IDispatch)
            except pythoncom.com_error as details:
                # pywin32 keeps an object that refuses its own IID (E_NOINTERFACE)
                if isinstance(oobj, PyIDispatch) or details.hresult != _E_NOINTERFACE:
                    raise
                oobj = pointer
        self.__dict__["_oleobj_"] = oobj

    def __repr__(self) -> str:
        module = sys.modules.get(type(self).__module__)
        doc = (getattr(module, "__doc__", None) or "").strip()
        where = f"{doc}." if doc else ""
        return f"<win32com.gen_py.{where}{type(self).__name__} instance at 0x{id(self)}>"

    def __eq__(self, other: object) -> bool:
        return bool(self._oleobj_ == getattr(other, "_oleobj_", other))

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def _ApplyTypes_(
        self, dispid: int, wFlags: int, retType: object, argTypes: object, user: object,
        resultCLSID: object, *args: Any,  # noqa: ANN401
    ) -> Any:  # noqa: ANN401  # fmt: skip
        result = self._oleobj_.InvokeTypes(dispid, 0, wFlags, retType, argTypes, *args)
        return _good_object(result, user, resultCLSID)

    def _enumerator_(self) -> Any:  # noqa: ANN401
        """Iterate the object's _NewEnum: items as clients (generated classes if there are)."""
        try:
            found = self._oleobj_.Invoke(_DISPID_NEWENUM, 0, _METHOD_OR_GET, 1)
            items = found.QueryInterface(pythoncom.IID_IEnumVARIANT)
        except (pythoncom.com_error, AttributeError):
            raise TypeError("This object does not support enumeration") from None
        return (_good_object(item) for item in items)

    def __getattr__(self, attr: str) -> Any:  # noqa: ANN401
        args = type(self)._prop_map_get_.get(attr)
        if args is None:
            raise AttributeError(f"'{self!r}' object has no attribute '{attr}'")
        return self._ApplyTypes_(*args)

    def __setattr__(self, attr: str, value: object) -> None:
        if attr in self.__dict__:
            self.__dict__[attr] = value
            return
        try:
            args, defArgs = type(self)._prop_map_put_[attr]
        except KeyError:
            raise AttributeError(f"'{self!r}' object has no attribute '{attr}'") from None
        self._oleobj_.Invoke(*((*args, value, *defArgs)))

    def _get_good_single_object_(
        self, obj: object, obUserName: object = None, resultCLSID: object = None
    ) -> Any:  # noqa: ANN401
        return _good_object(obj, obUserName, resultCLSID)

    def _get_good_object_(
        self, obj: object, obUserName: object = None, resultCLSID: object = None
    ) -> Any:  # noqa: ANN401
        return _good_object(obj, obUserName, resultCLSID)


class CoClassBaseClass:
    """The base of makepy's generated coclasses.

    The object is used through its ``default_interface`` (a DispatchBaseClass subclass):
    attributes go to that interface.
    """

    CLSID: ClassVar[Any]
    default_interface: ClassVar[Any]

    def __init__(self, oobj: Any = None) -> None:  # noqa: ANN401
        if oobj is None:
            oobj = pythoncom.new(self.CLSID)
        self.__dict__["_dispobj_"] = self.default_interface(oobj)

    def __repr__(self) -> str:
        return f"<win32com.gen_py.{type(self).__name__}>"

    def __getattr__(self, attr: str) -> Any:  # noqa: ANN401
        dispobj = self.__dict__["_dispobj_"]  # KeyError before __init__, as pywin32's
        if dispobj is not None:
            return getattr(dispobj, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr: str, value: object) -> None:
        if attr in self.__dict__:
            self.__dict__[attr] = value
            return
        dispobj = self.__dict__.get("_dispobj_")
        if dispobj is not None:
            try:
                setattr(dispobj, attr, value)
                return
            except AttributeError:
                pass
        self.__dict__[attr] = value

    def __call__(self, *args: Any) -> Any:  # noqa: ANN401
        return self.__dict__["_dispobj_"](*args)

    def __str__(self) -> str:
        return str(self.__dict__["_dispobj_"])

    def __int__(self) -> int:
        return int(self.__dict__["_dispobj_"])

    def __iter__(self) -> Any:  # noqa: ANN401
        return iter(self.__dict__["_dispobj_"])

    def __len__(self) -> int:
        return len(self.__dict__["_dispobj_"])

    def __bool__(self) -> bool:
        return bool(self.__dict__["_dispobj_"])
