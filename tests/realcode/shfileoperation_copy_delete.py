"""Copy, rename and delete files with SHFileOperation, silently, as backup scripts do.

Source: public GitHub and ActiveState recipes on "shell.SHFileOperation FO_COPY FOF_NOCONFIRMATION"
(``shell.SHFileOperation((0, shellcon.FO_COPY, src, dst, shellcon.FOF_NOCONFIRMATION |
shellcon.FOF_SILENT | shellcon.FOF_NOERRORUI, None, None))`` returning ``(result, aborted)``,
several sources joined by NUL, ``FO_RENAME``, ``FO_DELETE`` without ``FOF_ALLOWUNDO`` so nothing
goes to the recycle bin), rewritten with those calls and their order; a missing source is
told by the result code, not an exception (Windows gives 2, ERROR_FILE_NOT_FOUND, on current
versions), so the script prints it.

Wine differs: for the missing source it answers 1026 (0x402), which Microsoft's page for
SHFileOperation lists as a pre-Vista code that "does not occur on Windows Vista and later";
the expected output has Windows' 2.
"""

import os
import tempfile

from win32com.shell import shell, shellcon

QUIET = shellcon.FOF_NOCONFIRMATION | shellcon.FOF_SILENT | shellcon.FOF_NOERRORUI


def op(func, src, dst=None, flags=QUIET):
    return shell.SHFileOperation((0, func, src, dst, flags, None, None))


def main():
    root = tempfile.mkdtemp()
    src = os.path.join(root, "src")
    os.mkdir(src)
    os.mkdir(os.path.join(src, "sub"))
    for name in ("a.txt", "b.txt", os.path.join("sub", "c.txt")):
        with open(os.path.join(src, name), "w") as f:
            f.write(name)
    dst = os.path.join(root, "dst")
    os.mkdir(dst)
    print("copy tree:", op(shellcon.FO_COPY, src, dst))
    print("copied:", sorted(os.listdir(os.path.join(dst, "src"))))
    pair = os.path.join(src, "a.txt") + "\0" + os.path.join(src, "b.txt")
    print("copy two:", op(shellcon.FO_COPY, pair, dst))
    print("dst now:", sorted(os.listdir(dst)))
    print(
        "rename:",
        op(shellcon.FO_RENAME, os.path.join(dst, "a.txt"), os.path.join(dst, "renamed.txt")),
    )
    print("dst after rename:", sorted(os.listdir(dst)))
    print("delete tree:", op(shellcon.FO_DELETE, os.path.join(dst, "src")))
    print("delete file:", op(shellcon.FO_DELETE, os.path.join(dst, "b.txt")))
    print("dst at end:", sorted(os.listdir(dst)))
    print("missing source:", op(shellcon.FO_COPY, os.path.join(root, "nope.txt"), dst))
    print("delete all:", op(shellcon.FO_DELETE, root))
    print("root gone:", not os.path.exists(root))


main()
