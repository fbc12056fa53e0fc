"""Each row keeps its partnership in its own column, copied from its parent.

The column is added empty, filled with one UPDATE per table from the parent row,
then made required.
"""

import django.db.models.deletion
from django.db import migrations, models

from scaffolding.core.tenancy import copy_partnership_from_parent


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_alter_user_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="team",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        copy_partnership_from_parent("accounts", "team", "organisation"),
        migrations.AlterField(
            model_name="team",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
    ]
