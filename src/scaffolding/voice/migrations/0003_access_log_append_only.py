"""The access log is append-only in the database itself, not only in the code.

SQLite and PostgreSQL each get triggers that refuse UPDATE and DELETE on
voice_accessevent. The one exception is erasing a whole database or partnership
on purpose (``scaffolding.voice.accesslog.erasing``): on PostgreSQL it sets a
transaction-local setting the trigger checks (UPDATE stays refused); on SQLite
it drops the DELETE trigger inside the erasing transaction and puts it back.
"""

from django.db import migrations

SQLITE_UP = [
    """CREATE TRIGGER voice_accessevent_no_update BEFORE UPDATE ON voice_accessevent
    BEGIN SELECT RAISE(ABORT, 'The access log is append-only: no UPDATE'); END""",
    """CREATE TRIGGER voice_accessevent_no_delete BEFORE DELETE ON voice_accessevent
    BEGIN SELECT RAISE(ABORT, 'The access log is append-only: no DELETE'); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS voice_accessevent_no_update",
    "DROP TRIGGER IF EXISTS voice_accessevent_no_delete",
]

PG_UP = [
    """CREATE OR REPLACE FUNCTION voice_accessevent_append_only() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND current_setting('scaffolding.erasing', true) = 'on' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'The access log is append-only: no %', TG_OP;
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER voice_accessevent_append_only BEFORE UPDATE OR DELETE
    ON voice_accessevent FOR EACH ROW EXECUTE FUNCTION voice_accessevent_append_only()""",
]
PG_DOWN = [
    "DROP TRIGGER IF EXISTS voice_accessevent_append_only ON voice_accessevent",
    "DROP FUNCTION IF EXISTS voice_accessevent_append_only()",
]


def run(statements):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql, None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("voice", "0002_story_consent_and_access_log")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_UP, "postgresql": PG_UP}),
            run({"sqlite": SQLITE_DOWN, "postgresql": PG_DOWN}),
        )
    ]
