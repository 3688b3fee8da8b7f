r"""The machine-wide roots' first keys: HKEY_LOCAL_MACHINE's well-known keys and HKEY_USERS.

Real programs read ``HKEY_LOCAL_MACHINE`` for the Windows version, the processors, the
computer's name, the system environment and the program folders. :func:`seed_machine` writes
those keys once, in the transaction that makes the root's row (:mod:`._store`), with the
answers the rest of the library already gives (``kernel.windows_version``,
``kernel.system_info``, ``kernel.computer_name``, the environment): never a second answer.
Being seeded once, they keep what was true then, as Windows' keys keep what setup wrote
(Windows rebuilds ``HARDWARE`` at each boot; here it stays until the store is removed).

``HKEY_USERS`` holds ``.DEFAULT`` (empty) and the user's SID, whose row stands for
``HKEY_CURRENT_USER``'s root (:func:`user_alias`): opening it opens the user's root.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from .. import kernel
from ._values import REG_DWORD, REG_EXPAND_SZ, REG_SZ, encode

if TYPE_CHECKING:
    import sqlite3

__all__ = ["MACHINE_NAME", "USERS_NAME", "cpu_fields", "seed_machine", "seed_users", "user_alias"]

MACHINE_NAME = "HKEY_LOCAL_MACHINE"
USERS_NAME = "HKEY_USERS"
_NT = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"
_WINDOWS = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion"
_PROCESSORS = "HARDWARE\\DESCRIPTION\\System\\CentralProcessor"
_ENVIRONMENT = "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"
_COMPUTER_NAME = "SYSTEM\\CurrentControlSet\\Control\\ComputerName"
# Windows 10 22H2 (build 19045, the version kernel.windows_version gives) names itself so.
_RELEASE = {19045: ("2009", "22H2")}
_ARCHITECTURE_NAMES = {9: "AMD64", 12: "ARM64", 0: "x86"}
# Where Linux keeps what Windows keeps in Program Files (FHS: add-on applications) and
# Common Files (what several programs share).
PROGRAM_FILES = "/opt"
COMMON_FILES = "/usr/local/lib"


def cpu_fields() -> dict[str, str]:
    """The first processor's ``vendor_id``, ``model name`` and ``cpu MHz`` in /proc/cpuinfo."""
    fields: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as stream:
            for line in stream:
                if not line.strip():
                    break  # the first processor's block ends
                name, _, value = line.partition(":")
                fields.setdefault(name.strip(), value.strip())
    except OSError:
        pass
    return fields


class _Writer:
    """Adds keys and values below one root, inside the caller's transaction."""

    def __init__(self, connection: sqlite3.Connection, root: int) -> None:
        self._connection = connection
        self._root = root
        self._now = time.time()

    def key(self, path: str) -> int:
        """The key at ``path`` below the root, made with the keys above it as needed."""
        key_id = self._root
        for part in path.split("\\"):
            row = self._connection.execute(
                "SELECT id FROM keys WHERE parent = ? AND name_key = ?", (key_id, part.lower())
            ).fetchone()
            if row is None:
                row = (
                    self._connection.execute(
                        "INSERT INTO keys (parent, name, name_key, last_write) VALUES (?, ?, ?, ?)",
                        (key_id, part, part.lower(), self._now),
                    ).lastrowid,
                )
            key_id = int(row[0])
        return key_id

    def values(self, path: str, values: list[tuple[str, int, object]]) -> None:
        key_id = self.key(path)
        for name, kind, data in values:
            self._connection.execute(
                "INSERT OR REPLACE INTO key_values (key, name, name_key, type, data)"
                " VALUES (?, ?, ?, ?, ?)",
                (key_id, name, name.lower(), kind, encode(kind, data)),
            )


def _processor_identifier(info: kernel.SystemInfo, vendor: str) -> str:
    """What Windows calls the processor: ``Intel64 Family 6 Model 85 Stepping 7`` and kin."""
    model, stepping = info.revision >> 8, info.revision & 0xFF
    if info.architecture == 12:
        return f"ARMv8 (64-bit) Family 8 Model {model:X} Revision {stepping:3X}"
    family = {9: "AMD64" if vendor == "AuthenticAMD" else "Intel64"}.get(info.architecture, "x86")
    return f"{family} Family {info.level} Model {model} Stepping {stepping}"


