"""The ``win32com`` package as pywin32's test runner uses it: ``__gen_path__``, and a
``__path__[0]`` pointed at a pywin32 tree that adds the tree without hiding the facade."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from tests._subprocess import run_python

if TYPE_CHECKING:
    from pathlib import Path


def test_gen_path_is_where_gencache_generates() -> None:
    out = run_python(
        "-c",
        "from apartment.win32 import install; install(force=True)\n"
        "import win32com, win32com.client.gencache as g, os\n"
        "print(win32com.__gen_path__ == g.GetGeneratePath(), win32com.__build_path__)",
    )
    assert out.split() == ["True", "None"]


def test_a_pywin32_tree_put_first_is_searched_after_the_facade(tmp_path: Path) -> None:
    tree = tmp_path / "win32com"
    (tree / "test").mkdir(parents=True)
    (tree / "client").mkdir()
    (tree / "client" / "__init__.py").write_text("raise ImportError('not the facade')\n")
    (tree / "test" / "testMine.py").write_text("WHERE = 'the tree'\n")
    (tree / "demos").mkdir()
    (tree / "demos" / "__init__.py").write_text("")
    (tree / "demos" / "connect.py").write_text("WHERE = 'the tree'\n")
    script = textwrap.dedent(
        f"""
        from apartment.win32 import install
        install(force=True)
        import win32com
        win32com.__path__[0] = {str(tree)!r}
        import win32com.client, win32com.test.util
        import win32com.test.testMine, win32com.demos.connect
        print(win32com.client.__name__.startswith("apartment") or win32com.client.Dispatch)
        print(win32com.test.util.__file__.endswith("apartment/win32/win32com/test/util.py"))
        print(win32com.test.testMine.WHERE, "/", win32com.demos.connect.WHERE)
        print(win32com.__path__[0] != {str(tree)!r}, {str(tree)!r} in win32com.__path__)
        """
    )
    lines = run_python("-c", script).splitlines()
    assert lines[1:] == ["True", "the tree / the tree", "True True"]


def test_win32comext_names_the_same_modules() -> None:
    out = run_python(
        "-c",
        "from apartment.win32 import install; install(force=True)\n"
        "from win32comext.shell import shell, shellcon\n"
        "import win32com.shell.shell, win32comext.directsound.directsound as ds\n"
        "import win32com.directsound.directsound as ds2\n"
        "print(shell is win32com.shell.shell, ds is ds2, shellcon.CSIDL_DESKTOP)",
    )
    assert out.split() == ["True", "True", "0"]
