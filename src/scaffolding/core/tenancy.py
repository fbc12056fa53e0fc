"""The partnership boundary: one base for every model that belongs to a partnership.

Every such model stores its partnership in a real column, even when it also
belongs to a parent (a learning record to a person, a story item to a young
person). The column is copied from the parent on save, so reading
``obj.partnership_id`` never costs a query and every list can be scoped with one
indexed filter, the same way everywhere:

    class StoryItem(PartnershipOwned):
        partnership_from = "young_person"      # copied from the parent on save
        young_person = models.ForeignKey(YoungPerson, ...)

    StoryItem.objects.for_user(request.user)          # the user's partnership only
    StoryItem.objects.in_partnership(partnership_id)
    get_for_user(request.user, StoryItem.objects, pk=pk)   # the object or 404

No module writes ``partnership_id=`` filters by hand, directly or through a relation
(a test reads every module but migrations and fails on one); reads go through these
helpers.

``core`` is the ground floor and imports no domain app: the partnership model is
named by its label.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

PARTNERSHIP_MODEL = "accounts.Partnership"


class PartnershipQuerySet(models.QuerySet):
    def in_partnership(self, partnership_id: int | None):
        if partnership_id is None:
            return self.none()
        return self.filter(partnership_id=partnership_id)

    def for_user(self, user):
        """Rows of the signed-in user's partnership; nothing for anyone outside one."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.in_partnership(getattr(user, "partnership_id", None))

    def bulk_create(self, objs, *args, **kwargs):
        """``bulk_create`` skips ``save()``: copy each row's partnership from its parent
        (one query for all the parents not already in memory), and refuse a row whose
        partnership would otherwise be missing."""
        objs = list(objs)
        missing = [obj for obj in objs if obj.partnership_id is None and obj.partnership_from]
        if missing:
            field = self.model._meta.get_field(self.model.partnership_from)
            unknown = {getattr(obj, field.attname) for obj in missing if not field.is_cached(obj)}
            found = (
                dict(
                    field.related_model._base_manager.using(self.db)
                    .filter(pk__in=unknown - {None})
                    .values_list("pk", "partnership_id")
                )
                if unknown
                else {}
            )
            for obj in missing:
                if field.is_cached(obj):
                    obj.stamp_partnership()
                else:
                    obj.partnership_id = found.get(getattr(obj, field.attname))
        for obj in objs:
            if obj.partnership_id is None:
                raise ValueError(
                    f"{type(obj).__name__} rows given to bulk_create need their partnership set."
                )
        return super().bulk_create(objs, *args, **kwargs)

    def insert_rows(self, fields: list[str], rows: list[tuple]) -> None:
        """Insert many rows of plain values in one statement, for imports: ``COPY`` on
        PostgreSQL, one ``executemany`` elsewhere.

        Like ``bulk_create`` without model objects: no signals, no primary keys back
        (read them with one query afterwards). ``fields`` name model fields (attnames
        such as ``team_id``) and must include ``partnership_id``; a row without its
        partnership is refused, as ``bulk_create`` refuses it. Fields not given get
        their default. Values go to the database as parameters, never into the SQL.
        """
        from django.db import connections

        meta = self.model._meta
        by_attname = {f.attname: f for f in meta.concrete_fields}
        if "partnership_id" not in fields:
            raise ValueError(f"{self.model.__name__} rows need their partnership_id.")
        given = [by_attname[name] for name in fields]  # KeyError for a field it lacks
        at = fields.index("partnership_id")
        connection = connections[self.db]
        ops = connection.ops
        convert = []
        for field in given:
            kind = field.get_internal_type()
            if kind == "DateField":
                convert.append(ops.adapt_datefield_value)
            elif kind == "DateTimeField":
                # Usually one moment for every row (created_at): converted once.
                prepare = field.get_db_prep_save
                convert.append(lambda value, p=prepare: p(value, connection))
            elif kind in ("CharField", "TextField", "EmailField", "ForeignKey", "IntegerField"):
                convert.append(None)
            else:
                convert.append(lambda value, f=field: f.get_db_prep_save(value, connection))
        rest = [f for f in meta.concrete_fields if f.attname not in fields and not f.primary_key]
        defaults = []
        for field in rest:
            if (
                (field.has_default() and callable(field.default))
                or getattr(field, "auto_now", False)
                or getattr(field, "auto_now_add", False)
            ):
                raise ValueError(f"insert_rows cannot fill {field.name}; give it a value.")
            defaults.append(field.get_db_prep_save(field.get_default(), connection))
        # Only the values that need it are converted (dates on SQLite, say), and each
        # distinct value once (a column of dates or timestamps repeats).
        converting = [(k, _converted_once(fn)) for k, fn in enumerate(convert) if fn is not None]
        params = []
        for row in rows:
            if len(row) != len(given):
                raise ValueError(f"{self.model.__name__} rows need {len(given)} values.")
            if row[at] is None:
                raise ValueError(f"{self.model.__name__} rows need their partnership set.")
            row = [*row, *defaults]
            for k, fn in converting:
                if row[k] is not None:
                    row[k] = fn(row[k])
            params.append(row)
        if not params:
            return
        columns = ", ".join(ops.quote_name(f.column) for f in given + rest)
        table = ops.quote_name(meta.db_table)
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command; executemany is a round trip a row.
            copy_in = f"COPY {table} ({columns}) FROM STDIN"
            with (
                connection.cursor() as cursor,
                connection.wrap_database_errors,
                cursor.cursor.copy(copy_in) as copy,
            ):
                for row in params:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * (len(given) + len(rest)))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names from the model, values as parameters
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)


