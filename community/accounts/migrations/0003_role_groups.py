from django.db import migrations

# Frozen copy of community.accounts.roles.ROLE_GROUPS: a migration must not follow code changes.
ROLE_GROUPS = (
    "Référents",
    "Coordination des groupes de travail",
    "Modération du forum",
)


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_profile_and_email_preferences"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
