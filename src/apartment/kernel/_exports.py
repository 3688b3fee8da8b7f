"""What :mod:`apartment.kernel` re-exports, one ``from ._module import Name as Name`` a line.

The package's ``__init__`` reads this file's text and imports each module when one of its
names is first used (:mod:`apartment._lazy`); type checkers read it through a star import.
Keep to that one-line form (and ``__all__`` to one quoted name a line): other forms are not
seen by the ``__init__``. Importing this module imports every one of them.
"""

from ._accounts import Account as Account
from ._accounts import AccountKind as AccountKind
from ._accounts import bind_directory as bind_directory
from ._accounts import current_user_sid as current_user_sid
from ._accounts import group_sid as group_sid
from ._accounts import lookup_account as lookup_account
from ._accounts import lookup_sid as lookup_sid
from ._accounts import machine_sid as machine_sid
from ._accounts import user_sid as user_sid
from ._affinity import TRIM_WORKING_SET as TRIM_WORKING_SET
from ._affinity import process_affinity as process_affinity
from ._affinity import set_process_affinity as set_process_affinity
from ._affinity import set_thread_affinity as set_thread_affinity
from ._affinity import set_working_set_limits as set_working_set_limits
from ._affinity import system_affinity as system_affinity
from ._affinity import working_set_limits as working_set_limits
from ._backup import BACKUP_ALTERNATE_DATA as BACKUP_ALTERNATE_DATA
from ._backup import BACKUP_DATA as BACKUP_DATA
from ._backup import BACKUP_EA_DATA as BACKUP_EA_DATA
from ._backup import BACKUP_SECURITY_DATA as BACKUP_SECURITY_DATA
from ._backup import STREAM_CONTAINS_SECURITY as STREAM_CONTAINS_SECURITY
from ._backup import backup_read as backup_read
from ._backup import backup_seek as backup_seek
from ._backup import backup_write as backup_write
from ._backup import descriptor_bytes as descriptor_bytes
from ._backup import descriptor_from_bytes as descriptor_from_bytes
from ._binarytype import SCS_32BIT_BINARY as SCS_32BIT_BINARY
from ._binarytype import SCS_64BIT_BINARY as SCS_64BIT_BINARY
from ._binarytype import SCS_DOS_BINARY as SCS_DOS_BINARY
from ._binarytype import binary_type as binary_type
from ._cmdline import join_command_line as join_command_line
from ._cmdline import split_command_line as split_command_line
from ._comm import CommPort as CommPort
from ._comm import CommStatus as CommStatus
from ._commopen import comm_port_name as comm_port_name
from ._commopen import open_comm_port as open_comm_port
from ._commstate import CommState as CommState
from ._conalias import add_console_alias as add_console_alias
from ._conalias import console_alias_exes as console_alias_exes
from ._conalias import console_aliases as console_aliases
from ._coninput import FOCUS_EVENT as FOCUS_EVENT
from ._coninput import KEY_EVENT as KEY_EVENT
from ._coninput import MENU_EVENT as MENU_EVENT
from ._coninput import MOUSE_EVENT as MOUSE_EVENT
from ._coninput import WINDOW_BUFFER_SIZE_EVENT as WINDOW_BUFFER_SIZE_EVENT
from ._coninput import InputBuffer as InputBuffer
from ._coninput import InputRecord as InputRecord
from ._console import CTRL_BREAK_EVENT as CTRL_BREAK_EVENT
from ._console import CTRL_C_EVENT as CTRL_C_EVENT
from ._console import CTRL_CLOSE_EVENT as CTRL_CLOSE_EVENT
from ._console import add_ctrl_handler as add_ctrl_handler
from ._console import ignore_ctrl_c as ignore_ctrl_c
from ._console import raise_ctrl_event as raise_ctrl_event
from ._console import remove_ctrl_handler as remove_ctrl_handler
from ._consoles import ATTACH_PARENT_PROCESS as ATTACH_PARENT_PROCESS
from ._consoles import Console as Console
from ._consoles import Selection as Selection
from ._consoles import alloc_console as alloc_console
from ._consoles import attach_console as attach_console
from ._consoles import console_attached as console_attached
from ._consoles import console_code_page as console_code_page
from ._consoles import console_font_count as console_font_count
from ._consoles import console_input as console_input
from ._consoles import console_processes as console_processes
from ._consoles import console_screen as console_screen
from ._consoles import console_selection as console_selection
from ._consoles import console_title as console_title
from ._consoles import create_screen_buffer as create_screen_buffer
from ._consoles import current_console as current_console
from ._consoles import free_console as free_console
from ._consoles import read_console as read_console
from ._consoles import send_console_ctrl_event as send_console_ctrl_event
from ._consoles import set_active_screen_buffer as set_active_screen_buffer
from ._consoles import set_console_code_page as set_console_code_page
from ._consoles import set_console_title as set_console_title
from ._core import ALERTED as ALERTED
from ._core import MAXIMUM_WAIT_OBJECTS as MAXIMUM_WAIT_OBJECTS
from ._core import Waitable as Waitable
from ._core import WaitResult as WaitResult
from ._cpusets import CpuSet as CpuSet
from ._cpusets import cpu_sets as cpu_sets
from ._datefmt import format_date as format_date
from ._datefmt import format_time as format_time
from ._dirchanges import FILE_ACTION_ADDED as FILE_ACTION_ADDED
from ._dirchanges import FILE_ACTION_MODIFIED as FILE_ACTION_MODIFIED
from ._dirchanges import FILE_ACTION_REMOVED as FILE_ACTION_REMOVED
from ._dirchanges import FILE_ACTION_RENAMED_NEW_NAME as FILE_ACTION_RENAMED_NEW_NAME
from ._dirchanges import FILE_ACTION_RENAMED_OLD_NAME as FILE_ACTION_RENAMED_OLD_NAME
from ._dirchanges import decode_changes as decode_changes
from ._dirchanges import encode_changes as encode_changes
from ._dirwatch import ChangeNotification as ChangeNotification
from ._dirwatch import watch_folder as watch_folder
from ._diskfile import DiskFile as DiskFile
from ._event import Event as Event
from ._event import EventStatistics as EventStatistics
from ._file import File as File
from ._file import read_buffer as read_buffer
from ._fileinfo import FileInfo as FileInfo
from ._fileinfo import file_attributes as file_attributes
from ._fileinfo import file_info as file_info
from ._fileinfo import set_file_attributes as set_file_attributes
from ._filemodes import CREATE_ALWAYS as CREATE_ALWAYS
from ._filemodes import CREATE_NEW as CREATE_NEW
from ._filemodes import DELETE as DELETE
from ._filemodes import FILE_ALL_ACCESS as FILE_ALL_ACCESS
from ._filemodes import FILE_APPEND_DATA as FILE_APPEND_DATA
from ._filemodes import FILE_ATTRIBUTE_ARCHIVE as FILE_ATTRIBUTE_ARCHIVE
from ._filemodes import FILE_ATTRIBUTE_DIRECTORY as FILE_ATTRIBUTE_DIRECTORY
from ._filemodes import FILE_ATTRIBUTE_HIDDEN as FILE_ATTRIBUTE_HIDDEN
from ._filemodes import FILE_ATTRIBUTE_NORMAL as FILE_ATTRIBUTE_NORMAL
from ._filemodes import FILE_ATTRIBUTE_READONLY as FILE_ATTRIBUTE_READONLY
from ._filemodes import FILE_ATTRIBUTE_SYSTEM as FILE_ATTRIBUTE_SYSTEM
from ._filemodes import FILE_ATTRIBUTE_TEMPORARY as FILE_ATTRIBUTE_TEMPORARY
from ._filemodes import FILE_BEGIN as FILE_BEGIN
from ._filemodes import FILE_CURRENT as FILE_CURRENT
from ._filemodes import FILE_END as FILE_END
from ._filemodes import FILE_EXECUTE as FILE_EXECUTE
from ._filemodes import FILE_FLAG_BACKUP_SEMANTICS as FILE_FLAG_BACKUP_SEMANTICS
from ._filemodes import FILE_FLAG_DELETE_ON_CLOSE as FILE_FLAG_DELETE_ON_CLOSE
from ._filemodes import FILE_FLAG_FIRST_PIPE_INSTANCE as FILE_FLAG_FIRST_PIPE_INSTANCE
from ._filemodes import FILE_FLAG_NO_BUFFERING as FILE_FLAG_NO_BUFFERING
from ._filemodes import FILE_FLAG_OPEN_REPARSE_POINT as FILE_FLAG_OPEN_REPARSE_POINT
from ._filemodes import FILE_FLAG_OVERLAPPED as FILE_FLAG_OVERLAPPED
from ._filemodes import FILE_FLAG_POSIX_SEMANTICS as FILE_FLAG_POSIX_SEMANTICS
from ._filemodes import FILE_FLAG_RANDOM_ACCESS as FILE_FLAG_RANDOM_ACCESS
from ._filemodes import FILE_FLAG_SEQUENTIAL_SCAN as FILE_FLAG_SEQUENTIAL_SCAN
from ._filemodes import FILE_FLAG_WRITE_THROUGH as FILE_FLAG_WRITE_THROUGH
from ._filemodes import FILE_GENERIC_EXECUTE as FILE_GENERIC_EXECUTE
from ._filemodes import FILE_GENERIC_READ as FILE_GENERIC_READ
from ._filemodes import FILE_GENERIC_WRITE as FILE_GENERIC_WRITE
from ._filemodes import FILE_READ_ATTRIBUTES as FILE_READ_ATTRIBUTES
from ._filemodes import FILE_READ_DATA as FILE_READ_DATA
from ._filemodes import FILE_READ_EA as FILE_READ_EA
from ._filemodes import FILE_SHARE_DELETE as FILE_SHARE_DELETE
from ._filemodes import FILE_SHARE_READ as FILE_SHARE_READ
from ._filemodes import FILE_SHARE_WRITE as FILE_SHARE_WRITE
from ._filemodes import FILE_WRITE_ATTRIBUTES as FILE_WRITE_ATTRIBUTES
from ._filemodes import FILE_WRITE_DATA as FILE_WRITE_DATA
from ._filemodes import FILE_WRITE_EA as FILE_WRITE_EA
from ._filemodes import GENERIC_ALL as GENERIC_ALL
from ._filemodes import GENERIC_EXECUTE as GENERIC_EXECUTE
from ._filemodes import GENERIC_READ as GENERIC_READ
from ._filemodes import GENERIC_WRITE as GENERIC_WRITE
from ._filemodes import LOCKFILE_EXCLUSIVE_LOCK as LOCKFILE_EXCLUSIVE_LOCK
from ._filemodes import LOCKFILE_FAIL_IMMEDIATELY as LOCKFILE_FAIL_IMMEDIATELY
from ._filemodes import OPEN_ALWAYS as OPEN_ALWAYS
from ._filemodes import OPEN_EXISTING as OPEN_EXISTING
from ._filemodes import READ_CONTROL as READ_CONTROL
from ._filemodes import TRUNCATE_EXISTING as TRUNCATE_EXISTING
from ._filesecurity import file_security as file_security
from ._filesecurity import named_security as named_security
from ._filesecurity import security_of as security_of
from ._filesecurity import set_file_security as set_file_security
from ._filesecurity import set_named_security as set_named_security
from ._filesecurity import set_security_of as set_security_of
from ._findfiles import FoundFile as FoundFile
from ._findfiles import find_files as find_files
from ._handles import CURRENT_PROCESS as CURRENT_PROCESS
from ._handles import CURRENT_THREAD as CURRENT_THREAD
from ._handles import HandleTable as HandleTable
from ._handles import handles as handles
from ._hoststream import HostPipe as HostPipe
from ._hoststream import HostStream as HostStream
from ._impersonation import DISABLE_MAX_PRIVILEGE as DISABLE_MAX_PRIVILEGE
from ._impersonation import SANDBOX_INERT as SANDBOX_INERT
from ._impersonation import SE_GROUP_USE_FOR_DENY_ONLY as SE_GROUP_USE_FOR_DENY_ONLY
from ._impersonation import adjust_groups as adjust_groups
from ._impersonation import allocate_luid as allocate_luid
from ._impersonation import impersonate_anonymous as impersonate_anonymous
from ._impersonation import impersonate_pipe_client as impersonate_pipe_client
from ._impersonation import impersonate_token as impersonate_token
from ._impersonation import logon_user as logon_user
from ._impersonation import restricted_token as restricted_token
from ._impersonation import set_token_owner as set_token_owner
from ._impersonation import set_token_primary_group as set_token_primary_group
from ._impersonation import set_token_session as set_token_session
from ._impersonation import thread_user_name as thread_user_name
from ._iocp import Completion as Completion
from ._iocp import CompletionPort as CompletionPort
from ._iocp import CompletionPortStatistics as CompletionPortStatistics
from ._job import BASIC_LIMIT_VALID_FLAGS as BASIC_LIMIT_VALID_FLAGS
from ._job import EXTENDED_LIMIT_VALID_FLAGS as EXTENDED_LIMIT_VALID_FLAGS
from ._job import JOB_OBJECT_LIMIT_ACTIVE_PROCESS as JOB_OBJECT_LIMIT_ACTIVE_PROCESS
from ._job import JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE as JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
from ._job import JobAccounting as JobAccounting
from ._job import JobLimits as JobLimits
from ._job import JobObject as JobObject
from ._job import JobStatistics as JobStatistics
from ._job import create_job as create_job
from ._job import open_job as open_job
from ._job import process_jobs as process_jobs
from ._libraries import free_library as free_library
from ._libraries import library_path as library_path
from ._libraries import load_library as load_library
from ._libraries import proc_address as proc_address
from ._libraries import python_module as python_module
from ._lsa import POLICY_ALL_ACCESS as POLICY_ALL_ACCESS
from ._lsa import LogonSession as LogonSession
from ._lsa import LsaPolicy as LsaPolicy
from ._lsa import account_rights as account_rights
from ._lsa import accounts_with_right as accounts_with_right
from ._lsa import add_account_rights as add_account_rights
from ._lsa import audit_policy as audit_policy
from ._lsa import logon_session as logon_session
from ._lsa import logon_sessions as logon_sessions
from ._lsa import lsa_store_path as lsa_store_path
from ._lsa import machine_domain as machine_domain
from ._lsa import open_policy as open_policy
from ._lsa import remove_account_rights as remove_account_rights
from ._lsa import retrieve_secret as retrieve_secret
from ._lsa import set_audit_policy as set_audit_policy
from ._lsa import store_secret as store_secret
from ._lsa import unwatch_policy as unwatch_policy
from ._lsa import watch_policy as watch_policy
from ._machine import LOCALE_ID as LOCALE_ID
from ._machine import MemoryStatus as MemoryStatus
from ._machine import SystemInfo as SystemInfo
from ._machine import SystemTime as SystemTime
from ._machine import WindowsVersion as WindowsVersion
from ._machine import environment_variable as environment_variable
from ._machine import expand_environment as expand_environment
from ._machine import local_time as local_time
from ._machine import memory_status as memory_status
from ._machine import set_environment_variable as set_environment_variable
from ._machine import set_error_mode as set_error_mode
from ._machine import system_directory as system_directory
from ._machine import system_info as system_info
from ._machine import system_metric as system_metric
from ._machine import system_time as system_time
from ._machine import windows_directory as windows_directory
from ._machine import windows_version as windows_version
from ._mailslot import MAILSLOT_NO_MESSAGE as MAILSLOT_NO_MESSAGE
from ._mailslot import MAILSLOT_WAIT_FOREVER as MAILSLOT_WAIT_FOREVER
from ._mailslot import Mailslot as Mailslot
from ._mailslot import MailslotClient as MailslotClient
from ._mailslot import create_mailslot as create_mailslot
from ._mutex import Mutex as Mutex
from ._mutex import MutexStatistics as MutexStatistics
from ._namespace import create_named as create_named
from ._namespace import open_named as open_named
from ._objsecurity import ACCESS_SYSTEM_SECURITY as ACCESS_SYSTEM_SECURITY
from ._objsecurity import EVENT_MAPPING as EVENT_MAPPING
from ._objsecurity import FILE_MAPPING as FILE_MAPPING
from ._objsecurity import KEY_MAPPING as KEY_MAPPING
from ._objsecurity import MUTEX_MAPPING as MUTEX_MAPPING
from ._objsecurity import PROCESS_MAPPING as PROCESS_MAPPING
from ._objsecurity import SEMAPHORE_MAPPING as SEMAPHORE_MAPPING
from ._objsecurity import THREAD_MAPPING as THREAD_MAPPING

