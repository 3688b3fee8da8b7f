"""The COM layer: apartments, activation, proxies, marshaling, IDispatch.

Built on the message layer (an STA's calls arrive as messages to its hidden window) and the
kernel layer.
"""

from ..errors import RegistryError as RegistryError
from . import _classes_view  # noqa: F401 - HKEY_CLASSES_ROOT shows the class registry
from ._activation import THREADING_MODELS as THREADING_MODELS
from ._activation import create_instance as create_instance
from ._activation import create_interface as create_interface
from ._activation import create_interfaces as create_interfaces
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
from ._api import wait_for_handles as wait_for_handles
from ._api import with_timeout as with_timeout
from ._bindctx import BindCtx as BindCtx
from ._bindctx import create_bind_ctx as create_bind_ctx
from ._bindctx import get_object as get_object
from ._bindctx import parse_display_name as parse_display_name
from ._callctl import call_cancelled as call_cancelled
from ._callctl import call_timeout as call_timeout
from ._callctl import cancel_call as cancel_call
from ._callctl import disable_call_cancellation as disable_call_cancellation
from ._callctl import enable_call_cancellation as enable_call_cancellation
from ._callctl import register_message_filter as register_message_filter
from ._callctl import stall_warning as stall_warning
from ._cancel_object import IID_ICANCELMETHODCALLS as IID_ICANCELMETHODCALLS
from ._cancel_object import CancelPointer as CancelPointer
from ._cancel_object import cancel_object as cancel_object
from ._cancel_object import set_cancel_object as set_cancel_object
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
from ._client import DispatchClient as DispatchClient
from ._client import Enumerator as Enumerator
from ._clipboard_snapshot import ClipboardSnapshot as ClipboardSnapshot
from ._clipboard_snapshot import FormatEnumerator as FormatEnumerator
from ._collections import Collection as Collection
from ._collections import ListEnumerator as ListEnumerator
from ._collections import ListEnumeratorGateway as ListEnumeratorGateway
from ._collections import new_collection as new_collection
from ._collections import new_enum as new_enum
from ._connect import Connectable as Connectable
from ._connect import Connection as Connection
from ._connect import EventSink as EventSink
from ._connect import advise_handler as advise_handler
from ._connect import connect_events as connect_events
from ._connect import event_names as event_names
from ._connect import source_events as source_events
from ._context import APTTYPE_MAINSTA as APTTYPE_MAINSTA
from ._context import APTTYPE_MTA as APTTYPE_MTA
from ._context import APTTYPE_NA as APTTYPE_NA
from ._context import APTTYPE_STA as APTTYPE_STA
from ._context import IID_ICOMTHREADINGINFO as IID_ICOMTHREADINGINFO
from ._context import IID_ICONTEXT as IID_ICONTEXT
from ._context import IID_IENUMCONTEXTPROPS as IID_IENUMCONTEXTPROPS
from ._context import ContextPointer as ContextPointer
from ._context import ThreadingInfoPointer as ThreadingInfoPointer
from ._context import apartment_type as apartment_type
from ._context import call_context as call_context
from ._context import object_context as object_context
from ._data_object import DataObjectPointer as DataObjectPointer
from ._data_object import FormatEnumeratorPointer as FormatEnumeratorPointer
from ._described_members import described_members as described_members
from ._diagnose import StalledCallWarning as StalledCallWarning
from ._dispatch import DispatchExPointer as DispatchExPointer
from ._dispatch import DispatchPointer as DispatchPointer
from ._dispatch import unwrap as unwrap
from ._dispatch import unwrap_policy as unwrap_policy
from ._dispatch import wrap as wrap
from ._docfile import IID_IENUMSTATSTG as IID_IENUMSTATSTG
from ._docfile import IID_ISTORAGE as IID_ISTORAGE
from ._docfile import StoragePointer as StoragePointer
from ._docfile import create_docfile as create_docfile
from ._docfile import create_docfile_on_lock_bytes as create_docfile_on_lock_bytes
from ._docfile import open_docfile_on_lock_bytes as open_docfile_on_lock_bytes
from ._docfile import read_class_storage as read_class_storage
from ._docfile import write_class_storage as write_class_storage
from ._docfiles import class_of_file as class_of_file
from ._docfiles import create_storage_ex as create_storage_ex
from ._docfiles import is_storage_file as is_storage_file
from ._dragdrop import *  # noqa: F403 - register_drag_drop, do_drag_drop...
from ._dragdrop import __all__ as _dragdrop_names
from ._faces import interface_class as interface_class
from ._faces import set_iid_type as set_iid_type
from ._faces import set_interface_class as set_interface_class
from ._faces import set_medium_class as set_medium_class
from ._faces import set_time_type as set_time_type
from ._factory import ClassFactory as ClassFactory
from ._factory import class_factory as class_factory
from ._filters import CALLTYPE_NESTED as CALLTYPE_NESTED
from ._filters import CALLTYPE_TOPLEVEL as CALLTYPE_TOPLEVEL
from ._filters import CALLTYPE_TOPLEVEL_CALLPENDING as CALLTYPE_TOPLEVEL_CALLPENDING
from ._filters import PENDINGMSG_CANCELCALL as PENDINGMSG_CANCELCALL
from ._filters import PENDINGMSG_WAITDEFPROCESS as PENDINGMSG_WAITDEFPROCESS
from ._filters import PENDINGMSG_WAITNOPROCESS as PENDINGMSG_WAITNOPROCESS
from ._filters import PENDINGTYPE_NESTED as PENDINGTYPE_NESTED
from ._filters import PENDINGTYPE_TOPLEVEL as PENDINGTYPE_TOPLEVEL
from ._filters import SERVERCALL_ISHANDLED as SERVERCALL_ISHANDLED
from ._filters import SERVERCALL_REJECTED as SERVERCALL_REJECTED
from ._filters import SERVERCALL_RETRYLATER as SERVERCALL_RETRYLATER
from ._filters import MessageFilter as MessageFilter
from ._ftm import IID_IMARSHAL as IID_IMARSHAL
from ._ftm import FreeThreadedMarshaler as FreeThreadedMarshaler
from ._ftm import free_threaded_marshaler as free_threaded_marshaler
from ._iids import *  # noqa: F403 - the IIDs are part of this package's API
from ._iids import __all__ as _iid_names
from ._launch import local_server_command as local_server_command
from ._launch import server_start_timeout as server_start_timeout
from ._launch import set_server_start_timeout as set_server_start_timeout
from ._lifecycle import S_FALSE as S_FALSE
from ._lifecycle import S_OK as S_OK
from ._lifecycle import initialize as initialize
from ._lifecycle import uninitialize as uninitialize
from ._live import count_live_objects as count_live_objects
from ._live import live_counts as live_counts
from ._lnk_format import LinkData as LinkData
from ._lnk_format import LinkFormatError as LinkFormatError
from ._lnk_format import pack_link as pack_link
from ._lnk_format import unpack_link as unpack_link
from ._localserver import ServerInfo as ServerInfo
from ._localserver import running_servers as running_servers
from ._localserver import serve as serve
from ._lockbytes import IID_ILOCKBYTES as IID_ILOCKBYTES
from ._lockbytes import LockBytesPointer as LockBytesPointer
from ._lockbytes import memory_lock_bytes as memory_lock_bytes
from ._lresult import lresult_from_object as lresult_from_object
from ._lresult import object_from_lresult as object_from_lresult
from ._makepy import CoClassPlan as CoClassPlan
from ._makepy import InterfacePlan as InterfacePlan
from ._makepy import LibraryPlan as LibraryPlan
from ._makepy import MemberPlan as MemberPlan
from ._makepy import plan_library as plan_library
from ._marshal import CLSID_STD_GLOBAL_INTERFACE_TABLE as CLSID_STD_GLOBAL_INTERFACE_TABLE
from ._marshal import MSHLFLAGS_NORMAL as MSHLFLAGS_NORMAL
from ._marshal import MSHLFLAGS_TABLESTRONG as MSHLFLAGS_TABLESTRONG
from ._marshal import MSHLFLAGS_TABLEWEAK as MSHLFLAGS_TABLEWEAK
from ._marshal import GlobalInterfaceTable as GlobalInterfaceTable
from ._marshal import MarshalStream as MarshalStream
from ._marshal import Token as Token
from ._marshal import global_table as global_table
from ._marshal import marshal as marshal
from ._marshal import marshal_interface as marshal_interface
from ._marshal import release_marshal_data as release_marshal_data
from ._marshal import unmarshal_interface as unmarshal_interface
from ._marshalers import register_interface as register_interface
from ._marshalers import registered_interfaces as registered_interfaces
from ._marshalers import unregister_interface as unregister_interface
from ._medium import *  # noqa: F403 - TYMED_*, DVASPECT_*, DATADIR_*, StorageMedium
from ._medium import __all__ as _medium_names
from ._moniker_pointers import BindCtxPointer as BindCtxPointer
from ._moniker_pointers import EnumMonikerPointer as EnumMonikerPointer
from ._moniker_pointers import MonikerPointer as MonikerPointer
from ._moniker_pointers import OleItemContainerPointer as OleItemContainerPointer
from ._moniker_pointers import ParseDisplayNamePointer as ParseDisplayNamePointer
from ._moniker_pointers import RunningObjectTablePointer as RunningObjectTablePointer
from ._monikers import BINDSPEED_INDEFINITE as BINDSPEED_INDEFINITE
from ._monikers import MKSYS_ANTIMONIKER as MKSYS_ANTIMONIKER
from ._monikers import MKSYS_CLASSMONIKER as MKSYS_CLASSMONIKER
from ._monikers import MKSYS_FILEMONIKER as MKSYS_FILEMONIKER
from ._monikers import MKSYS_GENERICCOMPOSITE as MKSYS_GENERICCOMPOSITE
from ._monikers import MKSYS_ITEMMONIKER as MKSYS_ITEMMONIKER
from ._monikers import MKSYS_NONE as MKSYS_NONE
from ._monikers import MKSYS_POINTERMONIKER as MKSYS_POINTERMONIKER
from ._monikers import class_moniker as class_moniker
from ._monikers import composite_moniker as composite_moniker
from ._monikers import file_moniker as file_moniker
from ._monikers import item_moniker as item_moniker
from ._monikers import pointer_moniker as pointer_moniker
from ._ole_clipboard import *  # noqa: F403 - ole_initialize, ole_set_clipboard...
from ._ole_clipboard import __all__ as _ole_clipboard_names
from ._persist import load_from_storage as load_from_storage
from ._persist import load_from_stream as load_from_stream
from ._persist import read_class as read_class
from ._persist import save_to_stream as save_to_stream
from ._persist import write_class as write_class
from ._pointer import InterfacePointer as InterfacePointer
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
from ._policy import DISPID_STARTENUM as DISPID_STARTENUM
from ._policy import DISPID_UNKNOWN as DISPID_UNKNOWN
from ._policy import DISPID_VALUE as DISPID_VALUE
from ._policy import DispatchPolicy as DispatchPolicy
from ._policy import DynamicPolicy as DynamicPolicy
from ._policy import Policy as Policy
from ._propsets import fmtid_to_name as fmtid_to_name
from ._propsets import name_to_fmtid as name_to_fmtid
from ._propstorage import IID_IENUMSTATPROPSETSTG as IID_IENUMSTATPROPSETSTG
from ._propstorage import IID_IENUMSTATPROPSTG as IID_IENUMSTATPROPSTG
from ._propstorage import IID_IPROPERTYSETSTORAGE as IID_IPROPERTYSETSTORAGE
from ._propstorage import IID_IPROPERTYSTORAGE as IID_IPROPERTYSTORAGE
from ._propstorage import PropertySetStoragePointer as PropertySetStoragePointer
from ._propstorage import PropertyStoragePointer as PropertyStoragePointer
from ._propstorage import StatEnumeratorPointer as StatEnumeratorPointer
from ._propstorage import open_property_sets as open_property_sets
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
from ._registry import progid_from_clsid as progid_from_clsid
from ._registry import register as register
from ._registry import unregister as unregister
from ._registry_store import SCHEMA_VERSION as SCHEMA_VERSION
from ._registry_store import registry_path as registry_path
from ._remote import RemoteObject as RemoteObject
from ._rot import ACTIVEOBJECT_STRONG as ACTIVEOBJECT_STRONG
from ._rot import ACTIVEOBJECT_WEAK as ACTIVEOBJECT_WEAK
from ._rot import ROTFLAGS_ALLOWANYCLIENT as ROTFLAGS_ALLOWANYCLIENT
from ._rot import ROTFLAGS_REGISTRATIONKEEPSALIVE as ROTFLAGS_REGISTRATIONKEEPSALIVE
from ._rot import Registration as Registration
from ._rot import RunningObjectTable as RunningObjectTable
from ._rot import active_object as active_object
from ._rot import active_object_moniker as active_object_moniker
from ._rot import register_active_object as register_active_object
from ._rot import revoke_active_object as revoke_active_object
from ._rot import running_object_table as running_object_table
from ._rot_shared import SessionTable as SessionTable
from ._sentinels import ARG_NOT_FOUND as ARG_NOT_FOUND
from ._sentinels import EMPTY as EMPTY
from ._sentinels import MISSING as MISSING
from ._sentinels import NOTHING as NOTHING
from ._sentinels import ArgumentSentinel as ArgumentSentinel
from ._server_errors import COMException as COMException
from ._server_errors import ServerReports as ServerReports
from ._server_errors import set_reports as set_server_reports
from ._serverlife import enable_quit_message as enable_quit_message
from ._serverlife import server_linger as server_linger
from ._serverlife import set_server_linger as set_server_linger
from ._servers import Dictionary as Dictionary
from ._servers import Interpreter as Interpreter
from ._shell_formats import FD_ACCESSTIME as FD_ACCESSTIME
from ._shell_formats import FD_ATTRIBUTES as FD_ATTRIBUTES
from ._shell_formats import FD_CLSID as FD_CLSID
from ._shell_formats import FD_CREATETIME as FD_CREATETIME
from ._shell_formats import FD_FILESIZE as FD_FILESIZE
from ._shell_formats import FD_SIZEPOINT as FD_SIZEPOINT
from ._shell_formats import FD_WRITESTIME as FD_WRITESTIME
from ._shell_formats import FileDescriptor as FileDescriptor
from ._shell_formats import pack_cida as pack_cida
from ._shell_formats import pack_file_group as pack_file_group
from ._shell_formats import pack_id_list as pack_id_list
from ._shell_formats import unpack_cida as unpack_cida
from ._shell_formats import unpack_file_group as unpack_file_group
from ._shell_formats import unpack_id_list as unpack_id_list
from ._shell_link import LinkTarget as LinkTarget
from ._shell_link import PersistFilePointer as PersistFilePointer
from ._shell_link import ShellLinkPointer as ShellLinkPointer
from ._storage import open_storage as open_storage
from ._storage import open_storage_ex as open_storage_ex
from ._stream import STREAM_SEEK_CUR as STREAM_SEEK_CUR
from ._stream import STREAM_SEEK_END as STREAM_SEEK_END
from ._stream import STREAM_SEEK_SET as STREAM_SEEK_SET
from ._stream import MemoryStream as MemoryStream
from ._stream import memory_stream as memory_stream
from ._treat_as import get_treat_as_class as get_treat_as_class
from ._treat_as import treat_as_class as treat_as_class
from ._typed import ConnectionPointContainerPointer as ConnectionPointContainerPointer
from ._typed import ConnectionPointPointer as ConnectionPointPointer
from ._typed import EnumVariantPointer as EnumVariantPointer
from ._typed import ErrorLogPointer as ErrorLogPointer
from ._typed import ExternalConnectionPointer as ExternalConnectionPointer
from ._typed import PersistPointer as PersistPointer
from ._typed import PersistPropertyBagPointer as PersistPropertyBagPointer
from ._typed import PersistStoragePointer as PersistStoragePointer
from ._typed import PersistStreamPointer as PersistStreamPointer
from ._typed import PropertyBagPointer as PropertyBagPointer
from ._typed import StreamPointer as StreamPointer
from ._typed_values import Variant as Variant
from ._typeinfo import FuncDesc as FuncDesc
from ._typeinfo import LibAttr as LibAttr
from ._typeinfo import TypeAttr as TypeAttr
from ._typeinfo import TypeInfo as TypeInfo
from ._typeinfo import TypeLibrary as TypeLibrary
from ._typeinfo import VarDesc as VarDesc
from ._typelibs import IID_ITYPEINFO as IID_ITYPEINFO
from ._typelibs import IID_ITYPELIB as IID_ITYPELIB
from ._typelibs import RegisteredTypeLibrary as RegisteredTypeLibrary
from ._typelibs import described_type as described_type
from ._typelibs import find_type_library as find_type_library
from ._typelibs import load_type_library as load_type_library
from ._typelibs import record_from_type_info as record_from_type_info
from ._typelibs import registered_type_libraries as registered_type_libraries
from ._typelibs import type_library_path as type_library_path
from ._typelibs import unregister_type_library as unregister_type_library
from ._url_moniker import MKSYS_URLMONIKER as MKSYS_URLMONIKER
from ._url_moniker import url_moniker as url_moniker
from ._variant import VariantTypeError as VariantTypeError
from ._variant import com_date as com_date
from ._variant import to_variant as to_variant

