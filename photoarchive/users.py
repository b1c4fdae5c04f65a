"""Who is working: the operating-system account, recorded as the actor of every edit and decision.

The name comes from the OS itself, never from the environment: `getpass.getuser()` reads `USERNAME` /
`USER` first, so anyone could act (and approve) under any name by setting a variable. On Windows it is
the logon account from `GetUserNameW`; elsewhere the account of the effective user id from the password
database. On a shared PostgreSQL catalog the database's authenticated login is the identity instead:
every service, command and the window ask `Catalog.actor`, which answers with one or the other.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

UNKNOWN = "unknown"


def _windows_user() -> str:
    import ctypes
    from ctypes import wintypes

    # UNLEN (256) + 1; the call says how much it needs when that is too small.
    size = wintypes.DWORD(257)
    buffer = ctypes.create_unicode_buffer(size.value)
    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
    get_user_name = advapi32.GetUserNameW
    get_user_name.argtypes = (wintypes.LPWSTR, ctypes.POINTER(wintypes.DWORD))
    get_user_name.restype = wintypes.BOOL
    if not get_user_name(buffer, ctypes.byref(size)):
        buffer = ctypes.create_unicode_buffer(size.value)
        if not get_user_name(buffer, ctypes.byref(size)):
            raise OSError(ctypes.get_last_error(), "GetUserNameW failed")  # type: ignore[attr-defined]
    return buffer.value


def _posix_user() -> str:
    import pwd

    return pwd.getpwuid(os.geteuid()).pw_name


def os_user() -> str:
    """The account the OS says this process runs as; raises OSError/KeyError when it cannot say."""
    return _windows_user() if sys.platform == "win32" else _posix_user()


def current_user() -> str:
    """The OS account name (on Windows, the logon name), or "unknown" where the OS has none (a uid
    without a password-database entry, as in some containers)."""
    try:
        name = os_user()
    except (OSError, KeyError) as exc:
        log.warning("the operating system gives no user name for this process: %s", exc)
        return UNKNOWN
    return name or UNKNOWN
