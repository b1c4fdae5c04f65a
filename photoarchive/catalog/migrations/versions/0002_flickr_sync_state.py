"""flickr sync state: uploaded photos, albums, the write journal, refused photos

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 18:24:19.256602
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flickr_albums",
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("remote_id", sa.Text(), nullable=False),
        sa.Column("meta_applied", sa.String(length=64), nullable=False),
        sa.Column("photo_ids", sa.JSON(), nullable=False),
        sa.Column("primary_id", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("set_id", name=op.f("pk_flickr_albums")),
    )
    op.create_table(
        "flickr_failures",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_flickr_failures")),
    )
    op.create_table(
        "flickr_journal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flickr_journal")),
    )
    with op.batch_alter_table("flickr_journal", schema=None) as batch_op:
        batch_op.create_index("ix_flickr_journal_state", ["state"], unique=False)

    op.create_table(
        "flickr_photos",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("remote_id", sa.Text(), nullable=False),
        sa.Column("file_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("meta_applied", sa.String(length=64), nullable=False),
        sa.Column("tags_applied", sa.String(length=64), nullable=False),
        sa.Column("visibility_applied", sa.String(length=16), nullable=False),
        sa.Column("licence_applied", sa.Integer(), nullable=True),
        sa.Column("groups_applied", sa.JSON(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_flickr_photos")),
        sa.UniqueConstraint("remote_id", name="uq_flickr_photos_remote_id"),
    )


def downgrade() -> None:
    op.drop_table("flickr_photos")
    with op.batch_alter_table("flickr_journal", schema=None) as batch_op:
        batch_op.drop_index("ix_flickr_journal_state")

    op.drop_table("flickr_journal")
    op.drop_table("flickr_failures")
    op.drop_table("flickr_albums")
