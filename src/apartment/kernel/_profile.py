"""Profile files: win.ini and other ``.ini`` files, read and written by section and key.

Windows' rules (GetPrivateProfileString and its kin): section and key names match whatever
their case; spaces around names and values do not count; a value in matching quotes loses
them when read; a missing file, section or key reads as the default. Writing a value creates
the file and the section; writing None deletes the key; writing a section replaces its lines.
A file named without a directory is in the Windows directory on Windows; here (the
Windows directory is the system's, read-only) it is in ``$XDG_CONFIG_HOME/apartment``, where
win.ini, the default file, is too. Writes replace the file at once (a new file renamed over
it), under a lock of the process.
"""

from __future__ import annotations

import os
import tempfile
import threading

from .._fork import OUTER, hold_across_fork

__all__ = [
    "profile_path",
    "profile_section",
    "profile_value",
    "write_profile_section",
    "write_profile_value",
]

_lock = threading.Lock()
hold_across_fork(_lock, OUTER)


def _config_home() -> str:
    home = os.environ.get("XDG_CONFIG_HOME", "")
    if not os.path.isabs(home):
        home = os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(home, "apartment")


def profile_path(name: str | None = None) -> str:
    """The file a profile name means: win.ini for None, the config directory for a bare name."""
    if name is None:
        name = "win.ini"
    if not isinstance(name, str):
        raise TypeError(f"a profile file name is a str or None, not {type(name).__name__}")
    if os.sep in name or "/" in name:
        return os.path.abspath(name)
    return os.path.join(_config_home(), name)


def _read(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read().splitlines()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return []


def _section_name(line: str) -> str | None:
    stripped = line.strip()
    if stripped.startswith("[") and "]" in stripped:
        return stripped[1 : stripped.index("]")].strip()
    return None


def _span(lines: list[str], section: str) -> tuple[int, int] | None:
    """(index of the header, index after the section's last line), or None."""
    wanted = section.strip().lower()
    start = None
    for index, line in enumerate(lines):
        name = _section_name(line)
        if name is None:
            continue
        if start is not None:
            return start, index
        if name.lower() == wanted:
            start = index
    return None if start is None else (start, len(lines))


def _key_of(line: str) -> str | None:
    if "=" not in line or _section_name(line) is not None:
        return None
    return line.split("=", 1)[0].strip().lower()


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _check(*values: object) -> None:
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"profile names are str, not {type(value).__name__}")


def profile_value(section: str, key: str, default: str = "", file: str | None = None) -> str:
    """A key's value in a section of a profile file, or ``default`` (GetProfileString)."""
    _check(section, key, default)
    lines = _read(profile_path(file))
    span = _span(lines, section)
    if span is None:
        return default
    wanted = key.strip().lower()
    for line in lines[span[0] + 1 : span[1]]:
        if _key_of(line) == wanted:
            return _unquote(line.split("=", 1)[1])
    return default


def profile_section(section: str, file: str | None = None) -> list[str]:
    """The lines (``key=value``) of a section, [] for none (GetProfileSection)."""
    _check(section)
    lines = _read(profile_path(file))
    span = _span(lines, section)
    if span is None:
        return []
    return [line.strip() for line in lines[span[0] + 1 : span[1]] if line.strip()]


def _write(path: str, lines: list[str]) -> None:
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=directory, prefix=".profile-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write("".join(f"{line}\n" for line in lines))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def write_profile_value(section: str, key: str, value: str | None, file: str | None = None) -> None:
    """Set a key of a section (WriteProfileString); None deletes it.

    Raises:
        OSError: the file cannot be written.
    """
    _check(section, key)
    if value is not None:
        _check(value)
    path = profile_path(file)
    with _lock:
        lines = _read(path)
        span = _span(lines, section)
        if span is None:
            if value is None:
                return
            lines += [f"[{section.strip()}]"]
            span = (len(lines) - 1, len(lines))
        wanted = key.strip().lower()
        for index in range(span[0] + 1, span[1]):
            if _key_of(lines[index]) == wanted:
                if value is None:
                    del lines[index]
                else:
                    lines[index] = f"{key.strip()}={value}"
                break
        else:
            if value is None:
                return
            lines.insert(span[1], f"{key.strip()}={value}")
        _write(path, lines)


def write_profile_section(section: str, entries: list[str], file: str | None = None) -> None:
    """Replace the lines of a section (WriteProfileSection), creating it if needed.

    Raises:
        OSError: the file cannot be written.
    """
    _check(section, *entries)
    path = profile_path(file)
    with _lock:
        lines = _read(path)
        span = _span(lines, section)
        if span is None:
            lines += [f"[{section.strip()}]", *entries]
        else:
            lines[span[0] + 1 : span[1]] = entries
        _write(path, lines)
