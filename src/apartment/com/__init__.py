"""The COM layer: apartments, activation, proxies, marshaling, IDispatch.

Built on the message layer (an STA's calls arrive as messages to its hidden window) and the
kernel layer.
"""

from ..errors import RegistryError as RegistryError
from ._activation import THREADING_MODELS as THREADING_MODELS
from ._activation import create_instance as create_instance
from ._activation import create_interface as create_interface
from ._activation import create_object as create_object
from ._activation import host_sta as host_sta
from ._activation import placement as placement
from ._apartment import Apartment as Apartment
from ._apartment import ApartmentKind as ApartmentKind
from ._apartment import call_in as call_in
from ._apartment import current_apartment as current_apartment
from ._apartment import main_sta as main_sta
from ._api import TimedProxy as TimedProxy
from ._api import create as create
from ._api import mta as mta
from ._api import sta as sta
from ._api import threading_model as threading_model
from ._api import with_timeout as with_timeout
from ._callctl import CALLTYPE_NESTED as CALLTYPE_NESTED
from ._callctl import CALLTYPE_TOPLEVEL as CALLTYPE_TOPLEVEL
from ._callctl import CALLTYPE_TOPLEVEL_CALLPENDING as CALLTYPE_TOPLEVEL_CALLPENDING
from ._callctl import PENDINGMSG_CANCELCALL as PENDINGMSG_CANCELCALL
from ._callctl import PENDINGMSG_WAITDEFPROCESS as PENDINGMSG_WAITDEFPROCESS
from ._callctl import PENDINGMSG_WAITNOPROCESS as PENDINGMSG_WAITNOPROCESS
from ._callctl import PENDINGTYPE_NESTED as PENDINGTYPE_NESTED
from ._callctl import PENDINGTYPE_TOPLEVEL as PENDINGTYPE_TOPLEVEL
from ._callctl import SERVERCALL_ISHANDLED as SERVERCALL_ISHANDLED
from ._callctl import SERVERCALL_REJECTED as SERVERCALL_REJECTED
from ._callctl import SERVERCALL_RETRYLATER as SERVERCALL_RETRYLATER
from ._callctl import MessageFilter as MessageFilter
from ._callctl import call_cancelled as call_cancelled
from ._callctl import call_timeout as call_timeout
from ._callctl import cancel_call as cancel_call
from ._callctl import disable_call_cancellation as disable_call_cancellation
from ._callctl import enable_call_cancellation as enable_call_cancellation
from ._callctl import register_message_filter as register_message_filter
from ._class_entry import CLSCTX_ALL as CLSCTX_ALL
from ._class_entry import CLSCTX_INPROC as CLSCTX_INPROC
from ._class_entry import CLSCTX_INPROC_HANDLER as CLSCTX_INPROC_HANDLER
from ._class_entry import CLSCTX_INPROC_SERVER as CLSCTX_INPROC_SERVER
from ._class_entry import CLSCTX_INPROC_SERVER16 as CLSCTX_INPROC_SERVER16
from ._class_entry import CLSCTX_LOCAL_SERVER as CLSCTX_LOCAL_SERVER
from ._class_entry import CLSCTX_REMOTE_SERVER as CLSCTX_REMOTE_SERVER
from ._class_entry import CLSCTX_SERVER as CLSCTX_SERVER
from ._class_entry import DEFAULT_CLSCTX as DEFAULT_CLSCTX
from ._class_entry import DEFAULT_THREADING_MODEL as DEFAULT_THREADING_MODEL
from ._class_entry import ClassEntry as ClassEntry
from ._class_entry import clsid_of as clsid_of
from ._class_entry import normalize_clsid as normalize_clsid
from ._class_loading import ClassLoadError as ClassLoadError
from ._class_loading import load_class as load_class
from ._class_objects import REGCLS_MULTI_SEPARATE as REGCLS_MULTI_SEPARATE
from ._class_objects import REGCLS_MULTIPLEUSE as REGCLS_MULTIPLEUSE
from ._class_objects import REGCLS_SINGLEUSE as REGCLS_SINGLEUSE
from ._class_objects import REGCLS_SURROGATE as REGCLS_SURROGATE
from ._class_objects import REGCLS_SUSPENDED as REGCLS_SUSPENDED
from ._class_objects import register_class_object as register_class_object
from ._class_objects import resume_class_objects as resume_class_objects
from ._class_objects import revoke_class_object as revoke_class_object
from ._dispatch import IID_IDISPATCH as IID_IDISPATCH
from ._dispatch import IID_IUNKNOWN as IID_IUNKNOWN
from ._dispatch import DispatchClient as DispatchClient
from ._dispatch import InterfacePointer as InterfacePointer
from ._dispatch import unwrap as unwrap
from ._dispatch import wrap as wrap
from ._factory import ClassFactory as ClassFactory
from ._factory import class_factory as class_factory
from ._launch import local_server_command as local_server_command
from ._launch import server_start_timeout as server_start_timeout
from ._launch import set_server_start_timeout as set_server_start_timeout
from ._lifecycle import S_FALSE as S_FALSE
from ._lifecycle import S_OK as S_OK
from ._lifecycle import initialize as initialize
from ._lifecycle import uninitialize as uninitialize
from ._localserver import ServerInfo as ServerInfo
from ._localserver import running_servers as running_servers
from ._localserver import serve as serve
from ._marshal import CLSID_STD_GLOBAL_INTERFACE_TABLE as CLSID_STD_GLOBAL_INTERFACE_TABLE
from ._marshal import GlobalInterfaceTable as GlobalInterfaceTable
from ._marshal import MarshalStream as MarshalStream
from ._marshal import Token as Token
from ._marshal import global_table as global_table
from ._marshal import marshal as marshal
from ._policy import DISPATCH_METHOD as DISPATCH_METHOD
from ._policy import DISPATCH_PROPERTYGET as DISPATCH_PROPERTYGET
from ._policy import DISPATCH_PROPERTYPUT as DISPATCH_PROPERTYPUT
from ._policy import DISPATCH_PROPERTYPUTREF as DISPATCH_PROPERTYPUTREF
from ._policy import DISPID_COLLECT as DISPID_COLLECT
from ._policy import DISPID_CONSTRUCTOR as DISPID_CONSTRUCTOR
from ._policy import DISPID_DESTRUCTOR as DISPID_DESTRUCTOR
from ._policy import DISPID_EVALUATE as DISPID_EVALUATE
from ._policy import DISPID_NEWENUM as DISPID_NEWENUM
from ._policy import DISPID_PROPERTYPUT as DISPID_PROPERTYPUT
from ._policy import DISPID_UNKNOWN as DISPID_UNKNOWN
from ._policy import DISPID_VALUE as DISPID_VALUE
from ._policy import COMException as COMException
from ._policy import DispatchPolicy as DispatchPolicy
from ._proxy import Proxy as Proxy
from ._proxy import make_agile as make_agile
from ._registration import entry_from_class as entry_from_class
from ._registration import register_class as register_class
from ._registration import unregister_class as unregister_class
from ._registry import clsid_from_progid as clsid_from_progid
from ._registry import entries as entries
from ._registry import lookup as lookup
from ._registry import lookup_clsid as lookup_clsid
from ._registry import lookup_progid as lookup_progid
from ._registry import register as register
from ._registry import unregister as unregister
from ._registry_store import SCHEMA_VERSION as SCHEMA_VERSION
from ._registry_store import registry_path as registry_path
from ._remote import RemoteObject as RemoteObject
from ._serverlife import enable_quit_message as enable_quit_message
from ._serverlife import server_linger as server_linger
from ._serverlife import set_server_linger as set_server_linger