# object security (s19-security)
from ._objsecurity import Ace as Ace
from ._objsecurity import Descriptor as Descriptor
from ._objsecurity import ExplicitEntry as ExplicitEntry
from ._objsecurity import GenericMapping as GenericMapping
from ._objsecurity import check_parts_access as check_parts_access
from ._objsecurity import default_descriptor as default_descriptor
from ._objsecurity import explicit_entries as explicit_entries
from ._objsecurity import give_descriptor as give_descriptor
from ._objsecurity import map_generic_mask as map_generic_mask
from ._objsecurity import merge_parts as merge_parts
from ._objsecurity import object_security as object_security
from ._objsecurity import select_parts as select_parts
from ._objsecurity import set_entries as set_entries
from ._objsecurity import set_object_security as set_object_security
from ._open import delete_file as delete_file
from ._open import open_file as open_file
from ._overlapped import IoResult as IoResult
from ._overlapped import Overlapped as Overlapped
from ._pathops import CALLBACK_CHUNK_FINISHED as CALLBACK_CHUNK_FINISHED
from ._pathops import CALLBACK_STREAM_SWITCH as CALLBACK_STREAM_SWITCH
from ._pathops import DRIVE_FIXED as DRIVE_FIXED
from ._pathops import DRIVE_NO_ROOT_DIR as DRIVE_NO_ROOT_DIR
from ._pathops import DRIVE_UNKNOWN as DRIVE_UNKNOWN
from ._pathops import PROGRESS_CANCEL as PROGRESS_CANCEL
from ._pathops import PROGRESS_CONTINUE as PROGRESS_CONTINUE
from ._pathops import PROGRESS_QUIET as PROGRESS_QUIET
from ._pathops import PROGRESS_STOP as PROGRESS_STOP
from ._pathops import DiskSpace as DiskSpace
from ._pathops import VolumeInfo as VolumeInfo
from ._pathops import copy_file as copy_file
from ._pathops import create_directory as create_directory
from ._pathops import disk_space as disk_space
from ._pathops import drive_roots as drive_roots
from ._pathops import drive_type as drive_type
from ._pathops import final_path as final_path
from ._pathops import full_path_name as full_path_name
from ._pathops import hard_link as hard_link
from ._pathops import mount_point as mount_point
from ._pathops import move_file as move_file
from ._pathops import remove_directory as remove_directory
from ._pathops import search_path as search_path
from ._pathops import set_current_directory as set_current_directory
from ._pathops import symbolic_link as symbolic_link
from ._pathops import temp_file_name as temp_file_name
from ._pathops import volume_info as volume_info
from ._peversion import FixedFileInfo as FixedFileInfo
from ._peversion import query_version as query_version
from ._pipe import PipeEnd as PipeEnd
from ._pipeclient import call_named_pipe as call_named_pipe
from ._pipeclient import create_pipe as create_pipe
from ._pipeclient import wait_named_pipe as wait_named_pipe
from ._pipemodes import NMPWAIT_NOWAIT as NMPWAIT_NOWAIT
from ._pipemodes import NMPWAIT_USE_DEFAULT_WAIT as NMPWAIT_USE_DEFAULT_WAIT
from ._pipemodes import NMPWAIT_WAIT_FOREVER as NMPWAIT_WAIT_FOREVER
from ._pipemodes import PIPE_ACCEPT_REMOTE_CLIENTS as PIPE_ACCEPT_REMOTE_CLIENTS
from ._pipemodes import PIPE_ACCESS_DUPLEX as PIPE_ACCESS_DUPLEX
from ._pipemodes import PIPE_ACCESS_INBOUND as PIPE_ACCESS_INBOUND
from ._pipemodes import PIPE_ACCESS_OUTBOUND as PIPE_ACCESS_OUTBOUND
from ._pipemodes import PIPE_CLIENT_END as PIPE_CLIENT_END
from ._pipemodes import PIPE_NOWAIT as PIPE_NOWAIT
from ._pipemodes import PIPE_READMODE_BYTE as PIPE_READMODE_BYTE
from ._pipemodes import PIPE_READMODE_MESSAGE as PIPE_READMODE_MESSAGE
from ._pipemodes import PIPE_REJECT_REMOTE_CLIENTS as PIPE_REJECT_REMOTE_CLIENTS
from ._pipemodes import PIPE_SERVER_END as PIPE_SERVER_END
from ._pipemodes import PIPE_TYPE_BYTE as PIPE_TYPE_BYTE
from ._pipemodes import PIPE_TYPE_MESSAGE as PIPE_TYPE_MESSAGE
from ._pipemodes import PIPE_UNLIMITED_INSTANCES as PIPE_UNLIMITED_INSTANCES
from ._pipemodes import PIPE_WAIT as PIPE_WAIT
from ._pipeserver import PipeServer as PipeServer
from ._pipeserver import create_named_pipe as create_named_pipe
from ._priority import ABOVE_NORMAL_PRIORITY_CLASS as ABOVE_NORMAL_PRIORITY_CLASS
from ._priority import BELOW_NORMAL_PRIORITY_CLASS as BELOW_NORMAL_PRIORITY_CLASS
from ._priority import HIGH_PRIORITY_CLASS as HIGH_PRIORITY_CLASS
from ._priority import IDLE_PRIORITY_CLASS as IDLE_PRIORITY_CLASS
from ._priority import NORMAL_PRIORITY_CLASS as NORMAL_PRIORITY_CLASS
from ._priority import REALTIME_PRIORITY_CLASS as REALTIME_PRIORITY_CLASS
from ._priority import THREAD_MODE_BACKGROUND_BEGIN as THREAD_MODE_BACKGROUND_BEGIN
from ._priority import THREAD_MODE_BACKGROUND_END as THREAD_MODE_BACKGROUND_END
from ._priority import THREAD_PRIORITY_ABOVE_NORMAL as THREAD_PRIORITY_ABOVE_NORMAL
from ._priority import THREAD_PRIORITY_BELOW_NORMAL as THREAD_PRIORITY_BELOW_NORMAL
from ._priority import THREAD_PRIORITY_HIGHEST as THREAD_PRIORITY_HIGHEST
from ._priority import THREAD_PRIORITY_IDLE as THREAD_PRIORITY_IDLE
from ._priority import THREAD_PRIORITY_LOWEST as THREAD_PRIORITY_LOWEST
from ._priority import THREAD_PRIORITY_NORMAL as THREAD_PRIORITY_NORMAL
from ._priority import THREAD_PRIORITY_TIME_CRITICAL as THREAD_PRIORITY_TIME_CRITICAL
from ._priority import priority_class as priority_class
from ._priority import set_priority_class as set_priority_class
from ._priority import set_thread_priority as set_thread_priority
from ._priority import thread_priority as thread_priority
from ._privileges import PRIVILEGES as PRIVILEGES
from ._privileges import privilege_display_name as privilege_display_name
from ._privileges import privilege_luid as privilege_luid
from ._privileges import privilege_name as privilege_name
from ._process import PROGRAM_MODULE as PROGRAM_MODULE
from ._process import PrimaryThread as PrimaryThread
from ._process import ProcessHandle as ProcessHandle
from ._process import ProcessStatistics as ProcessStatistics
from ._process import current_process as current_process
from ._process import module_handle as module_handle
from ._process import open_process as open_process
from ._procinfo import SESSION_ID as SESSION_ID
from ._procinfo import CpuTimes as CpuTimes
from ._procinfo import MemoryCounters as MemoryCounters
from ._procinfo import Module as Module
from ._procinfo import command_line as command_line
from ._procinfo import is_wow64 as is_wow64
from ._procinfo import memory_counters as memory_counters
from ._procinfo import module_file_name as module_file_name
from ._procinfo import module_path as module_path
from ._procinfo import process_ids as process_ids
from ._procinfo import process_modules as process_modules
from ._procinfo import process_times as process_times
from ._procinfo import process_version as process_version
from ._procinfo import session_id as session_id
from ._procinfo import thread_times as thread_times
from ._procmem import MEM_COMMIT as MEM_COMMIT
from ._procmem import MEM_DECOMMIT as MEM_DECOMMIT
from ._procmem import MEM_RELEASE as MEM_RELEASE
from ._procmem import MEM_RESERVE as MEM_RESERVE
from ._procmem import MEM_TOP_DOWN as MEM_TOP_DOWN
from ._procmem import PAGE_EXECUTE as PAGE_EXECUTE
from ._procmem import PAGE_EXECUTE_READ as PAGE_EXECUTE_READ
from ._procmem import PAGE_EXECUTE_READWRITE as PAGE_EXECUTE_READWRITE
from ._procmem import PAGE_NOACCESS as PAGE_NOACCESS
from ._procmem import PAGE_READONLY as PAGE_READONLY
from ._procmem import PAGE_READWRITE as PAGE_READWRITE
from ._procmem import allocate_memory as allocate_memory
from ._procmem import free_memory as free_memory
from ._procmem import read_memory as read_memory
from ._procmem import start_remote_thread as start_remote_thread
from ._procmem import write_memory as write_memory
from ._proctune import DEFAULT_SHUTDOWN_LEVEL as DEFAULT_SHUTDOWN_LEVEL
from ._proctune import MAXIMUM_PROCESSORS as MAXIMUM_PROCESSORS
from ._proctune import SHUTDOWN_NORETRY as SHUTDOWN_NORETRY
from ._proctune import IoCounters as IoCounters
from ._proctune import exit_process as exit_process
from ._proctune import io_counters as io_counters
from ._proctune import priority_boost_disabled as priority_boost_disabled
from ._proctune import set_ideal_processor as set_ideal_processor
from ._proctune import set_priority_boost_disabled as set_priority_boost_disabled
from ._proctune import set_shutdown_parameters as set_shutdown_parameters
from ._proctune import set_thread_priority_boost_disabled as set_thread_priority_boost_disabled
from ._proctune import shutdown_parameters as shutdown_parameters
from ._proctune import thread_priority_boost_disabled as thread_priority_boost_disabled
from ._records import publish as publish
from ._screenbuf import ScreenBuffer as ScreenBuffer
from ._screenbuf import ScreenBufferInfo as ScreenBufferInfo
from ._screenbuf import sgr_of_attribute as sgr_of_attribute
from ._section import ALLOCATION_GRANULARITY as ALLOCATION_GRANULARITY
from ._section import PAGE_SIZE as PAGE_SIZE
from ._section import Section as Section
from ._section import View as View
from ._section import create_section as create_section
from ._section import open_section as open_section
from ._semaphore import Semaphore as Semaphore
from ._semaphore import SemaphoreStatistics as SemaphoreStatistics
from ._spawn import create_process as create_process
from ._spawn import start_process as start_process
from ._stdio import STD_ERROR as STD_ERROR
from ._stdio import STD_INPUT as STD_INPUT
from ._stdio import STD_OUTPUT as STD_OUTPUT
from ._stdio import StartupInfo as StartupInfo
from ._stdio import create_pipe_descriptors as create_pipe_descriptors
from ._stdio import descriptor_of_handle as descriptor_of_handle
from ._stdio import handle_of_descriptor as handle_of_descriptor
from ._stdio import inherit_from_parent as inherit_from_parent
from ._stdio import set_std_handle as set_std_handle
from ._stdio import startup_info as startup_info
from ._stdio import startup_std_handles as startup_std_handles
from ._stdio import std_handle as std_handle
from ._sysinfo import HostNames as HostNames
from ._sysinfo import PowerStatus as PowerStatus
from ._sysinfo import TimeZone as TimeZone
from ._sysinfo import TransitionDate as TransitionDate
from ._sysinfo import computer_name as computer_name
from ._sysinfo import host_names as host_names
from ._sysinfo import long_path_name as long_path_name
from ._sysinfo import power_status as power_status
from ._sysinfo import short_path_name as short_path_name
from ._sysinfo import time_zone as time_zone
from ._sysinfo import user_name as user_name
from ._systime import require_privilege as require_privilege
from ._systime import set_system_time as set_system_time
from ._systime import set_time_zone_information as set_time_zone_information
from ._text import is_text_unicode as is_text_unicode
from ._thread import MAXIMUM_SUSPEND_COUNT as MAXIMUM_SUSPEND_COUNT
from ._thread import STILL_ACTIVE as STILL_ACTIVE
from ._thread import ThreadHandle as ThreadHandle
from ._thread import ThreadStatistics as ThreadStatistics
from ._thread import current_thread as current_thread
from ._thread import queue_apc as queue_apc
from ._thread import start_thread as start_thread
from ._thread import thread_by_id as thread_by_id
from ._timer import TimerStatistics as TimerStatistics
from ._timer import WaitableTimer as WaitableTimer
from ._token import SE_GROUP_ENABLED as SE_GROUP_ENABLED
from ._token import SE_GROUP_ENABLED_BY_DEFAULT as SE_GROUP_ENABLED_BY_DEFAULT
from ._token import SE_GROUP_INTEGRITY as SE_GROUP_INTEGRITY
from ._token import SE_GROUP_INTEGRITY_ENABLED as SE_GROUP_INTEGRITY_ENABLED
from ._token import SE_GROUP_MANDATORY as SE_GROUP_MANDATORY
from ._token import SE_GROUP_OWNER as SE_GROUP_OWNER
from ._token import SE_PRIVILEGE_ENABLED as SE_PRIVILEGE_ENABLED
from ._token import SE_PRIVILEGE_ENABLED_BY_DEFAULT as SE_PRIVILEGE_ENABLED_BY_DEFAULT
from ._token import SE_PRIVILEGE_REMOVED as SE_PRIVILEGE_REMOVED
from ._token import TOKEN_ADJUST_DEFAULT as TOKEN_ADJUST_DEFAULT
from ._token import TOKEN_ADJUST_GROUPS as TOKEN_ADJUST_GROUPS
from ._token import TOKEN_ADJUST_PRIVILEGES as TOKEN_ADJUST_PRIVILEGES
from ._token import TOKEN_ADJUST_SESSIONID as TOKEN_ADJUST_SESSIONID
from ._token import TOKEN_ALL_ACCESS as TOKEN_ALL_ACCESS
from ._token import TOKEN_ASSIGN_PRIMARY as TOKEN_ASSIGN_PRIMARY
from ._token import TOKEN_DUPLICATE as TOKEN_DUPLICATE
from ._token import TOKEN_IMPERSONATE as TOKEN_IMPERSONATE
from ._token import TOKEN_QUERY as TOKEN_QUERY
from ._token import TOKEN_QUERY_SOURCE as TOKEN_QUERY_SOURCE
from ._token import Token as Token
from ._token import effective_token as effective_token
from ._token import impersonate_self as impersonate_self
from ._token import map_token_access as map_token_access
from ._token import open_token_of as open_token_of
from ._token import require_primary as require_primary
from ._token import revert_to_self as revert_to_self
from ._token import set_thread_token as set_thread_token
from ._token import thread_token as thread_token
from ._tracebuffer import TRACE_BUFFER_SIZE as TRACE_BUFFER_SIZE
from ._tracebuffer import TraceBuffer as TraceBuffer
from ._transaction import TRANSACTION_ACTIVE as TRANSACTION_ACTIVE
from ._transaction import TRANSACTION_COMMITTED as TRANSACTION_COMMITTED
from ._transaction import TRANSACTION_ROLLED_BACK as TRANSACTION_ROLLED_BACK
from ._transaction import Enlistment as Enlistment
from ._transaction import Transaction as Transaction
from ._transaction import TransactionStatistics as TransactionStatistics
from ._transaction import open_transaction as open_transaction
from ._wait import signal_and_wait as signal_and_wait
from ._wait import sleep as sleep
from ._wait import wait_all as wait_all
from ._wait import wait_any as wait_any
from ._windows_zones import WindowsTimeZone as WindowsTimeZone
from ._windows_zones import local_windows_zone_key as local_windows_zone_key
from ._windows_zones import time_zone_string as time_zone_string
from ._windows_zones import windows_zone_iana_name as windows_zone_iana_name
from ._windows_zones import windows_zone_key as windows_zone_key
from ._windows_zones import windows_zone_names as windows_zone_names
from ._zone_rules import FIRST_RULE_YEAR as FIRST_RULE_YEAR
from ._zone_rules import LAST_RULE_YEAR as LAST_RULE_YEAR
from ._zone_rules import ZoneRule as ZoneRule
from ._zone_rules import in_daylight as in_daylight
from ._zone_rules import rule_for_year as rule_for_year
from ._zone_rules import transition_time as transition_time

