"""OAuth 1.0a HMAC-SHA1 request signing as Flickr verifies it (RFC 5849 section 3.4).

The parameters that are signed are the query string, the ``application/x-www-form-urlencoded`` body (or,
for uploads, every multipart field except ``photo``) and the ``oauth_*`` parameters, which may come in
the ``Authorization: OAuth …`` header, the query string or the body.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import quote, unquote, urlsplit


def percent_encode(value: str) -> str:
    """RFC 3986 encoding, as OAuth requires (only unreserved characters stay as they are)."""
    return quote(value, safe="-._~")


def parse_authorization_header(header: str | None) -> list[tuple[str, str]]:
    """The ``oauth_*`` parameters of an ``Authorization: OAuth k="v", …`` header (``realm`` excluded)."""
    if not header:
        return []
    scheme, _, rest = header.strip().partition(" ")
    if scheme.lower() != "oauth":
        return []
    params: list[tuple[str, str]] = []
    for item in rest.split(","):
        item = item.strip()
        if not item or "=" not in item:
            continue
        key, value = item.split("=", 1)
        key = unquote(key.strip())
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        if key == "realm":
            continue
        params.append((key, unquote(value)))
    return params


def base_string_uri(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host
    if port is not None and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    return f"{scheme}://{netloc}{parts.path or '/'}"


def signature_base_string(http_method: str, url: str, params: list[tuple[str, str]]) -> str:
    """The signature base string; ``params`` must not contain ``oauth_signature``."""
    encoded = sorted((percent_encode(k), percent_encode(v)) for k, v in params)
    normalized = "&".join(f"{k}={v}" for k, v in encoded)
    return "&".join(
        [
            percent_encode(http_method.upper()),
            percent_encode(base_string_uri(url)),
            percent_encode(normalized),
        ]
    )


def hmac_sha1_signature(base_string: str, consumer_secret: str, token_secret: str = "") -> str:
    key = f"{percent_encode(consumer_secret)}&{percent_encode(token_secret)}"
    digest = hmac.new(key.encode("utf-8"), base_string.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def signatures_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def new_token() -> str:
    """A token in Flickr's shape: 17 digits, a dash, 16 hex digits."""
    return f"72157{secrets.randbelow(10**12):012d}-{secrets.token_hex(8)}"


def new_secret() -> str:
    return secrets.token_hex(8)


def new_verifier() -> str:
    """An oob verification code in the shape Flickr shows the user: ``123-456-789``."""
    digits = f"{secrets.randbelow(10**9):09d}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
