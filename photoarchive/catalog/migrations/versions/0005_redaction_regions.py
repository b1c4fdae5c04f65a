"""redaction: regions to hide in published copies, and each case photo's redaction review

Revision ID: 0005_redaction_regions
Revises: 0004_postgres_shared
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_redaction_regions"
down_revision = "0004_postgres_shared"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "redaction_regions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("w", sa.Float(), nullable=False),
        sa.Column("h", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fill", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_by", sa.Text(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["photo_id"], ["photos.id"], name=op.f("fk_redaction_regions_photo_id_photos"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redaction_regions")),
    )
    with op.batch_alter_table("redaction_regions", schema=None) as batch_op:
        batch_op.create_index("ix_redaction_regions_photo_id", ["photo_id"], unique=False)
    op.create_table(
        "redaction_reviews",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("regions_digest", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["photo_id"], ["photos.id"], name=op.f("fk_redaction_reviews_photo_id_photos"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("photo_id", name=op.f("pk_redaction_reviews")),
    )


def downgrade() -> None:
    op.drop_table("redaction_reviews")
    with op.batch_alter_table("redaction_regions", schema=None) as batch_op:
        batch_op.drop_index("ix_redaction_regions_photo_id")
    op.drop_table("redaction_regions")
