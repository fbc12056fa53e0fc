"""Who works with a young person: linking and ending links through the pages."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scaffolding.voice import domain
from scaffolding.voice.models import LinkKind, NewWorkerQuestion, WorkerLink
from tests.conftest import sign_in


def worker(world, role="practitioner"):
    return sign_in(Client(), world.users[role])


def link_url(world):
    return reverse("voice:link_new", kwargs={"pk": world.extra["young_person"].pk})


def page_of(world, client=None):
    client = client or worker(world)
    url = reverse("voice:young_person", kwargs={"pk": world.extra["young_person"].pk})
    return client.get(url).content.decode()


def link_of(world, role):
    return WorkerLink.objects.current().get(
        young_person=world.extra["young_person"], person=world.people[role]
    )


def test_the_named_worker_links_a_colleague_and_skye_is_asked_about_about_me(world):
    colleague = world.people["colleague"]
    response = worker(world).post(
        link_url(world), {"person": colleague.pk, "kind": LinkKind.ADVOCATE}
    )
    assert response.status_code == 302
    link = WorkerLink.objects.get(person=colleague)
    assert link.kind == LinkKind.ADVOCATE and link.is_current
    assert link.linked_by == world.users["practitioner"]
    assert not link.parental_responsibility
    assert NewWorkerQuestion.objects.filter(link=link, answer__isnull=True).exists()

    html = page_of(world)
    people = html.split("People who work with Skye", 1)[1]
    assert "Callum Colleague" in people and "advocate" in people
    assert "linked by Eilidh Practitioner" in people

    # Skye sees the question on her own page, and answering shares About me with Callum.
    skye = sign_in(Client(), world.users["young_person"])
    home = skye.get(reverse("voice:home")).content.decode()
    assert "Callum Colleague is now working with you." in home
    question = NewWorkerQuestion.objects.get(link=link)
    skye.post(reverse("voice:question", kwargs={"pk": question.pk}), {"answer": "yes"})
    profile = domain.profile_of(world.extra["young_person"])
    assert profile.shares.filter(person=colleague).exists()


def test_parental_responsibility_is_kept_when_ticked(world):
    worker(world).post(
        link_url(world),
        {
            "person": world.people["colleague"].pk,
            "kind": LinkKind.SOCIAL_WORKER,
            "parental_responsibility": "on",
        },
    )
    assert WorkerLink.objects.get(person=world.people["colleague"]).parental_responsibility


def test_a_second_current_link_of_the_same_person_and_kind_is_refused_next_to_the_field(world):
    before = WorkerLink.objects.count(), NewWorkerQuestion.objects.count()
    response = worker(world).post(
        link_url(world),
        {"person": world.people["family_carer"].pk, "kind": LinkKind.FAMILY_CARER},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["person"] == [
        "Fergus Carer is already linked to Skye as family carer. "
        "End that link first, or choose another kind."
    ]
    assert 'id="id_person_error"' in response.content.decode()
    assert (WorkerLink.objects.count(), NewWorkerQuestion.objects.count()) == before


def test_the_same_person_may_hold_another_kind_of_link(world):
    worker(world).post(
        link_url(world), {"person": world.people["family_carer"].pk, "kind": LinkKind.OTHER}
    )
    kinds = set(
        WorkerLink.objects.current()
        .filter(person=world.people["family_carer"])
        .values_list("kind", flat=True)
    )
    assert kinds == {LinkKind.FAMILY_CARER, LinkKind.OTHER}


def test_another_partnerships_person_cannot_be_chosen(world):
    before = WorkerLink.objects.count(), NewWorkerQuestion.objects.count()
    response = worker(world).post(
        link_url(world), {"person": world.outsider_person.pk, "kind": LinkKind.TEACHER}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["person"] == [
        "Choose someone from your partnership's register."
    ]
    assert "Fiona Farhill" not in response.content.decode()
    assert (WorkerLink.objects.count(), NewWorkerQuestion.objects.count()) == before


def test_the_domain_refuses_another_partnership_and_people_who_moved_on(world):
    from datetime import date, timedelta

    young = world.extra["young_person"]
    by = world.users["practitioner"]
    try:
        domain.link_worker(by, young, world.outsider_person, LinkKind.TEACHER)
    except ValidationError as error:
        assert "person" in error.error_dict
    else:
        raise AssertionError("a person of another partnership was linked")
    gone = world.people["colleague"]
    gone.end_date = date.today() - timedelta(days=1)
    gone.save()
    try:
        domain.link_worker(by, young, gone, LinkKind.TEACHER)
    except ValidationError as error:
        assert "moved on" in str(error)
    else:
        raise AssertionError("someone who moved on was linked")
    assert not WorkerLink.objects.filter(person__in=[gone, world.outsider_person]).exists()


def test_people_who_moved_on_are_not_offered(world):
    from datetime import date, timedelta

    gone = world.people["colleague"]
    gone.end_date = date.today() - timedelta(days=1)
    gone.save()
    html = worker(world).get(link_url(world)).content.decode()
    assert "Eilidh Practitioner" in html
    assert "Callum Colleague" not in html
    assert "Fiona Farhill" not in html


def test_ending_a_link_keeps_it_in_the_history_with_who_and_when(world):
    link = link_of(world, "family_carer")
    client = worker(world)
    confirm = client.get(reverse("voice:link_end", kwargs={"pk": link.pk}))
    assert "End the link" in confirm.content.decode()
    link.refresh_from_db()
    assert link.is_current  # asking is not ending

    response = client.post(reverse("voice:link_end", kwargs={"pk": link.pk}))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.ended_at is not None
    assert link.ended_by == world.users["practitioner"]

    html = page_of(world, client)
    current, ended = html.split("People who work with Skye", 1)[1].split("Who used to work", 1)
    assert "Fergus Carer" not in current
    assert "Fergus Carer, family carer" in ended
    assert "ended by Eilidh Practitioner" in ended
    # An ended link cannot be ended again, and the carer no longer reaches Skye's page.
    assert client.post(reverse("voice:link_end", kwargs={"pk": link.pk})).status_code == 404
    url = reverse("voice:young_person", kwargs={"pk": world.extra["young_person"].pk})
    assert worker(world, "family_carer").get(url).status_code == 404


def test_the_last_named_worker_cannot_be_ended(world):
    link = link_of(world, "practitioner")
    response = worker(world).post(reverse("voice:link_end", kwargs={"pk": link.pk}))
    assert response.status_code == 200
    assert "must always have one" in response.content.decode()
    link.refresh_from_db()
    assert link.is_current and link.ended_by is None


def test_a_named_worker_can_hand_over_once_another_is_linked(world):
    client = worker(world)
    client.post(
        link_url(world), {"person": world.people["colleague"].pk, "kind": LinkKind.NAMED_WORKER}
    )
    mine = link_of(world, "practitioner")
    response = client.post(reverse("voice:link_end", kwargs={"pk": mine.pk}))
    # No longer linked, so Eilidh goes back to her own list rather than a page she cannot see.
    assert response["Location"] == reverse("voice:young_people")
    mine.refresh_from_db()
    assert not mine.is_current
    assert domain.alert_recipients(domain.raise_alert(world.extra["young_person"])) == [
        "callum@lochside.example"
    ]


def test_a_question_for_an_ended_link_is_no_longer_asked(world):
    client = worker(world)
    client.post(link_url(world), {"person": world.people["colleague"].pk, "kind": LinkKind.TEACHER})
    link = link_of(world, "colleague")
    client.post(reverse("voice:link_end", kwargs={"pk": link.pk}))
    skye = sign_in(Client(), world.users["young_person"])
    assert "Callum Colleague" not in skye.get(reverse("voice:home")).content.decode()


def test_only_the_named_worker_sees_the_link_buttons(world):
    assert "Link someone to Skye" in page_of(world)
    carer_page = page_of(world, worker(world, "family_carer"))
    assert "People who work with Skye" in carer_page
    assert "Link someone to Skye" not in carer_page
    assert "End this link" not in carer_page


def test_the_young_person_page_costs_the_same_queries_as_links_grow(world):
    from datetime import date

    from scaffolding.workforce.models import Person

    client = worker(world)
    page_of(world, client)  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        page_of(world, client)
    young = world.extra["young_person"]
    by = world.users["practitioner"]
    for n in range(6):
        person = Person.objects.create(
            partnership=world.partnership,
            full_name=f"Worker Number{n}",
            organisation=world.organisation,
            start_date=date(2024, 4, 1),
        )
        link = domain.link_worker(by, young, person, LinkKind.OTHER)
        if n % 2:
            domain.end_link(by, link)
    with CaptureQueriesContext(connection) as many:
        html = page_of(world, client)
    assert "Worker Number5" in html and "Worker Number4" in html
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_a_family_carer_linked_through_the_page_reaches_the_carers_pages(world):
    """The carers app follows the current family carer link: ended, then linked again."""
    young = world.extra["young_person"]
    carers_page = reverse("carers:young_person", kwargs={"pk": young.pk})
    fergus = worker(world, "family_carer")
    assert fergus.get(carers_page).status_code == 200
    client = worker(world)
    client.post(reverse("voice:link_end", kwargs={"pk": link_of(world, "family_carer").pk}))
    assert fergus.get(carers_page).status_code == 404
    client.post(
        link_url(world),
        {"person": world.people["family_carer"].pk, "kind": LinkKind.FAMILY_CARER},
    )
    assert fergus.get(carers_page).status_code == 200
    assert WorkerLink.objects.filter(person=world.people["family_carer"]).count() == 2


def test_named_worker_is_asked_once_a_request_and_afresh_after_a_link_changes(
    world, django_assert_num_queries
):
    from django.test import RequestFactory

    from scaffolding.core.middleware import TenancyMiddleware
    from scaffolding.voice import sharing

    young = world.extra["young_person"]
    by = world.users["practitioner"]
    by.person  # noqa: B018 - the register entry, read before counting
    domain.link_worker(by, young, world.people["colleague"], LinkKind.NAMED_WORKER)
    mine = link_of(world, "practitioner")

    def view(request):
        with django_assert_num_queries(1):
            assert all(sharing.is_named_worker(by, young) for _ in range(4))
        domain.end_link(by, mine)  # handing over, within the same request
        with django_assert_num_queries(1):
            assert not sharing.is_named_worker(by, young)
            assert not sharing.is_named_worker(by, young)
        return "done"

    assert TenancyMiddleware(view)(RequestFactory().get("/")) == "done"
    # Outside a request every call asks the database.
    with django_assert_num_queries(2):
        assert not sharing.is_named_worker(by, young)
        assert not sharing.is_named_worker(by, young)
