"""The argument sentinels (com.EMPTY, MISSING, ARG_NOT_FOUND) and the names of HRESULT parts."""

from __future__ import annotations

import copy
import pickle

import pytest

from apartment import com
from apartment.com._variant import VariantTypeError, to_variant
from apartment.errors import (
    DISP_E_PARAMNOTFOUND,
    hresult_facility_name,
    hresult_range_name,
    hresult_severity_name,
)


def test_sentinels_are_singletons_that_survive_copy_and_pickle() -> None:
    for sentinel in (com.EMPTY, com.MISSING, com.ARG_NOT_FOUND):
        assert copy.copy(sentinel) is sentinel
        assert copy.deepcopy(sentinel) is sentinel
        assert pickle.loads(pickle.dumps(sentinel)) is sentinel
    with pytest.raises(TypeError):
        com.ArgumentSentinel("X", "X", sendable=True)
    with pytest.raises(TypeError):

        class _More(com.ArgumentSentinel):
            pass


def test_empty_and_arg_not_found_are_sent_as_param_not_found_and_missing_is_not_sent() -> None:
    assert to_variant(com.EMPTY) == DISP_E_PARAMNOTFOUND
    assert to_variant((1, com.ARG_NOT_FOUND)) == (1, DISP_E_PARAMNOTFOUND)
    with pytest.raises(VariantTypeError, match="PyOleMissing"):
        to_variant(com.MISSING)


def test_hresult_parts() -> None:
    assert hresult_severity_name(-2147467259) == "SEVERITY_ERROR"
    assert hresult_facility_name(0x80070005) == "FACILITY_WIN32"
    assert hresult_facility_name(0x00100000) == "<Unknown Facility>"
    assert hresult_range_name(0x800401F0) == "CO_E_FIRST...CO_E_LAST"
    assert hresult_range_name(0x000400FF) == "OLE_S_FIRST...OLE_S_LAST"
    assert hresult_range_name(0x80040165) is None
    assert hresult_range_name(0x80040210) is None
    with pytest.raises(TypeError):
        hresult_severity_name(True)


def test_new_guids_are_random_iids_and_servable_interfaces_are_known() -> None:
    first = com.new_guid()
    assert first != com.new_guid()
    assert com.iid_text(first) == first
    assert com.serves_interface(com.IID_IDISPATCH)
    assert com.serves_interface(com.IID_ISTREAM)
    assert not com.serves_interface(first)
