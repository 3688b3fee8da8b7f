"""SDDL: security descriptors as strings, read and written as Windows' SDDL functions do.

ConvertStringSecurityDescriptorToSecurityDescriptor and its inverse. The owner, group, DACL
and SACL with their ACEs (access, deny, audit and mandatory label ACEs), the SID aliases
(``SY``, ``BA``, ``WD``, the integrity levels ``LW``/``ME``/``HI``...), the rights and flag
tokens, and the ACL flags ``P``, ``AI`` and ``AR`` (the descriptor's control bits). Kept,
never enforced (see ``win32security``).
"""

from __future__ import annotations

import re

from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ._security import (
    ACCESS_ALLOWED_ACE_TYPE,
    ACCESS_DENIED_ACE_TYPE,
    DACL_SECURITY_INFORMATION,
    GROUP_SECURITY_INFORMATION,
    OWNER_SECURITY_INFORMATION,
    SACL_SECURITY_INFORMATION,
    SE_DACL_PRESENT,
    SYSTEM_AUDIT_ACE_TYPE,
    PyACL,
    PySECURITY_DESCRIPTOR,
    PySID,
    sid_from_string,
    sid_to_string,
)

__all__ = ["sd_from_sddl", "sd_to_sddl", "sid_from_text"]

_ERROR_INVALID_ACL = 1336  # an ACE or a SID the string cannot name
_ERROR_INVALID_SID = 1337  # ConvertStringSidToSid: no SID

_ALIASES = {
    "WD": "S-1-1-0",
    "CO": "S-1-3-0",
    "CG": "S-1-3-1",
    "SY": "S-1-5-18",
    "LS": "S-1-5-19",
    "NS": "S-1-5-20",
    "BA": "S-1-5-32-544",
    "BU": "S-1-5-32-545",
    "BG": "S-1-5-32-546",
    "AU": "S-1-5-11",
    "IU": "S-1-5-4",
    "AN": "S-1-5-7",
    "NU": "S-1-5-2",
    "SU": "S-1-5-6",
    "PU": "S-1-5-32-547",
    "RD": "S-1-5-32-555",
    "OW": "S-1-3-4",
    "AC": "S-1-15-2-1",
    # mandatory integrity levels, the SIDs of mandatory label ACEs
    "LW": "S-1-16-4096",
    "ME": "S-1-16-8192",
    "MP": "S-1-16-8448",
    "HI": "S-1-16-12288",
    "SI": "S-1-16-16384",
}
_ALIAS_OF = {value: alias for alias, value in _ALIASES.items()}

_RIGHTS = {
    "GA": 0x10000000, "GX": 0x20000000, "GW": 0x40000000, "GR": 0x80000000,
    "SD": 0x00010000, "RC": 0x00020000, "WD": 0x00040000, "WO": 0x00080000,
    "FA": 0x001F01FF, "FR": 0x00120089, "FW": 0x00120116, "FX": 0x001200A0,
    "KA": 0x000F003F, "KR": 0x00020019, "KW": 0x00020006, "KX": 0x00020019,
    "CC": 0x1, "DC": 0x2, "LC": 0x4, "SW": 0x8, "RP": 0x10, "WP": 0x20, "DT": 0x40, "LO": 0x80,
    "CR": 0x100,
}  # fmt: skip
_RIGHTS_OF = {value: key for key, value in _RIGHTS.items() if key != "KX"}
_LABEL_RIGHTS = {"NW": 0x1, "NR": 0x2, "NX": 0x4}  # a mandatory label ACE's policy
_MANDATORY_LABEL = 0x11  # SYSTEM_MANDATORY_LABEL_ACE_TYPE
_TYPES = {
    "A": ACCESS_ALLOWED_ACE_TYPE,
    "D": ACCESS_DENIED_ACE_TYPE,
    "AU": SYSTEM_AUDIT_ACE_TYPE,
    "ML": _MANDATORY_LABEL,
}
_TYPES_OF = {value: key for key, value in _TYPES.items()}
_FLAGS = {"OI": 0x1, "CI": 0x2, "NP": 0x4, "IO": 0x8, "ID": 0x10}
# The ACL flags that follow "D:" or "S:": control bits of the descriptor, for the DACL and SACL.
_ACL_FLAGS = {"P": (0x1000, 0x2000), "AI": (0x0400, 0x0800), "AR": (0x0100, 0x0200)}


def _bad_acl(what: str) -> Win32Error:
    return Win32Error.from_code(_ERROR_INVALID_ACL, f"SDDL: {what}")


def _sid_text(text: str) -> PySID:
    sid = _ALIASES.get(text, text)
    if not sid.upper().startswith("S-"):
        raise _bad_acl(f"{text!r} is neither a SID alias nor a string SID")
    try:
        return sid_from_string(sid)
    except ValueError:
        raise _bad_acl(f"{text!r} is not a string SID") from None


def sid_from_text(text: str) -> PySID:
    """ConvertStringSidToSid: a string SID or an SDDL alias; ERROR_INVALID_SID for neither."""
    try:
        return sid_from_string(_ALIASES.get(text, text))
    except ValueError:
        raise Win32Error.from_code(
            _ERROR_INVALID_SID, f"{text!r} is neither a string SID (S-1-...) nor a SID alias"
        ) from None


