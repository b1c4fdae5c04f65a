"""indexes for the Inbox view and the search box

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index("ix_photos_reviewed_sort_time", ["reviewed", "sort_time"], unique=False)
        batch_op.create_index(
            "ix_photos_sort_time_search_text", ["sort_time", "id", "search_text"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index("ix_photos_sort_time_search_text")
        batch_op.drop_index("ix_photos_reviewed_sort_time")
