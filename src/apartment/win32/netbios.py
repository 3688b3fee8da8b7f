"""pywin32's ``netbios``: nb30.h's numbers, and its structures over an NCB's buffer.

A structure (``LANA_ENUM()``, ``ADAPTER_STATUS()``, ...) keeps its fields as attributes and
its bytes in ``_buffer_``, which an NCB takes as its Buffer; :func:`Netbios` writes the
fields into the bytes before the call and reads them back after it
(``win32wnet.Netbios`` alone leaves the attributes as they were, as pywin32's).
"""

from __future__ import annotations

import struct
from typing import Any

from . import win32wnet
from .win32wnet import NCB as NCB

__all__ = [
    "NCB", "Netbios", "NCBStruct", "ADAPTER_STATUS", "NAME_BUFFER", "SESSION_HEADER",
    "SESSION_BUFFER", "LANA_ENUM", "FIND_NAME_HEADER", "FIND_NAME_BUFFER", "ACTION_HEADER",
    "ADAPTER_STATUS_ITEMS", "NAME_BUFFER_ITEMS", "SESSION_HEADER_ITEMS", "SESSION_BUFFER_ITEMS",
    "LANA_ENUM_ITEMS", "FIND_NAME_HEADER_ITEMS", "FIND_NAME_BUFFER_ITEMS", "ACTION_HEADER_ITEMS",
    "NCBNAMSZ", "MAX_LANA", "NAME_FLAGS_MASK", "GROUP_NAME", "UNIQUE_NAME", "REGISTERING",
    "REGISTERED", "DEREGISTERED", "DUPLICATE", "DUPLICATE_DEREG", "LISTEN_OUTSTANDING",
    "CALL_PENDING", "SESSION_ESTABLISHED", "HANGUP_PENDING", "HANGUP_COMPLETE",
    "SESSION_ABORTED", "ALL_TRANSPORTS", "MS_NBF", "NCBCALL", "NCBLISTEN", "NCBHANGUP",
    "NCBSEND", "NCBRECV", "NCBRECVANY", "NCBCHAINSEND", "NCBDGSEND", "NCBDGRECV", "NCBDGSENDBC",
    "NCBDGRECVBC", "NCBADDNAME", "NCBDELNAME", "NCBRESET", "NCBASTAT", "NCBSSTAT", "NCBCANCEL",
    "NCBADDGRNAME", "NCBENUM", "NCBUNLINK", "NCBSENDNA", "NCBCHAINSENDNA", "NCBLANSTALERT",
    "NCBACTION", "NCBFINDNAME", "NCBTRACE", "ASYNCH", "NRC_GOODRET", "NRC_BUFLEN", "NRC_ILLCMD",
    "NRC_CMDTMO", "NRC_INCOMP", "NRC_BADDR", "NRC_SNUMOUT", "NRC_NORES", "NRC_SCLOSED",
    "NRC_CMDCAN", "NRC_DUPNAME", "NRC_NAMTFUL", "NRC_ACTSES", "NRC_LOCTFUL", "NRC_REMTFUL",
    "NRC_ILLNN", "NRC_NOCALL", "NRC_NOWILD", "NRC_INUSE", "NRC_NAMERR", "NRC_SABORT",
    "NRC_NAMCONF", "NRC_IFBUSY", "NRC_TOOMANY", "NRC_BRIDGE", "NRC_CANOCCR", "NRC_CANCEL",
    "NRC_DUPENV", "NRC_ENVNOTDEF", "NRC_OSRESNOTAV", "NRC_MAXAPPS", "NRC_NOSAPS",
    "NRC_NORESOURCES", "NRC_INVADDRESS", "NRC_INVDDID", "NRC_LOCKFAIL", "NRC_OPENERR",
    "NRC_SYSTEM", "NRC_PENDING",
]  # fmt: skip