def _tokens(text: str, table: dict[str, int], what: str) -> int:
    """The OR of the two-letter tokens of ``text`` (rights or ACE flags)."""
    bits = 0
    for i in range(0, len(text), 2):
        token = text[i : i + 2]
        if token not in table:
            raise _bad_acl(f"{token!r} is not a known {what}")
        bits |= table[token]
    return bits


def _acl_from(text: str) -> tuple[PyACL, str]:
    """Parse an ACL: its ACEs, and the flags written before the first one."""
    head, _, _ = text.partition("(")
    acl = PyACL(8)  # as long as its entries need (Windows: the DACL of "D:" is 8 bytes)
    aces = re.findall(r"\(([^()]*)\)", text)
    if len(aces) != text.count("("):
        raise _bad_acl(f"an ACE of {text!r} is not closed")
    for ace in aces:
        fields = ace.split(";")
        if len(fields) != 6:
            raise _bad_acl(f"the ACE {ace!r} has {len(fields)} fields, not 6")
        kind, flags, rights, _, _, sid = fields
        if kind not in _TYPES:
            raise _bad_acl(f"{kind!r} is not a known ACE type")
        if rights.lower().startswith("0x"):
            mask = int(rights, 16)
        else:
            table = _LABEL_RIGHTS if kind == "ML" else _RIGHTS
            mask = _tokens(rights, table, "access right")
        acl._add(_TYPES[kind], _tokens(flags, _FLAGS, "ACE flag"), mask, _sid_text(sid))
    return acl, head


def _control_of(head: str, which: int) -> int:
    """The control bits an ACL's flags (``P``, ``AI``, ``AR``) set; 0 for the DACL, 1 the SACL."""
    bits, rest = 0, head
    for flag in ("AI", "AR", "P"):
        if flag in rest:
            bits |= _ACL_FLAGS[flag][which]
            rest = rest.replace(flag, "", 1)
    return bits


def sd_from_sddl(text: str) -> PySECURITY_DESCRIPTOR:
    """Parse SDDL (ConvertStringSecurityDescriptorToSecurityDescriptor)."""
    sd = PySECURITY_DESCRIPTOR()
    parts = re.findall(r"([OGDS]):(.*?)(?=[OGDS]:|$)", text)
    if not parts:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"SDDL: {text!r} names no part")
    for part, value in parts:
        if part == "O":
            sd.SetSecurityDescriptorOwner(_sid_text(value), 0)
        elif part == "G":
            sd.SetSecurityDescriptorGroup(_sid_text(value), 0)
        elif part == "D" and value.startswith("NO_ACCESS_CONTROL"):
            sd.SetSecurityDescriptorDacl(1, None, 0)
        else:
            acl, head = _acl_from(value)
            which = 0 if part == "D" else 1
            if which == 0:
                sd.SetSecurityDescriptorDacl(1, acl, 0)
            else:
                sd.SetSecurityDescriptorSacl(1, acl, 0)
            sd._control |= _control_of(head, which)
    return sd


def _rights_text(kind: int, mask: int) -> str:
    if kind == _MANDATORY_LABEL and mask and not mask & ~0x7:
        return "".join(key for key, bit in _LABEL_RIGHTS.items() if mask & bit)
    return _RIGHTS_OF.get(mask, f"{mask:#x}")


def _acl_text(acl: PyACL, control: int, which: int) -> str:
    out = [flag for flag, bits in _ACL_FLAGS.items() if control & bits[which]]
    for kind, flags, mask, sid in acl._aces:
        flag_text = "".join(key for key, bit in _FLAGS.items() if flags & bit)
        name = sid_to_string(sid)
        kind_text = _TYPES_OF.get(kind, "A")
        out.append(
            f"({kind_text};{flag_text};{_rights_text(kind, mask)};;;{_ALIAS_OF.get(name, name)})"
        )
    return "".join(out)


def sd_to_sddl(sd: PySECURITY_DESCRIPTOR, information: int) -> str:
    """Write SDDL (ConvertSecurityDescriptorToStringSecurityDescriptor)."""
    parts = []
    owner, group = sd.GetSecurityDescriptorOwner(), sd.GetSecurityDescriptorGroup()
    if information & OWNER_SECURITY_INFORMATION and owner is not None:
        text = sid_to_string(owner)
        parts.append(f"O:{_ALIAS_OF.get(text, text)}")
    if information & GROUP_SECURITY_INFORMATION and group is not None:
        text = sid_to_string(group)
        parts.append(f"G:{_ALIAS_OF.get(text, text)}")
    dacl, sacl = sd.GetSecurityDescriptorDacl(), sd.GetSecurityDescriptorSacl()
    if information & DACL_SECURITY_INFORMATION and sd._control & SE_DACL_PRESENT:
        text = "NO_ACCESS_CONTROL" if dacl is None else _acl_text(dacl, sd._control, 0)
        parts.append("D:" + text)
    if information & SACL_SECURITY_INFORMATION and sacl is not None:
        parts.append("S:" + _acl_text(sacl, sd._control, 1))
    return "".join(parts)
