"""Where WMI's instances come from on Linux: /proc, /sys, os, socket, platform, statvfs.

Each function answers the instances of one class as a list of dicts (property name -> a
Python value: int for integers whatever their CIM size, ``datetime`` for CIM datetimes,
tuple for arrays, None for NULL); :mod:`._wmi_classes` says the types and turns values into
what scripting shows. A source reads the system when called (no cache): a query sees the
system as it is. A process, mount or interface that goes away while it is read is left out.
Any thread may call them.
"""

from __future__ import annotations

import datetime as _dt
import fcntl
import os
import platform
import socket
import struct
from typing import Any

__all__ = [
    "boot_time",
    "computer_system",
    "environment",
    "logical_disks",
    "network_adapters",
    "operating_system",
    "processes",
    "processors",
    "services",
]

_TICKS = os.sysconf("SC_CLK_TCK")
_NETWORK_TYPES = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p"}
_PSEUDO_TYPES = {
    "proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "securityfs", "pstore",
    "debugfs", "tracefs", "mqueue", "hugetlbfs", "bpf", "configfs", "fusectl", "autofs",
    "binfmt_misc", "rpc_pipefs", "nsfs", "efivarfs", "selinuxfs", "ramfs", "tmpfs", "shm",
}  # fmt: skip


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return None


def boot_time() -> _dt.datetime:
    """When the system started (local time, aware), from /proc/stat's ``btime``."""
    for line in (_read("/proc/stat") or "").splitlines():
        if line.startswith("btime "):
            return _dt.datetime.fromtimestamp(int(line.split()[1])).astimezone()
    return _dt.datetime.fromtimestamp(0).astimezone()


