"""request.partnership and request.person: found once, only when a view reads them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from scaffolding.accounts.models import User
from scaffolding.core.middleware import TenancyMiddleware

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
