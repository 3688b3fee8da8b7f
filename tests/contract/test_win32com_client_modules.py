"""Contract: ``import win32com.client`` alone gives its submodules, and generated classes register.

Programs write ``win32com.client.gencache.EnsureDispatch(...)`` and
``win32com.client.dynamic.Dispatch(...)`` after importing only ``win32com.client``; makepy's
generated modules (kept beside a program) end with
``win32com.client.CLSIDToClass.RegisterCLSIDsFromDict(...)``, and gencache finds the classes.
"""

import subprocess
import sys
import uuid

import pytest
import pythoncom
import pywintypes


def test_the_submodules_come_with_the_package() -> None:
    # a fresh interpreter: another test may have imported the submodules already
    script = (
        "import sys\n"
        "if sys.platform != 'win32':\n"
        "    from apartment.win32 import install\n"
        "    install(force=True)\n"
        "import win32com.client as c\n"
        "print(callable(c.gencache.EnsureDispatch), callable(c.dynamic.Dispatch),\n"
        "      callable(c.CLSIDToClass.GetClass), c.pywintypes.__name__.rsplit('.', 1)[-1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True", "pywintypes"]


def test_a_registered_class_is_found_by_its_clsid() -> None:
    import win32com.client
    from win32com.client import CLSIDToClass, gencache

    clsid = f"{{{str(uuid.uuid4()).upper()}}}"

    class Generated(win32com.client.DispatchBaseClass):  # type: ignore[misc]
        CLSID = pywintypes.IID(clsid)

    assert not CLSIDToClass.HasClass(clsid)
    assert gencache.GetClassForCLSID(clsid) is None
    CLSIDToClass.RegisterCLSIDsFromDict({clsid: Generated})
    assert CLSIDToClass.HasClass(clsid)
    assert CLSIDToClass.GetClass(clsid) is Generated
    assert gencache.GetClassForCLSID(clsid) is Generated
    assert gencache.GetClassForCLSID(pywintypes.IID(clsid)) is Generated
    with pytest.raises(KeyError):
        CLSIDToClass.GetClass(f"{{{str(uuid.uuid4()).upper()}}}")


def test_an_unknown_progid_has_no_module_but_asking_its_class_fails() -> None:
    from win32com.client import gencache

    assert gencache.GetModuleForProgID("No.Such.ProgID.Here") is None
    with pytest.raises(pythoncom.com_error) as caught:
        gencache.GetClassForProgID("No.Such.ProgID.Here")
    assert caught.value.hresult == -2147221005  # CO_E_CLASSSTRING
