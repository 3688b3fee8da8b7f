"""A library's ITypeComp binds its enumerations' constants; a late-bound call takes named args.

Both come from type information: pywin32's ``PyITypeComp.Bind`` of a type library finds a
constant's VARDESC (the ``wmi`` package reads WbemScripting's constants so), and pywin32's
dynamic client places keyword arguments by the parameter names of the object's type
information. Run on the facade and on the oracle (Wine's scrrun has the same library).
"""

from __future__ import annotations

import pytest
import pythoncom
import win32com.client

SCRIPTING = "{420B2830-E718-11CF-893D-00A0C9054228}"
DESCKIND_NONE, DESCKIND_VARDESC = 0, 2


def test_bind_finds_a_constant_of_the_library_whatever_its_case() -> None:
    comp = pythoncom.LoadRegTypeLib(SCRIPTING, 1, 0, 0).GetTypeComp()
    kind, desc = comp.Bind("ForReading")
    assert kind == DESCKIND_VARDESC
    assert type(desc).__name__ == "PyVARDESC"
    assert (desc.value, desc.varkind) == (1, pythoncom.VAR_CONST)
    assert comp.Bind("forwriting", 0)[1].value == 2
    assert comp.Bind("NoSuchName") == (DESCKIND_NONE, None)
    with pytest.raises(TypeError):
        comp.Bind(5)


def test_a_late_bound_method_takes_arguments_by_their_names() -> None:
    words = win32com.client.Dispatch("Scripting.Dictionary")
    words.Add(Key="k", Item=5)
    words.Add("j", Item=6)
    assert (words.Item("k"), words.Item("j")) == (5, 6)
    assert words.Exists(Key="k")
    with pytest.raises(TypeError):
        words.Exists(Nope="k")
    with pytest.raises(TypeError):
        words.Add("a", Key="b")
