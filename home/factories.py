"""The home page's factory: the network's root for tests (`make_home()`) and the demo (demo/home.py).

Pages in general (`PageFactory`, `publish`, `translate_page`, `ensure_locales`) are in network/factories.py:
home's models already build on the network's, so home's factories do too, and the network never imports home.
"""

import factory
from wagtail.models import Page

from home.models import HomePage
from network.factories import PageFactory, ensure_locales


class HomePageFactory(PageFactory):
    """A bare kk home page for tests that need a root; get it with `make_home()`, which reuses the one there."""

    title = "Home"
    slug = "home-review"
    live = True
    locale = factory.LazyFunction(lambda: ensure_locales()["kk"])

    class Meta:
        model = HomePage


def make_home():
    """The kk home page, the network's root (the one load_demo makes, or a bare one for tests)."""
    locales = ensure_locales()
    home = HomePage.objects.filter(locale=locales["kk"], depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:  # a transactional test flushed the tree Wagtail's migration made
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["kk"], live=True))
        home = HomePageFactory(parent=root)
    return home
