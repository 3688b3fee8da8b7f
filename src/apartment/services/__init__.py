"""Windows services for one user: a service host, a service control manager, an event log.

A *service* is a long-running program the manager starts, stops and asks about. Its process
hosts it (:func:`host_service`, then :func:`run_dispatcher`, pythonservice.exe's part): the
dispatcher's thread runs the service's control handler, the service's main runs on a thread
of its own. :func:`debug_service` runs one in the console instead, Ctrl+C stopping it.

The manager (:func:`open_manager`, :func:`create_service`, :func:`start_service`,
:func:`control_service`, :func:`query_status`, ...) keeps the installed services in a
per-user database (``$APARTMENT_SERVICES``) and starts each in a process of its own. What
services log goes to a per-user event log (:func:`read_events`).

The package also answers what a program asks of the user's machine, as a workgroup computer
with one user in one console session: the user's profile and environment (``profile_directory``,
``user_environment``), the shell's special folders as the user's XDG folders (``folder_path``,
``known_folder_path``), the session (``session_info``, ``session_processes``), a per-user
credential store (``write_credential``, ``read_credential``, ``enumerate_credentials``,
``marshal_credential``), protected data (``protect_data``, ``unprotect_data``), hashes and
random bytes of a CryptoAPI provider (``acquire_provider``), binary data as
text (``binary_to_string``), the local accounts (``local_users``, ``local_groups``), a print
spooler with no printer, the network as a workgroup computer sees it (``NetResource``,
``open_network_enumeration``, ``add_connection``, ``netbios``) and WinINet's Internet over the
standard library (``InternetSession``, ``open_url``, ``connect``, ``canonicalize_url``,
``set_cookie``, ``get_cookies``).

Example (a service process)::

    def main(args):
        handle = services.register_control_handler(args[0], on_control)
        services.set_service_status(handle, running)
        ...

    services.host_service("MyService", main)
    services.run_dispatcher()
"""

from __future__ import annotations

