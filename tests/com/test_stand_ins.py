"""Windows' own servers that pywin32's tests use: VBScript.RegExp (a system class) behaves as
Windows' does (WMI, a system class too, is tested in tests/services/test_wmi.py).

VBScript.RegExp's DISPIDs, Item as a property, an unmatched group as Empty and Replace's
``$`` forms were read from the real object (under Wine).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import DISP_E_EXCEPTION, DISP_E_MEMBERNOTFOUND, ComError

from ._helpers import in_apartment

if TYPE_CHECKING:
    from collections.abc import Callable

E_INVALIDARG = -2147024809  # 0x80070057
VBSE_SYNTAX = -2146823271  # 0x800A1399: VBScript's error 5017, "Syntax error in regular expression"
GET, PUT, METHOD = com.DISPATCH_PROPERTYGET, com.DISPATCH_PROPERTYPUT, com.DISPATCH_METHOD


def test_regexp_has_vbscripts_dispids_and_answers() -> None:
    def run() -> list[Any]:
        regexp = com.create_object("VBScript.RegExp")  # a system class: nothing registered
        names = ["Pattern", "IgnoreCase", "Global", "Execute", "Test", "Replace", "Multiline"]
        found: list[Any] = [regexp.ids_of_names(name)[0] for name in names]
        regexp.invoke("Pattern", PUT, "(P)(x)?ython")
        regexp.invoke("Global", PUT, True)
        regexp.invoke("IgnoreCase", PUT, True)
        matches = regexp.invoke("Execute", METHOD, "Python python")
        found.append(matches.invoke("Count", GET))
        first = matches.invoke(com.DISPID_VALUE, GET, 0)
        found.append([first.invoke(name, GET) for name in ("Value", "FirstIndex", "Length")])
        groups = first.invoke("SubMatches", GET)
        found.append([groups.invoke(com.DISPID_VALUE, GET, index) for index in (0, 1)])
        found.append(regexp.invoke("Replace", METHOD, "Python python", "[$1-$&]"))
        found.append(regexp.invoke("Test", METHOD, "xx"))
        for call in (
            lambda: matches.invoke(com.DISPID_VALUE, METHOD, 0),
            lambda: matches.invoke(com.DISPID_VALUE, GET, 5),
            lambda: (regexp.invoke("Pattern", PUT, "(open"), regexp.invoke("Test", METHOD, ""))[1],
        ):
            found.append(_code(call))
        return found

    assert in_apartment(run) == [
        10001, 10002, 10003, 10004, 10005, 10006, 10007, 2, ["Python", 0, 6], ["P", None],
        "[P-Python] [p-python]", False, DISP_E_MEMBERNOTFOUND, E_INVALIDARG, VBSE_SYNTAX,
    ]  # fmt: skip


def _code(call: Callable[[], object]) -> int:
    """The HRESULT a call fails with: the server's own (in EXCEPINFO) for DISP_E_EXCEPTION."""
    with pytest.raises(ComError) as caught:
        call()
    error = caught.value
    if error.hresult == DISP_E_EXCEPTION and error.excepinfo is not None:
        return error.excepinfo[5]
    return error.hresult