def seed_machine(connection: sqlite3.Connection, root: int) -> None:
    """Write HKEY_LOCAL_MACHINE's well-known keys below the new root row ``root``."""
    add = _Writer(connection, root)
    version = kernel.windows_version()
    release, display = _RELEASE.get(version.build, ("", ""))
    nt: list[tuple[str, int, object]] = [
        ("ProductName", REG_SZ, "Windows 10 Pro"),
        ("EditionID", REG_SZ, "Professional"),
        ("InstallationType", REG_SZ, "Client" if version.product_type == 1 else "Server"),
        ("CurrentVersion", REG_SZ, "6.3"),  # frozen at 8.1's by Windows since 10
        ("CurrentMajorVersionNumber", REG_DWORD, version.major),
        ("CurrentMinorVersionNumber", REG_DWORD, version.minor),
        ("CurrentBuild", REG_SZ, str(version.build)),
        ("CurrentBuildNumber", REG_SZ, str(version.build)),
        ("ReleaseId", REG_SZ, release),
        ("DisplayVersion", REG_SZ, display),
        ("SystemRoot", REG_SZ, kernel.windows_directory()),
    ]
    if version.service_pack:
        nt.append(("CSDVersion", REG_SZ, version.service_pack))
    add.values(_NT, nt)
    add.values(
        _WINDOWS,
        [
            ("ProgramFilesDir", REG_SZ, PROGRAM_FILES),
            ("CommonFilesDir", REG_SZ, COMMON_FILES),
            ("ProgramFilesPath", REG_EXPAND_SZ, "%ProgramFiles%"),
        ],
    )
    for empty in ("Uninstall", "Run", "RunOnce"):
        add.key(f"{_WINDOWS}\\{empty}")
    add.key("HARDWARE\\DEVICEMAP\\SERIALCOMM")

    info = kernel.system_info()
    cpu = cpu_fields()
    vendor = cpu.get("vendor_id", "")
    identifier = _processor_identifier(info, vendor)
    try:
        mhz = round(float(cpu.get("cpu MHz", "0")))
    except ValueError:
        mhz = 0
    for number in range(info.processors):
        add.values(
            f"{_PROCESSORS}\\{number}",
            [
                ("~MHz", REG_DWORD, mhz),
                ("Identifier", REG_SZ, identifier),
                ("ProcessorNameString", REG_SZ, cpu.get("model name", "")),
                ("VendorIdentifier", REG_SZ, vendor),
            ],
        )
    add.values(
        "HARDWARE\\DESCRIPTION\\System",
        [("Identifier", REG_SZ, "AT/AT COMPATIBLE")],
    )

    name = kernel.computer_name()
    for which in ("ComputerName", "ActiveComputerName"):
        add.values(f"{_COMPUTER_NAME}\\{which}", [("ComputerName", REG_SZ, name)])
    import tempfile  # only the machine hive needs it (a process starts faster)

    temp = tempfile.gettempdir()  # what GetTempPath gives, less its trailing separator
    architecture = _ARCHITECTURE_NAMES.get(info.architecture, "")
    add.values(
        _ENVIRONMENT,
        [
            ("OS", REG_SZ, "Windows_NT"),
            ("Path", REG_EXPAND_SZ, kernel.environment_variable("PATH") or os.defpath),
            ("NUMBER_OF_PROCESSORS", REG_SZ, str(info.processors)),
            ("PROCESSOR_ARCHITECTURE", REG_SZ, architecture),
            ("PROCESSOR_IDENTIFIER", REG_SZ, f"{identifier}, {vendor}".rstrip(", ")),
            ("PROCESSOR_LEVEL", REG_SZ, str(info.level)),
            ("PROCESSOR_REVISION", REG_SZ, f"{info.revision:04x}"),
            ("TEMP", REG_EXPAND_SZ, temp),
            ("TMP", REG_EXPAND_SZ, temp),
            ("windir", REG_EXPAND_SZ, kernel.windows_directory()),
        ],
    )


def seed_users(connection: sqlite3.Connection, root: int) -> None:
    """Write HKEY_USERS' two keys below the new root row ``root``: ``.DEFAULT``, the SID."""
    add = _Writer(connection, root)
    add.key(".DEFAULT")
    add.key(kernel.current_user_sid())


def user_alias(name: str) -> bool:
    """Whether ``name``, a key below HKEY_USERS, is the user's SID (HKEY_CURRENT_USER)."""
    return name.lower() == kernel.current_user_sid().lower()
