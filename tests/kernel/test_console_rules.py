"""Console control handlers: what pywin32's handlers do when they fail, exit or interrupt.

Each scenario runs in a child of its own session (``test_console_ctrl.py``'s way), so the
signals it sends reach nothing else.
"""

from __future__ import annotations

import time

from .test_console_ctrl import _run


def test_systemexit_in_a_handler_ends_the_program_with_its_code() -> None:
    # pywin32 exits the interpreter; the main thread is blocked meanwhile.
    result = _run(
        """
        def handler(event):
            sys.exit(3)
        kernel.add_ctrl_handler(handler)
        kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
        threading.Event().wait(30)
        print("not ended")
        """
    )
    assert result.returncode == 3, result.stderr
    assert "not ended" not in result.stdout


def test_a_handler_that_raises_is_reported_and_the_next_is_asked() -> None:
    result = _run(
        """
        def older(event):
            seen.append("older"); done.set(); return True
        def failing(event):
            raise RuntimeError("handler broke")
        kernel.add_ctrl_handler(older)
        kernel.add_ctrl_handler(failing)
        kernel.raise_ctrl_event(kernel.CTRL_BREAK_EVENT)
        assert done.wait(30)
        print(seen)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['older']"
    assert "ConsoleCtrlHandler function failed" in result.stderr
    assert "handler broke" in result.stderr


def test_an_unhandled_ctrl_c_ends_a_blocked_sleep_at_once() -> None:
    # The main thread's own handler gets a real signal: a sleep ends as Ctrl+C ends it.
    started = time.monotonic()
    result = _run(
        """
        import time
        kernel.add_ctrl_handler(lambda event: False)
        threading.Timer(0.5, kernel.raise_ctrl_event, (kernel.CTRL_C_EVENT,)).start()
        try:
            time.sleep(30)
        except KeyboardInterrupt:
            print("interrupted")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "interrupted"
    assert time.monotonic() - started < 20


def test_a_handler_that_interrupts_the_main_thread_gets_keyboardinterrupt() -> None:
    # A common program: the handler calls _thread.interrupt_main() and waits for the main
    # thread to clean up; the interrupt is the main thread's own, not another console event.
    result = _run(
        """
        import _thread
        cleaned = threading.Event()
        def handler(event):
            seen.append(event)
            _thread.interrupt_main()
            cleaned.wait(30)
            return True
        kernel.add_ctrl_handler(handler)
        try:
            kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
            threading.Event().wait(30)
        except KeyboardInterrupt:
            print("interrupted", seen)
        finally:
            cleaned.set()
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "interrupted [0]"
