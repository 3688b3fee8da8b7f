"""Build a folder tree with FileSystemObject, report it, copy, move and delete in it.

Source: the classic "list folders and file sizes with Scripting.FileSystemObject from Python"
recipes (search "fso.GetFolder" "SubFolders" "f.Size" "CreateTextFile" "DeleteFolder"
win32com): ``CreateFolder``, ``CreateTextFile``/``WriteLine``/``Close``, a recursive walk over
``SubFolders`` and ``Files`` with ``Name``, ``Size``, ``Path`` (its folder by
``GetParentFolderName``; ``Type`` is the shell's text, left out), ``CopyFile``,
``MoveFile``, ``CopyFolder``, ``DeleteFile``, ``DeleteFolder`` with force, and the errors
of a missing path (CTL_E_*, as DISP_E_EXCEPTION with the scode in the excepinfo).

Wine differs: its Folder has no ``Size`` (E_NOTIMPL), so the line "size of tree" holds
Windows' answer (the sum of the sizes of the files under the folder); the program without
that line prints on Wine what it prints here.
"""

import os

import pythoncom
import win32com.client


def walk(fso, folder, depth=0):
    print("  " * depth + folder.Name + "/", folder.Files.Count, "files")
    for f in sorted(folder.Files, key=lambda f: f.Name):
        print(
            "  " * (depth + 1) + f.Name,
            f.Size,
            "in",
            fso.GetFileName(fso.GetParentFolderName(f.Path)),
        )
    for sub in sorted(folder.SubFolders, key=lambda s: s.Name):
        walk(fso, sub, depth + 1)


def main():
    fso = win32com.client.Dispatch("Scripting.FileSystemObject")
    root = fso.BuildPath(os.getcwd(), "tree")
    fso.CreateFolder(root)
    fso.CreateFolder(fso.BuildPath(root, "docs"))
    fso.CreateFolder(fso.BuildPath(root, "src"))
    for folder, name, lines in (
        (None, "readme.txt", ["hello"]),
        ("docs", "guide.txt", ["a", "bb", "ccc"]),
        ("src", "main.py", ["print(1)", "print(2)"]),
    ):
        where = root if folder is None else fso.BuildPath(root, folder)
        stream = fso.CreateTextFile(fso.BuildPath(where, name), True)
        for line in lines:
            stream.WriteLine(line)
        stream.Close()
    walk(fso, fso.GetFolder(root))
    fso.CopyFile(
        fso.BuildPath(root, "readme.txt"),
        fso.BuildPath(fso.BuildPath(root, "docs"), "readme-copy.txt"),
    )
    src = fso.BuildPath(root, "src")
    fso.MoveFile(fso.BuildPath(src, "main.py"), fso.BuildPath(src, "app.py"))
    fso.CopyFolder(fso.BuildPath(root, "docs"), fso.BuildPath(root, "backup"))
    fso.DeleteFile(fso.BuildPath(root, "readme.txt"))
    print("after changes:")
    walk(fso, fso.GetFolder(root))
    print("size of tree:", fso.GetFolder(root).Size)
    print(
        "exists:",
        fso.FileExists(fso.BuildPath(src, "app.py")),
        fso.FileExists(fso.BuildPath(src, "main.py")),
        fso.FolderExists(fso.BuildPath(root, "backup")),
    )
    for label, call in (
        ("missing file", lambda: fso.GetFile(fso.BuildPath(root, "nope.txt"))),
        ("missing folder", lambda: fso.GetFolder(fso.BuildPath(root, "nope"))),
        (
            "copy missing",
            lambda: fso.CopyFile(fso.BuildPath(root, "x.txt"), fso.BuildPath(root, "y.txt")),
        ),
    ):
        try:
            call()
        except pythoncom.com_error as error:
            print(label, error.hresult, hex(error.excepinfo[5] & 0xFFFFFFFF))
    fso.DeleteFolder(root, True)
    print("deleted:", not fso.FolderExists(root))


if __name__ == "__main__":
    main()