def _converted_once(fn):
    """``fn`` remembering its answer for each value; for a value that cannot be a key
    (a dict or list for a JSON field), for each object, which the caller's rows keep
    alive (so no other object can take its id) until the statement is sent."""
    seen = {}

    def convert(value):
        key = (value.__class__, value)
        try:
            return seen[key]
        except KeyError:
            seen[key] = answer = fn(value)
        except TypeError:
            key = id(value)
            if key not in seen:
                seen[key] = fn(value)
            answer = seen[key]
        return answer

    return convert


PartnershipManager = models.Manager.from_queryset(PartnershipQuerySet)


class PartnershipOwned(models.Model):
    """Abstract base: a row that belongs to exactly one partnership.

    Set ``partnership_from`` to the name of a foreign key whose target is itself
    partnership-owned, and the partnership is copied from it on save (and must
    agree with it: a row can never point across the boundary).
    """

    partnership = models.ForeignKey(PARTNERSHIP_MODEL, on_delete=models.CASCADE, related_name="+")

    partnership_from: str | None = None

    objects = PartnershipManager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.stamp_partnership()
        super().save(*args, **kwargs)

    def stamp_partnership(self):
        """Copy the partnership from the parent, refusing a parent of another partnership."""
        if not self.partnership_from:
            return
        parent = getattr(self, self.partnership_from)
        if parent is None:
            return
        if self.partnership_id is None:
            self.partnership_id = parent.partnership_id
        elif self.partnership_id != parent.partnership_id:
            raise ValueError(
                f"{type(self).__name__}.{self.partnership_from} belongs to another partnership."
            )

    def get_additional_data(self):
        """What the change history keeps beside each entry, to filter it per partnership."""
        return {"partnership_id": self.partnership_id}


def get_for_user(user, queryset, perm: str | None = None, **lookup):
    """One object from the user's partnership that the user may see, else 404.

    404 rather than 403, so that nobody learns that a record of another
    partnership, or one their role may not see, exists.
    """
    if hasattr(queryset, "for_user"):
        queryset = queryset.for_user(user)
    try:
        obj = get_object_or_404(queryset, **lookup)
    except (ValueError, ValidationError):
        # A malformed id in the address (?group=abc) is simply not found.
        raise Http404("Not found.") from None
    if getattr(obj, "partnership_id", None) != getattr(user, "partnership_id", None):
        raise Http404("Not found in your partnership.")
    if perm and not user.has_perm(perm, obj):
        raise Http404("Not found.")
    return obj


def tenant_models():
    """Every installed concrete model on the partnership base (for tests and checks)."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, PartnershipOwned) and not model._meta.abstract
    ]


def copy_partnership_from_parent(app_label: str, model_name: str, parent_field: str):
    """A migration step filling a new ``partnership`` column from the row's parent.

    One ``UPDATE ... SET partnership_id = (SELECT ...)`` for the whole table, on SQLite
    and PostgreSQL alike. On PostgreSQL the deferred foreign-key checks are run at once,
    so that the same migration can then make the column required.
    """
    from django.db import migrations
    from django.db.models import OuterRef, Subquery

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        parent = model._meta.get_field(parent_field).related_model
        parents = parent._base_manager.filter(pk=OuterRef(parent_field)).values("partnership_id")
        model._base_manager.using(schema_editor.connection.alias).update(
            partnership_id=Subquery(parents[:1])
        )
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)