NCBNAMSZ = 16
MAX_LANA = 254
NAME_FLAGS_MASK = 0x87
GROUP_NAME = 0x80
UNIQUE_NAME = 0x00
REGISTERING = 0x00
REGISTERED = 0x04
DEREGISTERED = 0x05
DUPLICATE = 0x06
DUPLICATE_DEREG = 0x07
LISTEN_OUTSTANDING = 0x01
CALL_PENDING = 0x02
SESSION_ESTABLISHED = 0x03
HANGUP_PENDING = 0x04
HANGUP_COMPLETE = 0x05
SESSION_ABORTED = 0x06
ALL_TRANSPORTS = "M\0\0\0"
MS_NBF = "MNBF"
NCBCALL = 0x10
NCBLISTEN = 0x11
NCBHANGUP = 0x12
NCBSEND = 0x14
NCBRECV = 0x15
NCBRECVANY = 0x16
NCBCHAINSEND = 0x17
NCBDGSEND = 0x20
NCBDGRECV = 0x21
NCBDGSENDBC = 0x22
NCBDGRECVBC = 0x23
NCBADDNAME = 0x30
NCBDELNAME = 0x31
NCBRESET = 0x32
NCBASTAT = 0x33
NCBSSTAT = 0x34
NCBCANCEL = 0x35
NCBADDGRNAME = 0x36
NCBENUM = 0x37
NCBUNLINK = 0x70
NCBSENDNA = 0x71
NCBCHAINSENDNA = 0x72
NCBLANSTALERT = 0x73
NCBACTION = 0x77
NCBFINDNAME = 0x78
NCBTRACE = 0x79
ASYNCH = 0x80
NRC_GOODRET = 0x00
NRC_BUFLEN = 0x01
NRC_ILLCMD = 0x03
NRC_CMDTMO = 0x05
NRC_INCOMP = 0x06
NRC_BADDR = 0x07
NRC_SNUMOUT = 0x08
NRC_NORES = 0x09
NRC_SCLOSED = 0x0A
NRC_CMDCAN = 0x0B
NRC_DUPNAME = 0x0D
NRC_NAMTFUL = 0x0E
NRC_ACTSES = 0x0F
NRC_LOCTFUL = 0x11
NRC_REMTFUL = 0x12
NRC_ILLNN = 0x13
NRC_NOCALL = 0x14
NRC_NOWILD = 0x15
NRC_INUSE = 0x16
NRC_NAMERR = 0x17
NRC_SABORT = 0x18
NRC_NAMCONF = 0x19
NRC_IFBUSY = 0x21
NRC_TOOMANY = 0x22
NRC_BRIDGE = 0x23
NRC_CANOCCR = 0x24
NRC_CANCEL = 0x26
NRC_DUPENV = 0x30
NRC_ENVNOTDEF = 0x34
NRC_OSRESNOTAV = 0x35
NRC_MAXAPPS = 0x36
NRC_NOSAPS = 0x37
NRC_NORESOURCES = 0x38
NRC_INVADDRESS = 0x39
NRC_INVDDID = 0x3B
NRC_LOCKFAIL = 0x3C
NRC_OPENERR = 0x3F
NRC_SYSTEM = 0x40
NRC_PENDING = 0xFF

# (struct format, field name), in nb30.h's order; native alignment, as the C structures.
ADAPTER_STATUS_ITEMS = [
    ("6s", "adapter_address"),
    *(("B", name) for name in ("rev_major", "reserved0", "adapter_type", "rev_minor")),
    *(("H", name) for name in
      ("duration", "frmr_recv", "frmr_xmit", "iframe_recv_err", "xmit_aborts")),
    ("I", "xmit_success"),
    ("I", "recv_success"),
    *(("H", name) for name in
      ("iframe_xmit_err", "recv_buff_unavail", "t1_timeouts", "ti_timeouts")),
    ("I", "reserved1"),
    *(("H", name) for name in
      ("free_ncbs", "max_cfg_ncbs", "max_ncbs", "xmit_buf_unavail", "max_dgram_size",
       "pending_sess", "max_cfg_sess", "max_sess", "max_sess_pkt_size", "name_count")),
]  # fmt: skip
NAME_BUFFER_ITEMS = [(f"{NCBNAMSZ}s", "name"), ("B", "name_num"), ("B", "name_flags")]
SESSION_HEADER_ITEMS = [
    ("B", "sess_name"), ("B", "num_sess"), ("B", "rcv_dg_outstanding"),
    ("B", "rcv_any_outstanding"),
]  # fmt: skip
SESSION_BUFFER_ITEMS = [
    ("B", "lsn"), ("B", "state"), (f"{NCBNAMSZ}s", "local_name"),
    (f"{NCBNAMSZ}s", "remote_name"), ("B", "rcvs_outstanding"), ("B", "sends_outstanding"),
]  # fmt: skip
LANA_ENUM_ITEMS = [("B", "length"), (f"{MAX_LANA + 1}s", "lana")]
FIND_NAME_HEADER_ITEMS = [("H", "node_count"), ("B", "reserved"), ("B", "unique_group")]
FIND_NAME_BUFFER_ITEMS = [
    ("B", "length"), ("B", "access_control"), ("B", "frame_control"),
    ("6s", "destination_addr"), ("6s", "source_addr"), ("18s", "routing_info"),
]  # fmt: skip
ACTION_HEADER_ITEMS = [("I", "transport_id"), ("H", "action_code"), ("H", "reserved")]


