"""Real Chromium (Debian's) driven by Playwright, with axe-core on every page."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the Django test code
# that builds data around it is ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SCAFFOLDING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
TEST_PASSWORD = "a-long-test-password"  # noqa: S105


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def live_world(transactional_db):
    from tests.conftest import build_world

    return build_world()


def assert_accessible(page, label=""):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, (
        f"axe found problems on {label or page.url}:\n{results.generate_report()}"
    )


def sign_in(page, base_url, user, password=TEST_PASSWORD):
    """Sign in through the real form; admins set up or give their second step as a person would."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/two-step/" in page.url:
        device = TOTPDevice.objects.filter(user=user).order_by("-pk").first()
        code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
        page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Confirm" if "set-up" in page.url else "Continue").click()
        page.wait_for_load_state()
    assert "/sign-in/" not in page.url, f"{user.email} could not sign in"


def open_menu_link(page, name):
    """Follow a menu link as a person would: the wide bar, or the Menu button on a phone."""
    main = page.get_by_role("navigation", name="Main")
    if main.is_visible():
        main.get_by_role("link", name=name, exact=True).click()
        return
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Menu").get_by_role("link", name=name, exact=True).click()
