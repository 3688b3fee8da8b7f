"""Title, author and custom properties in a compound file's property sets, written and read back.

Source: the "DumpStorage.py" recipe (``StgIsStorageFile``, ``StgOpenStorage`` with
``storagecon.STGM_READ | STGM_SHARE_EXCLUSIVE``, ``QueryInterface(IID_IPropertySetStorage)``,
``Open(FMTID)``, ``ReadMultiple((PIDSI_TITLE, PIDSI_SUBJECT, PIDSI_AUTHOR,
PIDSI_CREATE_DTM))``) and the scripts that write those fields before handing a document out,
rewritten as one program: ``StgCreateDocfile``, ``Create`` of the summary information set
(its class ``IID_NULL``: None is refused, TypeError),
``WriteMultiple`` by property id, writes by name in the user-defined set,
``Commit``, then the reading side with ``Stat``, ``Enum`` (``STATPROPSTG`` tuples),
``ReadMultiple`` (a missing property reads as None), ``ReadPropertyNames`` and
``IPropertySetStorage.Enum``; the error of opening a set that is not there
(STG_E_FILENOTFOUND) and ``StgIsStorageFile`` on a plain file.

Wine differs: it reads a string property back with its terminating NUL (``"Mark\\x00"``); these
lines hold Windows' strings, without it.
"""

import os
import tempfile

import pythoncom
import pywintypes
from win32com import storagecon

FMTID_SummaryInformation = pythoncom.FMTID_SummaryInformation
FMTID_UserDefinedProperties = pywintypes.IID("{D5CDD505-2E9C-101B-9397-08002B2CF9AE}")

PIDSI_TITLE = 0x00000002
PIDSI_SUBJECT = 0x00000003
PIDSI_AUTHOR = 0x00000004
PIDSI_PAGECOUNT = 0x0000000E


def write(filename):
    mode = storagecon.STGM_READWRITE | storagecon.STGM_SHARE_EXCLUSIVE | storagecon.STGM_CREATE
    stg = pythoncom.StgCreateDocfile(filename, mode, 0)
    pss = stg.QueryInterface(pythoncom.IID_IPropertySetStorage)
    try:
        pss.Create(FMTID_SummaryInformation, None, 0, storagecon.STGM_READWRITE)
    except TypeError as error:
        print("clsid None:", error)
    ps = pss.Create(
        FMTID_SummaryInformation,
        pythoncom.IID_NULL,
        storagecon.PROPSETFLAG_DEFAULT,
        storagecon.STGM_READWRITE | storagecon.STGM_SHARE_EXCLUSIVE | storagecon.STGM_CREATE,
    )
    ps.WriteMultiple((PIDSI_TITLE, PIDSI_AUTHOR, PIDSI_PAGECOUNT), ("Quarterly report", "Mark", 12))
    ps.Commit(storagecon.STGC_DEFAULT)
    ps = None
    user = pss.Create(
        FMTID_UserDefinedProperties,
        pythoncom.IID_NULL,
        storagecon.PROPSETFLAG_DEFAULT,
        storagecon.STGM_READWRITE | storagecon.STGM_SHARE_EXCLUSIVE | storagecon.STGM_CREATE,
    )
    user.WriteMultiple(("Department", "Checked by"), ("Sales", "Tim"))
    user.WriteMultiple(("Copies",), (3,))
    user.Commit(storagecon.STGC_DEFAULT)
    user = None
    pss = None
    stg.Commit(storagecon.STGC_DEFAULT)
    stg = None


def read(filename):
    print("is storage file:", pythoncom.StgIsStorageFile(filename))
    flags = storagecon.STGM_READ | storagecon.STGM_SHARE_EXCLUSIVE
    stg = pythoncom.StgOpenStorage(filename, None, flags)
    pss = stg.QueryInterface(pythoncom.IID_IPropertySetStorage)
    names = {
        str(FMTID_SummaryInformation): "summary",
        str(pythoncom.FMTID_DocSummaryInformation): "document summary",
        str(FMTID_UserDefinedProperties): "user defined",
    }
    print("property sets:", sorted(names.get(str(stat[0]), str(stat[0])) for stat in pss.Enum()))
    print("streams:", sorted(repr(stat[0]) for stat in stg.EnumElements()))
    ps = pss.Open(FMTID_SummaryInformation, flags)
    stat = ps.Stat()
    print("set id matches:", stat[0] == FMTID_SummaryInformation)
    title, subject, author, pages = ps.ReadMultiple(
        (PIDSI_TITLE, PIDSI_SUBJECT, PIDSI_AUTHOR, PIDSI_PAGECOUNT)
    )
    print("Title:", title)
    print("Subject:", subject)
    print("Author:", author)
    print("Pages:", pages)
    for name, propid, vartype in sorted(ps.Enum(), key=lambda item: item[1]):
        print("  stat:", name, propid, vartype)
    ps = None
    user = pss.Open(FMTID_UserDefinedProperties, flags)
    props = sorted(user.Enum(), key=lambda item: item[1])
    for name, propid, vartype in props:
        print("  user:", name, propid, vartype)
    print("names:", user.ReadPropertyNames([item[1] for item in props]))
    print("values:", user.ReadMultiple([item[1] for item in props]))
    print("by name:", user.ReadMultiple(("Department", "Checked by")))
    user = None
    try:
        pss.Open(pythoncom.FMTID_DocSummaryInformation, flags)
    except pythoncom.com_error as error:
        print("no doc summary set:", error.hresult)
    pss = None
    stg = None


def main():
    folder = tempfile.mkdtemp()
    filename = os.path.join(folder, "report.doc")
    write(filename)
    read(filename)
    plain = os.path.join(folder, "plain.txt")
    with open(plain, "w") as handle:
        handle.write("not a docfile")
    print("plain file is storage:", pythoncom.StgIsStorageFile(plain))
    print("done")


if __name__ == "__main__":
    main()
