"""Run pywin32's ``win32cred_demo.py``, unchanged, with a user answering its credential prompt.

Run by ``test_pywin32_files.test_cred_demo_saves_what_the_user_typed`` with
``python -m apartment run``. The demo asks for a name and password for this computer
(CredUIPromptForCredentials), saves them as a domain password credential with two attributes,
reads it back and prints it, then tries to log on with the credential marshaled (which, its
comment says, stopped working on Windows: it prints the failure). The user types the running
user's name and "secret"; the driver prints what the dialog asked.
"""

from __future__ import annotations

import getpass
import runpy
import sys

from apartment import services


def main() -> None:
    asked: list[services.CredentialPrompt] = []

    def user(prompt: services.CredentialPrompt) -> tuple[str, str, bool]:
        asked.append(prompt)
        return getpass.getuser(), "secret", False

    services.set_credential_prompter(user)
    runpy.run_path(sys.argv[1], run_name="__main__")
    for prompt in asked:
        print(f"asked: {prompt.caption!r} {prompt.message!r} save={prompt.save} {prompt.flags:#x}")
    print("the demo ended")


main()
