"""Who is working comes from the operating system, not from variables anyone can set."""

from __future__ import annotations

import sys

import pytest

from photoarchive.users import current_user


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX account database")
def test_the_actor_is_the_os_account_whatever_the_environment_says(monkeypatch):
    import os
    import pwd

    account = pwd.getpwuid(os.geteuid()).pw_name
    for name in ("USERNAME", "USER", "LOGNAME", "LNAME"):
        monkeypatch.setenv(name, "redaktør.kari")
    assert current_user() == account != "redaktør.kari"


@pytest.mark.skipif(sys.platform != "win32", reason="GetUserNameW exists on Windows only")
def test_the_actor_is_the_windows_logon_whatever_the_environment_says(monkeypatch):
    import ctypes

    expected = ctypes.create_unicode_buffer(257)
    size = ctypes.c_ulong(257)
    assert ctypes.windll.advapi32.GetUserNameW(expected, ctypes.byref(size))
    monkeypatch.setenv("USERNAME", "redaktør.kari")
    assert current_user() == expected.value != "redaktør.kari"


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX account database")
def test_an_account_the_os_cannot_name_is_unknown(monkeypatch):
    import pwd

    def no_entry(uid):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.setenv("USER", "redaktør.kari")
    assert current_user() == "unknown"
