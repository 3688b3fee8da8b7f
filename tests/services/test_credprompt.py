"""Credential prompts: the installed prompter answers, on the prompting thread; else canceled."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from apartment import services
from apartment.errors import Win32Error
from apartment.win32 import win32cred

if TYPE_CHECKING:
    from collections.abc import Iterator

ERROR_CANCELLED = 1223


@pytest.fixture
def asked() -> Iterator[list[tuple[services.CredentialPrompt, int]]]:
    """A user who answers every prompt with ("someone", "pw", True), noting what was asked."""
    prompts: list[tuple[services.CredentialPrompt, int]] = []

    def user(prompt: services.CredentialPrompt) -> tuple[str, str, bool]:
        prompts.append((prompt, threading.get_ident()))
        return "someone", "pw", True

    services.set_credential_prompter(user)
    try:
        yield prompts
    finally:
        services.set_credential_prompter(None)


def test_with_no_one_to_answer_a_prompt_is_canceled() -> None:
    with pytest.raises(Win32Error) as caught:
        services.prompt_for_credentials(services.CredentialPrompt("host"))
    assert caught.value.winerror == ERROR_CANCELLED
    with pytest.raises(Win32Error) as caught:
        win32cred.CredUIPromptForCredentials("host")
    assert caught.value.args[:2] == (ERROR_CANCELLED, "CredUIPromptForCredentials")


def test_a_user_who_cancels() -> None:
    services.set_credential_prompter(lambda prompt: None)
    try:
        with pytest.raises(Win32Error) as caught:
            win32cred.CredUICmdLinePromptForCredentials("host")
        assert caught.value.winerror == ERROR_CANCELLED
    finally:
        services.set_credential_prompter(None)


def test_the_dialog_asks_the_prompter_on_the_calling_thread(
    asked: list[tuple[services.CredentialPrompt, int]],
) -> None:
    answer = win32cred.CredUIPromptForCredentials(
        TargetName="host",
        UserName="me",
        Flags=win32cred.CREDUI_FLAGS_DO_NOT_PERSIST,
        Save=False,
        UiInfo={"MessageText": "Enter them", "CaptionText": "demo"},
    )
    assert answer == ("someone", "pw", True)
    assert asked == [
        (
            services.CredentialPrompt(
                "host", "me", None, False, win32cred.CREDUI_FLAGS_DO_NOT_PERSIST, "demo",
                "Enter them",
            ),
            threading.get_ident(),
        )
    ]  # fmt: skip


def test_the_console_prompt_says_it_is_one(
    asked: list[tuple[services.CredentialPrompt, int]],
) -> None:
    assert win32cred.CredUICmdLinePromptForCredentials("host") == ("someone", "pw", True)
    assert asked[0][0].console


def test_ui_info_is_a_dict_of_known_members() -> None:
    with pytest.raises(TypeError):
        win32cred.CredUIPromptForCredentials("host", UiInfo=("text",))
    with pytest.raises(TypeError):
        win32cred.CredUIPromptForCredentials("host", UiInfo={"Title": "x"})