from ._constants import *  # noqa: F403 - the SDK's numbers are part of this package's API
from ._constants import __all__ as _constant_names
from ._control import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from ._control import control_service as control_service
from ._control import python_service_command as python_service_command
from ._control import service_command as service_command
from ._control import service_log_path as service_log_path
from ._control import start_service as start_service
from ._credentials import *  # noqa: F403
from ._credentials import __all__ as _credential_names
from ._credmarshal import *  # noqa: F403
from ._credmarshal import __all__ as _credmarshal_names
from ._credprompt import CredentialPrompt as CredentialPrompt
from ._credprompt import prompt_for_credentials as prompt_for_credentials
from ._credprompt import set_credential_prompter as set_credential_prompter
from ._cryptprov import *  # noqa: F403
from ._cryptprov import __all__ as _cryptprov_names
from ._cryptstrings import *  # noqa: F403
from ._cryptstrings import __all__ as _cryptstring_names
from ._database import services_path as services_path
from ._dblock import DatabaseLock as DatabaseLock
from ._dblock import LockStatus as LockStatus
from ._dblock import lock_database as lock_database
from ._dblock import lock_status as lock_status
from ._dblock import unlock_database as unlock_database
from ._eventlog import EVENTLOG_AUDIT_FAILURE as EVENTLOG_AUDIT_FAILURE
from ._eventlog import EVENTLOG_AUDIT_SUCCESS as EVENTLOG_AUDIT_SUCCESS
from ._eventlog import EVENTLOG_ERROR_TYPE as EVENTLOG_ERROR_TYPE
from ._eventlog import EVENTLOG_INFORMATION_TYPE as EVENTLOG_INFORMATION_TYPE
from ._eventlog import EVENTLOG_WARNING_TYPE as EVENTLOG_WARNING_TYPE
from ._eventlog import LOGS as LOGS
from ._eventlog import MSG_ERROR as MSG_ERROR
from ._eventlog import MSG_INFO as MSG_INFO
from ._eventlog import PYS_SERVICE_STARTED as PYS_SERVICE_STARTED
from ._eventlog import PYS_SERVICE_STARTING as PYS_SERVICE_STARTING
from ._eventlog import PYS_SERVICE_STOPPED as PYS_SERVICE_STOPPED
from ._eventlog import PYS_SERVICE_STOPPING as PYS_SERVICE_STOPPING
from ._eventlog import EventRecord as EventRecord
from ._eventlog import event_log_path as event_log_path
from ._eventlog import format_event as format_event
from ._eventlog import log_path as log_path
from ._eventlog import read_events as read_events
from ._eventlog_read import POLL_SECONDS as POLL_SECONDS
from ._eventlog_read import EventLog as EventLog
from ._evt import SEEK_BOOKMARK as SEEK_BOOKMARK
from ._evt import SEEK_CURRENT as SEEK_CURRENT
from ._evt import SEEK_FIRST as SEEK_FIRST
from ._evt import SEEK_LAST as SEEK_LAST
from ._evt import Enumeration as Enumeration
from ._evt import EventQuery as EventQuery
from ._evt import LogInfo as LogInfo
from ._evt import archive_exported_log as archive_exported_log
from ._evt import channel_enum as channel_enum
from ._evt import clear_channel as clear_channel
from ._evt import export_log as export_log
from ._evt_events import Bookmark as Bookmark
from ._evt_events import Event as Event
from ._evt_events import EvtVarType as EvtVarType
from ._evt_events import RenderContext as RenderContext
from ._evt_events import channel_name as channel_name
from ._evt_events import format_message as format_message
from ._evt_events import render_system as render_system
from ._evt_events import render_user as render_user
from ._evt_events import render_xml as render_xml
from ._evt_metadata import ChannelConfig as ChannelConfig
from ._evt_metadata import PublisherMetadata as PublisherMetadata
from ._evt_metadata import event_metadata_enum as event_metadata_enum
from ._evt_metadata import publisher_enum as publisher_enum
from ._evt_session import EventMetadata as EventMetadata
from ._evt_session import EvtSession as EvtSession
from ._evt_session import ObjectArray as ObjectArray
from ._evt_session import open_session as open_session
from ._evt_subscribe import ACTION_DELIVER as ACTION_DELIVER
from ._evt_subscribe import ACTION_ERROR as ACTION_ERROR
from ._evt_subscribe import START_AFTER_BOOKMARK as START_AFTER_BOOKMARK
from ._evt_subscribe import START_FUTURE as START_FUTURE
from ._evt_subscribe import START_OLDEST as START_OLDEST
from ._evt_subscribe import Subscription as Subscription
from ._folders import *  # noqa: F403
from ._folders import __all__ as _folder_names
from ._host import ServiceStatus as ServiceStatus
from ._host import StatusHandle as StatusHandle
from ._host import debug_service as debug_service
from ._host import host_service as host_service
from ._host import hosted_services as hosted_services
from ._host import is_debugging as is_debugging
from ._host import log_event as log_event
from ._host import register_control_handler as register_control_handler
from ._host import run_dispatcher as run_dispatcher
from ._host import running_as_service as running_as_service
from ._host import set_debugging as set_debugging
from ._host import set_event_source as set_event_source
from ._host import set_service_status as set_service_status
from ._host import start_request as start_request
from ._internet import *  # noqa: F403
from ._internet import __all__ as _internet_names
from ._lsa_logon import DirectoryBinding as DirectoryBinding
from ._lsa_logon import LsaConnection as LsaConnection
from ._lsa_logon import call_authentication_package as call_authentication_package
from ._lsa_logon import connect_untrusted as connect_untrusted
from ._lsa_logon import lookup_authentication_package as lookup_authentication_package
from ._lsa_logon import register_logon_process as register_logon_process
from ._lsa_logon import service_principal_names as service_principal_names
from ._manager import Service as Service
from ._manager import ServiceConfig as ServiceConfig
from ._manager import ServiceManager as ServiceManager
from ._manager import change_config as change_config
from ._manager import close_handle as close_handle
from ._manager import create_service as create_service
from ._manager import delete_service as delete_service
from ._manager import description as description
from ._manager import enum_services as enum_services
from ._manager import open_manager as open_manager
from ._manager import open_service as open_service
from ._manager import python_class as python_class
from ._manager import query_config as query_config
from ._manager import query_process_id as query_process_id
from ._manager import query_status as query_status
from ._manager import service_display_name as service_display_name
from ._manager import service_key_name as service_key_name
from ._manager import set_description as set_description
from ._manager import set_python_class as set_python_class
from ._netaccounts import *  # noqa: F403
from ._netaccounts import __all__ as _netaccount_names
from ._network import *  # noqa: F403
from ._network import __all__ as _network_names
from ._objsecurity import object_security as object_security
from ._objsecurity import set_object_security as set_object_security
from ._pidls import folder_id_list as folder_id_list
from ._pidls import id_list_path as id_list_path
from ._pidls import path_id_list as path_id_list
from ._printers import *  # noqa: F403
from ._printers import __all__ as _printer_names