__all__ = [
    "ABOVE_NORMAL_PRIORITY_CLASS",
    "ACCESS_SYSTEM_SECURITY",
    "ALERTED",
    "ALLOCATION_GRANULARITY",
    "ATTACH_PARENT_PROCESS",
    "BACKUP_ALTERNATE_DATA",
    "BACKUP_DATA",
    "BACKUP_EA_DATA",
    "BACKUP_SECURITY_DATA",
    "BASIC_LIMIT_VALID_FLAGS",
    "BELOW_NORMAL_PRIORITY_CLASS",
    "CALLBACK_CHUNK_FINISHED",
    "CALLBACK_STREAM_SWITCH",
    "CREATE_ALWAYS",
    "CREATE_NEW",
    "CTRL_BREAK_EVENT",
    "CTRL_CLOSE_EVENT",
    "CTRL_C_EVENT",
    "CURRENT_PROCESS",
    "CURRENT_THREAD",
    "DDD_EXACT_MATCH_ON_REMOVE",
    "DDD_NO_BROADCAST_SYSTEM",
    "DDD_RAW_TARGET_PATH",
    "DDD_REMOVE_DEFINITION",
    "DEFAULT_SHUTDOWN_LEVEL",
    "DELETE",
    "DISABLE_MAX_PRIVILEGE",
    "DRIVE_FIXED",
    "DRIVE_NO_ROOT_DIR",
    "DRIVE_UNKNOWN",
    "ERROR_NO_SHUTDOWN_IN_PROGRESS",
    "EVENT_MAPPING",
    "EXTENDED_LIMIT_VALID_FLAGS",
    "FD_ACCEPT",
    "FD_ADDRESS_LIST_CHANGE",
    "FD_ALL_EVENTS",
    "FD_CLOSE",
    "FD_CONNECT",
    "FD_GROUP_QOS",
    "FD_OOB",
    "FD_QOS",
    "FD_READ",
    "FD_ROUTING_INTERFACE_CHANGE",
    "FD_WRITE",
    "FILE_ACTION_ADDED",
    "FILE_ACTION_MODIFIED",
    "FILE_ACTION_REMOVED",
    "FILE_ACTION_RENAMED_NEW_NAME",
    "FILE_ACTION_RENAMED_OLD_NAME",
    "FILE_ALL_ACCESS",
    "FILE_APPEND_DATA",
    "FILE_ATTRIBUTE_ARCHIVE",
    "FILE_ATTRIBUTE_DIRECTORY",
    "FILE_ATTRIBUTE_HIDDEN",
    "FILE_ATTRIBUTE_NORMAL",
    "FILE_ATTRIBUTE_READONLY",
    "FILE_ATTRIBUTE_SYSTEM",
    "FILE_ATTRIBUTE_TEMPORARY",
    "FILE_BEGIN",
    "FILE_CURRENT",
    "FILE_END",
    "FILE_EXECUTE",
    "FILE_FLAG_BACKUP_SEMANTICS",
    "FILE_FLAG_DELETE_ON_CLOSE",
    "FILE_FLAG_FIRST_PIPE_INSTANCE",
    "FILE_FLAG_NO_BUFFERING",
    "FILE_FLAG_OPEN_REPARSE_POINT",
    "FILE_FLAG_OVERLAPPED",
    "FILE_FLAG_POSIX_SEMANTICS",
    "FILE_FLAG_RANDOM_ACCESS",
    "FILE_FLAG_SEQUENTIAL_SCAN",
    "FILE_FLAG_WRITE_THROUGH",
    "FILE_GENERIC_EXECUTE",
    "FILE_GENERIC_READ",
    "FILE_GENERIC_WRITE",
    "FILE_MAPPING",
    "FILE_READ_ATTRIBUTES",
    "FILE_READ_DATA",
    "FILE_READ_EA",
    "FILE_SHARE_DELETE",
    "FILE_SHARE_READ",
    "FILE_SHARE_WRITE",
    "FILE_WRITE_ATTRIBUTES",
    "FILE_WRITE_DATA",
    "FILE_WRITE_EA",
    "FIRST_RULE_YEAR",
    "FOCUS_EVENT",
    "FOF_MULTIDESTFILES",
    "FO_COPY",
    "FO_DELETE",
    "FO_MOVE",
    "FO_RENAME",
    "FSCTL_DELETE_REPARSE_POINT",
    "FSCTL_GET_REPARSE_POINT",
    "FSCTL_SET_REPARSE_POINT",
    "FSCTL_SET_SPARSE",
    "GENERIC_ALL",
    "GENERIC_EXECUTE",
    "GENERIC_READ",
    "GENERIC_WRITE",
    "HIGH_PRIORITY_CLASS",
    "IDLE_PRIORITY_CLASS",
    "IO_REPARSE_TAG_SYMLINK",
    "JOB_OBJECT_LIMIT_ACTIVE_PROCESS",
    "JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE",
    "KEY_EVENT",
    "KEY_MAPPING",
    "LAST_RULE_YEAR",
    "LOCALE_ID",
    "LOCKFILE_EXCLUSIVE_LOCK",
    "LOCKFILE_FAIL_IMMEDIATELY",
    "MAILSLOT_NO_MESSAGE",
    "MAILSLOT_WAIT_FOREVER",
    "MAXIMUM_PROCESSORS",
    "MAXIMUM_SUSPEND_COUNT",
    "MAXIMUM_WAIT_OBJECTS",
    "MEM_COMMIT",
    "MEM_DECOMMIT",
    "MEM_RELEASE",
    "MEM_RESERVE",
    "MEM_TOP_DOWN",
    "MENU_EVENT",
    "MOUSE_EVENT",
    "MUTEX_MAPPING",
    "NMPWAIT_NOWAIT",
    "NMPWAIT_USE_DEFAULT_WAIT",
    "NMPWAIT_WAIT_FOREVER",
    "NORMAL_PRIORITY_CLASS",
    "OPEN_ALWAYS",
    "OPEN_EXISTING",
    "PAGE_EXECUTE",
    "PAGE_EXECUTE_READ",
    "PAGE_EXECUTE_READWRITE",
    "PAGE_NOACCESS",
    "PAGE_READONLY",
    "PAGE_READWRITE",
    "PAGE_SIZE",
    "PIPE_ACCEPT_REMOTE_CLIENTS",
    "PIPE_ACCESS_DUPLEX",
    "PIPE_ACCESS_INBOUND",
    "PIPE_ACCESS_OUTBOUND",
    "PIPE_CLIENT_END",
    "PIPE_NOWAIT",
    "PIPE_READMODE_BYTE",
    "PIPE_READMODE_MESSAGE",
    "PIPE_REJECT_REMOTE_CLIENTS",
    "PIPE_SERVER_END",
    "PIPE_TYPE_BYTE",
    "PIPE_TYPE_MESSAGE",
    "PIPE_UNLIMITED_INSTANCES",
    "PIPE_WAIT",
    "POLICY_ALL_ACCESS",
    "PRIVILEGES",
    "PROCESS_MAPPING",
    "PROGRAM_MODULE",
    "PROGRESS_CANCEL",
    "PROGRESS_CONTINUE",
    "PROGRESS_QUIET",
    "PROGRESS_STOP",
    "READ_CONTROL",
    "REALTIME_PRIORITY_CLASS",
    "SANDBOX_INERT",
    "SCS_32BIT_BINARY",
    "SCS_64BIT_BINARY",
    "SCS_DOS_BINARY",
    "SEMAPHORE_MAPPING",
    "SESSION_ID",
    "SE_ERR_FNF",
    "SE_ERR_NOASSOC",
    "SE_GROUP_ENABLED",
    "SE_GROUP_ENABLED_BY_DEFAULT",
    "SE_GROUP_INTEGRITY",
    "SE_GROUP_INTEGRITY_ENABLED",
    "SE_GROUP_MANDATORY",
    "SE_GROUP_OWNER",
    "SE_GROUP_USE_FOR_DENY_ONLY",
    "SE_PRIVILEGE_ENABLED",
    "SE_PRIVILEGE_ENABLED_BY_DEFAULT",
    "SE_PRIVILEGE_REMOVED",
    "SHUTDOWN_NORETRY",
    "STD_ERROR",
    "STD_INPUT",
    "STD_OUTPUT",
    "STILL_ACTIVE",
    "STREAM_CONTAINS_SECURITY",
    "THREAD_MAPPING",
    "THREAD_MODE_BACKGROUND_BEGIN",
    "THREAD_MODE_BACKGROUND_END",
    "THREAD_PRIORITY_ABOVE_NORMAL",
    "THREAD_PRIORITY_BELOW_NORMAL",
    "THREAD_PRIORITY_HIGHEST",
    "THREAD_PRIORITY_IDLE",
    "THREAD_PRIORITY_LOWEST",
    "THREAD_PRIORITY_NORMAL",
    "THREAD_PRIORITY_TIME_CRITICAL",
    "TOKEN_ADJUST_DEFAULT",
    "TOKEN_ADJUST_GROUPS",
    "TOKEN_ADJUST_PRIVILEGES",
    "TOKEN_ADJUST_SESSIONID",
    "TOKEN_ALL_ACCESS",
    "TOKEN_ASSIGN_PRIMARY",
    "TOKEN_DUPLICATE",
    "TOKEN_IMPERSONATE",
    "TOKEN_QUERY",
    "TOKEN_QUERY_SOURCE",
    "TRACE_BUFFER_SIZE",
    "TRANSACTION_ACTIVE",
    "TRANSACTION_COMMITTED",
    "TRANSACTION_ROLLED_BACK",
    "TRIM_WORKING_SET",
    "TRUNCATE_EXISTING",
    "WINDOW_BUFFER_SIZE_EVENT",
    "Account",
    "AccountKind",
    "Ace",
    "ChangeNotification",
    "CommPort",
    "CommState",
    "CommStatus",
    "Completion",
    "CompletionPort",
    "CompletionPortStatistics",
    "Console",
    "CpuSet",
    "CpuTimes",
    "Descriptor",
    "DiskFile",
    "DiskSpace",
    "Enlistment",
    "Event",
    "EventStatistics",
    "ExplicitEntry",
    "File",
    "FileCacheSize",
    "FileInfo",
    "FixedFileInfo",
    "FoundFile",
    "GenericMapping",
    "HandleTable",
    "HostNames",
    "HostPipe",
    "HostStream",
    "InputBuffer",
    "InputRecord",
    "IoCounters",
    "IoResult",
    "JobAccounting",
    "JobLimits",
    "JobObject",
    "JobStatistics",
    "LogonSession",
    "LsaPolicy",
    "Mailslot",
    "MailslotClient",
    "MemoryCounters",
    "MemoryStatus",
    "Module",
    "Mutex",
    "MutexStatistics",
    "Overlapped",
    "PipeEnd",
    "PipeServer",
    "PowerCapabilities",
    "PowerStatus",
    "PrimaryThread",
    "ProcessHandle",
    "ProcessStatistics",
    "ScreenBuffer",
    "ScreenBufferInfo",
    "Section",
    "Selection",
    "Semaphore",
    "SemaphoreStatistics",
    "StartupInfo",
    "Stream",
    "SystemInfo",
    "SystemTime",
    "ThreadHandle",
    "ThreadStatistics",
    "TimeZone",
    "TimerStatistics",
    "Token",
    "TraceBuffer",
    "Transaction",
    "TransactionStatistics",
    "TransitionDate",
    "View",
    "VolumeInfo",
    "WaitResult",
    "Waitable",
    "WaitableTimer",
    "WindowsSocket",
    "WindowsTimeZone",
    "WindowsVersion",
    "ZoneRule",
    "abort_shutdown",
    "accept_addresses",
    "accept_into",
    "account_rights",
    "accounts_with_right",
    "add_account_rights",
    "add_console_alias",
    "add_ctrl_handler",
    "adjust_groups",
    "adopt_socket",
    "alloc_console",
    "allocate_luid",
    "allocate_memory",
    "attach_console",
    "audit_policy",
    "backup_read",
    "backup_seek",
    "backup_write",
    "begin_update_resource",
    "binary_type",
    "bind_directory",
    "build_comm_state",
    "call_named_pipe",
    "cancel_socket_io",
    "check_parts_access",
    "comm_port_name",
    "command_line",
    "computer_name",
    "connect_overlapped",
    "console_alias_exes",
    "console_aliases",
    "console_attached",
    "console_code_page",
    "console_font_count",
    "console_input",
    "console_processes",
    "console_screen",
    "console_selection",
    "console_title",
    "copy_file",
    "cpu_sets",
    "create_directory",
    "create_job",
    "create_mailslot",
    "create_named",
    "create_named_pipe",
    "create_pipe",
    "create_pipe_descriptors",
    "create_process",
    "create_screen_buffer",
    "create_section",
    "current_console",
    "current_process",
    "current_thread",
    "current_user_sid",
    "decode_changes",
    "default_descriptor",
    "define_dos_device",
    "delete_file",
    "delete_volume_mount_point",
    "descriptor_bytes",
    "descriptor_from_bytes",
    "descriptor_of_handle",
    "device_control",
    "disk_space",
    "dll_directory",
    "drive_roots",
    "drive_type",
    "effective_token",
    "encode_changes",
    "end_update_resource",
    "endpoint_size",
    "environment_variable",
    "exit_process",
    "expand_environment",
    "explicit_entries",
    "file_attributes",
    "file_cache_size",
    "file_info",
    "file_operation",
    "file_security",
    "file_streams",
    "final_path",
    "find_executable",
    "find_files",
    "format_date",
    "format_time",
    "free_console",
    "free_library",
    "free_memory",
    "full_path_name",
    "give_descriptor",
    "group_sid",
    "handle_of_descriptor",
    "handles",
    "hard_link",
    "hard_link_names",
    "host_names",
    "ignore_ctrl_c",
    "impersonate_anonymous",
    "impersonate_pipe_client",
    "impersonate_self",
    "impersonate_token",
    "in_daylight",
    "inherit_from_parent",
    "io_counters",
    "is_metric_setter",
    "is_socket",
    "is_text_unicode",
    "is_wow64",
    "join_command_line",
    "library_path",
    "load_library",
    "load_resource",
    "load_string",
    "local_time",
    "local_windows_zone_key",
    "logon_session",
    "logon_sessions",
    "logon_user",
    "long_path_name",
    "lookup_account",
    "lookup_sid",
    "lsa_store_path",
    "machine_domain",
    "machine_sid",
    "map_generic_mask",
    "map_token_access",
    "memory_counters",
    "memory_status",
    "merge_parts",
    "module_file_name",
    "module_handle",
    "module_path",
    "mount_point",
    "mount_points_of_volume",
    "move_file",
    "named_security",
    "object_security",
    "open_comm_port",
    "open_file",
    "open_job",
    "open_named",
    "open_policy",
    "open_process",
    "open_section",
    "open_token_of",
    "open_transaction",
    "power_capabilities",
    "power_status",
    "priority_boost_disabled",
    "priority_class",
    "privilege_display_name",
    "privilege_luid",
    "privilege_name",
    "proc_address",
    "process_affinity",
    "process_ids",
    "process_jobs",
    "process_modules",
    "process_times",
    "process_version",
    "profile_path",
    "profile_section",
    "profile_value",
    "publish",
    "python_module",
    "query_dos_device",
    "query_version",
    "queue_apc",
    "raise_ctrl_event",
    "read_buffer",
    "read_console",
    "read_memory",
    "refuse_efs",
    "remove_account_rights",
    "remove_ctrl_handler",
    "remove_directory",
    "reparse_tag",
    "replace_file",
    "require_primary",
    "require_privilege",
    "resource_languages",
    "resource_names",
    "resource_types",
    "restricted_token",
    "retrieve_secret",
    "revert_to_self",
    "rule_for_year",
    "run_command_line",
    "search_path",
    "security_of",
    "select_events",
    "select_parts",
    "send_console_ctrl_event",
    "session_id",
    "set_active_screen_buffer",
    "set_allocation_size",
    "set_audit_policy",
    "set_basic_info",
    "set_console_code_page",
    "set_console_title",
    "set_current_directory",
    "set_delete_disposition",
    "set_desktop_opener",
    "set_dll_directory",
    "set_end_of_file",
    "set_entries",
    "set_environment_variable",
    "set_error_mode",
    "set_file_attributes",
    "set_file_cache_size",
    "set_file_name",
    "set_file_security",
    "set_ideal_processor",
    "set_named_security",
    "set_object_security",
    "set_priority_boost_disabled",
    "set_priority_class",
    "set_process_affinity",
    "set_security_of",
    "set_shutdown_parameters",
    "set_std_handle",
    "set_system_parameter",
    "set_system_time",
    "set_thread_affinity",
    "set_thread_locale",
    "set_thread_priority",
    "set_thread_priority_boost_disabled",
    "set_thread_token",
    "set_time_zone_information",
    "set_token_owner",
    "set_token_primary_group",
    "set_token_session",
    "set_volume_label",
    "set_volume_mount_point",
    "set_working_set_limits",
    "sgr_of_attribute",
    "shell_execute",
    "short_path_name",
    "shut_down",
    "shutdown_parameters",
    "signal_and_wait",
    "sleep",
    "socket_recv",
    "socket_send",
    "split_command_line",
    "start_process",
    "start_remote_thread",
    "start_thread",
    "startup_info",
    "startup_std_handles",
    "std_handle",
    "store_secret",
    "symbolic_link",
    "system_affinity",
    "system_directory",
    "system_info",
    "system_metric",
    "system_parameter",
    "system_time",
    "take_events",
    "temp_file_name",
    "thread_by_id",
    "thread_locale",
    "thread_priority",
    "thread_priority_boost_disabled",
    "thread_times",
    "thread_token",
    "thread_user_name",
    "time_zone",
    "time_zone_string",
    "transition_time",
    "transmit_file",
    "unwatch_policy",
    "update_resource",
    "user_name",
    "user_sid",
    "volume_info",
    "volume_name_of_mount_point",
    "volume_relative_name",
    "wait_all",
    "wait_any",
    "wait_named_pipe",
    "watch_folder",
    "watch_policy",
    "watch_socket",
    "windows_directory",
    "windows_version",
    "windows_zone_iana_name",
    "windows_zone_key",
    "windows_zone_names",
    "working_set_limits",
    "write_memory",
    "write_profile_section",
    "write_profile_value",
]

