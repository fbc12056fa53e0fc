"""The quick drop-down writes the same choices as Django's, escaped, in one pass."""

from django import forms

from scaffolding.core.forms import QuickSelect
from scaffolding.supervision.forms import TrainingForm
from scaffolding.workforce.models import Person


def test_it_offers_the_same_choices_with_the_chosen_one_selected(world):
    people = Person.objects.in_partnership(world.partnership.pk).order_by("full_name")
    chosen = world.people["supervisor"]
    form = TrainingForm(initial={"person": chosen.pk}, people=people, partnership=world.partnership)
    html = str(form["person"])
    assert html.count("<option") == people.count() + 1  # and the empty choice
    assert f'<option value="{chosen.pk}" selected>{chosen.full_name}</option>' in html
    assert html.count(" selected") == 1
    assert 'name="person"' in html and 'id="id_person"' in html and "required" in html
    assert '<option value="">---------</option>' in html


def test_names_are_escaped():
    field = forms.ChoiceField(
        choices=[("1", '<script>alert("x")</script> & Co'), ('2"><b>', "Plain")],
        widget=QuickSelect,
    )
    html = field.widget.render("who", "1")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; Co" in html
    assert '<option value="2&quot;&gt;&lt;b&gt;">Plain</option>' in html
    assert '<option value="1" selected>' in html
