"""pywin32's ``win32com.server.policy``: how a Python object answers COM calls.

Each policy is the core's (``apartment.com``) with pywin32's entry points and helpers
(``_Invoke_``, ``_invokeex_``, ``_wrap_``, ``_obj_``...); a subclass that overrides one, or a
wrapped object that defines ``_invoke_``, ``_invokeex_``, ``_getidsofnames_``,
``_getdispid_`` or ``_query_interface_``, is honoured as under pywin32.
"""

from __future__ import annotations

import importlib
from typing import Any, ClassVar

from apartment import com
from apartment.com import COMException as COMException  # pywin32's module imports these
from apartment.errors import ComError
from apartment.win32 import pythoncom
from apartment.win32 import pywintypes as pywintypes
from apartment.win32 import winerror as winerror
from apartment.win32._policies import Pywin32Names
from apartment.win32.pythoncom import (
    DISPATCH_METHOD,
    DISPATCH_PROPERTYGET,
    DISPATCH_PROPERTYPUT,
    DISPATCH_PROPERTYPUTREF,
    DISPID_EVALUATE,
    DISPID_NEWENUM,
    DISPID_PROPERTYPUT,
    DISPID_STARTENUM,
    DISPID_VALUE,
)
from apartment.win32.win32com.client import CDispatch

__all__ = [
    "BasicWrapPolicy",
    "MappedWrapPolicy",
    "DesignatedWrapPolicy",
    "EventHandlerPolicy",
    "DynamicPolicy",
    "DefaultPolicy",
    "resolve_func",
    "call_func",
    "regSpec",
    "regPolicy",
    "regDispatcher",
    "regAddnPath",
    "CreateInstance",
    "S_OK",
    "IDispatchType",
    "IUnknownType",
    "DISPATCH_METHOD",
    "DISPATCH_PROPERTYGET",
    "DISPATCH_PROPERTYPUT",
    "DISPATCH_PROPERTYPUTREF",
    "DISPID_EVALUATE",
    "DISPID_NEWENUM",
    "DISPID_PROPERTYPUT",
    "DISPID_STARTENUM",
    "DISPID_VALUE",
]

regSpec = "CLSID\\%s\\PythonCOM"
regPolicy = "CLSID\\%s\\PythonCOMPolicy"
regDispatcher = "CLSID\\%s\\PythonCOMDispatcher"
regAddnPath = "CLSID\\%s\\PythonCOMPath"

S_OK = 0
IDispatchType = pythoncom.TypeIIDs[pythoncom.IID_IDispatch]
IUnknownType = pythoncom.TypeIIDs[pythoncom.IID_IUnknown]


class BasicWrapPolicy(Pywin32Names):
    """The base of pywin32's policies: ``_com_interfaces_`` and ``_query_interface_``."""

    _core: ClassVar[type[com.Policy]] = com.Policy


class MappedWrapPolicy(BasicWrapPolicy):
    """A policy with DISPID maps (``_dispid_to_func_``, ``_dispid_to_get_``...)."""


class DesignatedWrapPolicy(MappedWrapPolicy, com.DispatchPolicy):
    """pywin32's default policy: the object names its ``_public_methods_`` and attributes."""

    _core = com.DispatchPolicy

    @property
    def _dispid_to_func_(self) -> dict[int, str]:
        return self.methods

    @property
    def _dispid_to_get_(self) -> dict[int, str]:
        return self.getters

    @property
    def _dispid_to_put_(self) -> dict[int, str]:
        return self.putters


class EventHandlerPolicy(DesignatedWrapPolicy):
    """The policy of event handlers: IDispatch arguments arrive as Dispatch objects."""

    def _transform_args_(
        self, args: tuple[Any, ...], kwArgs: object, dispid: object, lcid: int, wFlags: int,
        serviceProvider: object,
    ) -> tuple[tuple[Any, ...], object]:  # fmt: skip
        return CDispatch._result(args), kwArgs

    def _invokeex_(
        self, dispid: int | str, lcid: int, wFlags: int, args: tuple[Any, ...], kwArgs: object,
        serviceProvider: object,
    ) -> Any:  # noqa: ANN401  # fmt: skip
        args, kwArgs = self._transform_args_(args, kwArgs, dispid, lcid, wFlags, serviceProvider)
        return DesignatedWrapPolicy._invokeex_(
            self, dispid, lcid, wFlags, args, kwArgs, serviceProvider
        )


class DynamicPolicy(BasicWrapPolicy, com.DynamicPolicy):
    """Every call by name to the object's ``_dynamic_(name, lcid, wFlags, args)``."""

    _core = com.DynamicPolicy


DefaultPolicy = DesignatedWrapPolicy


def resolve_func(spec: str) -> Any:  # noqa: ANN401
    """Return the function (or class) ``"module.name"`` names; a bare name is this module's."""
    module, _, name = spec.rpartition(".")
    if not module:
        return globals()[spec]
    return getattr(importlib.import_module(module), name)


def call_func(spec: str, *args: Any) -> Any:  # noqa: ANN401
    """Call the function ``"module.name"`` names."""
    return resolve_func(spec)(*args)


def CreateInstance(clsid: object, reqIID: object) -> Any:  # noqa: ANN401
    """Create the registered Python class ``clsid`` here and return its ``reqIID`` interface.

    What COM calls to create a Python object (pywin32's entry point): the class's registered
    policy (DefaultPolicy if none) wraps a new instance, in the calling apartment.

    Raises:
        ValueError: ``clsid`` is no registered Python class (pywin32's message).
    """
    try:
        entry = com.lookup_clsid(str(clsid))
    except (ComError, TypeError, ValueError):
        raise ValueError(
            f"The object is not correctly registered - {regSpec % clsid} key can not be read"
        ) from None
    use_policy = resolve_func(entry.policy_spec) if entry.policy_spec else DefaultPolicy
    return pythoncom.WrapObject(use_policy(com.load_class(entry)()), reqIID)