__all__ = [
    "CALLTYPE_NESTED",
    "CALLTYPE_TOPLEVEL",
    "CALLTYPE_TOPLEVEL_CALLPENDING",
    "PENDINGMSG_CANCELCALL",
    "PENDINGMSG_WAITDEFPROCESS",
    "PENDINGMSG_WAITNOPROCESS",
    "PENDINGTYPE_NESTED",
    "PENDINGTYPE_TOPLEVEL",
    "SERVERCALL_ISHANDLED",
    "SERVERCALL_REJECTED",
    "SERVERCALL_RETRYLATER",
    "MessageFilter",
    "TimedProxy",
    "call_cancelled",
    "call_timeout",
    "cancel_call",
    "disable_call_cancellation",
    "enable_call_cancellation",
    "register_message_filter",
    "with_timeout",
    "REGCLS_SINGLEUSE",
    "REGCLS_MULTIPLEUSE",
    "REGCLS_MULTI_SEPARATE",
    "REGCLS_SUSPENDED",
    "REGCLS_SURROGATE",
    "ClassFactory",
    "RemoteObject",
    "ServerInfo",
    "class_factory",
    "enable_quit_message",
    "local_server_command",
    "register_class_object",
    "resume_class_objects",
    "revoke_class_object",
    "running_servers",
    "serve",
    "server_linger",
    "server_start_timeout",
    "set_server_linger",
    "set_server_start_timeout",
    "CLSID_STD_GLOBAL_INTERFACE_TABLE",
    "CLSCTX_ALL",
    "CLSCTX_INPROC",
    "CLSCTX_INPROC_HANDLER",
    "CLSCTX_INPROC_SERVER",
    "CLSCTX_INPROC_SERVER16",
    "CLSCTX_LOCAL_SERVER",
    "CLSCTX_REMOTE_SERVER",
    "CLSCTX_SERVER",
    "DEFAULT_CLSCTX",
    "DEFAULT_THREADING_MODEL",
    "DISPATCH_METHOD",
    "DISPATCH_PROPERTYGET",
    "DISPATCH_PROPERTYPUT",
    "DISPATCH_PROPERTYPUTREF",
    "DISPID_COLLECT",
    "DISPID_CONSTRUCTOR",
    "DISPID_DESTRUCTOR",
    "DISPID_EVALUATE",
    "DISPID_NEWENUM",
    "DISPID_PROPERTYPUT",
    "DISPID_UNKNOWN",
    "DISPID_VALUE",
    "IID_IDISPATCH",
    "IID_IUNKNOWN",
    "SCHEMA_VERSION",
    "S_FALSE",
    "S_OK",
    "THREADING_MODELS",
    "Apartment",
    "ApartmentKind",
    "COMException",
    "ClassEntry",
    "ClassLoadError",
    "DispatchClient",
    "DispatchPolicy",
    "GlobalInterfaceTable",
    "InterfacePointer",
    "MarshalStream",
    "Proxy",
    "RegistryError",
    "Token",
    "call_in",
    "clsid_from_progid",
    "clsid_of",
    "create",
    "create_instance",
    "create_interface",
    "create_object",
    "current_apartment",
    "entries",
    "entry_from_class",
    "global_table",
    "host_sta",
    "initialize",
    "load_class",
    "lookup",
    "lookup_clsid",
    "lookup_progid",
    "main_sta",
    "make_agile",
    "marshal",
    "mta",
    "normalize_clsid",
    "placement",
    "register",
    "register_class",
    "registry_path",
    "sta",
    "threading_model",
    "uninitialize",
    "unregister",
    "unregister_class",
    "unwrap",
    "wrap",
]
