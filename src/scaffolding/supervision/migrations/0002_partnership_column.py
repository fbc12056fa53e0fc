"""Each row keeps its partnership in its own column, copied from its parent.

The column is added empty, filled with one UPDATE per table from the parent row,
then made required.
"""

import django.db.models.deletion
from django.db import migrations, models

from scaffolding.core.tenancy import copy_partnership_from_parent


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="attendance",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="signoff",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="sessionversion",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="supportaction",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="remindersent",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        copy_partnership_from_parent("supervision", "attendance", "session"),
        copy_partnership_from_parent("supervision", "signoff", "session"),
        copy_partnership_from_parent("supervision", "sessionversion", "session"),
        copy_partnership_from_parent("supervision", "supportaction", "session"),
        copy_partnership_from_parent("supervision", "remindersent", "person"),
        migrations.AlterField(
            model_name="attendance",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="signoff",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="sessionversion",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="supportaction",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="remindersent",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
    ]
