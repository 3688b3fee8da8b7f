r"""The local security authority: the computer's policy, account rights, secrets, logon sessions.

Windows' LSA keeps which accounts hold which privileges and logon rights, the audit policy,
and private data ("secrets") that services store. Here they are kept per user, in a JSON
file only the user can read (0600): ``$APARTMENT_LSA``; else ``lsa.json`` beside the class
registry when ``$APARTMENT_REGISTRY`` names one (a test's files stay together); else
``$XDG_STATE_HOME/apartment/lsa.json`` (``~/.local/state``). It starts with Windows' default
rights (BUILTIN\Administrators, Users, Backup Operators, Everyone). An update holds an
exclusive ``flock`` of the file, so processes that change it at once lose nothing.

A policy is opened (:func:`open_policy`) with the rights the caller asks for; Windows gives
the rights that change the policy, and those that read secrets and the audit policy, to
administrators only: a standard user asking for one gets ERROR_ACCESS_DENIED. The computer
is in a workgroup: its account domain is the computer itself, it has no primary domain.

The one logon session is the user's own (:func:`logon_sessions`); its LUID derives from the
Linux session id.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .._fork import OUTER, SERVICES, after_fork_in_child, hold_across_fork
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_NO_SUCH_LOGON_SESSION,
    ERROR_NO_SUCH_PRIVILEGE,
    Win32Error,
)
from ._accounts import check_local_computer, current_user_sid, machine_sid
from ._privileges import PRIVILEGES
from ._sysinfo import computer_name, user_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ._event import Event
    from ._token import Token

__all__ = [
    "LsaPolicy",
    "LogonSession",
    "open_policy",
    "account_rights",
    "accounts_with_right",
    "add_account_rights",
    "remove_account_rights",
    "store_secret",
    "retrieve_secret",
    "audit_policy",
    "set_audit_policy",
    "logon_sessions",
    "logon_session",
    "lsa_store_path",
    "machine_domain",
    "POLICY_ALL_ACCESS",
    "watch_policy",
    "unwatch_policy",
]

POLICY_VIEW_LOCAL_INFORMATION = 0x1
POLICY_VIEW_AUDIT_INFORMATION = 0x2
POLICY_GET_PRIVATE_INFORMATION = 0x4
POLICY_LOOKUP_NAMES = 0x800
POLICY_NOTIFICATION = 0x1000
POLICY_ALL_ACCESS = 0xF0FFF
_READ_CONTROL, _SYNCHRONIZE = 0x20000, 0x100000
# What a standard user may open a policy with: reading what is not private, looking names up.
_ANYONE = (
    POLICY_VIEW_LOCAL_INFORMATION | POLICY_LOOKUP_NAMES | POLICY_NOTIFICATION | _READ_CONTROL
    | _SYNCHRONIZE
)  # fmt: skip
_GENERIC = {0x80000000: 0x20006, 0x40000000: 0x207F8, 0x20000000: 0x20801, 0x10000000: 0xF0FFF}
_LOGON_RIGHTS = frozenset(
    f"Se{kind}Right"
    for deny in ("", "Deny")
    for kind in (
        f"{deny}InteractiveLogon", f"{deny}NetworkLogon", f"{deny}BatchLogon",
        f"{deny}ServiceLogon", f"{deny}RemoteInteractiveLogon",
    )
)  # fmt: skip
_USER_RIGHTS = (
    "SeChangeNotifyPrivilege", "SeShutdownPrivilege", "SeUndockPrivilege",
    "SeIncreaseWorkingSetPrivilege", "SeTimeZonePrivilege", "SeInteractiveLogonRight",
    "SeNetworkLogonRight",
)  # fmt: skip
_DEFAULT_RIGHTS = {
    "S-1-5-32-544": [
        "SeIncreaseQuotaPrivilege", "SeSecurityPrivilege", "SeTakeOwnershipPrivilege",
        "SeLoadDriverPrivilege", "SeSystemProfilePrivilege", "SeSystemtimePrivilege",
        "SeProfileSingleProcessPrivilege", "SeIncreaseBasePriorityPrivilege",
        "SeCreatePagefilePrivilege", "SeBackupPrivilege", "SeRestorePrivilege",
        "SeDebugPrivilege", "SeSystemEnvironmentPrivilege", "SeRemoteShutdownPrivilege",
        "SeManageVolumePrivilege", "SeImpersonatePrivilege", "SeCreateGlobalPrivilege",
        "SeCreateSymbolicLinkPrivilege", "SeBatchLogonRight", "SeRemoteInteractiveLogonRight",
        *_USER_RIGHTS,
    ],
    "S-1-5-32-545": list(_USER_RIGHTS),
    "S-1-5-32-551": [
        "SeBackupPrivilege", "SeRestorePrivilege", "SeShutdownPrivilege",
        "SeInteractiveLogonRight", "SeNetworkLogonRight", "SeBatchLogonRight",
    ],
    "S-1-1-0": ["SeChangeNotifyPrivilege", "SeNetworkLogonRight"],
}  # fmt: skip
_AUDIT_CATEGORIES = 9  # AuditCategorySystem ... AuditCategoryAccountLogon


class LsaPolicy:
    """An open policy of the local computer (LsaOpenPolicy): what its handle refers to."""

    __slots__ = ("__weakref__",)

    kind = "policy"

    def __repr__(self) -> str:
        return "<LsaPolicy of the local computer>"


class LogonSession(NamedTuple):
    """A logon session (LsaGetLogonSessionData): who logged on, how and when."""

    logon_id: int
    user_name: str
    logon_domain: str
    authentication_package: str
    logon_type: int
    session: int
    sid: str
    logon_time: float  # seconds since the epoch
    logon_server: str
    dns_domain_name: str
    upn: str


def open_policy(computer: str | None, access: int, token: Token) -> tuple[LsaPolicy, int]:
    """Open the policy of the local computer with ``access`` (LsaOpenPolicy).

    Returns:
        The policy and the rights granted (GENERIC_* mapped).

    Raises:
        Win32Error: RPC_S_SERVER_UNAVAILABLE for another computer, ERROR_ACCESS_DENIED for a
            right only administrators have, asked by a standard user.
    """
    check_local_computer(computer)
    granted = access & ~0xF0000000
    for generic, rights in _GENERIC.items():
        if access & generic:
            granted |= rights
    if granted & ~_ANYONE and not token.elevated:
        raise Win32Error.from_code(
            ERROR_ACCESS_DENIED,
            f"rights {granted & ~_ANYONE:#x} of the policy are an administrator's; open it "
            "with POLICY_LOOKUP_NAMES | POLICY_VIEW_LOCAL_INFORMATION",
        )
    return LsaPolicy(), granted


def lsa_store_path() -> Path:
    """The user's LSA file, read from the environment at every call."""
    explicit = os.environ.get("APARTMENT_LSA")
    if explicit:
        return Path(explicit).expanduser()
    classes = os.environ.get("APARTMENT_REGISTRY")
    if classes:
        return Path(classes).expanduser().with_name("lsa.json")
    state_home = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state_home) if os.path.isabs(state_home) else Path.home() / ".local" / "state"
    return base / "apartment" / "lsa.json"


