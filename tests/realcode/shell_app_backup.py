"""Back up a folder's files with Shell.Application: Namespace, Items, CopyHere, NewFolder.

Source: the backup scripts of Stack Overflow answers and blog posts that copy "the way
Explorer does" from Python with ``win32com.client.Dispatch("Shell.Application")``: open the
source and destination with ``Namespace``, make a dated folder with ``NewFolder``, walk
``Items()`` skipping folders (``IsFolder``) and empty files (``Size``), and copy each with
``CopyHere(item, 4 | 16)`` (FOF_SILENT | FOF_NOCONFIRMATION, no progress dialog, "Yes to
all"); ``ParseName`` checks what arrived. Rewritten: the folders are made in the current
folder and the dated name is fixed. Where Wine is not Windows: Wine's shell32 implements
neither Size, CopyHere nor NewFolder (E_NOTIMPL): the lines from "made" on are Windows'.
"""

import os

import win32com.client

base = os.getcwd()
source = os.path.join(base, "work")
os.makedirs(os.path.join(source, "drafts"), exist_ok=True)
for name, text in (("report.txt", "numbers"), ("empty.log", ""), ("notes.md", "ideas")):
    with open(os.path.join(source, name), "w") as stream:
        stream.write(text)
os.makedirs(os.path.join(base, "backup"), exist_ok=True)

shell = win32com.client.Dispatch("Shell.Application")
src = shell.Namespace(source)
print("source:", src.Title, src.Items().Count, "items")
for item in [src.Items().Item(i) for i in range(src.Items().Count)]:
    print(" ", item.Name, "folder" if item.IsFolder else "file")
print("missing folder:", shell.Namespace(os.path.join(base, "nowhere")))

backup = shell.Namespace(os.path.join(base, "backup"))
backup.NewFolder("2024-01-31")
target = shell.Namespace(os.path.join(base, "backup", "2024-01-31"))
print("made:", target.Title)
copied = 0
for i in range(src.Items().Count):
    item = src.Items().Item(i)
    if item.IsFolder or item.Size == 0:
        continue
    target.CopyHere(item, 4 | 16)
    copied += 1
print("copied:", copied)
for name in ("report.txt", "notes.md", "empty.log"):
    arrived = target.ParseName(name)
    print(" ", name, "->", "there" if arrived is not None else "not copied")
