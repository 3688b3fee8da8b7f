"""Sort video files into one folder per title with FileSystemObject.MoveFile.

Source: a GitHub script that sorts game clips (``.mp4``) by the title in their metadata: for
each clip it makes a folder named after the title's letters, digits and spaces (``No Title``
when there is none) and moves the clip there with ``fso.MoveFile(og_path, dest_path)``, the
destination ending with a separator so that MoveFile puts it inside; then it counts the clips
without a title. Rewritten: the titles come from a table in place of Shell.Application's
``GetDetailsOf`` (Explorer's metadata columns), the separator is ``os.sep`` (the script's
``"\\\\"`` names a folder on Windows only), and it runs in the current folder on clips it makes.
Where Wine is not Windows: Wine's MoveFile hands the destination to MoveFileW as it is, which
fails with "file already exists" (VB error 58) for a folder that exists; Windows' (and the
docs') MoveFile moves into a destination that ends with a separator: every line is Windows'
(under Wine the first MoveFile raises com_error, scode 0x800A003A).
"""

import os

import win32com.client as win32

TITLES = {"clip1.mp4": "Halo: Infinite", "clip2.mp4": "", "clip3.mp4": "Halo: Infinite"}
path = os.getcwd()
for name in [*TITLES, "notes.txt"]:
    with open(name, "w") as stream:
        stream.write(name)
videos = sorted(os.listdir())
no_title = 0


def game_title(file):
    return TITLES.get(file) or "No Title"


def sort_video(title, file):
    global no_title
    valid_title = "".join(char for char in title if char.isalnum() or char == " ").rstrip()
    valid_title += os.sep
    fso = win32.Dispatch("Scripting.FileSystemObject")
    dest_path = os.path.join(path, valid_title)
    og_path = os.path.join(path, file)
    if not os.path.isdir(dest_path):
        os.mkdir(dest_path)
    fso.MoveFile(og_path, dest_path)
    print(f"{file} moved to the '{valid_title[:-1]}' folder.")
    if valid_title[:-1] == "No Title":
        no_title += 1


for file in videos:
    if file[-3:] == "mp4":
        sort_video(game_title(file), file)

print(f"-----------\n{no_title} file(s) moved to 'No Title' folder")
for folder in sorted(os.listdir()):
    inside = sorted(os.listdir(folder)) if os.path.isdir(folder) else "-"
    print(folder, inside)
