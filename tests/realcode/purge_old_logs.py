"""Delete the log files of a folder whose last write is older than N days.

Source: the GitHub repository cent1nu11/Files_Maintenance (delete_files_older_than_x_days.py):
a cutoff of ``now - timedelta(days)``, each file's date compared with it, old files removed.
Written there with ``os.stat``; pywin32 scripts of the same kind list with
``win32file.FindFilesW`` and compare the WIN32_FIND_DATA's ``ftLastWriteTime`` (item 3, an
aware pywintypes time) and delete with ``win32file.DeleteFile``, as here. The driver ages the
files with ``SetFileTime`` first, and "now" is fixed.
"""

import datetime
import os
import tempfile

import win32file

UTC = datetime.timezone.utc
NOW = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
number_of_days_old = 45

dest_path = tempfile.mkdtemp()
ages = {"app.log": 3, "app.1.log": 44, "app.2.log": 46, "app.3.log": 400, "keep.txt": 900}
for name, days in ages.items():
    path = os.path.join(dest_path, name)
    with open(path, "w") as f:
        f.write(name)
    h = win32file.CreateFile(
        path, win32file.GENERIC_WRITE, 0, None, win32file.OPEN_EXISTING, 0, None
    )
    win32file.SetFileTime(h, None, None, NOW - datetime.timedelta(days=days, hours=1))
    h.Close()

cutoff_date = NOW - datetime.timedelta(number_of_days_old)
print("Cutoff_date:", cutoff_date)
found = win32file.FindFilesW(os.path.join(dest_path, "*.log"))
for data in sorted(found, key=lambda d: d[8]):
    name, written = data[8], data[3]
    age = NOW - written
    if written < cutoff_date:
        win32file.DeleteFile(os.path.join(dest_path, name))
        print("deleted", name, "age", age.days, "days", "|", written.strftime("%Y-%m-%d %H:%M %Z"))
    else:
        print("kept", name, "age", age.days, "days")
print("left:", sorted(os.listdir(dest_path)))
