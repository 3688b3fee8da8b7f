"""An object handed through a window message (LresultFromObject, ObjectFromLresult).

Active Accessibility's way to give an object to another thread or process: a window answers
WM_GETOBJECT with ``lresult_from_object(iid, wparam, object)``, an int it returns as the
message's result; the sender turns that int back into the object with
:func:`object_from_lresult`, valid in its own apartment. Windows writes the object's marshal
data where the int names it; reading it takes the data away, so an LRESULT gives its object
once. Here the int names NORMAL marshal data held in a table, with the same one-use rule.
"""

from __future__ import annotations

import itertools
from typing import Any

from ..errors import E_FAIL, E_INVALIDARG, ComError
from ..kernel.lowlevel import KERNEL_LOCK
from ._iids import iid_text
from ._marshal import MarshalStream

__all__ = ["lresult_from_object", "object_from_lresult"]

_handed: dict[int, MarshalStream] = {}
_numbers = itertools.count(0xC000)  # where Windows' atoms (which it uses for this) start


def lresult_from_object(iid: object, wparam: int, value: object) -> int:
    """Hand ``value``'s ``iid`` interface out as an LRESULT (LresultFromObject).

    Runs on the thread answering the message (``value`` must be valid in its apartment).

    Raises:
        ComError: E_NOINTERFACE if ``value`` lacks ``iid``; E_INVALIDARG for no object.
    """
    if value is None:
        raise ComError.from_hresult(E_INVALIDARG, "LresultFromObject needs an object")
    data = MarshalStream(value, iid_text(iid))
    with KERNEL_LOCK:
        number = next(_numbers)
        _handed[number] = data
    return number


def object_from_lresult(lresult: int, iid: object, wparam: int) -> Any:  # noqa: ANN401
    """The object an LRESULT of :func:`lresult_from_object` names, as ``iid``, valid here.

    The LRESULT is used up: a second call with it fails.

    Raises:
        ComError: E_FAIL for an LRESULT that names no object (none was made, or it was
            read); E_NOINTERFACE if the object lacks ``iid``.
    """
    wanted = iid_text(iid)
    with KERNEL_LOCK:
        data = _handed.pop(lresult, None)
    if data is None:
        raise ComError.from_hresult(E_FAIL, f"the LRESULT {lresult} names no object (now)")
    return data.unmarshal(wanted)
