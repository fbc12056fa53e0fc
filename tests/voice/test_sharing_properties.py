"""Random share, change, withdraw, override and end-of-link sequences against a tiny model."""

from datetime import timedelta

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scaffolding.voice import domain
from scaffolding.voice.models import AccessEvent, Audience, StoryItem, WorkerLink
from scaffolding.voice.sharing import may_see

WHO = [
    "young_person",
    "practitioner",
    "family_carer",
    "supervisor",
    "promise_lead",
    "partnership_admin",
]
LINKABLE = ["practitioner", "family_carer"]

actions = st.one_of(
    st.tuples(
        st.just("share"),
        st.sampled_from([Audience.ONLY_ME, Audience.NAMED, Audience.EVERYONE]),
        st.sets(st.sampled_from(LINKABLE), min_size=1),
        st.sampled_from([None, -1, 0, 5]),  # until: none, yesterday (refused), today, later
    ),
    st.tuples(st.just("withdraw")),
    st.tuples(st.just("override"), st.sampled_from(LINKABLE + ["supervisor"])),
    st.tuples(st.just("end_link"), st.sampled_from(LINKABLE)),
)


def expected(role, state, linked):
    if role == "young_person":
        return True
    if role not in linked or state["audience"] == Audience.ONLY_ME:
        return False
    return state["audience"] == Audience.EVERYONE or role in state["named"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(actions, min_size=1, max_size=8))
def test_the_service_agrees_with_the_model_at_every_step(world, steps):
    from django.core.exceptions import ValidationError

    young = world.extra["young_person"]
    me = world.users["young_person"]
    today = timezone.localdate()
    WorkerLink.objects.filter(young_person=young).update(ended_at=None)
    item = StoryItem.objects.create(young_person=young, title="Test", text="Words")
    state = {"audience": Audience.ONLY_ME, "named": set()}
    linked = set(LINKABLE)
    overrides = 0
    for step in steps:
        kind = step[0]
        if kind == "share":
            _, audience, named, days = step
            until = None if days is None else today + timedelta(days=days)
            people = [world.people[r] for r in named]
            valid = (days is None or days >= 0) and (audience != Audience.NAMED or named <= linked)
            try:
                domain.set_share(item, me, audience=audience, until=until, people=people)
            except ValidationError:
                assert not valid
            else:
                assert valid
                state = {
                    "audience": audience,
                    "named": set(named) if audience == Audience.NAMED else set(),
                }
        elif kind == "withdraw":
            domain.withdraw(item, me)
            state = {"audience": Audience.ONLY_ME, "named": set()}
        elif kind == "override":
            role = step[1]
            try:
                domain.override(world.users[role], item, "A worry was raised by school today.")
            except ValidationError:
                assert role not in linked
            else:
                assert role in linked
                overrides += 1
        elif kind == "end_link":
            WorkerLink.objects.filter(young_person=young, person=world.people[step[1]]).update(
                ended_at=timezone.now()
            )
            linked.discard(step[1])
        item.refresh_from_db()
        for role in WHO:
            assert may_see(world.users[role], item) == expected(role, state, linked), (
                role,
                state,
                linked,
            )
        assert (
            AccessEvent.objects.filter(what_id=item.pk).exclude(override_reason="").count()
            == overrides
        )
