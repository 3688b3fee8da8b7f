"""Security descriptors of files and directories, on POSIX owners and mode bits.

A file's owner is the SID of its Linux owner (the machine's SID, RID 1000 + uid), and its
DACL is read from its mode bits as Wine reads them: SYSTEM has full access, the owner what
the ``u`` bits give, Everyone what the ``o`` bits give (``r``: FILE_GENERIC_READ, ``w``:
FILE_GENERIC_WRITE with DELETE, ``x``: FILE_GENERIC_EXECUTE); a directory's entries are
inherited by what is created in it. Setting a DACL sets the mode bits from it, as Wine does:
an entry for Everyone gives its rights to user, group and others, one for the owner to the
user, a deny entry takes rights away; a NULL DACL gives everyone everything (0777). That
much Linux enforces.

What mode bits cannot say (another owner than the file's, the group, the SACL, entries for
other SIDs, control bits) is kept beside the file, in its extended attribute
``user.apartment.security`` (or, on a file system without user attributes, in this
process), and read back as long as the mode and owner are those it was written with: a
``chmod`` from elsewhere wins. None of it is enforced.

:func:`security_of` and :func:`named_security` find whose descriptor a handle or a name
reaches: a disk file's is its file's, any other kernel object's is kept on it
(``_objsecurity``).
"""

from __future__ import annotations

import errno
import json
import os
import stat
import threading
from typing import TYPE_CHECKING

from ..errors import InvalidHandleError, NameNotFoundError
from ._accounts import current_user_sid, machine_sid, none_group_sid
from ._diskfile import DiskFile
from ._event import Event
from ._file import os_error
from ._mutex import Mutex
from ._namespace import open_named
from ._objsecurity import (
    DACL_SECURITY_INFORMATION,
    FILE_MAPPING,
    SE_DACL_PRESENT,
    Ace,
    Descriptor,
    check_parts_access,
    map_generic_mask,
    merge_parts,
    object_security,
    select_parts,
    set_object_security,
)
from ._semaphore import Semaphore
from ._timer import WaitableTimer

if TYPE_CHECKING:
    from ._token import Token

__all__ = [
    "file_security",
    "set_file_security",
    "security_of",
    "set_security_of",
    "named_security",
    "set_named_security",
]

_ATTRIBUTE = "user.apartment.security"
_SYSTEM_SID = "S-1-5-18"
_WORLD_SID = "S-1-1-0"
_ALLOWED, _DENIED = 0, 1
_INHERIT_ONLY = 0x8
_DIRECTORY_INHERIT = 0x1 | 0x2  # OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE
_FILE_READ_DATA, _FILE_WRITE_DATA, _FILE_APPEND_DATA, _FILE_EXECUTE = 0x1, 0x2, 0x4, 0x20
_DELETE, _FILE_DELETE_CHILD = 0x10000, 0x40
_WRITE_DAC, _WRITE_OWNER = 0x40000, 0x80000

# A file system without user attributes, none on the file, or no permission to read them.
_NOT_KEPT = (errno.ENOTSUP, errno.ENODATA, errno.EPERM, errno.EACCES)
_lock = threading.Lock()
_unattributed: dict[tuple[int, int], str] = {}  # (st_dev, st_ino): what the attribute holds


def _owner_sid(uid: int) -> str:
    return current_user_sid() if uid == os.getuid() else f"{machine_sid()}-{1000 + uid}"


def _mode_rights(bits: int) -> int:
    """The file rights one ``rwx`` triple (0-7) gives."""
    rights = 0
    if bits & 4:
        rights |= FILE_MAPPING.read | FILE_MAPPING.execute
    if bits & 2:
        rights |= FILE_MAPPING.write | _DELETE | _FILE_DELETE_CHILD
    return rights


def _dacl_of_mode(mode: int, owner: str) -> tuple[Ace, ...]:
    flags = _DIRECTORY_INHERIT if stat.S_ISDIR(mode) else 0
    aces = [Ace(_ALLOWED, flags, FILE_MAPPING.all, _SYSTEM_SID)]
    aces.append(Ace(_ALLOWED, flags, _WRITE_DAC | _WRITE_OWNER | _mode_rights(mode >> 6), owner))
    if mode & 0o007:
        aces.append(Ace(_ALLOWED, flags, _mode_rights(mode & 7), _WORLD_SID))
    return tuple(aces)


def _mode_bits(mask: int) -> int:
    """The ``rwx`` triple a file access mask stands for."""
    mask = map_generic_mask(mask, FILE_MAPPING)
    bits = 4 if mask & _FILE_READ_DATA else 0
    if mask & (_FILE_WRITE_DATA | _FILE_APPEND_DATA):
        bits |= 2
    return bits | (1 if mask & _FILE_EXECUTE else 0)


def _mode_of_dacl(descriptor: Descriptor, owner: str) -> int:
    """The permission bits a DACL sets (as Wine's ``sd_to_mode``)."""
    if descriptor.dacl is None:
        return 0o777  # a NULL DACL: everyone may do everything
    mode, settable = 0, 0o777
    for ace in descriptor.dacl:
        if ace.flags & _INHERIT_ONLY or ace.kind not in (_ALLOWED, _DENIED):
            continue
        bits = _mode_bits(ace.mask)
        if ace.sid == _WORLD_SID:
            affected = bits << 6 | bits << 3 | bits
        elif ace.sid == owner:
            affected = bits << 6
        else:
            continue
        if ace.kind == _ALLOWED:
            mode |= affected & settable
        settable &= ~affected
    return mode


