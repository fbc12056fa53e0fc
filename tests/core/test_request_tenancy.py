"""request.partnership and request.person: found once, only when a view reads them;
remembered answers: kept for one request."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from scaffolding.accounts.models import User
from scaffolding.core.middleware import TenancyMiddleware, forget_remembered, remembered

pytestmark = pytest.mark.django_db


def _through_middleware(user):
    request = RequestFactory().get("/")
    request.user = user
    return TenancyMiddleware(lambda passed: passed)(request)


def test_person_and_partnership_cost_nothing_until_read_then_one_query_each(
    world, django_assert_num_queries
):
    user = User.objects.get(pk=world.users["practitioner"].pk)
    with django_assert_num_queries(0):
        request = _through_middleware(user)
    with django_assert_num_queries(1):
        assert request.person == world.people["practitioner"]
        assert request.person == world.people["practitioner"]
    with django_assert_num_queries(1):
        assert request.partnership == world.partnership
        assert request.partnership == world.partnership


def test_signed_out_and_unregistered_users_have_neither(world):
    request = _through_middleware(AnonymousUser())
    assert request.person is None and request.partnership is None
    outsider = _through_middleware(User.objects.get(pk=world.outsider.pk))
    assert outsider.person is None  # an account without a register entry
    assert outsider.partnership == world.other_partnership


def test_remembered_answers_last_for_one_request_only():
    asked = []

    def ask():
        asked.append(1)
        return len(asked)

    def view(request):
        first = remembered(("question", 1), ask)
        assert remembered(("question", 1), ask) == first  # not asked again
        assert remembered(("question", 2), ask) == first + 1  # another key is asked
        forget_remembered()
        assert remembered(("question", 1), ask) == first + 2  # asked afresh after forgetting
        return first

    middleware = TenancyMiddleware(view)
    assert middleware(RequestFactory().get("/")) == 1
    assert len(asked) == 3
    assert middleware(RequestFactory().get("/")) == 4  # the next request asks again
    # Outside a request nothing is kept.
    assert remembered(("question", 1), ask) == 7
    assert remembered(("question", 1), ask) == 8