__all__ = [
    *_iid_names,
    *_medium_names,
    *_ole_clipboard_names,
    "ClipboardSnapshot",
    "set_medium_class",
    "FormatEnumerator",
    "DataObjectPointer",
    "FormatEnumeratorPointer",
    "ARG_NOT_FOUND",
    "EMPTY",
    "MISSING",
    "ArgumentSentinel",
    "ACTIVEOBJECT_STRONG",
    "ACTIVEOBJECT_WEAK",
    "Apartment",
    "ApartmentKind",
    "CALLTYPE_NESTED",
    "CALLTYPE_TOPLEVEL",
    "CALLTYPE_TOPLEVEL_CALLPENDING",
    "CLSCTX_ALL",
    "CLSCTX_INPROC",
    "CLSCTX_INPROC_HANDLER",
    "CLSCTX_INPROC_SERVER",
    "CLSCTX_INPROC_SERVER16",
    "CLSCTX_LOCAL_SERVER",
    "CLSCTX_REMOTE_SERVER",
    "CLSCTX_SERVER",
    "CLSID_STD_GLOBAL_INTERFACE_TABLE",
    "COMException",
    "ClassEntry",
    "ClassFactory",
    "ClassLoadError",
    "Collection",
    "Connectable",
    "Connection",
    "ConnectionPointContainerPointer",
    "ConnectionPointPointer",
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
    "DISPID_STARTENUM",
    "DISPID_UNKNOWN",
    "DISPID_VALUE",
    "Dictionary",
    "DispatchClient",
    "DispatchExPointer",
    "DispatchPointer",
    "DispatchPolicy",
    "DynamicPolicy",
    "EnumVariantPointer",
    "Enumerator",
    "ErrorLogPointer",
    "ExternalConnectionPointer",
    "EventSink",
    "GlobalInterfaceTable",
    "InterfacePointer",
    "Interpreter",
    "ListEnumerator",
    "ListEnumeratorGateway",
    "MSHLFLAGS_NORMAL",
    "MSHLFLAGS_TABLESTRONG",
    "MSHLFLAGS_TABLEWEAK",
    "MarshalStream",
    "MemoryStream",
    "MessageFilter",
    "PENDINGMSG_CANCELCALL",
    "PENDINGMSG_WAITDEFPROCESS",
    "PENDINGMSG_WAITNOPROCESS",
    "PENDINGTYPE_NESTED",
    "PENDINGTYPE_TOPLEVEL",
    "LinkData",
    "LinkFormatError",
    "LinkTarget",
    "PersistFilePointer",
    "PersistPointer",
    "PersistPropertyBagPointer",
    "PersistStoragePointer",
    "PersistStreamPointer",
    "Policy",
    "ShellLinkPointer",
    "PropertyBagPointer",
    "Proxy",
    "REGCLS_MULTIPLEUSE",
    "REGCLS_MULTI_SEPARATE",
    "REGCLS_SINGLEUSE",
    "REGCLS_SURROGATE",
    "REGCLS_SUSPENDED",
    "Registration",
    "RegistryError",
    "RemoteObject",
    "SCHEMA_VERSION",
    "SERVERCALL_ISHANDLED",
    "SERVERCALL_REJECTED",
    "SERVERCALL_RETRYLATER",
    "STREAM_SEEK_CUR",
    "STREAM_SEEK_END",
    "STREAM_SEEK_SET",
    "S_FALSE",
    "S_OK",
    "ServerInfo",
    "ServerReports",
    "StalledCallWarning",
    "StreamPointer",
    "THREADING_MODELS",
    "TimedProxy",
    "Token",
    "VariantTypeError",
    "active_object",
    "advise_handler",
    "call_cancelled",
    "call_in",
    "call_timeout",
    "cancel_call",
    "class_factory",
    "clsid_from_progid",
    "clsid_of",
    "com_date",
    "connect_events",
    "create",
    "create_instance",
    "create_interface",
    "create_interfaces",
    "create_object",
    "current_apartment",
    "disable_call_cancellation",
    "enable_call_cancellation",
    "enable_quit_message",
    "entries",
    "entry_from_class",
    "event_names",
    "get_treat_as_class",
    "global_table",
    "host_sta",
    "open_storage",
    "initialize",
    "interface_class",
    "load_class",
    "local_server_command",
    "lookup",
    "lookup_clsid",
    "lookup_progid",
    "main_sta",
    "make_agile",
    "marshal",
    "marshal_interface",
    "memory_stream",
    "mta",
    "new_collection",
    "new_enum",
    "normalize_clsid",
    "placement",
    "register",
    "register_active_object",
    "register_class",
    "register_class_object",
    "register_message_filter",
    "registry_path",
    "release_marshal_data",
    "resume_class_objects",
    "revoke_active_object",
    "revoke_class_object",
    "running_servers",
    "serve",
    "server_linger",
    "server_start_timeout",
    "set_iid_type",
    "set_interface_class",
    "set_server_linger",
    "set_server_reports",
    "set_server_start_timeout",
    "set_time_type",
    "source_events",
    "sta",
    "stall_warning",
    "threading_model",
    "to_variant",
    "treat_as_class",
    "uninitialize",
    "unmarshal_interface",
    "unregister",
    "unregister_class",
    "unwrap",
    "unwrap_policy",
    "wait_for_handles",
    "with_timeout",
    "wrap",
    "BindCtx",
    "create_bind_ctx",
    "parse_display_name",
    "SessionTable",
    "BindCtxPointer",
    "EnumMonikerPointer",
    "MonikerPointer",
    "OleItemContainerPointer",
    "ParseDisplayNamePointer",
    "RunningObjectTablePointer",
    "BINDSPEED_INDEFINITE",
    "MKSYS_ANTIMONIKER",
    "MKSYS_CLASSMONIKER",
    "MKSYS_FILEMONIKER",
    "MKSYS_GENERICCOMPOSITE",
    "MKSYS_ITEMMONIKER",
    "MKSYS_NONE",
    "MKSYS_POINTERMONIKER",
    "class_moniker",
    "composite_moniker",
    "file_moniker",
    "item_moniker",
    "pointer_moniker",
    "ROTFLAGS_ALLOWANYCLIENT",
    "ROTFLAGS_REGISTRATIONKEEPSALIVE",
    "RunningObjectTable",
    "active_object_moniker",
    "running_object_table",
    "NOTHING",
    "progid_from_clsid",
    "fmtid_to_name",
    "name_to_fmtid",
    "IID_IENUMSTATPROPSETSTG",
    "IID_IENUMSTATPROPSTG",
    "IID_IPROPERTYSETSTORAGE",
    "IID_IPROPERTYSTORAGE",
    "PropertySetStoragePointer",
    "PropertyStoragePointer",
    "StatEnumeratorPointer",
    "open_property_sets",
    "open_storage_ex",
    "IID_IMARSHAL",
    "FreeThreadedMarshaler",
    "free_threaded_marshaler",
    "load_from_stream",
    "read_class",
    "save_to_stream",
    "write_class",
    "IID_ICANCELMETHODCALLS",
    "CancelPointer",
    "cancel_object",
    "APTTYPE_MAINSTA",
    "APTTYPE_MTA",
    "APTTYPE_NA",
    "APTTYPE_STA",
    "IID_ICOMTHREADINGINFO",
    "IID_ICONTEXT",
    "IID_IENUMCONTEXTPROPS",
    "ContextPointer",
    "ThreadingInfoPointer",
    "apartment_type",
    "object_context",
    "get_object",
    "class_of_file",
    "create_storage_ex",
    "is_storage_file",
    "find_type_library",
    "IID_ILOCKBYTES",
    "LockBytesPointer",
    "memory_lock_bytes",
    "Variant",
    "load_type_library",
    "call_context",
    "register_interface",
    "registered_interfaces",
    "unregister_interface",
    "IID_IENUMSTATSTG",
    "IID_ISTORAGE",
    "StoragePointer",
    "create_docfile",
    "read_class_storage",
    "write_class_storage",
    "create_docfile_on_lock_bytes",
    "open_docfile_on_lock_bytes",
    # s21-comtests: the shell's data-transfer formats
    "FD_ACCESSTIME",
    "FD_ATTRIBUTES",
    "FD_CLSID",
    "FD_CREATETIME",
    "FD_FILESIZE",
    "FD_SIZEPOINT",
    "FD_WRITESTIME",
    "FileDescriptor",
    "pack_cida",
    "pack_file_group",
    "pack_id_list",
    "unpack_cida",
    "unpack_file_group",
    "unpack_id_list",
    "pack_link",
    "unpack_link",
    # s25-comnames: type information, drag and drop, objects handed through a message
    "IID_ITYPEINFO",
    "record_from_type_info",
    "unregister_type_library",
    # s27-typeinfo: type information of the system classes' type libraries
    "IID_ITYPELIB",
    "FuncDesc",
    "LibAttr",
    "TypeAttr",
    "TypeInfo",
    "TypeLibrary",
    "VarDesc",
    "described_type",
    "described_members",
    "type_library_path",
    "CoClassPlan",
    "InterfacePlan",
    "LibraryPlan",
    "MemberPlan",
    "plan_library",
    # s28-makepy: the registered libraries' keys (selecttlb, makepy)
    "RegisteredTypeLibrary",
    "registered_type_libraries",
    "lresult_from_object",
    "object_from_lresult",
    "load_from_storage",
    "set_cancel_object",
    *_dragdrop_names,
    "count_live_objects",
    "live_counts",
    "MKSYS_URLMONIKER",
    "url_moniker",
]