class NCBStruct:
    """A C structure of NetBIOS: its fields as attributes, its bytes in ``_buffer_``.

    Only the structure's fields (and names starting with ``_``) can be set.
    """

    _layout: struct.Struct
    _fields: tuple[str, ...]
    _buffer_: memoryview

    def __init__(self, items: list[tuple[str, str]]) -> None:
        layout = struct.Struct("".join(code for code, _ in items))
        self.__dict__.update(
            _layout=layout,
            _fields=tuple(name for _, name in items),
            _buffer_=win32wnet.NCBBuffer(layout.size),
        )
        for code, name in items:
            self.__dict__[name] = 0 if code[-1] != "s" else bytes(int(code[:-1]))

    def _pack(self) -> None:
        """Write the attributes into the buffer."""
        self._buffer_[:] = self._layout.pack(*(self.__dict__[name] for name in self._fields))

    def _unpack(self) -> None:
        """Read the buffer back into the attributes."""
        self.__dict__.update(zip(self._fields, self._layout.unpack(self._buffer_), strict=True))

    def __setattr__(self, name: str, value: Any) -> None:  # noqa: ANN401 - any field's value
        if not name.startswith("_") and name not in self._fields:
            raise AttributeError(name)
        self.__dict__[name] = value


def Netbios(ncb: NCB) -> int:
    """``win32wnet.Netbios``, with a structure in the NCB's Buffer packed and read back."""
    buffer: Any = ncb.Buffer
    ours = isinstance(buffer, NCBStruct)
    if ours:
        buffer._pack()
    try:
        return win32wnet.Netbios(ncb)
    finally:
        if ours:
            buffer._unpack()


def ADAPTER_STATUS() -> NCBStruct:
    """An ADAPTER_STATUS (NCBASTAT's answer)."""
    return NCBStruct(ADAPTER_STATUS_ITEMS)


def NAME_BUFFER() -> NCBStruct:
    """A NAME_BUFFER (a name of an adapter's table)."""
    return NCBStruct(NAME_BUFFER_ITEMS)


def SESSION_HEADER() -> NCBStruct:
    """A SESSION_HEADER (NCBSSTAT's answer)."""
    return NCBStruct(SESSION_HEADER_ITEMS)


def SESSION_BUFFER() -> NCBStruct:
    """A SESSION_BUFFER (a session of NCBSSTAT's answer)."""
    return NCBStruct(SESSION_BUFFER_ITEMS)


def LANA_ENUM() -> NCBStruct:
    """A LANA_ENUM (NCBENUM's answer: a count, then the adapter numbers)."""
    return NCBStruct(LANA_ENUM_ITEMS)


def FIND_NAME_HEADER() -> NCBStruct:
    """A FIND_NAME_HEADER (NCBFINDNAME's answer)."""
    return NCBStruct(FIND_NAME_HEADER_ITEMS)


def FIND_NAME_BUFFER() -> NCBStruct:
    """A FIND_NAME_BUFFER (a node of NCBFINDNAME's answer)."""
    return NCBStruct(FIND_NAME_BUFFER_ITEMS)


def ACTION_HEADER() -> NCBStruct:
    """An ACTION_HEADER (NCBACTION's)."""
    return NCBStruct(ACTION_HEADER_ITEMS)
