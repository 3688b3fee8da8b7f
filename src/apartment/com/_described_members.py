"""A system class's DISPIDs from its type information, and E_NOTIMPL for what it lacks.

A class whose object answers GetTypeInfo (``_type_info_``) must answer GetIDsOfNames and
Invoke by the same DISPIDs, as a dual interface's DispInvoke does on Windows: an early-bound
client (a makepy module) calls by the DISPIDs the library gives. :func:`described_members`
fills a class's ``_dispid_to_func_/_get_/_put_`` from its dispatch interface (its bases'
members included) and gives every member the class does not implement a stand-in that fails
with E_NOTIMPL, as Windows' shell32 answers the members it no longer implements (and Wine's
those it never did). It runs once per class, at import; the tables are then read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from ..errors import E_NOTIMPL
from ._server_errors import COMException
from ._typelibs import described_type

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["described_members"]

_T = TypeVar("_T", bound=type)
_METHOD, _GET, _PUT, _PUTREF = 1, 2, 4, 8
# IUnknown's and IDispatch's functions (restricted, 0x6000xxxx and 0x6001xxxx): not members
_STANDARD = range(0x60000000, 0x60020000)


def _not_implemented(name: str) -> Callable[..., NoReturn]:
    def refuse(*args: object) -> NoReturn:
        raise COMException(scode=E_NOTIMPL, desc=f"{name} is not implemented")

    refuse.__name__ = name
    return refuse


def described_members(cls: _T) -> _T:
    """Give ``cls`` the DISPIDs of its ``_type_info_`` interface (a class decorator).

    The class's own ``_dispid_to_*_`` entries stay (an extra DISPID for a member), a name's
    described DISPID comes last so that GetIDsOfNames answers it. A described member the class
    lacks (no attribute of that name) answers E_NOTIMPL, a property's get and put alike.
    """
    libid, version, name = cls._type_info_  # type: ignore[attr-defined]
    info = described_type(libid, version, name)
    tables: dict[int, dict[int, str]] = {_METHOD: {}, _GET: {}, _PUT: {}}
    for index in range(info.attributes().func_count):
        function = info.function(index)
        if function.memid in _STANDARD:
            continue
        member = info.names(function.memid)[0]
        kind = _PUT if function.invkind == _PUTREF else function.invkind
        tables[kind][function.memid] = member
        if not hasattr(cls, member):
            stand_in: Any = _not_implemented(member)
            setattr(cls, member, stand_in if kind == _METHOD else property(stand_in, stand_in))
    for kind, attribute in ((_METHOD, "func"), (_GET, "get"), (_PUT, "put")):
        own = dict(getattr(cls, f"_dispid_to_{attribute}_", {}))
        setattr(cls, f"_dispid_to_{attribute}_", own | tables[kind])
    return cls
