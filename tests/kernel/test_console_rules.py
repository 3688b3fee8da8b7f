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
        try:  # the event may come before the sleep starts on a loaded machine: caught the same
            threading.Timer(0.5, kernel.raise_ctrl_event, (kernel.CTRL_C_EVENT,)).start()
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


def test_an_interrupt_from_a_handler_that_returns_at_once_is_one_keyboardinterrupt() -> None:
    # Windows: interrupt_main() from a handler is KeyboardInterrupt in the main thread, never
    # another Ctrl+C, however soon the handler returns and wherever the main thread waits.
    result = _run(
        """
        import _thread, time
        def handler(event):
            seen.append(event)
            _thread.interrupt_main()
            return True
        kernel.add_ctrl_handler(handler)
        slow = 0
        for _ in range(100):
            started = time.monotonic()
            try:
                kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
                threading.Event().wait(3)
                print("not interrupted")
            except KeyboardInterrupt:
                pass
            slow += time.monotonic() - started > 2
        print(len(seen), slow)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["100", "0"]


def test_a_ctrl_c_while_a_handler_runs_is_handled_on_a_thread_of_its_own() -> None:
    # Each event gets a new thread on Windows: a second Ctrl+C is no interrupt of the first.
    result = _run(
        """
        release = threading.Event()
        together = threading.Barrier(3, timeout=30)  # the main thread and two handlers
        def handler(event):
            seen.append(threading.current_thread().name)
            together.wait()
            release.wait(30)
            return True
        kernel.add_ctrl_handler(handler)
        kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
        kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
        together.wait()
        release.set()
        print(seen)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['console-ctrl-handler', 'console-ctrl-handler']"


def test_a_child_forked_while_another_thread_adds_handlers_can_add_its_own() -> None:
    # The handlers' lock is held across fork(): a child never inherits it taken.
    result = _run(
        """
        import select
        stop = threading.Event()
        def churn():
            handler = lambda event: True
            while not stop.is_set():
                kernel.add_ctrl_handler(handler)
                kernel.remove_ctrl_handler(handler)
        kernel.add_ctrl_handler(lambda event: True)  # the main thread installs them
        thread = threading.Thread(target=churn)
        thread.start()
        hung = 0
        for _ in range(40):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                handler = lambda event: True
                kernel.add_ctrl_handler(handler)
                kernel.remove_ctrl_handler(handler)
                os.write(write, b"ok")
                os._exit(0)
            os.close(write)
            if not select.select([read], [], [], 10)[0]:
                hung += 1
                os.kill(pid, signal.SIGKILL)
            os.close(read)
            os.waitpid(pid, 0)
            if hung:
                break
        stop.set()
        thread.join()
        print("hung", hung)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "hung 0"


def test_a_programs_own_handler_of_the_nudge_signal_is_never_sent_it() -> None:
    # The nudge (SIGRTMAX) is ours only when no handler was set for it before.
    result = _run(
        """
        import _thread
        nudged = []
        signal.signal(signal.SIGRTMAX, lambda signum, frame: nudged.append(signum))
        def handler(event):
            _thread.interrupt_main()
            return True
        kernel.add_ctrl_handler(handler)
        for _ in range(30):
            try:
                kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
                threading.Event().wait(3)
            except KeyboardInterrupt:
                pass
        print(len(nudged), signal.getsignal(signal.SIGRTMAX).__name__)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "<lambda>"]
