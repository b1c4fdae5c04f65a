"""The job runner: answers reach the UI thread, and none arrive after the window has shut down."""

from __future__ import annotations

from photoarchive.ui.workers import JobRunner


def test_answers_arrive_on_the_ui_thread(qtbot):
    runner = JobRunner()
    got = []
    runner.submit(lambda x: x * 2, 21, on_done=got.append)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert runner.active == 0


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
