"""What every window and panel shares: the home, its settings, the catalog and the background workers."""

from __future__ import annotations

from concurrent.futures import Future

from photoarchive.catalog import Catalog
from photoarchive.errors import CatalogError
from photoarchive.home import Home
from photoarchive.settings import Settings
from photoarchive.ui.workers import JobRunner
from photoarchive.users import current_user


class AppContext:
    """`catalog` may be given as a Future: the app opens it (migrations included) while the window is
    being built and shown. Reading `ctx.catalog` waits for it, so do that inside worker jobs."""

    def __init__(
        self,
        home: Home,
        settings: Settings,
        catalog: Catalog | Future[Catalog],
        runner: JobRunner,
        actor: str | None = None,
    ):
        self.home = home
        self.settings = settings
        self.runner = runner
        self._actor = actor
        if isinstance(catalog, Future):
            self._catalog = catalog
        else:
            self._catalog = Future()
            self._catalog.set_result(catalog)

    @property
    def catalog(self) -> Catalog:
        return self._catalog.result()

    @property
    def actor(self) -> str:
        """Who the window works as: the catalog's answer (the server's login on a shared catalog)."""
        if self._actor:
            return self._actor
        try:
            return self.catalog.actor
        except CatalogError:
            # The shared catalog is unreachable just now: nothing can be written until it is back (and
            # then the catalog answers), so the OS name only stands in for display.
            return current_user()

    @actor.setter
    def actor(self, name: str) -> None:
        """Work as someone else from now on (another person at the same desk; tests)."""
        self._actor = name

    @property
    def catalog_future(self) -> Future[Catalog]:
        return self._catalog
