"""The "exempt" dimension of the statistics: a flag on the spans, and the counters and
snapshots of the existing data given their "exempt = 0" rows (nobody was exempt before the
spans carried the flag: every active member counted is not exempt)."""

from django.db import migrations, models

COUNTS = (
    "INSERT INTO members_membercount (organization_id, dimension, value, n) "
    "SELECT organization_id, 'exempt', '0', n FROM members_membercount "
    "WHERE dimension = 'total' AND n <> 0"
)
SNAPSHOTS = (
    "INSERT INTO members_membersnapshot (organization_id, month, dimension, value, n) "
    "SELECT organization_id, month, 'exempt', '0', n FROM members_membersnapshot "
    "WHERE dimension = 'total' AND n <> 0"
)
UNDO = (
    "DELETE FROM members_membercount WHERE dimension = 'exempt'",
    "DELETE FROM members_membersnapshot WHERE dimension = 'exempt'",
)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_exemption"),
    ]

    operations = [
        migrations.AddField(
            model_name="memberspan",
            name="exempt",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.RunSQL(COUNTS, UNDO[0]),
        migrations.RunSQL(SNAPSHOTS, UNDO[1]),
    ]
