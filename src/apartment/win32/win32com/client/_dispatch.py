"""pywin32's late-bound client class (``CDispatch``) and ``Dispatch``, for the package's modules."""

from __future__ import annotations

from typing import Any

from apartment import com
from apartment.com import DispatchClient, InterfacePointer, VariantTypeError
from apartment.errors import ComError
from apartment.win32 import pythoncom
from apartment.win32._com_door import com_api, com_raised
from apartment.win32._interfaces import PyIDispatch
from apartment.win32._typed_invoke import pywin32_argerror
from apartment.win32.pywintypes import PyIID

from . import CLSIDToClass

__all__ = [
    "CDispatch",
    "Dispatch",
    "EnumVARIANT",
    "Enumerator",
    "WrapEnum",
    "dispatch_pointer",
    "generated_class",
]


class CDispatch(DispatchClient):
    """pywin32's dynamic CDispatch: the core's late-bound client under pywin32's names.

    ``_oleobj_`` is the PyIDispatch it calls through and ``_username_`` the name it shows.
    Results that are interface pointers come back as CDispatch objects too.
    """

    @staticmethod
    def _invoker(pointer: Any) -> Any:  # noqa: ANN401
        """The pointer's invoke through the door: pywin32's exception classes (``_com_door``).

        A failure's argerror is pywin32's (``_typed_invoke.pywin32_argerror``).
        """
        invoke = pointer.invoke

        def call(dispid: int, flags: int, *args: Any) -> Any:  # noqa: ANN401
            try:
                return invoke(dispid, flags, *args)
            except ComError as error:  # the door (com_api) and pywin32's argerr, one frame
                raise com_raised(pywin32_argerror(error, len(args))) from None
            except VariantTypeError as error:
                raise com_raised(error) from None

        return call

    @property
    def _oleobj_(self) -> Any:  # noqa: ANN401 - a PyIDispatch
        return self._pointer

    @property
    def _username_(self) -> str:
        return self._name

    @staticmethod
    def _argument(value: object) -> object:
        """Pass any object that has an ``_oleobj_`` as that pointer (pywin32's rule)."""
        return getattr(value, "_oleobj_", value)

    def _FlagAsMethod(self, *methodNames: str) -> None:
        self._flag_as_method(*methodNames)

    def _NewEnum(self) -> Any:  # noqa: ANN401
        """The object's enumerator as ``win32com.client.util.EnumVARIANT``; None if none."""
        found = self._enumerator()
        if found is None:
            return None
        return WrapEnum(found._items)


@com_api
def dispatch_pointer(dispatch: Any, clsctx: int) -> PyIDispatch:  # noqa: ANN401
    """pywin32's ``_GetGoodDispatch``: what a Dispatch argument stands for, as a PyIDispatch."""
    if isinstance(dispatch, (str, PyIID)):
        try:  # a running object registered for the class wins (pythoncom.connect)
            pointer: InterfacePointer = pythoncom.connect(dispatch)
        except pythoncom.com_error:
            pointer = com.create_object(str(dispatch), clsctx)
    else:
        pointer = getattr(dispatch, "_oleobj_", dispatch)  # pywin32 takes any object with one
        if not isinstance(pointer, InterfacePointer):  # pywin32 fails asking it for type info
            raise AttributeError(
                f"{type(dispatch).__name__!r} object has no attribute 'GetTypeInfo' (Dispatch "
                f"needs a ProgID, a CLSID or an IDispatch object, not {dispatch!r})"
            )
    if not isinstance(pointer, com.DispatchPointer):
        pointer = pointer.query_interface(com.IID_IDISPATCH)
    return PyIDispatch.of(pointer)


@com_api
def Dispatch(
    dispatch: Any,  # noqa: ANN401
    userName: str | None = None,
    resultCLSID: object = None,
    typeinfo: object = None,
    clsctx: int = pythoncom.CLSCTX_SERVER,
) -> CDispatch:
    """Return a late-bound client for a ProgID/CLSID (running or created now) or a pointer."""
    if userName is None and isinstance(dispatch, str):
        userName = dispatch
    elif userName is None and isinstance(dispatch, DispatchClient):
        userName = dispatch._name
    pointer = dispatch_pointer(dispatch, clsctx)
    generated = generated_class(pointer, resultCLSID)
    if generated is not None:
        return generated(pointer)  # type: ignore[no-any-return]
    return CDispatch(pointer, userName)


def generated_class(pointer: PyIDispatch, resultCLSID: object = None) -> type | None:
    """The class makepy generated for an object: by ``resultCLSID``, else by its type info.

    pywin32's rule: once a type library's module is generated (``gencache``), Dispatch and
    the results of generated methods use its classes; None while none is.
    """
    if resultCLSID is not None and CLSIDToClass.HasClass(str(resultCLSID)):
        return CLSIDToClass.GetClass(str(resultCLSID))
    if not CLSIDToClass.mapCLSIDToClass:
        return None  # nothing generated: no need to ask for type information
    try:
        iid = pointer.type_info().attributes().guid
    except (ComError, AttributeError):
        return None
    return CLSIDToClass.GetClass(iid) if CLSIDToClass.HasClass(iid) else None


class Enumerator(com.Enumerator):
    """Indexed access to a PyIEnumVARIANT (``e[i]``, ``e(i)``), with pywin32's method names."""

    def __init__(self, enum: Any) -> None:  # noqa: ANN401
        super().__init__(enum, CDispatch)
        self._oleobj_ = enum

    def Next(self, count: int = 1) -> tuple[Any, ...]:
        """The next ``count`` items."""
        return self.fetch(count)

    def Reset(self) -> None:
        """Go back to the first item."""
        self.reset()

    def Clone(self) -> Any:  # noqa: ANN401
        """An enumerator at the same place, of this class."""
        return type(self)(self._oleobj_.Clone())


class EnumVARIANT(Enumerator):
    """What WrapEnum and a client's ``_NewEnum()`` give (pywin32's class of that name)."""


def WrapEnum(ob: Any, resultCLSID: object = None) -> EnumVARIANT:  # noqa: ANN401
    """Wrap an enumerator (any pointer to one) for indexed access."""
    return EnumVARIANT(ob.QueryInterface(pythoncom.IID_IEnumVARIANT))
