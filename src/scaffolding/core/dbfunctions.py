"""Small database expressions Django lacks, written once for SQLite and PostgreSQL."""

from django.db.models import DateField, Func


class DaysAfter(Func):
    """`day` plus a whole number of days, worked out in the database (NULL stays NULL).

    Django adds a date and a duration through a Python function on SQLite, called once a
    row; SQLite's own ``date()`` and PostgreSQL's ``date + integer`` cost nothing.
    """

    arity = 2
    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="date(%(expressions)s || ' days')",
            arg_joiner=", '+' || ",
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="(%(expressions)s)::date", arg_joiner=" + "
        )