# s20-modules: the user's profile, session, credentials, protected data, accounts, printers
from ._profiles import *  # noqa: F403
from ._profiles import __all__ as _profile_names
from ._protect import *  # noqa: F403
from ._protect import __all__ as _protect_names
from ._shell_folder import EnumIDListPointer as EnumIDListPointer
from ._shell_folder import ShellFolderPointer as ShellFolderPointer
from ._shell_folder import desktop_folder as desktop_folder
from ._sspi import *  # noqa: F403
from ._sspi import __all__ as _sspi_names
from ._terminal import *  # noqa: F403
from ._terminal import __all__ as _terminal_names

__all__ = [
    *_constant_names,
    "CredentialPrompt", "prompt_for_credentials", "set_credential_prompter",
    "EVENTLOG_AUDIT_FAILURE", "EVENTLOG_AUDIT_SUCCESS", "EVENTLOG_ERROR_TYPE",
    "EVENTLOG_INFORMATION_TYPE", "EVENTLOG_WARNING_TYPE", "MSG_ERROR", "MSG_INFO",
    "PYS_SERVICE_STARTED", "PYS_SERVICE_STARTING", "PYS_SERVICE_STOPPED", "PYS_SERVICE_STOPPING",
    "EventRecord", "event_log_path", "format_event", "read_events", "LOGS", "log_path",
    "EventLog", "services_path",
    "ServiceStatus", "StatusHandle", "debug_service", "host_service", "hosted_services",
    "is_debugging", "log_event", "register_control_handler", "run_dispatcher",
    "running_as_service", "set_debugging", "set_event_source", "set_service_status",
    "start_request",
    "DEFAULT_TIMEOUT", "Service", "ServiceConfig", "ServiceManager", "change_config",
    "object_security", "set_object_security", "EventMetadata", "EvtSession", "ObjectArray",
    "open_session", "DirectoryBinding", "LsaConnection", "call_authentication_package",
    "connect_untrusted", "lookup_authentication_package", "register_logon_process",
    "service_principal_names",
    "close_handle", "control_service", "create_service", "delete_service", "description",
    "enum_services", "open_manager", "open_service", "python_class", "python_service_command",
    "query_config", "query_process_id", "query_status", "service_command",
    "service_display_name", "service_key_name", "service_log_path", "set_description",
    "set_python_class", "start_service", "DatabaseLock", "LockStatus", "lock_database",
    "lock_status", "unlock_database",
    # the Evt* API
    "EventQuery",
    "LogInfo",
    "PublisherMetadata",
    "Enumeration",
    "SEEK_FIRST",
    "SEEK_LAST",
    "SEEK_CURRENT",
    "SEEK_BOOKMARK",
    "clear_channel",
    "export_log",
    "archive_exported_log",
    "channel_enum",
    "publisher_enum",
    "ChannelConfig",
    "event_metadata_enum",
    "EvtVarType",
    "Event",
    "Bookmark",
    "RenderContext",
    "channel_name",
    "render_xml",
    "render_system",
    "render_user",
    "format_message",
    "Subscription",
    "START_FUTURE",
    "START_OLDEST",
    "START_AFTER_BOOKMARK",
    "ACTION_ERROR",
    "ACTION_DELIVER",
    "POLL_SECONDS",
    # s20-modules
    *_profile_names,
    *_folder_names,
    "EnumIDListPointer",
    "ShellFolderPointer",
    "desktop_folder",
    "folder_id_list",
    "id_list_path",
    "path_id_list",
    *_terminal_names,
    *_credential_names,
    *_credmarshal_names,
    *_netaccount_names,
    *_sspi_names,
    *_protect_names,
    *_cryptprov_names,
    *_cryptstring_names,
    *_printer_names,
    # s21-net
    *_network_names,
    *_internet_names,
]  # fmt: skip
