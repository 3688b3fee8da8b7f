"""Walk a folder tree through the shell namespace (IShellFolder), as pywin32's shell demos do.

Source: the pattern of pywin32's ``win32comext/shell/demos/walk_shell_folders.py`` and of
Stack Overflow answers that list a folder "the Explorer way": parse the folder's path from
the desktop (``ParseDisplayName``), bind to it (``BindToObject``), enumerate its items
(``EnumObjects`` with SHCONTF_FOLDERS | SHCONTF_NONFOLDERS), ask each item's name
(``GetDisplayNameOf``) and whether it is a folder (``GetAttributesOf``), and recurse into the
folders. Rewritten: it makes its tree in the current folder and prints the paths relative to
it, sorted (Explorer's order is the namespace's), and the item ID lists' round trip through
``SHGetPathFromIDList``.
"""

import os

from win32com.shell import shell, shellcon

root = os.path.join(os.getcwd(), "tree")
for folder in ("docs", os.path.join("docs", "old"), "pics"):
    os.makedirs(os.path.join(root, folder), exist_ok=True)
for name in (
    "readme.txt",
    os.path.join("docs", "a.doc"),
    os.path.join("docs", "old", "b.doc"),
    os.path.join("pics", "c.png"),
):
    with open(os.path.join(root, name), "w") as stream:
        stream.write(name)

desktop = shell.SHGetDesktopFolder()
found = []


def walk(folder, pidl, depth):
    flags = shellcon.SHCONTF_FOLDERS | shellcon.SHCONTF_NONFOLDERS
    for item in folder.EnumObjects(0, flags):
        name = folder.GetDisplayNameOf(item, shellcon.SHGDN_FORPARSING)
        attributes = folder.GetAttributesOf([item], shellcon.SFGAO_FOLDER)
        is_folder = bool(attributes & shellcon.SFGAO_FOLDER)
        found.append((os.path.relpath(name, root), is_folder, depth))
        if is_folder:
            child = folder.BindToObject(item, None, shell.IID_IShellFolder)
            walk(child, pidl + item, depth + 1)
        else:
            full = shell.SHGetPathFromIDList(pidl + item).decode()
            assert full == name, (full, name)


eaten, pidl, attributes = desktop.ParseDisplayName(0, None, root, shellcon.SFGAO_FOLDER)
print("parsed:", eaten, len(pidl) > 0, bool(attributes & shellcon.SFGAO_FOLDER))
walk(desktop.BindToObject(pidl, None, shell.IID_IShellFolder), pidl, 0)
for relative, is_folder, depth in sorted(found):
    print("  " * depth + relative.replace(os.sep, "/") + ("/" if is_folder else ""))
print(len(found), "items")
