"""the people and case registers join the change feed: other desks' People and Cases views refresh

Revision ID: 0007_live_window_notify
Revises: 0006_consent_cases

Migration 0004 made the photo, set, quarantine and Flickr tables tell listening desks when they change
(`photoarchive_changes`, the table's name). The registers of 0006 (people, consents, who is in which
photo, cases and their retention decisions) do the same now. PostgreSQL only; nothing on SQLite.
"""

from alembic import op

revision = "0007_live_window_notify"
down_revision = "0007_sync_service_requests"
branch_labels = None
depends_on = None

TABLES = ("people", "consents", "photo_people", "cases", "case_retention")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(
            f"DROP TRIGGER IF EXISTS photoarchive_notify_{table} ON {table};\n"
            f"CREATE TRIGGER photoarchive_notify_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}\n"
            "    FOR EACH STATEMENT EXECUTE FUNCTION photoarchive_notify_change();"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS photoarchive_notify_{table} ON {table};")
