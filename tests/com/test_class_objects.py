"""Class objects a process registers (CoRegisterClassObject), seen from the process itself.

semantics.md §7.8; what the real pywin32 does is pinned by tests/contract/test_local_servers.py.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.errors import (
    ClassNotRegisteredError,
    ClassStringError,
    InvalidArgumentError,
    NoInterfaceError,
)

from ._helpers import in_apartment, run_script
from ._local_classes import Echo

if TYPE_CHECKING:
    from pathlib import Path

CLSID = Echo._reg_clsid_
LOCAL = com.CLSCTX_LOCAL_SERVER
INPROC = com.CLSCTX_INPROC_SERVER


@pytest.fixture
def registered(class_registry: Path) -> None:
    com.register_class(Echo)  # _reg_clsctx_: CLSCTX_LOCAL_SERVER only


def _activate(clsctx: int, flags: int, context: int = LOCAL) -> com.DispatchClient:
    """Register a class object here, activate through ``clsctx``, revoke it."""
    cookie = com.register_class_object(CLSID, com.class_factory(CLSID), context, flags)
    try:
        return com.DispatchClient(com.create_object(CLSID, clsctx))
    finally:
        com.revoke_class_object(cookie)


@pytest.mark.usefixtures("registered")
@pytest.mark.parametrize(
    "flags",
    [com.REGCLS_MULTIPLEUSE, com.REGCLS_MULTIPLEUSE | com.REGCLS_SUSPENDED],
)
def test_multipleuse_for_the_local_server_serves_in_process_too(flags: int) -> None:
    def body() -> int:
        return int(_activate(INPROC, flags).Pid())

    assert in_apartment(body) == os.getpid()  # REGCLS_SUSPENDED hides it from others only


@pytest.mark.usefixtures("registered")
def test_multi_separate_does_not_serve_in_process() -> None:
    def body() -> None:
        with pytest.raises(ClassNotRegisteredError):
            _activate(INPROC, com.REGCLS_MULTI_SEPARATE)
        assert _activate(LOCAL, com.REGCLS_MULTI_SEPARATE).Pid() == os.getpid()

    in_apartment(body)


@pytest.mark.usefixtures("registered")
def test_a_local_activation_in_the_servers_own_process_uses_its_class_object() -> None:
    def body() -> None:
        assert _activate(LOCAL, com.REGCLS_SINGLEUSE).Pid() == os.getpid()

    in_apartment(body)


@pytest.mark.usefixtures("registered")
def test_the_object_is_made_in_the_class_objects_apartment() -> None:
    made_in: list[int] = []

    class Factory:
        def create_instance(self, iid: object = com.IID_IDISPATCH) -> com.InterfacePointer:
            made_in.append(threading.get_native_id())
            return com.class_factory(CLSID).create_instance(iid)

        def lock_server(self, lock: bool) -> None:
            return None

    from apartment.testing import StaThread

    home: StaThread[int] = StaThread(
        lambda: com.register_class_object(CLSID, Factory(), INPROC, com.REGCLS_MULTIPLEUSE)
    )
    try:

        def body() -> int:
            echo = com.DispatchClient(com.create_object(CLSID, INPROC))
            return int(echo.Tid())

        tid = in_apartment(body, multithreaded=True)
        assert made_in == [home.thread.native_id]
        assert tid == home.thread.native_id  # a "both" object lives where it was made
    finally:
        home.call(com.revoke_class_object, home.result)
        home.stop()


def test_revoking_an_unknown_cookie_is_e_invalidarg() -> None:
    with pytest.raises(InvalidArgumentError):
        com.revoke_class_object(987654)
    with pytest.raises(TypeError):
        com.revoke_class_object("1")  # type: ignore[arg-type]


@pytest.mark.usefixtures("registered")
def test_a_revoked_class_object_is_gone_and_cannot_be_revoked_twice() -> None:
    def body() -> None:
        cookie = com.register_class_object(
            CLSID, com.class_factory(CLSID), INPROC, com.REGCLS_MULTIPLEUSE
        )
        com.revoke_class_object(cookie)
        with pytest.raises(InvalidArgumentError):
            com.revoke_class_object(cookie)
        with pytest.raises(ClassNotRegisteredError):
            com.create_object(CLSID, INPROC)

    in_apartment(body)


def test_bad_registrations_fail_at_the_door() -> None:
    factory = com.class_factory(CLSID)

    def body() -> None:
        with pytest.raises(ClassStringError):
            com.register_class_object("nope", factory, LOCAL, 1)
        with pytest.raises(TypeError):
            com.register_class_object(CLSID, object(), LOCAL, 1)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            com.register_class_object(CLSID, factory, "4", 1)  # type: ignore[arg-type]
        with pytest.raises(ClassStringError):
            com.class_factory("nope")

    in_apartment(body)


def test_registering_needs_an_apartment() -> None:
    out = run_script(
        f"""
        from apartment import com
        from apartment.errors import NotInitializedError
        try:
            com.register_class_object({CLSID!r}, com.class_factory({CLSID!r}), 4, 1)
        except NotInitializedError:
            print("CO_E_NOTINITIALIZED")
        """
    )
    assert out.strip() == "CO_E_NOTINITIALIZED"


@pytest.mark.usefixtures("registered")
def test_a_factory_makes_instances_and_answers_for_its_interfaces() -> None:
    def body() -> None:
        factory = com.class_factory(CLSID.lower())
        assert factory.clsid == CLSID
        pointer = factory.create_instance()
        assert isinstance(pointer, com.DispatchPointer)
        assert com.DispatchClient(pointer).Echo(3) == 3
        other = factory.create_instance(com.IID_IUNKNOWN)
        assert other != pointer  # a new instance each time
        with pytest.raises(NoInterfaceError):
            factory.create_instance("{0000000C-0000-0000-C000-000000000046}")

    in_apartment(body)


def test_a_factory_of_an_unregistered_class_fails_when_used() -> None:
    factory = com.class_factory("{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E70FF}")  # lazily, as pywin32

    def body() -> None:
        with pytest.raises(ClassNotRegisteredError):
            factory.create_instance()

    in_apartment(body)