# -- sockets: WSAEventSelect's record and overlapped socket I/O (Winsock's extensions) -------
# -- the shell, profile files, the DLL directory (s20-apis) --------------------------------------
from ._bare_sockets import watch_socket as watch_socket
from ._commdef import build_comm_state as build_comm_state
from ._efs import refuse_efs as refuse_efs
from ._ioctl import FSCTL_DELETE_REPARSE_POINT as FSCTL_DELETE_REPARSE_POINT
from ._ioctl import FSCTL_GET_REPARSE_POINT as FSCTL_GET_REPARSE_POINT
from ._ioctl import FSCTL_SET_REPARSE_POINT as FSCTL_SET_REPARSE_POINT
from ._ioctl import FSCTL_SET_SPARSE as FSCTL_SET_SPARSE
from ._ioctl import IO_REPARSE_TAG_SYMLINK as IO_REPARSE_TAG_SYMLINK
from ._ioctl import device_control as device_control
from ._ioctl import reparse_tag as reparse_tag
from ._libraries import dll_directory as dll_directory
from ._libraries import set_dll_directory as set_dll_directory
from ._peresources import load_resource as load_resource
from ._peresources import load_string as load_string
from ._peresources import resource_languages as resource_languages
from ._peresources import resource_names as resource_names
from ._peresources import resource_types as resource_types
from ._peupdate import begin_update_resource as begin_update_resource
from ._peupdate import end_update_resource as end_update_resource
from ._peupdate import update_resource as update_resource
from ._power import FileCacheSize as FileCacheSize
from ._power import PowerCapabilities as PowerCapabilities
from ._power import file_cache_size as file_cache_size
from ._power import power_capabilities as power_capabilities
from ._power import set_file_cache_size as set_file_cache_size
from ._profile import profile_path as profile_path
from ._profile import profile_section as profile_section
from ._profile import profile_value as profile_value
from ._profile import write_profile_section as write_profile_section
from ._profile import write_profile_value as write_profile_value
from ._replacefile import replace_file as replace_file

