"""Contract: the system modules real scripts import for one call (profile, ts, cred, crypt, net,
print).

Every name pywin32 gives them is there, with pywin32's values; what they answer for the user's
own machine (a workgroup computer, one console session, no printer) and the errors of bad
input. Credentials written here are named ``ApartmentContract/...`` and removed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32cred
import win32crypt
import win32cryptcon
import win32net
import win32print
import win32profile
import win32security
import win32ts

from ._wine import ON_THE_ORACLE, wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator

# module -> (count of values, digest of their sorted name=repr lines, the functions)
MODULES: dict[str, tuple[Any, int, str]] = {
    "win32profile": (win32profile, 5, "080905ca463a5d7a"),
    "win32ts": (win32ts, 75, "41c35704e6231f8f"),
    "win32cred": (win32cred, 60, "bf2a0e63e128f176"),
    "win32crypt": (win32crypt, 0, "e3b0c44298fc1c14"),
    "win32net": (win32net, 5, "55f892c43ef2c8d4"),
    "win32print": (win32print, 138, "f063c17753ff1098"),
}
FUNCTIONS = {
    "win32profile": "CreateEnvironmentBlock DeleteProfile ExpandEnvironmentStringsForUser "
    "GetAllUsersProfileDirectory GetDefaultUserProfileDirectory GetEnvironmentStrings "
    "GetProfileType GetProfilesDirectory GetUserProfileDirectory LoadUserProfile "
    "UnloadUserProfile",
    "win32ts": "ProcessIdToSessionId WTSCloseServer WTSDisconnectSession WTSEnumerateProcesses "
    "WTSEnumerateServers WTSEnumerateSessions WTSGetActiveConsoleSessionId WTSLogoffSession "
    "WTSOpenServer WTSQuerySessionInformation WTSQueryUserConfig WTSQueryUserToken "
    "WTSRegisterSessionNotification WTSSendMessage WTSSetUserConfig WTSShutdownSystem "
    "WTSTerminateProcess WTSUnRegisterSessionNotification WTSWaitSystemEvent",
    "win32cred": "CredDelete CredEnumerate CredGetSessionTypes CredGetTargetInfo "
    "CredIsMarshaledCredential CredMarshalCredential CredRead CredReadDomainCredentials "
    "CredRename CredUICmdLinePromptForCredentials CredUIConfirmCredentials CredUIParseUserName "
    "CredUIPromptForCredentials CredUIReadSSOCredW CredUIStoreSSOCredW CredUnmarshalCredential "
    "CredWrite CredWriteDomainCredentials",
    "win32crypt": "CertAddSerializedElementToStore CertAlgIdToOID CertEnumPhysicalStore "
    "CertEnumSystemStore CertEnumSystemStoreLocation CertNameToStr CertOIDToAlgId CertOpenStore "
    "CertOpenSystemStore CertRegisterSystemStore CertUnregisterSystemStore CryptAcquireContext "
    "CryptBinaryToString CryptDecodeMessage CryptDecodeObjectEx "
    "CryptDecryptAndVerifyMessageSignature CryptDecryptMessage CryptEncodeObjectEx "
    "CryptEncryptMessage CryptEnumKeyIdentifierProperties CryptEnumOIDInfo "
    "CryptEnumProviderTypes CryptEnumProviders CryptFindLocalizedName CryptFindOIDInfo "
    "CryptFormatObject CryptGetDefaultProvider CryptGetKeyIdentifierProperty "
    "CryptGetMessageCertificates CryptGetMessageSignerCount CryptProtectData CryptQueryObject "
    "CryptSetProviderEx CryptSignAndEncryptMessage CryptSignMessage CryptStringToBinary "
    "CryptUnprotectData CryptVerifyDetachedMessageSignature CryptVerifyMessageSignature "
    "PFXImportCertStore PFXIsPFXBlob PFXVerifyPassword",
    "win32net": "NetFileClose NetFileEnum NetFileGetInfo NetGetAnyDCName NetGetDCName "
    "NetGetJoinInformation NetGroupAdd NetGroupAddUser NetGroupDel NetGroupDelUser NetGroupEnum "
    "NetGroupGetInfo NetGroupGetUsers NetGroupSetInfo NetGroupSetUsers NetLocalGroupAdd "
    "NetLocalGroupAddMembers NetLocalGroupDel NetLocalGroupDelMembers NetLocalGroupEnum "
    "NetLocalGroupGetInfo NetLocalGroupGetMembers NetLocalGroupSetInfo NetLocalGroupSetMembers "
    "NetMessageBufferSend NetMessageNameAdd NetMessageNameDel NetMessageNameEnum "
    "NetServerComputerNameAdd NetServerComputerNameDel NetServerDiskEnum NetServerEnum "
    "NetServerGetInfo NetServerSetInfo NetSessionDel NetSessionEnum NetSessionGetInfo "
    "NetShareAdd NetShareCheck NetShareDel NetShareEnum NetShareGetInfo NetShareSetInfo "
    "NetStatisticsGet NetUseAdd NetUseDel NetUseEnum NetUseGetInfo NetUserAdd "
    "NetUserChangePassword NetUserDel NetUserEnum NetUserGetGroups NetUserGetInfo "
    "NetUserGetLocalGroups NetUserModalsGet NetUserModalsSet NetUserSetInfo NetValidateName "
    "NetValidatePasswordPolicy NetWkstaGetInfo NetWkstaSetInfo NetWkstaTransportAdd "
    "NetWkstaTransportDel NetWkstaTransportEnum NetWkstaUserEnum",
    "win32print": "AbortDoc AbortPrinter AddForm AddJob AddPrinter AddPrinterConnection "
    "ClosePrinter DeleteForm DeletePrinter DeletePrinterConnection DeletePrinterDriver "
    "DeletePrinterDriverEx DeviceCapabilities DocumentProperties EndDoc EndDocPrinter EndPage "
    "EndPagePrinter EnumForms EnumJobs EnumMonitors EnumPorts EnumPrintProcessorDatatypes "
    "EnumPrintProcessors EnumPrinterDrivers EnumPrinters FlushPrinter GetDefaultPrinter "
    "GetDefaultPrinterW GetDeviceCaps GetForm GetJob GetPrintProcessorDirectory GetPrinter "
    "GetPrinterDriverDirectory OpenPrinter ScheduleJob SetDefaultPrinter SetDefaultPrinterW "
    "SetForm SetJob SetPrinter StartDoc StartDocPrinter StartPage StartPagePrinter WritePrinter",
}
TARGET = "ApartmentContract/one"
EXPECTED_BOB = "@@CGAAAAAiBwbAIGA"  # UsernameTargetCredential of bob, as Windows marshals it
GENERIC = win32cred.CRED_TYPE_GENERIC


def failure(call: Any, *args: Any, **kwargs: Any) -> tuple[int, str]:
    """(winerror, funcname) of the pywintypes.error a call raises."""
    with pytest.raises(pywintypes.error) as info:
        call(*args, **kwargs)
    return info.value.winerror, info.value.funcname


def values_digest(module: Any) -> tuple[int, str]:
    values = sorted(
        (name, getattr(module, name))
        for name in dir(module)
        if not name.startswith("_")
        and (getattr(module, name) is None or type(getattr(module, name)) in (int, str, float))
    )
    text = "\n".join(f"{name}={value!r}" for name, value in values)
    return len(values), hashlib.sha256(text.encode()).hexdigest()[:16]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_value_is_pywin32s(name: str) -> None:
    module, count, digest = MODULES[name]
    assert values_digest(module) == (count, digest)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_is_there(name: str) -> None:
    module = MODULES[name][0]
    missing = [f for f in FUNCTIONS[name].split() if not callable(getattr(module, f, None))]
    assert missing == []


@pytest.fixture
def token() -> Iterator[Any]:
    handle = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32con.TOKEN_QUERY)
    yield handle
    handle.Close()


# -- win32profile ------------------------------------------------------------------------------


def test_the_environment_strings_are_the_process_environment() -> None:
    os.environ["APARTMENT_CONTRACT"] = "a=b"
    try:
        env = win32profile.GetEnvironmentStrings()
        assert type(env) is dict
        assert env["APARTMENT_CONTRACT"] == "a=b"
    finally:
        del os.environ["APARTMENT_CONTRACT"]


def test_the_profile_directory_is_in_the_profiles_directory(token: Any) -> None:
    profile = win32profile.GetUserProfileDirectory(token)
    assert os.path.isdir(profile)
    assert os.path.dirname(profile.rstrip("\\/")) == win32profile.GetProfilesDirectory()
    assert win32profile.GetUserProfileDirectory(int(token)) == profile


def test_a_profile_needs_a_token() -> None:
    assert failure(win32profile.GetUserProfileDirectory, None) == (6, "GetUserProfileDirectory")
    with pytest.raises(TypeError):
        win32profile.GetUserProfileDirectory("token")


def test_expanding_for_the_user_keeps_unknown_names() -> None:
    expanded = win32profile.ExpandEnvironmentStringsForUser(None, "%USERNAME%-%NO_SUCH_VAR%")
    assert expanded == win32api.GetUserName() + "-%NO_SUCH_VAR%"
    with pytest.raises(TypeError):
        win32profile.ExpandEnvironmentStringsForUser(None, b"%USERNAME%")


def test_an_environment_block_is_a_dict(token: Any) -> None:
    block = win32profile.CreateEnvironmentBlock(token, False)
    assert type(block) is dict
    assert all(type(k) is str and type(v) is str for k, v in block.items())


def test_loading_a_profile_reads_its_info(token: Any) -> None:
    with pytest.raises(TypeError):
        win32profile.LoadUserProfile(token, {})
    with pytest.raises(TypeError):
        win32profile.LoadUserProfile(token, 3)
    with pytest.raises(TypeError):
        win32profile.LoadUserProfile(token, {"UserName": 3})
    with pytest.raises(TypeError, match="unexpected keyword argument 'Bogus'"):
        win32profile.LoadUserProfile(token, {"UserName": "x", "Bogus": 1})
    hive = win32profile.LoadUserProfile(token, {"UserName": win32api.GetUserName()})
    assert repr(hive).startswith("<PyHKEY:")


def test_the_profile_is_local() -> None:
    assert win32profile.GetProfileType() == 0


# -- win32ts -----------------------------------------------------------------------------------


def query(info_class: int, session: int = win32ts.WTS_CURRENT_SESSION) -> Any:
    return win32ts.WTSQuerySessionInformation(
        win32ts.WTS_CURRENT_SERVER_HANDLE, session, info_class
    )


@wine_differs("Wine's wtsapi32 answers few information classes (error 0) and lists no session")
def test_the_session_is_local_and_active() -> None:
    own = win32ts.ProcessIdToSessionId(os.getpid())
    assert query(win32ts.WTSIsRemoteSession) is False
    assert query(win32ts.WTSSessionId) == own
    assert query(win32ts.WTSConnectState) == win32ts.WTSActive
    assert query(win32ts.WTSUserName) == win32api.GetUserName()
    assert query(win32ts.WTSUserName, own) == win32api.GetUserName()
    sessions = win32ts.WTSEnumerateSessions(win32ts.WTS_CURRENT_SERVER_HANDLE, 1, 0)
    mine = [s for s in sessions if s["SessionId"] == own]
    assert len(mine) == 1
    assert set(mine[0]) == {"SessionId", "WinStationName", "State"}
    assert mine[0]["State"] == win32ts.WTSActive


def test_the_process_list_holds_this_process() -> None:
    processes = win32ts.WTSEnumerateProcesses()
    mine = [p for p in processes if p[1] == os.getpid()]
    assert len(mine) == 1
    session, _pid, name, sid = mine[0]
    assert session == win32ts.ProcessIdToSessionId(os.getpid())
    assert isinstance(name, str)
    assert sid is None or isinstance(sid, pywintypes.SIDType)


def test_an_unknown_process_has_no_session() -> None:
    assert failure(win32ts.ProcessIdToSessionId, 0x7FFFFFF0) == (87, "ProcessIdToSessionId")


def test_session_information_checks_its_arguments() -> None:
    with pytest.raises(TypeError):
        win32ts.WTSQuerySessionInformation(0, "x", win32ts.WTSUserName)


# -- win32cred ---------------------------------------------------------------------------------


@pytest.fixture
def credential() -> Iterator[dict[str, Any]]:
    cred = {
        "TargetName": TARGET,
        "Type": GENERIC,
        "UserName": "bob",
        "CredentialBlob": "s3cret",
        "Persist": win32cred.CRED_PERSIST_SESSION,
        "Comment": "a comment",
    }
    win32cred.CredWrite(cred, 0)
    yield cred
    with contextlib.suppress(pywintypes.error):
        win32cred.CredDelete(TARGET, GENERIC)


def test_a_credential_reads_back(credential: dict[str, Any]) -> None:
    read = win32cred.CredRead(TARGET.upper(), GENERIC)
    assert read["TargetName"] == TARGET
    assert read["UserName"] == "bob"
    assert read["Comment"] == "a comment"
    assert read["Persist"] == win32cred.CRED_PERSIST_SESSION
    assert read["Type"] == GENERIC


def test_a_missing_credential_is_not_found() -> None:
    assert failure(win32cred.CredRead, "ApartmentContract/none", GENERIC) == (1168, "CredRead")
    assert failure(win32cred.CredDelete, "ApartmentContract/none", GENERIC) == (
        1168,
        "CredDelete",
    )


def test_enumerating_filters_by_prefix(credential: dict[str, Any]) -> None:
    found = win32cred.CredEnumerate("ApartmentContract/*")
    assert [c["TargetName"] for c in found] == [TARGET]
    assert failure(win32cred.CredEnumerate, "ApartmentContractNone*") == (1168, "CredEnumerate")


def test_a_deleted_credential_is_gone(credential: dict[str, Any]) -> None:
    with pytest.raises(KeyError, match="Flags"):
        win32cred.CredDelete({"TargetName": TARGET, "Type": GENERIC})
    assert win32cred.CredDelete({"TargetName": TARGET, "Type": GENERIC, "Flags": 0}) is None
    assert failure(win32cred.CredRead, TARGET, GENERIC)[0] == 1168


def test_credential_delete_reads_its_target() -> None:
    with pytest.raises(TypeError):
        win32cred.CredDelete("")
    with pytest.raises(KeyError):
        win32cred.CredDelete({})
    with pytest.raises(TypeError):
        win32cred.CredDelete({"TargetName": "", "Type": 3.5})


def test_a_credential_needs_a_known_type_and_persistence() -> None:
    for kind in (0, win32cred.CRED_TYPE_MAXIMUM + 1):
        cred = {"TargetName": "ApartmentContract/t", "Type": kind, "Persist": 1}
        assert failure(win32cred.CredWrite, cred) == (87, "CredWrite")


def test_session_types_are_one_a_type() -> None:
    types = win32cred.CredGetSessionTypes()
    assert len(types) == win32cred.CRED_TYPE_MAXIMUM
    assert win32cred.CredGetSessionTypes(3) == types[:3]
    with pytest.raises(ValueError, match=r"."):
        win32cred.CredGetSessionTypes(0)


def test_a_user_name_marshals_and_back() -> None:
    text = win32cred.CredMarshalCredential(win32cred.UsernameTargetCredential, "bob")
    assert text.startswith("@@C")
    assert win32cred.CredIsMarshaledCredential(text)
    assert win32cred.CredUnmarshalCredential(text) == (win32cred.UsernameTargetCredential, "bob")
    assert not win32cred.CredIsMarshaledCredential("bob")


def test_a_marshaled_text_is_windows_form() -> None:
    assert win32cred.CredMarshalCredential(win32cred.UsernameTargetCredential, "bob") == (
        EXPECTED_BOB
    )


def test_user_names_parse_into_user_and_domain() -> None:
    assert win32cred.CredUIParseUserName("DOMAIN\\bob") == ("bob", "DOMAIN")


def test_a_credential_is_written_from_a_dict_of_its_members() -> None:
    with pytest.raises(TypeError):  # pywin32 takes the blob as a str only
        win32cred.CredWrite({"TargetName": TARGET, "Type": GENERIC, "CredentialBlob": b"x"})
    with pytest.raises(TypeError, match="unexpected keyword argument 'Bogus'"):
        win32cred.CredWrite({"TargetName": TARGET, "Type": GENERIC, "Persist": 1, "Bogus": 1})
    with pytest.raises(TypeError):
        win32cred.CredWrite({"TargetName": TARGET, "Type": "1", "Persist": 1})
    good = {"TargetName": TARGET, "Type": GENERIC, "Persist": 1}
    assert failure(win32cred.CredWrite, good, 5) == (1004, "CredWrite")


def test_a_domain_credential_names_its_user() -> None:
    cred = {"TargetName": "apartment-contract-server", "Type": 2, "Persist": 1}
    assert failure(win32cred.CredWrite, cred) == (2202, "CredWrite")


@wine_differs(
    "Wine's CredRead gives a domain password's blob; Windows keeps it for the authentication "
    "packages (Wine's own cred.c check_blob, run on Windows, pins a read with no blob)"
)
def test_a_domain_password_reads_back_without_its_blob() -> None:
    target = "ApartmentContract/domain"
    cred = {"TargetName": target, "Type": 2, "UserName": "DOM\\bob", "CredentialBlob": "pw"}
    win32cred.CredWrite({**cred, "Persist": win32cred.CRED_PERSIST_SESSION}, 0)
    try:
        read = win32cred.CredRead(target, 2)
        listed = [c for c in win32cred.CredEnumerate("ApartmentContract/*") if c["Type"] == 2]
    finally:
        win32cred.CredDelete(target, 2)
    assert (read["UserName"], read["CredentialBlob"]) == ("DOM\\bob", None)
    assert [c["CredentialBlob"] for c in listed] == [None]


def test_reading_or_deleting_checks_type_and_flags() -> None:
    target = "ApartmentContract/none"
    for call in (win32cred.CredRead, win32cred.CredDelete):
        assert failure(call, target, 0xFFFFFFFF)[0] == 87
        assert failure(call, target, GENERIC, 0xDEADBEEF)[0] == 1004


def test_the_blob_reads_back_as_utf16(credential: dict[str, Any]) -> None:
    assert win32cred.CredRead(TARGET, GENERIC)["CredentialBlob"] == "s3cret".encode("utf-16-le")


@wine_differs("Wine's CredWrite keeps no attributes: CredRead gives () (it takes the str)")
def test_an_attribute_value_is_bytes_and_a_str_its_utf16() -> None:
    """win32cred_demo.py writes a str Value: pywin32 takes it as its raw UTF-16-LE bytes."""
    attributes = [
        {"Keyword": "text", "Flags": 0, "Value": "unicode data"},
        {"Keyword": "data", "Flags": 0, "Value": b"character data"},
    ]
    cred = {"TargetName": TARGET, "Type": GENERIC, "UserName": "bob", "Persist": 1}
    win32cred.CredWrite({**cred, "Attributes": attributes}, 0)
    try:
        read = win32cred.CredRead(TARGET, GENERIC)["Attributes"]
    finally:
        win32cred.CredDelete(TARGET, GENERIC)
    assert [(a["Keyword"], a["Value"]) for a in read] == [
        ("text", "unicode data".encode("utf-16-le")),
        ("data", b"character data"),
    ]


def test_only_a_trailing_star_is_a_wildcard(credential: dict[str, Any]) -> None:
    assert failure(win32cred.CredEnumerate, "Apartment*one") == (1168, "CredEnumerate")
    assert len(win32cred.CredEnumerate(TARGET.lower())) == 1
    assert failure(win32cred.CredEnumerate, None, 2) == (1004, "CredEnumerate")


def test_session_types_are_a_list_and_their_count_is_checked() -> None:
    assert isinstance(win32cred.CredGetSessionTypes(), list)
    with pytest.raises(ValueError, match="between 1 and CRED_TYPE_MAXIMUM"):
        win32cred.CredGetSessionTypes(win32cred.CRED_TYPE_MAXIMUM + 1)


def test_a_certificate_hash_marshals_in_windows_form() -> None:
    marshal = win32cred.CredMarshalCredential
    assert marshal(win32cred.CertCredential, b"\x01" * 20) == "@@BBEQABEQABEQABEQABEQABEQABEA"
    assert marshal(win32cred.CertCredential, bytes(range(20))) == "@@BAEgADQQBGcACJowCM0gDPARESMB"
    assert marshal(win32cred.CertCredential, b"\x01" * 19) == "@@BBEQABEQABEQABEQABEQABEQABAA"
    assert win32cred.CredUnmarshalCredential("@@BAEgADQQBGcACJowCM0gDPARESMB") == (
        win32cred.CertCredential,
        bytes(range(20)),
    )
    name = marshal(win32cred.UsernameTargetCredential, "Administrator")
    assert name == "@@CaAAAAABBAZA0GApBgbAkGAzBAdAIHAhBAdA8GAyBA"


def test_marshaling_checks_its_arguments() -> None:
    marshal = win32cred.CredMarshalCredential
    with pytest.raises(TypeError, match="expected bytes, str found"):
        marshal(win32cred.CertCredential, "ab")
    with pytest.raises(NotImplementedError, match="Credential type 3 is not supported"):
        marshal(3, "bob")
    assert failure(marshal, win32cred.UsernameTargetCredential, "") == (
        87,
        "CredMarshalCredential",
    )
    for text in ("@@xyz", "bob"):
        assert failure(win32cred.CredUnmarshalCredential, text) == (87, "CredUnmarshalCredential")
    assert not win32cred.CredIsMarshaledCredential("@@xyz")


@pytest.mark.skipif(ON_THE_ORACLE, reason="Wine's CredRenameW is a stub that starts winedbg")
def test_renaming_is_not_supported(credential: dict[str, Any]) -> None:
    # Windows since Vista: CredRename always fails so (its documentation)
    assert failure(win32cred.CredRename, TARGET, TARGET + "2", GENERIC) == (50, "CredRename")


def test_nothing_awaits_confirmation_or_single_sign_on() -> None:
    assert failure(win32cred.CredUIConfirmCredentials, "apartment-contract", True) == (
        1168,
        "CredUIConfirmCredentials",
    )
    assert failure(win32cred.CredUIReadSSOCredW, None) == (1168, "CredUIReadSSOCredW")
    info = {"TargetName": "apartment-contract-server"}
    assert failure(win32cred.CredReadDomainCredentials, info) == (
        1168,
        "CredReadDomainCredentials",
    )


# -- win32crypt --------------------------------------------------------------------------------


def test_protected_data_comes_back_with_its_description() -> None:
    blob = win32crypt.CryptProtectData(b"data", "a description", b"entropy", None, None, 0)
    assert isinstance(blob, bytes)
    assert b"data" not in blob
    assert win32crypt.CryptUnprotectData(blob, b"entropy", None, None, 0) == (
        "a description",
        b"data",
    )


def test_protected_data_needs_its_entropy() -> None:
    blob = win32crypt.CryptProtectData(b"data", "d", b"entropy")
    assert failure(win32crypt.CryptUnprotectData, blob, b"other")[1] == "CryptUnprotectData"


def test_a_changed_blob_does_not_open() -> None:
    blob = bytearray(win32crypt.CryptProtectData(b"data", "d"))
    blob[-5] ^= 1
    assert failure(win32crypt.CryptUnprotectData, bytes(blob))[1] == "CryptUnprotectData"


def test_binary_becomes_base64_text_and_back() -> None:
    text = win32crypt.CryptBinaryToString(b"hello", win32cryptcon.CRYPT_STRING_BASE64)
    assert text == "aGVsbG8=\r\n"
    assert win32crypt.CryptStringToBinary(text, win32cryptcon.CRYPT_STRING_BASE64)[0] == b"hello"


def test_protecting_takes_bytes_and_a_str_description() -> None:
    with pytest.raises(TypeError):
        win32crypt.CryptProtectData("data", "d")
    with pytest.raises(TypeError):
        win32crypt.CryptProtectData(b"data", b"d")
    assert win32crypt.CryptUnprotectData(win32crypt.CryptProtectData(b"x")) == ("", b"x")
    blob = win32crypt.CryptProtectData(b"data", "d", b"entropy")
    assert failure(win32crypt.CryptUnprotectData, blob) == (13, "CryptUnprotectData")
    assert failure(win32crypt.CryptUnprotectData, b"garbage") == (13, "CryptUnprotectData")
    assert failure(win32crypt.CryptUnprotectData, b"") == (13, "CryptUnprotectData")


def test_text_forms_are_windows() -> None:
    to_text = win32crypt.CryptBinaryToString
    assert to_text(b"hello", win32cryptcon.CRYPT_STRING_HEX) == "68 65 6c 6c 6f\r\n"
    long = b"hello world, this is a long binary string to wrap at sixty-four chars!"
    assert to_text(long, win32cryptcon.CRYPT_STRING_BASE64) == (
        "aGVsbG8gd29ybGQsIHRoaXMgaXMgYSBsb25nIGJpbmFyeSBzdHJpbmcgdG8gd3Jh\r\n"
        "cCBhdCBzaXh0eS1mb3VyIGNoYXJzIQ==\r\n"
    )
    assert to_text(b"hello", win32cryptcon.CRYPT_STRING_BASE64HEADER) == (
        "-----BEGIN CERTIFICATE-----\r\naGVsbG8=\r\n-----END CERTIFICATE-----\r\n"
    )
    nocr = win32cryptcon.CRYPT_STRING_BASE64 | win32cryptcon.CRYPT_STRING_NOCR
    assert to_text(b"hello", nocr) == "aGVsbG8=\n"
    assert failure(to_text, b"hello", 99) == (87, "CryptBinaryToString")
    with pytest.raises(TypeError):
        to_text("hello", win32cryptcon.CRYPT_STRING_BASE64)


def test_text_forms_read_back() -> None:
    to_binary = win32crypt.CryptStringToBinary
    assert to_binary("aGVsbG8=", win32cryptcon.CRYPT_STRING_BASE64) == (b"hello", 0, 1)
    assert to_binary("aGVsbG8=", win32cryptcon.CRYPT_STRING_BASE64_ANY) == (b"hello", 0, 1)
    pem = "-----BEGIN CERTIFICATE-----\r\naGVsbG8=\r\n-----END CERTIFICATE-----\r\n"
    assert to_binary(pem, win32cryptcon.CRYPT_STRING_BASE64HEADER) == (b"hello", 0, 0)
    assert failure(to_binary, "!!!", win32cryptcon.CRYPT_STRING_BASE64) == (
        13,
        "CryptStringToBinary",
    )
    with pytest.raises(TypeError):
        to_binary(b"aGVsbG8=", win32cryptcon.CRYPT_STRING_BASE64)


def test_the_personal_store_opens() -> None:
    store = win32crypt.CertOpenSystemStore("MY")
    assert isinstance(store.CertEnumCertificatesInStore(), list)
    store.CertCloseStore()


# -- win32net ----------------------------------------------------------------------------------


@wine_differs("Wine's NetGroupEnum is access denied (5): Windows lists the group None")
def test_groups_enumerate_to_the_end() -> None:
    resume = 0
    while True:
        groups, _total, resume = win32net.NetGroupEnum(None, 0, resume)
        assert all(set(g) == {"name"} for g in groups)
        if not resume:
            break


def test_a_resume_handle_not_given_is_refused() -> None:
    with pytest.raises(win32net.error):
        win32net.NetGroupEnum(None, 0, 1)


def test_the_user_is_a_user_of_the_computer() -> None:
    users, _total, _resume = win32net.NetUserEnum(None, 0)
    assert win32api.GetUserName().lower() in [u["name"].lower() for u in users]
    info = win32net.NetUserGetInfo(None, win32api.GetUserName(), 1)
    assert {"name", "priv", "home_dir", "flags"} <= set(info)


def test_an_unknown_user_is_not_found() -> None:
    assert failure(win32net.NetUserGetInfo, None, "no-such-user-here", 0) == (
        2221,
        "NetUserGetInfo",
    )


def test_the_computer_is_in_a_workgroup() -> None:
    assert failure(win32net.NetGetDCName, None, None) == (2453, "NetGetDCName")
    info = win32net.NetWkstaGetInfo(None, 100)
    assert info["computername"].upper() == win32api.GetComputerName().upper()


def test_levels_pywin32_does_not_know_are_value_errors() -> None:
    with pytest.raises(ValueError, match="This information level is not supported"):
        win32net.NetUserEnum(None, 99)
    with pytest.raises(ValueError, match="This information level is not supported"):
        win32net.NetUserGetInfo(None, win32api.GetUserName(), 23)


def test_a_user_at_level_10_and_20() -> None:
    name = win32api.GetUserName()
    assert set(win32net.NetUserGetInfo(None, name, 10)) == {
        "name",
        "comment",
        "usr_comment",
        "full_name",
    }
    users = win32net.NetUserEnum(None, 20)[0]
    assert all(set(u) == {"name", "full_name", "comment", "flags", "user_id"} for u in users)


def test_no_domain_and_no_sessions() -> None:
    assert failure(win32net.NetGetAnyDCName) == (1355, "NetGetAnyDCName")
    assert win32net.NetSessionEnum(10) == []


# -- win32print --------------------------------------------------------------------------------


def test_an_unknown_printer_is_an_invalid_name() -> None:
    assert failure(win32print.OpenPrinter, "No Such Printer Here") == (1801, "OpenPrinter")


def test_the_local_printers_are_a_tuple() -> None:
    assert isinstance(win32print.EnumPrinters(win32print.PRINTER_ENUM_LOCAL, None, 1), tuple)


def test_there_is_no_default_printer() -> None:
    with pytest.raises(RuntimeError, match="The default printer was not found"):
        win32print.GetDefaultPrinter()
    assert failure(win32print.GetDefaultPrinterW) == (2, "GetDefaultPrinter")


def test_a_server_is_named_by_a_string() -> None:
    with pytest.raises(TypeError):
        win32ts.WTSOpenServer(None)
    with pytest.raises(TypeError):
        win32ts.ProcessIdToSessionId("1")
    assert failure(win32ts.WTSEnumerateProcesses, 0, 2, 0) == (87, "WTSEnumerateProcesses")


def test_the_print_server_opens_and_closes() -> None:
    server = win32print.OpenPrinter(None)
    assert repr(server).startswith("<PyPrinterHANDLE:")
    assert isinstance(win32print.EnumForms(server), tuple)
    win32print.ClosePrinter(server)