def _process(pid: int, boot: _dt.datetime, host: str) -> dict[str, Any] | None:
    stat = _read(f"/proc/{pid}/stat")
    comm = _read(f"/proc/{pid}/comm")
    if stat is None or comm is None:
        return None
    try:
        fields = stat.rsplit(")", 1)[1].split()
        parent, threads, start = int(fields[1]), int(fields[17]), int(fields[19])
        user_ticks, kernel_ticks, nice = int(fields[11]), int(fields[12]), int(fields[16])
        virtual, resident = int(fields[20]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    except (IndexError, ValueError):
        return None
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            raw = file.read()
    except OSError:
        raw = b""
    words = [w.decode(errors="replace") for w in raw.rstrip(b"\0").split(b"\0")] if raw else []
    try:
        executable: str | None = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        executable = None
    name = os.path.basename(executable) if executable else comm.strip()
    created = boot + _dt.timedelta(seconds=start / _TICKS)
    return {
        "Caption": name,
        "CommandLine": " ".join(words) if words else None,
        "CreationClassName": "Win32_Process",
        "CreationDate": created,
        "CSCreationClassName": "Win32_ComputerSystem",
        "CSName": host,
        "Description": name,
        "ExecutablePath": executable,
        "Handle": str(pid),
        "KernelModeTime": kernel_ticks * 10_000_000 // _TICKS,  # 100 ns units
        "Name": name,
        "OSName": None,
        "ParentProcessId": parent,
        "Priority": max(0, min(31, 8 - nice // 3)),  # nice 0 is Windows' normal, 8
        "ProcessId": pid,
        "SessionId": 0,
        "ThreadCount": threads,
        "UserModeTime": user_ticks * 10_000_000 // _TICKS,
        "VirtualSize": virtual,
        "WorkingSetSize": resident,
    }


def processes() -> list[dict[str, Any]]:
    """Win32_Process: each process /proc shows."""
    from ..kernel import computer_name

    boot, host = boot_time(), computer_name()
    found = []
    for entry in sorted(int(e) for e in os.listdir("/proc") if e.isdigit()):
        values = _process(entry, boot, host)
        if values is not None:
            found.append(values)
    return found


def _os_release() -> str:
    for line in (_read("/etc/os-release") or "").splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip().strip('"')
    return f"{platform.system()} {platform.release()}"


def _offset_minutes() -> int:
    offset = _dt.datetime.now().astimezone().utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def operating_system() -> list[dict[str, Any]]:
    """Win32_OperatingSystem: the one system; the version is the one GetVersionEx gives."""
    from ..kernel import computer_name, memory_status, windows_version

    version = windows_version()
    memory = memory_status()
    caption = _os_release()
    return [
        {
            "BootDevice": None,
            "BuildNumber": str(version.build),
            "Caption": caption,
            "CodeSet": "65001",
            "CountryCode": "1",
            "CSName": computer_name(),
            "CurrentTimeZone": _offset_minutes(),
            "FreePhysicalMemory": memory.available_physical // 1024,
            "FreeVirtualMemory": memory.available_page_file // 1024,
            "LastBootUpTime": boot_time(),
            "LocalDateTime": _dt.datetime.now().astimezone(),
            "Manufacturer": caption.split(" ", 1)[0],
            "Name": f"{caption}|/|{platform.release()}",
            "NumberOfProcesses": sum(1 for e in os.listdir("/proc") if e.isdigit()),
            "NumberOfUsers": 1,
            "OSArchitecture": "64-bit" if struct.calcsize("P") == 8 else "32-bit",
            "OSType": 18,  # WINNT, as Windows answers
            "ProductType": version.product_type,
            "SystemDirectory": "/usr/lib",
            "TotalVirtualMemorySize": memory.total_page_file // 1024,
            "TotalVisibleMemorySize": memory.total_physical // 1024,
            "Version": f"{version.major}.{version.minor}.{version.build}",
            "WindowsDirectory": "/usr",
        }
    ]


def _cpuinfo() -> list[dict[str, str]]:
    blocks: list[dict[str, str]] = [{}]
    for line in (_read("/proc/cpuinfo") or "").splitlines():
        if not line.strip():
            if blocks[-1]:
                blocks.append({})
            continue
        name, _, value = line.partition(":")
        blocks[-1][name.strip()] = value.strip()
    return [block for block in blocks if block]


def _packages() -> dict[str, list[dict[str, str]]]:
    """The logical processors by physical package (socket)."""
    found: dict[str, list[dict[str, str]]] = {}
    for block in _cpuinfo() or [{}]:
        found.setdefault(block.get("physical id", "0"), []).append(block)
    return found


def processors() -> list[dict[str, Any]]:
    """Win32_Processor: one per physical package, ``CPU0``, ``CPU1``..."""
    from ..kernel import system_info

    info = system_info()
    found = []
    load = 0.0
    text = _read("/proc/loadavg")
    if text:
        load = float(text.split()[0])
    logical_all = os.cpu_count() or 1
    for index, (_, blocks) in enumerate(sorted(_packages().items())):
        first = blocks[0]
        cores = {block.get("core id", str(n)) for n, block in enumerate(blocks)}
        mhz = _read("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")
        current = float(first.get("cpu MHz", "0") or 0)
        found.append(
            {
                "AddressWidth": 64 if struct.calcsize("P") == 8 else 32,
                "Architecture": info.architecture,
                "Caption": first.get("model name", platform.machine()),
                "CurrentClockSpeed": int(current),
                "DataWidth": 64 if struct.calcsize("P") == 8 else 32,
                "DeviceID": f"CPU{index}",
                "Family": info.level,
                "LoadPercentage": min(100, int(load * 100 / logical_all)),
                "Manufacturer": first.get("vendor_id", ""),
                "MaxClockSpeed": int(mhz) // 1000
                if mhz and mhz.strip().isdigit()
                else int(current),
                "Name": first.get("model name", platform.machine()),
                "NumberOfCores": len(cores),
                "NumberOfLogicalProcessors": len(blocks) if _cpuinfo() else logical_all,
                "ProcessorId": None,
                "SocketDesignation": f"CPU{index}",
            }
        )
    return found


def computer_system() -> list[dict[str, Any]]:
    """Win32_ComputerSystem: this computer, in a workgroup."""
    from ..kernel import computer_name, memory_status, user_name

    name = computer_name()
    dmi = "/sys/class/dmi/id/"
    return [
        {
            "Caption": name,
            "Domain": "WORKGROUP",
            "DNSHostName": socket.gethostname().split(".")[0],
            "Manufacturer": (_read(dmi + "sys_vendor") or "").strip() or None,
            "Model": (_read(dmi + "product_name") or "").strip() or None,
            "Name": name,
            "NumberOfLogicalProcessors": os.cpu_count() or 1,
            "NumberOfProcessors": len(_packages()),
            "PartOfDomain": False,
            "SystemType": {"x86_64": "x64-based PC", "aarch64": "ARM64-based PC"}.get(
                platform.machine(), "X86-based PC"
            ),
            "TotalPhysicalMemory": memory_status().total_physical,
            "UserName": f"{name}\\{user_name()}",
            "Workgroup": "WORKGROUP",
        }
    ]


def _labels() -> dict[str, str]:
    """Device path -> file system label, from /dev/disk/by-label."""
    found: dict[str, str] = {}
    folder = "/dev/disk/by-label"
    try:
        names = os.listdir(folder)
    except OSError:
        return found
    for name in names:
        try:
            found[os.path.realpath(os.path.join(folder, name))] = name.replace("\\x20", " ")
        except OSError:
            continue
    return found


def logical_disks() -> list[dict[str, Any]]:
    """Win32_LogicalDisk: each mounted file system a device backs, named by its mount point."""
    labels = _labels()
    found = []
    seen: set[str] = set()
    for line in (_read("/proc/self/mounts") or "").splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        device, place, kind = fields[0], fields[1].replace("\\040", " "), fields[2]
        if place in seen or (kind in _PSEUDO_TYPES and place != "/"):
            continue
        if place != "/" and not device.startswith("/") and kind not in _NETWORK_TYPES:
            continue
        try:
            usage = os.statvfs(place)
        except OSError:
            continue
        seen.add(place)
        found.append(
            {
                "Caption": place,
                "Description": "Network Connection"
                if kind in _NETWORK_TYPES
                else "Local Fixed Disk",
                "DeviceID": place,
                "DriveType": 4 if kind in _NETWORK_TYPES else 3,
                "FileSystem": kind,
                "FreeSpace": usage.f_bavail * usage.f_frsize,
                "MediaType": 12,  # fixed hard disk media
                "Name": place,
                "ProviderName": device if kind in _NETWORK_TYPES else None,
                "Size": usage.f_blocks * usage.f_frsize,
                "VolumeName": labels.get(os.path.realpath(device), "")
                if device.startswith("/")
                else "",
                "VolumeSerialNumber": f"{os.stat(place).st_dev & 0xFFFFFFFF:08X}",
            }
        )
    return found


def services() -> list[dict[str, Any]]:
    """Win32_Service: the services this library's service manager has installed."""
    from ._database import connect as connect_db
    from ._database import read_row
    from ._manager import enum_services, open_manager

    states = {1: "Stopped", 2: "Start Pending", 3: "Stop Pending", 4: "Running",
              5: "Continue Pending", 6: "Pause Pending", 7: "Paused"}  # fmt: skip
    modes = {0: "Boot", 1: "System", 2: "Auto", 3: "Manual", 4: "Disabled"}
    found = []
    for name, display, status in enum_services(open_manager(access=0x4)):  # ENUMERATE_SERVICE
        with connect_db() as db:
            row = read_row(db, name)
        if row is None:  # deleted meanwhile
            continue
        pid = 0 if status.current_state == 1 else row.pid
        found.append(
            {
                "AcceptPause": bool(status.controls_accepted & 0x2),
                "AcceptStop": bool(status.controls_accepted & 0x1),
                "Caption": display,
                "Description": row.description,
                "DisplayName": display,
                "ExitCode": status.win32_exit_code,
                "Name": name,
                "PathName": row.binary_path,
                "ProcessId": pid,
                "ServiceType": "Own Process" if row.service_type & 0x10 else "Share Process",
                "Started": status.current_state != 1,
                "StartMode": modes.get(row.start_type, "Unknown"),
                "StartName": row.start_name or "LocalSystem",
                "State": states.get(status.current_state, "Unknown"),
                "Status": "OK",
            }
        )
    return found


def _ipv4(name: str, request: int) -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            packed = fcntl.ioctl(sock.fileno(), request, struct.pack("256s", name.encode()[:15]))
        except OSError:
            return None
    return socket.inet_ntoa(packed[20:24])


def _ipv6() -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    for line in (_read("/proc/net/if_inet6") or "").splitlines():
        fields = line.split()
        if len(fields) == 6:
            address = socket.inet_ntop(socket.AF_INET6, bytes.fromhex(fields[0]))
            found.setdefault(fields[5], []).append((address, int(fields[2], 16)))
    return found


def _gateways() -> dict[str, str]:
    found = {}
    for line in (_read("/proc/net/route") or "").splitlines()[1:]:
        fields = line.split()
        if len(fields) > 2 and fields[1] == "00000000":
            found[fields[0]] = socket.inet_ntoa(struct.pack("<I", int(fields[2], 16)))
    return found


def network_adapters() -> list[dict[str, Any]]:
    """Win32_NetworkAdapterConfiguration: each interface (the loopback one left out)."""
    v6, gateways = _ipv6(), _gateways()
    found = []
    for index, name in socket.if_nameindex():
        if name == "lo":
            continue
        mac = (_read(f"/sys/class/net/{name}/address") or "").strip().upper() or None
        state = (_read(f"/sys/class/net/{name}/operstate") or "").strip()
        address = _ipv4(name, 0x8915)  # SIOCGIFADDR
        mask = _ipv4(name, 0x891B) if address else None  # SIOCGIFNETMASK
        addresses = ([address] if address else []) + [a for a, _ in v6.get(name, [])]
        masks = ([mask] if mask else []) + [str(p) for _, p in v6.get(name, [])]
        enabled = bool(addresses) and state != "down"
        found.append(
            {
                "Caption": f"[{index:08d}] {name}",
                "DefaultIPGateway": (gateways[name],) if enabled and name in gateways else None,
                "Description": name,
                "DHCPEnabled": False,
                "DNSHostName": socket.gethostname().split(".")[0] if enabled else None,
                "Index": index,
                "InterfaceIndex": index,
                "IPAddress": tuple(addresses) if enabled else None,
                "IPEnabled": enabled,
                "IPSubnet": tuple(masks) if enabled else None,
                "MACAddress": mac if mac and mac != "00:00:00:00:00:00" else None,
                "ServiceName": name,
                "SettingID": name,
            }
        )
    return found


def environment() -> list[dict[str, Any]]:
    """Win32_Environment: the registry's System and this user's variables (as Windows')."""
    from ..kernel import computer_name, user_name
    from ._wsh_env import Environment

    found = []
    user = f"{computer_name()}\\{user_name()}"
    for kind, owner in (("System", "<SYSTEM>"), ("User", user)):
        for name, value in Environment(kind)._items():
            found.append(
                {
                    "Caption": f"{owner}\\{name}",
                    "Description": f"{owner}\\{name}",
                    "Name": name,
                    "Status": "OK",
                    "SystemVariable": owner == "<SYSTEM>",
                    "UserName": owner,
                    "VariableValue": value,
                }
            )
    return found
