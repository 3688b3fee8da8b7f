"""The core of the system modules: profiles, the session, credentials, protected data,
accounts, text forms and printers (``apartment.services``), with Windows' error codes."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading

import pytest

from apartment import kernel, services
from apartment.errors import Win32Error

GENERIC = services.CredentialType.GENERIC
DOMAIN = services.CredentialType.DOMAIN_PASSWORD


def code_of(call: object, *args: object, **kwargs: object) -> int:
    with pytest.raises(Win32Error) as info:
        call(*args, **kwargs)  # type: ignore[operator]
    return info.value.winerror


# -- profiles ----------------------------------------------------------------------------------


def test_the_profile_is_the_home_directory() -> None:
    assert services.profile_directory() == os.path.expanduser("~")
    assert services.default_user_profile_directory() == "/etc/skel"


def test_expanding_for_the_user_ignores_case_and_keeps_unknown_names() -> None:
    name = services.user_environment(inherit=False)["USERNAME"]
    assert services.expand_for_user("%username%:%NO_SUCH_VARIABLE%") == (
        f"{name}:%NO_SUCH_VARIABLE%"
    )
    with pytest.raises(TypeError):
        services.expand_for_user(b"%USERNAME%")  # type: ignore[arg-type]


def test_a_login_environment_inherits_only_when_asked() -> None:
    os.environ["APARTMENT_TEST_INHERIT"] = "1"
    try:
        assert "APARTMENT_TEST_INHERIT" in services.user_environment(inherit=True)
        assert "APARTMENT_TEST_INHERIT" not in services.user_environment(inherit=False)
    finally:
        del os.environ["APARTMENT_TEST_INHERIT"]


def test_deleting_a_profile_is_refused() -> None:
    assert code_of(services.delete_profile, "S-1-5-21-1-2-3-1000") == 5


# -- the session -------------------------------------------------------------------------------


def test_one_active_console_session() -> None:
    assert services.sessions() == [
        services.Session(services.SESSION_ID, "Console", services.SessionState.ACTIVE)
    ]
    assert services.check_session(-1) == services.SESSION_ID
    assert code_of(services.check_session, services.SESSION_ID + 5) == 2  # ERROR_FILE_NOT_FOUND


def test_a_process_session_needs_a_running_process() -> None:
    assert services.process_session(os.getpid()) == services.SESSION_ID
    assert code_of(services.process_session, 0x7FFFFFF0) == 87


def test_ending_the_session_is_refused() -> None:
    assert code_of(services.end_session, services.SESSION_ID, "logged off") == 5
    assert code_of(services.end_session, 77, "logged off") == 2


def test_another_server_is_not_reached() -> None:
    services.check_server(None)
    services.check_server(kernel.computer_name().lower())
    assert code_of(services.check_server, "elsewhere") == 1722


def test_the_session_lists_this_process() -> None:
    mine = [p for p in services.session_processes() if p.pid == os.getpid()]
    assert mine and mine[0].user_sid == kernel.current_user_sid()


def test_a_message_not_waited_for_is_async(capsys: pytest.CaptureFixture[str]) -> None:
    answer = services.send_session_message(-1, "title", "text", 0, timeout=0, wait=False)
    assert answer == services.IDASYNC
    assert services.send_session_message(-1, "title", "text", 0, timeout=0, wait=True) == 1


# -- credentials -------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: os.PathLike[str], monkeypatch: pytest.MonkeyPatch) -> str:
    path = os.path.join(tmp_path, "credentials.sqlite3")
    monkeypatch.setenv("APARTMENT_CREDENTIALS", path)
    return path


def test_a_credential_round_trips_without_regard_to_case(store: str) -> None:
    written = services.Credential("Server/One", GENERIC, "bob", b"pw", attributes=(
        services.CredentialAttribute("k", 0, b"v"),
    ))  # fmt: skip
    services.write_credential(written)
    read = services.read_credential("server/ONE", GENERIC)
    assert read._replace(last_written=0) == written
    assert stat.S_IMODE(os.stat(store).st_mode) == 0o600


def test_a_session_credential_ends_with_the_boot(
    store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = services.Credential("kept", GENERIC, persist=services.Persistence.LOCAL_MACHINE)
    services.write_credential(kept)
    services.write_credential(services.Credential("session", GENERIC, persist=1))
    from apartment.services import _credentials

    monkeypatch.setattr(_credentials, "_boot", lambda: "another boot")
    assert [c.target_name for c in services.enumerate_credentials()] == ["kept"]


def test_missing_credentials_are_not_found(store: str) -> None:
    assert code_of(services.read_credential, "none", GENERIC) == 1168
    assert code_of(services.delete_credential, "none", GENERIC) == 1168
    assert code_of(services.enumerate_credentials) == 1168
    assert code_of(services.rename_credential, "none", "other", GENERIC) == 1168


@pytest.mark.parametrize(
    ("credential", "code"),
    [
        (services.Credential("t", 0), 87),
        (services.Credential("t", 7), 87),
        (services.Credential("", GENERIC), 87),
        (services.Credential("t", GENERIC, persist=0), 87),
        (services.Credential("t", GENERIC, persist=4), 87),
        (services.Credential("t" * 32768, GENERIC), 87),
        (services.Credential("t" * 338, DOMAIN, "bob"), 87),
        (services.Credential("a*b", DOMAIN, "bob"), 87),
        (services.Credential("t", DOMAIN), 2202),  # a domain credential names its user
        (services.Credential("t", GENERIC, blob=b"x" * 2561), 87),
        (services.Credential("t", GENERIC, flags=0x100), 1004),
        (services.Credential("t", GENERIC, flags=0x2), 87),  # PROMPT_NOW: domain only
    ],
)
def test_a_credential_keeps_its_types_rules(
    store: str, credential: services.Credential, code: int
) -> None:
    assert code_of(services.write_credential, credential) == code


def test_a_domain_target_may_start_with_a_wildcard(store: str) -> None:
    services.write_credential(services.Credential("*.example.com", DOMAIN, "bob"))
    services.write_credential(services.Credential("a*b", GENERIC))


def test_enumeration_filters_by_prefix_in_writing_order(store: str) -> None:
    for name in ("app/b", "app/a", "other"):
        services.write_credential(services.Credential(name, GENERIC))
    assert [c.target_name for c in services.enumerate_credentials("APP/*")] == ["app/b", "app/a"]
    assert len(services.enumerate_credentials()) == 3


def test_preserving_the_blob_keeps_the_stored_one(store: str) -> None:
    assert (
        code_of(services.write_credential, services.Credential("t", GENERIC), preserve_blob=True)
        == 1168
    )
    services.write_credential(services.Credential("t", GENERIC, "bob", b"secret"))
    services.write_credential(services.Credential("t", GENERIC, "eve"), preserve_blob=True)
    assert services.read_credential("t", GENERIC)[2:4] == ("eve", b"secret")


def test_a_domain_password_is_kept_but_never_read_back(store: str) -> None:
    """Only authentication packages read a domain password: every reader gets no blob."""
    visible = services.CredentialType.DOMAIN_VISIBLE_PASSWORD
    for kind in (DOMAIN, visible):
        services.write_credential(services.Credential("t", kind, "DOM\\bob", b"pw"))
    assert services.read_credential("t", DOMAIN).blob == b""
    assert services.read_credential("t", visible).blob == b"pw"
    assert {c.type: c.blob for c in services.enumerate_credentials()} == {
        DOMAIN: b"",
        visible: b"pw",
    }
    assert [c.blob for c in services.read_domain_credentials("t")] == [b""]
    with contextlib.closing(sqlite3.connect(services.credentials_path())) as store_file:
        kept = store_file.execute("SELECT blob FROM credentials WHERE type = ?", (DOMAIN,))
        assert kept.fetchall() == [(b"pw",)]  # kept for the authentication packages


def test_a_rename_keeps_names_apart(store: str) -> None:
    services.write_credential(services.Credential("a", GENERIC))
    services.write_credential(services.Credential("b", GENERIC))
    assert code_of(services.rename_credential, "a", "b", GENERIC) == 183
    services.rename_credential("a", "c", GENERIC)
    assert services.read_credential("c", GENERIC).target_name == "c"


def test_session_types_name_the_longest_persistence() -> None:
    assert services.session_types() == (0, 2, 2, 2, 2, 2, 2)
    assert services.session_types(1) == (0,)
    for bad in (0, 8):
        with pytest.raises(ValueError, match="count is 1 to 7"):
            services.session_types(bad)


def test_marshaled_credentials_are_windows_text() -> None:
    text = services.marshal_credential(services.USERNAME_TARGET_CREDENTIAL, "bob")
    assert text == "@@CGAAAAAiBwbAIGA"
    assert services.unmarshal_credential(text) == (services.USERNAME_TARGET_CREDENTIAL, "bob")
    digest = bytes(range(20))
    cert = services.marshal_credential(services.CERT_CREDENTIAL, digest)
    assert cert.startswith("@@B") and len(cert) == 3 + 27
    assert services.unmarshal_credential(cert) == (services.CERT_CREDENTIAL, digest)


@pytest.mark.parametrize("text", ["bob", "@@", "@@Z", "@@C!!!!", "@@Babc", "@@CGAAAAA"])
def test_other_texts_are_no_marshaled_credential(text: str) -> None:
    assert not services.is_marshaled_credential(text)
    assert code_of(services.unmarshal_credential, text) == 87


def test_marshaling_checks_its_kind_and_value() -> None:
    assert code_of(services.marshal_credential, 3, "bob") == 87
    assert code_of(services.marshal_credential, services.CERT_CREDENTIAL, b"short") == 87
    assert code_of(services.marshal_credential, services.USERNAME_TARGET_CREDENTIAL, "") == 87


def test_user_names_parse() -> None:
    assert services.parse_user_name("DOM\\bob") == ("bob", "DOM")
    assert services.parse_user_name("bob@example.com") == ("bob@example.com", "")
    for bad in ("bob", "", "a\\b\\c", "\\bob"):
        assert code_of(services.parse_user_name, bad) == 1315


# -- protected data ----------------------------------------------------------------------------


@pytest.fixture
def key(tmp_path: os.PathLike[str], monkeypatch: pytest.MonkeyPatch) -> str:
    path = os.path.join(tmp_path, "protect.key")
    monkeypatch.setenv("APARTMENT_PROTECT_KEY", path)
    return path


def test_protected_data_round_trips(key: str) -> None:
    blob = services.protect_data(b"data" * 40, "description", b"entropy")
    assert b"data" not in blob
    assert services.unprotect_data(blob, b"entropy") == ("description", b"data" * 40)
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600


def test_threads_that_make_the_key_at_once_agree_on_one(key: str) -> None:
    start = threading.Barrier(6)
    blobs: list[bytes] = []
    lock = threading.Lock()

    def protect() -> None:
        start.wait()
        blob = services.protect_data(b"data")
        with lock:
            blobs.append(blob)

    threads = [threading.Thread(target=protect) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [services.unprotect_data(blob) for blob in blobs] == [("", b"data")] * 6
    assert os.listdir(os.path.dirname(key)) == ["protect.key"]  # no partial file is left


def test_two_blobs_of_the_same_data_differ(key: str) -> None:
    assert services.protect_data(b"data") != services.protect_data(b"data")


@pytest.mark.parametrize("position", [0, 5, 30, -40, -1])
def test_a_changed_byte_is_invalid_data(key: str, position: int) -> None:
    blob = bytearray(services.protect_data(b"data", "d"))
    blob[position] ^= 1
    assert code_of(services.unprotect_data, bytes(blob)) == 13


def test_another_entropy_or_key_is_invalid_data(key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    blob = services.protect_data(b"data", "d", b"one")
    assert code_of(services.unprotect_data, blob, b"two") == 13
    assert code_of(services.unprotect_data, b"garbage") == 13
    monkeypatch.setenv("APARTMENT_PROTECT_KEY", key + ".other")
    assert code_of(services.unprotect_data, blob, b"one") == 13


# -- text forms --------------------------------------------------------------------------------


def test_base64_lines_hold_64_characters() -> None:
    text = services.binary_to_string(bytes(60), services.StringForm.BASE64)
    assert text == "A" * 64 + "\r\n" + "A" * 16 + "\r\n"
    header = services.binary_to_string(b"hi", services.StringForm.BASE64HEADER)
    assert header == "-----BEGIN CERTIFICATE-----\r\naGk=\r\n-----END CERTIFICATE-----\r\n"
    nocr = services.binary_to_string(b"hi", services.StringForm.BASE64 | services.StringForm.NOCR)
    assert nocr == "aGk=\n"


def test_hex_puts_two_spaces_after_the_eighth_byte() -> None:
    text = services.binary_to_string(bytes(range(17)), services.StringForm.HEX)
    assert text == ("00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f\r\n10\r\n")
    assert services.binary_to_string(b"hi", services.StringForm.HEXRAW) == "6869\r\n"


def test_text_forms_read_back() -> None:
    assert services.string_to_binary("aGk=\r\n", services.StringForm.BASE64) == (b"hi", 0, 1)
    pem = "-----BEGIN CERTIFICATE-----\r\naGk=\r\n-----END CERTIFICATE-----\r\n"
    assert services.string_to_binary(pem, services.StringForm.BASE64_ANY) == (b"hi", 0, 0)
    assert services.string_to_binary("68 69", services.StringForm.HEX)[0] == b"hi"
    assert code_of(services.string_to_binary, "!!", services.StringForm.BASE64) == 13
    assert code_of(services.string_to_binary, "aGk=", 99) == 87


# -- accounts ----------------------------------------------------------------------------------


def test_the_users_are_the_password_databases() -> None:
    me = services.local_user(kernel.user_name().upper())
    assert me.sid == kernel.current_user_sid()
    assert code_of(services.local_user, "no-such-user-here") == 2221
    assert code_of(services.local_group, "no-such-group-here") == 1376


def test_a_resume_handle_not_handed_out_is_refused() -> None:
    services.check_resume(0)
    assert code_of(services.check_resume, 1) == 87


def test_the_computer_has_no_domain_controller_and_changes_nothing() -> None:
    assert code_of(services.domain_controller, None) == 2453
    assert code_of(services.refuse_account_change, "users") == 5


# -- printers ----------------------------------------------------------------------------------


def test_no_printer() -> None:
    assert services.printers() == []
    assert code_of(services.default_printer) == 2
    assert code_of(services.open_printer, "Printer") == 1801
    assert code_of(services.no_printer_handle, 5) == 6
