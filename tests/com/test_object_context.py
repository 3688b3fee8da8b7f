"""Object contexts (com.object_context: CoGetObjectContext) and com.apartment_type."""

from __future__ import annotations

import pytest

from apartment import com
from apartment.errors import ComError

from ._helpers import in_apartment, run_script

E_UNEXPECTED = -2147418113
E_NOINTERFACE = -2147467262
CO_E_NOTINITIALIZED = -2147221008


@pytest.mark.parametrize("multithreaded", [False, True])
def test_the_threading_info_tells_the_apartment(multithreaded: bool) -> None:
    def body() -> tuple[int, int, int, bool]:
        info = com.object_context(com.IID_ICOMTHREADINGINFO)
        assert isinstance(info, com.ThreadingInfoPointer)
        same = info.logical_thread_id() == info.logical_thread_id()
        return info.apartment_type(), info.thread_type(), com.apartment_type()[0], same

    kind, thread_type, again, same = in_apartment(body, multithreaded)
    # The first STA of the process is its main STA.
    expected = {com.APTTYPE_MTA} if multithreaded else {com.APTTYPE_STA, com.APTTYPE_MAINSTA}
    assert kind in expected
    assert (thread_type, again, same) == (int(not multithreaded), kind, True)


def test_context_properties() -> None:
    def body() -> list[object]:
        context = com.object_context()
        assert isinstance(context, com.ContextPointer)
        stream = com.memory_stream()
        context.set_property(com.IID_IDISPATCH, 3, stream)
        with pytest.raises(ComError) as twice:
            context.set_property(com.IID_IDISPATCH, 3, stream)
        got = context.get_property(com.IID_IDISPATCH)
        listed = list(context.enum_context_props())  # type: ignore[call-overload]
        context.remove_property(com.IID_IDISPATCH)
        with pytest.raises(ComError) as gone:
            context.get_property(com.IID_IDISPATCH)
        with pytest.raises(ComError) as no_iface:
            com.object_context(com.IID_IDISPATCH)
        return [twice.value.hresult, got == (3, stream), len(listed), gone.value.hresult,
                no_iface.value.hresult, com.object_context() == context]  # fmt: skip

    assert in_apartment(body) == [E_UNEXPECTED, True, 1, E_UNEXPECTED, E_NOINTERFACE, True]


def test_no_context_without_com() -> None:
    """In a fresh process: no apartment on the thread, and no MTA to be implicitly in."""
    out = run_script(
        """
        from apartment import com
        from apartment.errors import NotInitializedError
        try:
            com.object_context()
        except NotInitializedError as error:
            print(error.hresult)
        """
    )
    assert out.strip() == str(CO_E_NOTINITIALIZED)
