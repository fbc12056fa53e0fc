from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from scaffolding.accounts.access import get_for_user, permission_required

from .models import Person

PAGE_SIZE = 50


def visible_people(user):
    """The register entries this user may list: everyone for leads and admins, else supervisees."""
    people = Person.objects.filter(partnership_id=user.partnership_id)
    if user.has_perm("workforce.view_all_people"):
        return people
    own = getattr(user, "person", None)
    return people.filter(supervisor=own) if own else people.none()


@permission_required("workforce.list_people")
def people(request):
    query = request.GET.get("q", "").strip()
    listed = (
        visible_people(request.user)
        .current()
        .select_related("organisation", "team", "role_profile")
    )
    if query:
        listed = listed.filter(
            Q(full_name__icontains=query) | Q(email__icontains=query) | Q(staff_number=query)
        )
    page = Paginator(listed.order_by("full_name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "workforce/people.html",
        {
            "page_title": "People",
            "page": page,
            "query": query,
            "querystring": urlencode({"q": query}) if query else "",
        },
    )


def person(request, pk):
    shown = get_for_user(
        request.user,
        Person.objects.select_related("organisation", "team", "role_profile", "supervisor"),
        perm="workforce.view_person",
        pk=pk,
    )
    return render(
        request, "workforce/person.html", {"page_title": shown.full_name, "person": shown}
    )
