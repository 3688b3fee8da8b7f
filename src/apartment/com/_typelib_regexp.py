"""The type library 'VBScript_RegExp_55': written by tools/typelib_to_desc.py."""

from __future__ import annotations

from ._typedesc import (
    BOOL,
    BSTR,
    DISPATCH,
    GET,
    I4,
    METHOD,
    PUT,
    UNKNOWN,
    VARIANT,
    CoClass,
    F,
    Interface,
    Library,
    P,
)

__all__ = ["LIBRARY"]

LIBRARY = Library(
    "VBScript_RegExp_55",
    "{3F4DACA7-160D-11D2-A8E9-00104B365C9F}",
    (5, 5),
    doc="Microsoft VBScript Regular Expressions 5.5",
    flags=8,
    path="C:\\windows\\system32\\vbscript.dll\\3",
    types=(
        Interface(
            "IRegExp",
            "{3F4DACA0-160D-11D2-A8E9-00104B365C9F}",
            flags=0x10D0,
            funcs=(
                F(10001, "Pattern", GET, (), BSTR),
                F(10001, "Pattern", PUT, (P(None, BSTR),)),
                F(10002, "IgnoreCase", GET, (), BOOL),
                F(10002, "IgnoreCase", PUT, (P(None, BOOL),)),
                F(10003, "Global", GET, (), BOOL),
                F(10003, "Global", PUT, (P(None, BOOL),)),
                F(10004, "Execute", METHOD, (P("sourceString", BSTR),), DISPATCH),
                F(10005, "Test", METHOD, (P("sourceString", BSTR),), BOOL),
                F(
                    10006,
                    "Replace",
                    METHOD,
                    (
                        P("sourceString", BSTR),
                        P("replaceString", BSTR),
                    ),
                    BSTR,
                ),
            ),
        ),
        Interface(
            "IRegExp2",
            "{3F4DACB0-160D-11D2-A8E9-00104B365C9F}",
            flags=0x10D0,
            funcs=(
                F(10001, "Pattern", GET, (), BSTR),
                F(10001, "Pattern", PUT, (P(None, BSTR),)),
                F(10002, "IgnoreCase", GET, (), BOOL),
                F(10002, "IgnoreCase", PUT, (P(None, BOOL),)),
                F(10003, "Global", GET, (), BOOL),
                F(10003, "Global", PUT, (P(None, BOOL),)),
                F(10007, "Multiline", GET, (), BOOL),
                F(10007, "Multiline", PUT, (P(None, BOOL),)),
                F(10004, "Execute", METHOD, (P("sourceString", BSTR),), DISPATCH),
                F(10005, "Test", METHOD, (P("sourceString", BSTR),), BOOL),
                F(
                    10006,
                    "Replace",
                    METHOD,
                    (
                        P("sourceString", BSTR),
                        P("replaceVar", VARIANT),
                    ),
                    BSTR,
                ),
            ),
        ),
        Interface(
            "IMatch",
            "{3F4DACA1-160D-11D2-A8E9-00104B365C9F}",
            flags=0x10D0,
            funcs=(
                F(0, "Value", GET, (), BSTR),
                F(10001, "FirstIndex", GET, (), I4),
                F(10002, "Length", GET, (), I4),
            ),
        ),
        Interface(
            "IMatch2",
            "{3F4DACB1-160D-11D2-A8E9-00104B365C9F}",
            flags=0x10D0,
            base="IMatch",
            funcs=(F(10003, "SubMatches", GET, (), DISPATCH),),
        ),
        Interface(
            "IMatchCollection",
            "{3F4DACA2-160D-11D2-A8E9-00104B365C9F}",
            flags=0x10D0,
            funcs=(
                F(0, "Item", GET, (P("index", I4),), DISPATCH),
                F(1, "Count", GET, (), I4),
                F(-4, "_NewEnum", GET, (), UNKNOWN),
            ),
        ),
        Interface(
            "IMatchCollection2",
            "{3F4DACB2-160D-11D2-A8E9-00104B365C9F}",
            flags=0x10D0,
            funcs=(
                F(0, "Item", GET, (P("index", I4),), DISPATCH),
                F(1, "Count", GET, (), I4),
                F(-4, "_NewEnum", GET, (), UNKNOWN),
            ),
        ),
        Interface(
            "ISubMatches",
            "{3F4DACB3-160D-11D2-A8E9-00104B365C9F}",
            flags=0x10D0,
            funcs=(
                F(0, "Item", GET, (P("index", I4),), VARIANT),
                F(1, "Count", GET, (), I4),
                F(-4, "_NewEnum", GET, (), UNKNOWN),
            ),
        ),
        CoClass("RegExp", "{3F4DACA4-160D-11D2-A8E9-00104B365C9F}", (("IRegExp2", 1),)),
        CoClass("Match", "{3F4DACA5-160D-11D2-A8E9-00104B365C9F}", (("IMatch2", 1),), flags=0),
        CoClass(
            "MatchCollection",
            "{3F4DACA6-160D-11D2-A8E9-00104B365C9F}",
            (("IMatchCollection2", 1),),
            flags=0,
        ),
        CoClass(
            "SubMatches", "{3F4DACC0-160D-11D2-A8E9-00104B365C9F}", (("ISubMatches", 1),), flags=0
        ),
    ),
)
