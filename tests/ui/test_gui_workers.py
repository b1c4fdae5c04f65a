"""The job runner: answers reach the UI thread, and none arrive after the window has shut down."""

from __future__ import annotations

import threading

from photoarchive.ui.workers import JobRunner


def test_answers_arrive_on_the_ui_thread(qtbot):
    runner = JobRunner()
    got, worked_on, answered_on = [], [], []

    def work(x):
        worked_on.append(threading.current_thread())
        return x * 2

    def done(value):
        answered_on.append(threading.current_thread())
        got.append(value)

    runner.submit(work, 21, on_done=done)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert runner.active == 0
    # The work ran off the UI thread; its answer came back on it.
    assert worked_on and worked_on[0] is not threading.main_thread()
    assert answered_on == [threading.main_thread()]


def test_errors_arrive_on_the_ui_thread(qtbot):
    runner = JobRunner()
    failed_on = []

    def fail():
        raise ValueError("nei")

    runner.submit(fail, on_error=lambda exc: failed_on.append((threading.current_thread(), str(exc))))
    qtbot.waitUntil(lambda: bool(failed_on), timeout=5000)
    assert failed_on == [(threading.main_thread(), "nei")]


def test_no_answer_is_delivered_after_close(qtbot, qapp):
    # A window that shuts down waits for running work, then closes the runner: answers still queued for
    # its (soon deleted) widgets must be dropped, not delivered to dead objects.
    runner = JobRunner()
    got = []
    runner.submit(lambda: "late", on_done=got.append, on_error=got.append)
    runner.wait()
    runner.close()
    qapp.processEvents()
    qtbot.wait(100)
    assert got == []
