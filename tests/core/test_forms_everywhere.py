"""Forms in every app: date inputs round-trip as ISO, and missing answers get kind wording."""

import importlib
import pkgutil
import re
from datetime import date

from django import forms

import scaffolding

A_DATE = date(2026, 12, 11)


def _all_form_classes():
    for module in pkgutil.walk_packages(scaffolding.__path__, "scaffolding."):
        if module.name.rsplit(".", 1)[-1] == "forms":
            importlib.import_module(module.name)
    seen, stack = set(), [forms.BaseForm]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
    return [cls for cls in seen if cls.__module__.startswith("scaffolding.")]


def test_the_walk_finds_the_forms_with_dates():
    names = {cls.__name__ for cls in _all_form_classes()}
    # If these disappear the walk below is checking nothing.
    assert {"SessionForm", "AgreementForm", "RecordForm", "AuditFilterForm"} <= names


def test_every_date_field_renders_an_iso_value_in_a_date_picker():
    checked, wrong = 0, []
    for form_class in _all_form_classes():
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.DateField) or isinstance(field, forms.DateTimeField):
                continue
            checked += 1
            html = field.widget.render(name, A_DATE)
            if 'type="date"' not in html or 'value="2026-12-11"' not in html:
                wrong.append(f"{form_class.__module__}.{form_class.__name__}.{name}: {html}")
    assert checked >= 10
    assert not wrong, "\n".join(wrong)


def test_a_bound_form_with_an_instance_shows_the_iso_date(world):
    from scaffolding.supervision.forms import AgreementForm
    from scaffolding.supervision.models import Agreement

    agreement = Agreement(
        partnership=world.partnership,
        supervisee=world.people["practitioner"],
        supervisor=world.people["supervisor"],
        starts_on=A_DATE,
    )
    html = str(AgreementForm(instance=agreement, partnership=world.partnership)["starts_on"])
    assert re.search(r'type="date"[^>]*value="2026-12-11"|value="2026-12-11"[^>]*type="date"', html)


def test_a_missing_answer_gets_the_kind_wording_on_every_form(world, client_for):
    from scaffolding.supervision.forms import AgreementForm, CheckInForm

    agreement = AgreementForm(data={}, partnership=world.partnership)
    assert agreement.errors["frequency"] == ["Please fill this in."]
    check_in = CheckInForm(data={}, partnership=world.partnership)
    assert check_in.errors["feeling"] == ["Please choose an answer."]
    admin = client_for("partnership_admin")
    body = admin.post("/accounts/new/", {"full_name": ""}).content.decode()
    assert "This field is required" not in body and "Please fill this in." in body


def test_forms_receive_the_partnership_one_way():
    """`partnership=` through core.forms.PartnershipFormMixin, never `partnership_id=`."""
    import inspect

    from scaffolding.core.forms import PartnershipFormMixin

    users = {cls for cls in _all_form_classes() if issubclass(cls, PartnershipFormMixin)}
    assert len(users) >= 10  # otherwise this checks nothing
    wrong = []
    for form_class in _all_form_classes():
        params = inspect.signature(form_class.__init__).parameters
        name = f"{form_class.__module__}.{form_class.__name__}"
        if "partnership_id" in params:
            wrong.append(f"{name} takes partnership_id=")
        if "partnership" in params and form_class not in users:
            wrong.append(f"{name} takes partnership= without the mixin")
    assert not wrong, "\n".join(wrong)


def test_the_mixin_stamps_the_partnership_from_the_form_not_the_post(world):
    from scaffolding.workforce.forms import ActivityForm

    form = ActivityForm(
        data={"title": "Trauma-informed practice", "partnership": world.other_partnership.pk},
        partnership=world.partnership,
    )
    form.is_valid()
    assert form.instance.partnership == world.partnership
