"""Run pywin32's ``GetSaveFileName.py``, unchanged, with a user answering its two dialogs.

Run by ``test_pywin32_files.test_file_dialogs_demo_gets_the_users_files`` with
``python -m apartment run``. The demo opens a save dialog, then an open dialog, both in the
folder ``os.environ["temp"]`` (Windows always sets TEMP, and its environment's names are
case-insensitive: Linux has neither, so the driver sets ``temp``), and prints what each
returned. The user picks ``saved.py`` in the first and ``opened.py`` in the second, in the
folder offered; the driver prints what each dialog was asked.
"""

from __future__ import annotations

import os
import runpy
import sys
import tempfile

from apartment import messages


def main() -> None:
    os.environ["temp"] = tempfile.gettempdir()  # noqa: SIM112 (the demo's own spelling)
    asked: list[str] = []
    answers = iter(["saved.py", "opened.py"])

    def user(request: messages.FileDialogRequest) -> str:
        asked.append(f"{request.title}: save={request.save} file={request.file!r}")
        assert request.initial_dir is not None
        return os.path.join(request.initial_dir, next(answers))

    messages.set_file_dialog_chooser(user)
    runpy.run_path(sys.argv[1], run_name="__main__")
    print(*asked, "the demo ended", sep="\n")


main()
