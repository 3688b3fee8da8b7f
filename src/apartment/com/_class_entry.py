"""What a registered class is: :class:`ClassEntry`, CLSID strings and the CLSCTX bits.

A :class:`ClassEntry` is what the class registry (:mod:`._registry`) stores for one CLSID,
what :func:`~._registration.entry_from_class` reads from pywin32's ``_reg_*_`` attributes and
what :func:`~._class_loading.load_class` imports. CLSIDs are kept in one canonical spelling.
"""

from __future__ import annotations

import dataclasses
import re
import uuid

from ..errors import ClassStringError

__all__ = [
    "ClassEntry",
    "CLSCTX_INPROC_HANDLER",
    "CLSCTX_INPROC_SERVER",
    "CLSCTX_LOCAL_SERVER",
    "CLSCTX_INPROC_SERVER16",
    "CLSCTX_REMOTE_SERVER",
    "CLSCTX_INPROC",
    "CLSCTX_SERVER",
    "CLSCTX_ALL",
    "DEFAULT_CLSCTX",
    "DEFAULT_THREADING_MODEL",
    "normalize_clsid",
    "clsid_of",
]

CLSCTX_INPROC_SERVER = 0x1
CLSCTX_INPROC_HANDLER = 0x2
CLSCTX_LOCAL_SERVER = 0x4
CLSCTX_INPROC_SERVER16 = 0x8
CLSCTX_REMOTE_SERVER = 0x10
CLSCTX_INPROC = CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER
CLSCTX_SERVER = CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER
CLSCTX_ALL = CLSCTX_INPROC | CLSCTX_SERVER
DEFAULT_CLSCTX = CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER
"""pywin32's default for ``_reg_clsctx_``."""

DEFAULT_THREADING_MODEL = "both"
"""pywin32's default ``_reg_threading_``, stored (like the registry value) as given."""

_CLSID_RE = re.compile(
    r"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}\Z"
)


@dataclasses.dataclass(frozen=True, kw_only=True)
class ClassEntry:
    """One registered class: what a CLSID's registry key and its ProgID keys hold.

    Attributes:
        clsid: the canonical CLSID string ``{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}``, upper
            case; any accepted spelling is normalized on construction.
        progid: the version-independent ProgID, or None.
        verprogid: the version-dependent ProgID (``CurVer``), or None.
        description: the class's description (pywin32 defaults it to the ProgID).
        threading_model: the ``ThreadingModel`` value as given ("both" by default; ""
            when ``_reg_threading_`` is None: no model, the class lives in the main STA).
            Activation compares it case-insensitively.
        clsctx: the CLSCTX bits the class is registered for (default 5: in-process and local).
        class_spec: ``"module.ClassName"``, imported at activation ("" only when a
            ``policy_spec`` creates the object by itself).
        python_path: a directory to put on ``sys.path`` before importing, or None.
        policy_spec: ``"module.PolicyClass"`` for a custom dispatch policy, or None.
        registered_at: when :func:`register` stored it (``time.time()``); 0.0 before.
    """

    clsid: str
    class_spec: str
    progid: str | None = None
    verprogid: str | None = None
    description: str = ""
    threading_model: str = DEFAULT_THREADING_MODEL
    clsctx: int = DEFAULT_CLSCTX
    python_path: str | None = None
    policy_spec: str | None = None
    registered_at: float = 0.0

    def __post_init__(self) -> None:
        # Frozen: normalizing the CLSID here means every stored key is canonical.
        object.__setattr__(self, "clsid", normalize_clsid(self.clsid))
        for name in ("progid", "verprogid"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"ClassEntry.{name} must be a str or None, not {value!r}")
            if value == "":  # pywin32 tests ProgIDs for truth: an empty one is none
                object.__setattr__(self, name, None)
        if not isinstance(self.class_spec, str):
            raise TypeError(f"class_spec must be a str, not {self.class_spec!r}")
        # pywin32 lets a policy alone create the object, with no class spec.
        if "." not in self.class_spec and not (self.class_spec == "" and self.policy_spec):
            raise ValueError(
                f"class_spec must be 'module.ClassName', not {self.class_spec!r}; "
                "set _reg_class_spec_ on the class"
            )
        if not isinstance(self.threading_model, str):
            raise TypeError(f"threading_model must be a str, not {self.threading_model!r}")
        if isinstance(self.clsctx, bool) or not isinstance(self.clsctx, int):
            raise TypeError(f"clsctx must be an int of CLSCTX bits, not {self.clsctx!r}")


def normalize_clsid(value: str | uuid.UUID) -> str:
    """Return the canonical ``{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`` form of a CLSID.

    Accepts what ``CLSIDFromString`` accepts for a GUID: the braced form in any case (plus a
    :class:`uuid.UUID`). The braces are required, as on Windows.

    Raises:
        ClassStringError: the string is not a braced GUID (CO_E_CLASSSTRING).
    """
    if isinstance(value, uuid.UUID):
        return "{" + str(value).upper() + "}"
    if not isinstance(value, str):
        raise TypeError(f"a CLSID must be a str like '{{...}}' or a uuid.UUID, not {value!r}")
    if not _CLSID_RE.match(value):
        example = normalize_clsid(uuid.uuid4())
        raise ClassStringError(
            f"{value!r} is not a CLSID string; write it with the braces, as "
            f"'{{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}' ({example} is a new one)"
        )
    return value.upper()


def clsid_of(value: object) -> str:
    """The canonical CLSID string of a ``_reg_clsid_``: a str, a uuid.UUID or an IID object.

    Raises:
        ClassStringError: it does not name a braced GUID (CO_E_CLASSSTRING).
    """
    return normalize_clsid(value if isinstance(value, (str, uuid.UUID)) else str(value))
