"""The Flickr account as the app sees it: a signed-in client built from the home's settings, the oob
sign-in (show the authorise URL, take the code the user pastes), sign-out and status."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from photoarchive.flickr.budget import CallJournal, journal_path, key_digest
from photoarchive.flickr.client import Account, Credentials, Endpoints, FlickrClient
from photoarchive.flickr.errors import FlickrProblem, SignInRequired
from photoarchive.flickr.messages import SyncMessage
from photoarchive.flickr.ratelimit import RateLimiter
from photoarchive.flickr.retry import RetryPolicy
from photoarchive.flickr.tokens import TokenStore
from photoarchive.home import Home
from photoarchive.settings import Settings

if TYPE_CHECKING:
    from photoarchive.catalog import Catalog

log = logging.getLogger(__name__)


# A free account holds at most this many photos (Flickr's "Free accounts" help page).
FREE_PHOTO_LIMIT = 1000


def required_perms(settings: Settings) -> str:
    """Always delete: an upload whose answer was lost can leave a second copy, which only a token with
    delete permission may remove (flickr.photos.delete requires it)."""
    del settings
    return "delete"


@dataclass(frozen=True)
class AccountLimits:
    """What flickr.people.getUploadStatus tells (https://www.flickr.com/services/api/flickr.people.getUploadStatus.html):
    Pro or not, the largest file; for a free account, the photos it holds (people.getPhotos' total)."""

    pro: bool
    max_file_bytes: int = 0  # 0: not told
    photos: int = 0

    @property
    def photos_left(self) -> int | None:
        """Photos a free account may still take; None on Pro (no limit)."""
        return None if self.pro else max(0, FREE_PHOTO_LIMIT - self.photos)


def read_limits(client: FlickrClient) -> AccountLimits:
    """The account's upload limits, asked of Flickr (one call, two on a free account)."""
    user = client.call("flickr.people.getUploadStatus").find("user")
    if user is None:
        raise FlickrProblem("Flickr's answer to people.getUploadStatus had no user.")
    pro = user.get("ispro") == "1"
    size = user.find("filesize")
    max_bytes = int(size.get("maxbytes") or 0) if size is not None else 0
    photos = 0
    if not pro:
        found = client.call("flickr.people.getPhotos", user_id="me", per_page=1).find("photos")
        photos = int(found.get("total") or 0) if found is not None else 0
    return AccountLimits(pro, max_bytes, photos)


def granted_perms(client: FlickrClient) -> str:
    """The permission Flickr says this token has (flickr.auth.oauth.checkToken), e.g. write or delete."""
    token = client.token
    if token is None:
        raise SignInRequired("Not signed in to Flickr. Run `photoarchive flickr login` first.")
    rsp = client.call("flickr.auth.oauth.checkToken", oauth_token=token.token)
    return (rsp.findtext("oauth/perms") or "").strip()


def require_delete(client: FlickrClient) -> None:
    """Refuse, with the reason, a sign-in made before delete permission was asked for."""
    perms = granted_perms(client)
    if perms != "delete":
        raise SignInRequired.coded("needs_delete", perms=perms or "none")


def token_store(home: Home, settings: Settings, backend: Any = None) -> TokenStore:
    return TokenStore(home, Credentials.from_settings(settings).api_key, backend)


def make_client(
    home: Home,
    settings: Settings,
    *,
    token_backend: Any = None,
    require_token: bool = True,
    catalog: Catalog | None = None,
) -> FlickrClient:
    """A client with the settings' endpoints, timeout and rate limit, signed in with the stored token.
    With a shared `catalog`, the hour's call budget is counted there for every runner of the key."""
    credentials = Credentials.from_settings(settings)
    token = TokenStore(home, credentials.api_key, token_backend).load()
    if token is None and require_token:
        raise SignInRequired("Not signed in to Flickr. Run `photoarchive flickr login` first.")
    if catalog is not None and catalog.is_shared:
        from photoarchive.catalog.call_budget import CallBudgetStore

        limiter = RateLimiter(
            settings.flickr.calls_per_second,
            shared=CallBudgetStore(catalog.engine, key_digest(credentials.api_key)),
        )
    else:
        limiter = RateLimiter(
            settings.flickr.calls_per_second,
            journal=CallJournal(journal_path(home.cache, credentials.api_key)),
        )
    return FlickrClient(
        credentials,
        token,
        endpoints=Endpoints.for_base(settings.flickr_base_url()),
        timeout=settings.flickr.timeout_seconds,
        limiter=limiter,
    )


class LoginSession:
    """The oob sign-in in two steps, so the CLI and the GUI can show the URL and ask for the code."""

    def __init__(self, home: Home, settings: Settings, *, token_backend: Any = None):
        self.home = home
        self.settings = settings
        self.token_backend = token_backend
        self.client = make_client(home, settings, token_backend=token_backend, require_token=False)
        self.perms = required_perms(settings)
        self.authorize_url = ""
        self.limits: AccountLimits | None = None

    def start(self) -> str:
        """Ask Flickr for a request token; returns the URL the user opens to allow the app."""
        import flickrapi

        try:
            self.client.api.get_request_token(oauth_callback="oob")
            self.authorize_url = self.client.api.auth_url(perms=self.perms)
        except flickrapi.FlickrError as exc:
            raise FlickrProblem(
                f"Flickr did not start the sign-in: {exc}. Check the API key and secret."
            ) from exc
        except OSError as exc:
            raise FlickrProblem(f"Flickr cannot be reached: {exc}") from exc
        return self.authorize_url

    def finish(self, verifier: str) -> tuple[Account, str]:
        """Exchange the code the user pasted for a token, check it, store it. Returns (account, where)."""
        import flickrapi

        verifier = verifier.strip()
        if not verifier:
            raise FlickrProblem("No verification code was entered.")
        try:
            self.client.api.get_access_token(verifier)
        except flickrapi.FlickrError as exc:
            raise FlickrProblem(
                "Flickr did not accept the verification code (mistyped, or too old); sign in again."
            ) from exc
        token = self.client.api.token_cache.token
        self.client.api.flickr_oauth.token = token
        self.client.token = token
        account = self.client.test_login()
        self.limits = read_limits(self.client)
        where = TokenStore(self.home, self.client.credentials.api_key, self.token_backend).save(token)
        log.info("signed in to Flickr as %s", account.username)
        return account, where


@dataclass(frozen=True)
class AccountStatus:
    configured: bool
    signed_in: bool
    account: Account | None = None
    perms: str = ""
    problem: str = ""
    # Calls this key made in the last hour (all runs on this archive), against Flickr's 3,600.
    calls_this_hour: int = 0
    limits: AccountLimits | None = None
    # The problem as a code and parameters, when the window can say it in the user's language.
    problem_message: SyncMessage | None = None


def status(
    home: Home, settings: Settings, *, token_backend: Any = None, catalog: Catalog | None = None
) -> AccountStatus:
    """Whether a key is set and the stored sign-in still works (checked with flickr.test.login)."""
    try:
        client = make_client(
            home, settings, token_backend=token_backend, require_token=False, catalog=catalog
        )
    except FlickrProblem as exc:
        return AccountStatus(False, False, problem=str(exc))
    if client.token is None:
        return AccountStatus(True, False, problem="Not signed in.")
    # A status check should answer quickly, not wait out a full back-off when Flickr is unreachable.
    client.policy = RetryPolicy(max_attempts=2, base_delay=0.5)
    try:
        account = client.test_login()
        perms = granted_perms(client)
        limits = read_limits(client)
    except FlickrProblem as exc:
        return AccountStatus(True, False, perms=client.token.access_level, problem=str(exc))
    finally:
        client.limiter.save()
        client.close()
    refusal = None if perms == "delete" else SignInRequired.coded("needs_delete", perms=perms or "none")
    return AccountStatus(
        True,
        perms == "delete",
        account,
        perms,
        problem=str(refusal) if refusal else "",
        problem_message=refusal.message if refusal else None,
        calls_this_hour=client.limiter.calls_in_last_hour(),
        limits=limits,
    )


def logout(home: Home, settings: Settings, *, token_backend: Any = None) -> bool:
    return token_store(home, settings, token_backend).delete()
