"""Plan a grid of pictures from a folder tree with FileSystemObject's Folder, Files, SubFolders.

Source: a GitHub script that tiles the pictures of a folder tree on a PowerPoint slide: it
walks ``fso.GetFolder(path).Files`` keeping the image files (by extension, from
``file.Path``), counts how many share the second ``_``-part of their name (the positions of
a group), lays each out in a row, then recurses into ``folder.SubFolders`` (one row each,
labelled with ``sub_folder.Name``). Rewritten: the PowerPoint calls are replaced by printing
the planned rows, and the tree is made by the program in the current folder. The files are
taken in name order (NTFS's order on Windows) and the printed rows are sorted.
"""

import os

import win32com.client


def is_image_file(file_path):
    return os.path.splitext(file_path)[1].lower() in [".jpg", ".jpeg", ".png", ".gif", ".bmp"]


def plan_rows(folder_path, label, rows):
    fso = win32com.client.Dispatch("Scripting.FileSystemObject")
    folder = fso.GetFolder(folder_path)
    names = sorted(file.Name for file in folder.Files if is_image_file(file.Path))
    groups = {}
    for name in names:
        parts = os.path.splitext(name)[0].split("_")
        groups.setdefault(parts[1], []).append(name)
    positions = max((len(members) for members in groups.values()), default=0)
    rows.append((label, len(names), len(groups), positions))
    for sub_folder in folder.SubFolders:
        plan_rows(sub_folder.Path, label + "/" + sub_folder.Name, rows)


for folder in ("", "wells", os.path.join("wells", "day2")):
    if folder:
        os.mkdir(folder)
    for group in ("a", "b"):
        for position in range(3 if folder else 2):
            with open(os.path.join(folder or ".", f"img_{group}_{position}.png"), "wb") as f:
                f.write(b"\x89PNG")
    with open(os.path.join(folder or ".", "readme.txt"), "w") as text:
        text.write("not a picture")

rows = []
plan_rows(os.getcwd(), ".", rows)
for label, count, groups, positions in sorted(rows):
    print(f"{label}: {count} pictures, {groups} groups of {positions}")