@contextlib.contextmanager
def _store(*, write: bool) -> Iterator[dict[str, Any]]:
    """The LSA's data under the file's lock; written back on exit when ``write``."""
    path = lsa_store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if write else fcntl.LOCK_SH)
        text = os.read(fd, os.fstat(fd).st_size).decode()
        data: dict[str, Any] = json.loads(text) if text else {}
        data.setdefault("rights", {sid: list(rights) for sid, rights in _DEFAULT_RIGHTS.items()})
        data.setdefault("secrets", {})
        data.setdefault("audit", [False, [0] * _AUDIT_CATEGORIES])
        yield data
        if write:
            encoded = json.dumps(data, sort_keys=True).encode()
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, encoded)
    finally:
        os.close(fd)


def _check_rights(rights: list[str]) -> None:
    for right in rights:
        if right not in PRIVILEGES and right not in _LOGON_RIGHTS:
            raise Win32Error.from_code(
                ERROR_NO_SUCH_PRIVILEGE, f"{right!r} is neither a privilege nor a logon right"
            )


def account_rights(sid: str) -> list[str]:
    """The privileges and logon rights an account holds itself (LsaEnumerateAccountRights).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for an account that holds none, as on Windows.
    """
    with _store(write=False) as data:
        rights = data["rights"].get(sid.upper(), [])
    if not rights:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{sid} holds no rights of its own")
    return list(rights)


def accounts_with_right(right: str) -> list[str]:
    """The SIDs of the accounts that hold ``right`` (LsaEnumerateAccountsWithUserRight).

    Raises:
        Win32Error: ERROR_NO_SUCH_PRIVILEGE for an unknown right.
    """
    _check_rights([right])
    with _store(write=False) as data:
        return [sid for sid, rights in data["rights"].items() if right in rights]


def add_account_rights(sid: str, rights: list[str]) -> None:
    """Give an account rights (LsaAddAccountRights); unknown names: ERROR_NO_SUCH_PRIVILEGE."""
    _check_rights(rights)
    with _store(write=True) as data:
        held = data["rights"].setdefault(sid.upper(), [])
        held.extend(right for right in rights if right not in held)


def remove_account_rights(sid: str, rights: list[str], *, all_rights: bool) -> None:
    """Take rights from an account, or all of them (LsaRemoveAccountRights)."""
    _check_rights(rights)
    with _store(write=True) as data:
        held = data["rights"].get(sid.upper(), [])
        kept = [] if all_rights else [right for right in held if right not in rights]
        if kept:
            data["rights"][sid.upper()] = kept
        else:
            data["rights"].pop(sid.upper(), None)


def store_secret(name: str, value: str | None) -> None:
    """Keep private data under ``name``, or delete it for None (LsaStorePrivateData).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND deleting a name nothing is kept under.
    """
    with _store(write=True) as data:
        if value is not None:
            data["secrets"][name] = value
        elif data["secrets"].pop(name, None) is None:
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no private data named {name!r}")


