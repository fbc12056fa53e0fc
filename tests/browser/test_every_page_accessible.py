"""Each role signs in and walks every page it can reach; axe finds nothing on any of them."""

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import ROLES
from tests.test_permission_matrix import ALL_ROUTES


def reachable_pages(role, world):
    seen = set()
    for route in ALL_ROUTES:
        if route.method != "get" or route.expected(role) != 200 or route.name == "core:healthz":
            continue
        url = reverse(route.name, kwargs=route.kwargs(world))
        if route.query:
            url += f"?{route.query}"
        if url not in seen:
            seen.add(url)
            yield url


def test_public_pages_are_accessible(page, live_server, live_world):
    for url in reachable_pages("anonymous", live_world):
        page.goto(live_server.url + url)
        assert_accessible(page, url)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_is_accessible_for(role, page, live_server, live_world):
    sign_in(page, live_server.url, live_world.users[role])
    # The admin's authenticator exists now, so their set-up page sends them on.
    for url in reachable_pages(role, live_world):
        try:
            response = page.goto(live_server.url + url)
        except PlaywrightError as error:
            if "Download is starting" not in str(error):
                raise
            # A file to download (CSV, XLSX, PDF, evidence): it must arrive, not be a page.
            download = page.request.get(live_server.url + url)
            assert download.ok, f"{role} could not download {url}"
            assert "text/html" not in download.headers.get("content-type", "")
            continue
        assert response.status == 200, f"{role} could not open {url}"
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        assert page.locator("h1").count() == 1, f"{url} needs exactly one main heading"
        assert page.locator("a.js-hide-page").count() == 1, f"{url} has no quick exit"
        assert_accessible(page, f"{url} as {role}")