# -- volumes, DOS devices, streams, link names, ReplaceFile, EFS, device controls (s25-apinames)
from ._setfileinfo import set_allocation_size as set_allocation_size
from ._setfileinfo import set_basic_info as set_basic_info
from ._setfileinfo import set_delete_disposition as set_delete_disposition
from ._setfileinfo import set_end_of_file as set_end_of_file
from ._setfileinfo import set_file_name as set_file_name
from ._shell import ERROR_NO_SHUTDOWN_IN_PROGRESS as ERROR_NO_SHUTDOWN_IN_PROGRESS
from ._shell import SE_ERR_FNF as SE_ERR_FNF
from ._shell import SE_ERR_NOASSOC as SE_ERR_NOASSOC
from ._shell import abort_shutdown as abort_shutdown
from ._shell import find_executable as find_executable
from ._shell import run_command_line as run_command_line
from ._shell import set_desktop_opener as set_desktop_opener
from ._shell import shell_execute as shell_execute
from ._shell import shut_down as shut_down
from ._shell_fileop import FO_COPY as FO_COPY
from ._shell_fileop import FO_DELETE as FO_DELETE
from ._shell_fileop import FO_MOVE as FO_MOVE
from ._shell_fileop import FO_RENAME as FO_RENAME
from ._shell_fileop import FOF_MULTIDESTFILES as FOF_MULTIDESTFILES
from ._shell_fileop import file_operation as file_operation
from ._sockio import accept_addresses as accept_addresses
from ._sockio import accept_into as accept_into
from ._sockio import connect_overlapped as connect_overlapped
from ._sockio import endpoint_size as endpoint_size
from ._sockio import socket_recv as socket_recv
from ._sockio import socket_send as socket_send
from ._sockio import transmit_file as transmit_file
from ._sockstate import cancel_socket_io as cancel_socket_io
from ._sockstate import select_events as select_events
from ._sockstate import take_events as take_events
from ._sysparams import is_metric_setter as is_metric_setter
from ._sysparams import set_system_parameter as set_system_parameter
from ._sysparams import system_parameter as system_parameter
from ._threadlocale import set_thread_locale as set_thread_locale
from ._threadlocale import thread_locale as thread_locale
from ._volumes import DDD_EXACT_MATCH_ON_REMOVE as DDD_EXACT_MATCH_ON_REMOVE
from ._volumes import DDD_NO_BROADCAST_SYSTEM as DDD_NO_BROADCAST_SYSTEM
from ._volumes import DDD_RAW_TARGET_PATH as DDD_RAW_TARGET_PATH
from ._volumes import DDD_REMOVE_DEFINITION as DDD_REMOVE_DEFINITION
from ._volumes import Stream as Stream
from ._volumes import define_dos_device as define_dos_device
from ._volumes import delete_volume_mount_point as delete_volume_mount_point
from ._volumes import file_streams as file_streams
from ._volumes import hard_link_names as hard_link_names
from ._volumes import mount_points_of_volume as mount_points_of_volume
from ._volumes import query_dos_device as query_dos_device
from ._volumes import set_volume_label as set_volume_label
from ._volumes import set_volume_mount_point as set_volume_mount_point
from ._volumes import volume_name_of_mount_point as volume_name_of_mount_point
from ._volumes import volume_relative_name as volume_relative_name
from ._winsock import FD_ACCEPT as FD_ACCEPT
from ._winsock import FD_ADDRESS_LIST_CHANGE as FD_ADDRESS_LIST_CHANGE
from ._winsock import FD_ALL_EVENTS as FD_ALL_EVENTS
from ._winsock import FD_CLOSE as FD_CLOSE
from ._winsock import FD_CONNECT as FD_CONNECT
from ._winsock import FD_GROUP_QOS as FD_GROUP_QOS
from ._winsock import FD_OOB as FD_OOB
from ._winsock import FD_QOS as FD_QOS
from ._winsock import FD_READ as FD_READ
from ._winsock import FD_ROUTING_INTERFACE_CHANGE as FD_ROUTING_INTERFACE_CHANGE
from ._winsock import FD_WRITE as FD_WRITE
from ._winsock import is_socket as is_socket
from ._winsocket import WindowsSocket as WindowsSocket
from ._winsocket import adopt_socket as adopt_socket
