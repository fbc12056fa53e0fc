"""Every model that holds a partnership's data stands on the tenancy base.

A model belongs to a partnership when it points at the partnership, or at a row
that itself belongs to one (a learning record at a person, an attendance at a
session). Such a model must use ``PartnershipOwned`` so that it has its own
``partnership`` column and the one set of helpers that scope reads.
"""

from django.apps import apps

from scaffolding.core.tenancy import PARTNERSHIP_MODEL, PartnershipOwned, tenant_models

# Models that point at the partnership but are not partnership data, with the reason.
NOT_PARTNERSHIP_DATA = {
    # An account may exist before it joins a partnership (a superuser, an outsider),
    # and its partnership is what the whole boundary is read from.
    "accounts.User": "the account the boundary is read from",
}


def _our_models():
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("scaffolding.") and not model._meta.auto_created
    ]


def _foreign_keys(model):
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete and (field.many_to_one or field.one_to_one) and field.related_model
    ]


def _belongs_to_a_partnership(model) -> bool:
    for field in _foreign_keys(model):
        target = field.related_model
        if target._meta.label == PARTNERSHIP_MODEL or issubclass(target, PartnershipOwned):
            return True
    return False


def test_every_model_holding_partnership_data_uses_the_tenancy_base():
    offenders = [
        model._meta.label
        for model in _our_models()
        if _belongs_to_a_partnership(model)
        and model._meta.label not in NOT_PARTNERSHIP_DATA
        and model._meta.label != PARTNERSHIP_MODEL
        and not issubclass(model, PartnershipOwned)
    ]
    assert offenders == [], (
        "These models point at a partnership or at a partnership's row but do not use "
        "scaffolding.core.tenancy.PartnershipOwned: " + ", ".join(offenders)
    )


def test_the_check_would_catch_a_model_pointing_at_a_partnership_owned_parent():
    from scaffolding.workforce.models import Person

    class Field:
        concrete = True
        many_to_one = True
        one_to_one = False
        related_model = Person

    class Meta:
        @staticmethod
        def get_fields():
            return [Field()]

    class Stray:
        _meta = Meta

    assert _belongs_to_a_partnership(Stray)


def test_child_rows_name_a_partnership_owned_parent():
    for model in tenant_models():
        if model.partnership_from is None:
            continue
        parent = model._meta.get_field(model.partnership_from).related_model
        assert issubclass(parent, PartnershipOwned), model._meta.label


def test_every_partnership_row_has_a_required_partnership_column():
    for model in tenant_models():
        direct = model._meta.get_field("partnership")
        assert direct.related_model._meta.label == PARTNERSHIP_MODEL, model._meta.label
        assert not direct.null, f"{model._meta.label}.partnership must be required"


def test_no_model_keeps_its_own_copy_of_the_history_data_or_a_partnership_property():
    for model in tenant_models():
        assert "get_additional_data" not in vars(model), model._meta.label
        assert not isinstance(vars(model).get("partnership_id"), property), model._meta.label