def retrieve_secret(name: str) -> str:
    """The private data kept under ``name`` (LsaRetrievePrivateData).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for a name nothing is kept under.
    """
    with _store(write=False) as data:
        value = data["secrets"].get(name)
    if value is None:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no private data named {name!r}")
    return str(value)


def audit_policy() -> tuple[bool, tuple[int, ...]]:
    """Whether auditing is on, and each category's POLICY_AUDIT_EVENT_* options."""
    with _store(write=False) as data:
        mode, options = data["audit"]
    return bool(mode), tuple(options)


def set_audit_policy(mode: bool, options: list[int]) -> None:
    """Set the audit policy (LsaSetInformationPolicy PolicyAuditEventsInformation).

    POLICY_AUDIT_EVENT_UNCHANGED (0) leaves a category as it is; NONE (4) clears it.
    """
    global _seen
    with _store(write=True) as data:
        current = list(data["audit"][1])
        for index, option in enumerate(options[:_AUDIT_CATEGORIES]):
            if option:  # NONE (4) clears the category: its success and failure bits go
                current[index] = option & 0x3
        data["audit"] = [bool(mode), current]
        data["audit_changes"] = data.get("audit_changes", 0) + 1
        with _watch_lock:  # seen here, so this process's poller does not report it again
            _seen = data["audit_changes"]
    _changed(_AUDIT_EVENTS_CHANGED)


_watchers: list[tuple[int, Event]] = []  # (notification class, event), under _watch_lock
_watch_lock = threading.Lock()
hold_across_fork(_watch_lock, OUTER)
_AUDIT_EVENTS_CHANGED = 1  # PolicyNotifyAuditEventsInformation


_POLL_SECONDS = 0.05
_poller: threading.Thread | None = None
_wake = threading.Event()
_seen = 0  # the store's count of audit policy changes last reported, under _watch_lock


def _forget_after_fork() -> None:
    """In a forked child: the parent's registrations are not its own, and its poller is gone."""
    global _poller
    _watchers.clear()
    _poller = None


after_fork_in_child(_forget_after_fork, SERVICES)


def _audit_changes() -> int:
    with _store(write=False) as data:
        return int(data.get("audit_changes", 0))


def watch_policy(information_class: int, event: Event) -> None:
    """Set ``event`` when this part of the policy changes (LsaRegisterPolicyChangeNotification).

    A change of the audit policy (class 1) made by this process sets it before
    set_audit_policy returns; one made by another process of the user is seen within about
    50 ms, by a poller thread that runs while such a registration is pending.
    """
    global _poller, _seen
    watching_audit = information_class == _AUDIT_EVENTS_CHANGED
    current = _audit_changes() if watching_audit else 0
    with _watch_lock:
        if watching_audit and not any(kind == information_class for kind, _ in _watchers):
            _seen = current
        _watchers.append((information_class, event))
        if watching_audit and _poller is None:
            _poller = threading.Thread(target=_run, name="apartment-lsa-notify", daemon=True)
            _poller.start()


def unwatch_policy(information_class: int, event: Event) -> None:
    """Stop setting ``event`` (LsaUnregisterPolicyChangeNotification); unknown pairs are ignored."""
    with _watch_lock, contextlib.suppress(ValueError):
        _watchers.remove((information_class, event))
    _wake.set()  # the poller ends at once when nothing is left to watch


def _run() -> None:
    """The poller thread: reports other processes' audit policy changes while watched."""
    global _poller, _seen
    while True:
        _wake.wait(_POLL_SECONDS)
        _wake.clear()
        with _watch_lock:
            if not any(kind == _AUDIT_EVENTS_CHANGED for kind, _ in _watchers):
                _poller = None
                return
        current = _audit_changes()
        with _watch_lock:
            changed, _seen = current != _seen, max(current, _seen)
        if changed:
            _changed(_AUDIT_EVENTS_CHANGED)


def _changed(information_class: int) -> None:
    with _watch_lock:
        events = [event for kind, event in _watchers if kind == information_class]
    for event in events:
        event.set()


def _session_luid() -> int:
    return 0x100000 + os.getsid(0)


def logon_sessions() -> tuple[int, ...]:
    """The LUIDs of the logon sessions (LsaEnumerateLogonSessions): the user's one."""
    return (_session_luid(),)


def logon_session(luid: int) -> LogonSession:
    """What the logon session ``luid`` is (LsaGetLogonSessionData).

    Raises:
        Win32Error: ERROR_NO_SUCH_LOGON_SESSION for another LUID.
    """
    if luid != _session_luid():
        raise Win32Error.from_code(ERROR_NO_SUCH_LOGON_SESSION, f"no logon session {luid:#x}")
    try:
        started = os.stat(f"/proc/{os.getsid(0)}").st_mtime
    except OSError:
        started = time.time()
    name = computer_name()
    return LogonSession(
        luid, user_name(), name, "NTLM", 2, 1, current_user_sid(), started, name, "", ""
    )


def machine_domain() -> tuple[str, str]:
    """The account domain's name and SID: the computer's (PolicyAccountDomainInformation)."""
    return computer_name(), machine_sid()
