"""Each row keeps its partnership in its own column, copied from its parent.

The column is added empty, filled with one UPDATE per table from the parent row,
then made required.
"""

import django.db.models.deletion
from django.db import migrations, models

from scaffolding.core.tenancy import copy_partnership_from_parent


class Migration(migrations.Migration):
    dependencies = [
        ("workforce", "0004_renewal_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="learningrecord",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="learningevidence",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="recognition",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="teammembership",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="livedexperience",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AddField(
            model_name="rolerequirement",
            name="partnership",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        copy_partnership_from_parent("workforce", "learningrecord", "person"),
        copy_partnership_from_parent("workforce", "learningevidence", "record"),
        copy_partnership_from_parent("workforce", "recognition", "person"),
        copy_partnership_from_parent("workforce", "teammembership", "person"),
        copy_partnership_from_parent("workforce", "livedexperience", "person"),
        copy_partnership_from_parent("workforce", "rolerequirement", "role_profile"),
        migrations.AlterField(
            model_name="learningrecord",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="learningevidence",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="recognition",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="teammembership",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="livedexperience",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
        migrations.AlterField(
            model_name="rolerequirement",
            name="partnership",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="accounts.partnership",
            ),
        ),
    ]
