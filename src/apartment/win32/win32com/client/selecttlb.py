r"""pywin32's ``win32com.client.selecttlb``: the registered type libraries, as specs.

A type library is registered under ``HKEY_CLASSES_ROOT\TypeLib\{LIBID}\<major>.<minor>``
(its description as the value), with ``FLAGS`` (LIBFLAGs) and one ``<lcid>\win32`` or
``<lcid>\win64`` key per locale naming its file. :func:`EnumTlbs` reads those keys (the class
registry shows the described system libraries there: ``apartment.com.registered_type_libraries``,
plus any a program wrote) into :class:`TypelibSpec` records; makepy generates from them.

As pywin32's, the version numbers read from the registry stay strings (libraries disagree
on hex or decimal; loading the library gives the truth: :meth:`TypelibSpec.Resolve`).
``SelectTlb`` shows a list to pick from in Pythonwin, which is not here: it raises
ImportError as pywin32's does without Pythonwin.
"""

from __future__ import annotations

from typing import Any

from apartment.win32 import pythoncom, win32api, win32con

__all__ = [
    "FLAG_CONTROL",
    "FLAG_HIDDEN",
    "FLAG_RESTRICTED",
    "EnumKeys",
    "EnumTlbs",
    "FindTlbsWithDescription",
    "SelectTlb",
    "TypelibSpec",
]

# LIBFLAGs, as a library's FLAGS key holds them
FLAG_RESTRICTED = 1
FLAG_CONTROL = 2
FLAG_HIDDEN = 4


class TypelibSpec:
    """One registered type library in one version and locale (a row of the registry).

    ``clsid`` is the LIBID's text; ``major`` and ``minor`` are what the caller gave (strings
    when read from the registry); ``dll`` the file, ``desc`` the description and
    ``ver_desc`` the description with the version, when read from the registry (else None).
    Specs sort and compare by ``ver_desc``, ``desc`` (case-insensitively), then version.
    """

    __hash__ = None  # type: ignore[assignment]  # compared by value, as pywin32's

    def __init__(self, clsid: object, lcid: Any, major: Any, minor: Any, flags: int = 0) -> None:  # noqa: ANN401
        self.clsid = str(clsid)
        self.lcid = int(lcid)
        self.major = major
        self.minor = minor
        self.dll: str | None = None
        self.desc: str | None = None
        self.ver_desc: str | None = None
        self.flags = flags

    def __getitem__(self, item: int) -> str | None:
        """Index 0 is ``ver_desc`` (what a selection list shows); any other is IndexError."""
        if item == 0:
            return self.ver_desc
        raise IndexError("Can't index me!")

    def _order(self) -> tuple[str, str, Any, Any]:
        return ((self.ver_desc or "").lower(), (self.desc or "").lower(), self.major, self.minor)

    def __lt__(self, other: TypelibSpec) -> bool:
        return self._order() < other._order()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TypelibSpec):
            return NotImplemented
        return self._order() == other._order()

    def Resolve(self) -> int:
        """Load the library from ``dll`` and take its LIBID, locale and version; 0 if no dll."""
        if self.dll is None:
            return 0
        self.FromTypelib(pythoncom.LoadTypeLib(self.dll), None)
        return 1

    def FromTypelib(self, typelib: Any, dllName: str | None = None) -> None:  # noqa: ANN401
        """Take a loaded library's (PyITypeLib) LIBID, locale and version (and a file name)."""
        attr = typelib.GetLibAttr()
        self.clsid, self.lcid, self.major, self.minor = str(attr[0]), attr[1], attr[3], attr[4]
        if dllName:
            self.dll = dllName


def EnumKeys(root: Any) -> list[tuple[str, str]]:  # noqa: ANN401
    """Every subkey of ``root`` with its default value ("" when it has none)."""
    found: list[tuple[str, str]] = []
    while True:
        try:
            name = win32api.RegEnumKey(root, len(found))
        except win32api.error:
            return found
        try:
            value = win32api.RegQueryValue(root, name)
        except win32api.error:
            value = ""
        found.append((name, value))


def _file_of(version_key: Any, lcid: int) -> tuple[bool, str | None]:  # noqa: ANN401
    r"""(whether the locale has a file key, the file): ``<lcid>\win32``, else ``\win64``."""
    for platform in ("win32", "win64"):
        try:
            key = win32api.RegOpenKey(version_key, f"{lcid}\\{platform}")
        except win32api.error:
            continue
        try:
            path, kind = win32api.RegQueryValueEx(key, None)
        except win32api.error:
            return True, None
        if kind == win32con.REG_EXPAND_SZ:
            path = win32api.ExpandEnvironmentStrings(str(path))
        return True, None if path is None else str(path)
    return False, None


def _flags(version_key: Any) -> int:  # noqa: ANN401
    try:
        return int(win32api.RegQueryValue(version_key, "FLAGS"))
    except (win32api.error, ValueError):
        return 0


def EnumTlbs(excludeFlags: int = 0) -> list[TypelibSpec]:
    r"""A spec for each registered library, version and locale (``HKCR\TypeLib``).

    A version whose FLAGS share a bit with ``excludeFlags`` is left out, and so is a locale
    without a ``win32``/``win64`` file key.
    """
    libraries = win32api.RegOpenKey(win32con.HKEY_CLASSES_ROOT, "Typelib")
    specs: list[TypelibSpec] = []
    for libid, _ in EnumKeys(libraries):
        try:
            library = win32api.RegOpenKey(libraries, libid)
        except win32api.error:
            continue  # access denied, or deleted meanwhile
        for version, description in EnumKeys(library):
            major, _, minor = version.partition(".")
            version_key = win32api.RegOpenKey(library, version)
            flags = _flags(version_key)
            if flags & excludeFlags:
                continue
            for lcid_text, _ in EnumKeys(version_key):
                try:
                    lcid = int(lcid_text)
                except ValueError:
                    continue  # FLAGS, HELPDIR
                has_file, dll = _file_of(version_key, lcid)
                if not has_file:
                    continue
                spec = TypelibSpec(libid, lcid, major, minor or "0", flags)
                spec.dll = dll
                spec.desc = description
                spec.ver_desc = f"{description} ({version})"
                specs.append(spec)
    return specs


def FindTlbsWithDescription(desc: str) -> list[TypelibSpec]:
    """The registered libraries whose description is exactly ``desc``."""
    return [spec for spec in EnumTlbs() if spec.desc == desc]


def SelectTlb(title: str = "Select Library", excludeFlags: int = 0) -> TypelibSpec | None:
    """Let the user pick a library from a Pythonwin list: Pythonwin is not here.

    Raises:
        ImportError: no ``pywin.dialogs`` (pywin32 raises the same without Pythonwin).
    """
    raise ImportError("No module named 'pywin' (SelectTlb needs Pythonwin's dialogs)", name="pywin")
