from tests.conftest import ROLES


def test_every_page_has_the_quick_exit_and_skip_link(client, db):
    body = client.get("/accessibility/").content.decode()
    assert 'class="ds_hide-page__button ds_button js-hide-page"' in body
    assert 'href="#main-content"' in body
    assert 'id="main-content"' in body


def test_navigation_shows_only_what_a_role_may_open(client_for):
    admin_nav = client_for("partnership_admin").get("/").content.decode()
    practitioner_nav = client_for("practitioner").get("/").content.decode()
    assert 'href="/change-history/"' in admin_nav
    assert 'href="/change-history/"' not in practitioner_nav
    assert 'href="/workforce/people/"' not in practitioner_nav


def test_home_greets_each_role_by_name(client_for, world):
    for role in ROLES:
        # A young person is sent on to their own home, which greets them too.
        body = client_for(role).get("/", follow=True).content.decode()
        assert f"Hello, {world.users[role].get_short_name()}" in body


def test_every_menu_item_opens_for_the_role_offered_it(client_for, world):
    """The menu never offers a page that then refuses (a young person once saw none of theirs)."""
    from scaffolding.core.navigation import items_for

    for role in ROLES:
        client = client_for(role)
        offered = [item["url"] for item in items_for(world.user(role))]
        assert offered, f"{role} has an empty menu"
        for url in offered:
            status = client.get(url).status_code
            assert status in (200, 302), f"{role} is offered {url} but gets {status}"


def test_a_young_persons_menu_holds_their_pages_and_people_who_matter(client_for, world):
    from scaffolding.core.navigation import items_for

    labels = [item["label"] for item in items_for(world.user("young_person"), "/my/about-me/")]
    assert labels == [
        "My story",
        "Who has looked",
        "About me",
        "My views for a meeting",
        "People who matter",
    ]
    current = [
        i["label"] for i in items_for(world.user("young_person"), "/my/about-me/") if i["current"]
    ]
    assert current == ["About me"]


def test_every_menu_item_sits_in_a_known_section():
    from scaffolding.core.navigation import SECTIONS, all_items

    assert {item.section for item in all_items()} <= set(SECTIONS)


def test_a_long_menu_comes_under_headings_and_a_short_one_does_not(client_for, world):
    lead = client_for("learning_lead").get("/").content.decode()
    assert '<p class="sc-menu-section" id="menu-section-1">Your work</p>' in lead
    assert ">Workforce and learning</p>" in lead and ">Supervision</p>" in lead
    young = client_for("young_person").get("/my/").content.decode()
    assert "sc-menu-section" not in young
