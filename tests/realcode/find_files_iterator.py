"""List a folder with FindFilesIterator and FindFilesW: wildcards, attributes and sizes.

Source: public GitHub directory walkers ("win32file.FindFilesW(path + '\\*')", each entry a
WIN32_FIND_DATA tuple: attributes at 0, size high and low at 4 and 5, name at 8;
``win32file.FindFilesIterator`` for big folders; ``FILE_ATTRIBUTE_DIRECTORY`` tested to
recurse, ``.`` and ``..`` skipped), rewritten with those calls; a pattern that matches
nothing gives an empty list, not an error.
"""

import os
import tempfile

import win32con
import win32file


def walk(folder, depth=0):
    rows = []
    for entry in sorted(win32file.FindFilesIterator(os.path.join(folder, "*")), key=lambda e: e[8]):
        name = entry[8]
        if name in (".", ".."):
            continue
        is_dir = bool(entry[0] & win32con.FILE_ATTRIBUTE_DIRECTORY)
        size = (entry[4] << 32) + entry[5]
        rows.append(("  " * depth) + (f"{name}/" if is_dir else f"{name} {size}"))
        if is_dir:
            rows.extend(walk(os.path.join(folder, name), depth + 1))
    return rows


def main():
    root = tempfile.mkdtemp()
    os.makedirs(os.path.join(root, "logs", "old"))
    for name, size in (
        ("a.txt", 10),
        ("b.log", 2000),
        (os.path.join("logs", "x.log"), 0),
        (os.path.join("logs", "old", "y.log"), 70000),
    ):
        with open(os.path.join(root, name), "wb") as f:
            f.write(b"z" * size)
    for row in walk(root):
        print(row)
    logs = win32file.FindFilesW(os.path.join(root, "*.log"))
    print("*.log:", [entry[8] for entry in logs])
    print("*.nothing:", win32file.FindFilesW(os.path.join(root, "*.nothing")))
    print("entry fields:", len(logs[0]))
    print("alternate name is a str:", isinstance(logs[0][9], str))
    for folder, _dirs, files in os.walk(root, topdown=False):
        for name in files:
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)


main()