def _load(text: str) -> tuple[int, int, Descriptor]:
    data = json.loads(text)
    dacl = data["dacl"]
    sacl = data["sacl"]
    descriptor = Descriptor(
        data["owner"],
        data["group"],
        None if dacl is None else tuple(Ace(*ace) for ace in dacl),
        None if sacl is None else tuple(Ace(*ace) for ace in sacl),
        data["control"],
    )
    return data["uid"], data["mode"], descriptor


def _dump(uid: int, mode: int, descriptor: Descriptor) -> str:
    return json.dumps({"uid": uid, "mode": mode, **descriptor._asdict()})


def _read_kept(path: str, info: os.stat_result) -> str | None:
    try:
        return os.getxattr(path, _ATTRIBUTE).decode()
    except OSError as exc:
        if exc.errno == errno.ENODATA:  # none kept (a new file may have an old one's inode)
            return None
        if exc.errno not in _NOT_KEPT:
            raise
    with _lock:
        return _unattributed.get((info.st_dev, info.st_ino))


def _write_kept(path: str, info: os.stat_result, text: str) -> None:
    with _lock:  # also in the process: a DACL may take the owner's own read access away
        _unattributed[info.st_dev, info.st_ino] = text
    try:
        os.setxattr(path, _ATTRIBUTE, text.encode())
    except OSError as exc:
        if exc.errno not in _NOT_KEPT:
            raise


def _current(path: str, info: os.stat_result) -> Descriptor:
    """The whole descriptor of a file: the kept one, with what the mode and owner say now."""
    owner = _owner_sid(info.st_uid)
    derived = Descriptor(
        owner, none_group_sid(), _dacl_of_mode(info.st_mode, owner), None, SE_DACL_PRESENT
    )
    text = _read_kept(path, info)
    if text is None:
        return derived
    uid, mode, kept = _load(text)
    if uid == info.st_uid and mode == stat.S_IMODE(info.st_mode):
        return kept
    return kept._replace(
        owner=derived.owner, dacl=derived.dacl, control=kept.control | SE_DACL_PRESENT
    )


def file_security(path: str, information: int, token: Token) -> Descriptor:
    """The parts ``information`` names of a file's descriptor (GetFileSecurity).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND for no such file,
            ERROR_PRIVILEGE_NOT_HELD for the SACL without SeSecurityPrivilege.
    """
    check_parts_access(token, information, setting=False)
    try:
        info = os.stat(path)
        return select_parts(_current(path, info), information)
    except OSError as exc:
        raise os_error(exc, f"reading the security of {path!r}") from None


def set_file_security(path: str, information: int, given: Descriptor, token: Token) -> None:
    """Replace the parts ``information`` names of a file's descriptor (SetFileSecurity).

    The DACL sets the mode bits; the owner is kept, never given to ``chown`` (Linux lets
    only root give a file away). Everything is kept beside the file.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND for no such file, and as
            :func:`merge_parts`.
    """
    try:
        info = os.stat(path)
        merged = merge_parts(_current(path, info), information, given, token)
        mode = stat.S_IMODE(info.st_mode)
        if information & DACL_SECURITY_INFORMATION:
            mode = (mode & ~0o777) | _mode_of_dacl(merged, _owner_sid(info.st_uid))
        _write_kept(path, info, _dump(info.st_uid, mode, merged))  # while it may still write
        if mode != stat.S_IMODE(info.st_mode):
            os.chmod(path, mode)
    except OSError as exc:
        raise os_error(exc, f"setting the security of {path!r}") from None


def security_of(obj: object, information: int, token: Token) -> Descriptor:
    """The descriptor parts of the object behind a handle (GetKernelObjectSecurity).

    A disk file's is its file's (:func:`file_security`); any other object's is kept on it.
    """
    if isinstance(obj, DiskFile):
        return file_security(obj.name, information, token)
    return object_security(obj, information, token)


def set_security_of(obj: object, information: int, given: Descriptor, token: Token) -> None:
    """Replace descriptor parts of the object behind a handle (SetKernelObjectSecurity)."""
    if isinstance(obj, DiskFile):
        set_file_security(obj.name, information, given, token)
    else:
        set_object_security(obj, information, given, token)


def _named(name: str) -> object:
    """The event, mutex, semaphore or timer named ``name`` (SE_KERNEL_OBJECT names).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND when no such object has the name.
    """
    for kind in (Event, Mutex, Semaphore, WaitableTimer):
        try:
            return open_named(kind, name)  # type: ignore[type-var]
        except InvalidHandleError:  # the name is another kind's
            continue
    raise NameNotFoundError(f"no event, mutex, semaphore or timer is named {name!r}")


def named_security(name: str, information: int, token: Token) -> Descriptor:
    """The descriptor parts of the kernel object named ``name`` (GetNamedSecurityInfo)."""
    return object_security(_named(name), information, token)


def set_named_security(name: str, information: int, given: Descriptor, token: Token) -> None:
    """Replace descriptor parts of the kernel object named ``name`` (SetNamedSecurityInfo)."""
    set_object_security(_named(name), information, given, token)
