"""Bad arguments to activation fail at the call with TypeError, not as a ProgID lookup."""

from __future__ import annotations

from typing import Any

import pytest

from apartment import com


@pytest.mark.parametrize("name", [None, 5, 1.5, b"x"], ids=repr)
def test_a_class_name_of_another_type_is_a_type_error(name: Any) -> None:
    with com.sta():
        with pytest.raises(TypeError):
            com.create_object(name)
        with pytest.raises(TypeError):
            com.create_interface(name)
        if not isinstance(name, int):  # the class context is an int of CLSCTX_* flags
            with pytest.raises(TypeError):
                com.create_interface("{00000000-1111-2222-3333-444444444444}", name)
