"""people in the pictures and their consent; the case register and its retention decisions

Revision ID: 0006_consent_cases
Revises: 0005_redaction_regions

On PostgreSQL triggers let only members of the `editor` role record or change a consent, close, reopen
or schedule a case, or decide on a case photo's retention, and stamp the server's login as the one who
did it (superusers are outside the rules, as in 0004).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_consent_cases"
down_revision = "0005_redaction_regions"
branch_labels = None
depends_on = None

POLICY = r"""
CREATE OR REPLACE FUNCTION photoarchive_guard_editor_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT photoarchive_is_admin() AND NOT photoarchive_in_role('editor') THEN
        RAISE EXCEPTION 'photoarchive: only an editor may change % (% is not one)', TG_TABLE_NAME, session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NOT photoarchive_is_admin() THEN
        IF TG_TABLE_NAME = 'consents' THEN
            NEW.recorded_by := session_user;
        ELSIF TG_TABLE_NAME = 'case_retention' THEN
            NEW.decided_by := session_user;
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- Anyone may add a case to the register (photos carry case numbers); only editors close, reopen or
-- schedule a take-down.
CREATE OR REPLACE FUNCTION photoarchive_guard_cases() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    decided boolean;
BEGIN
    IF photoarchive_is_admin() THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        decided := true;
    ELSIF TG_OP = 'INSERT' THEN
        decided := NEW.state <> 'open' OR NEW.takedown_on IS NOT NULL OR NEW.closed_at IS NOT NULL;
    ELSE
        decided := NEW.state IS DISTINCT FROM OLD.state OR NEW.closed_at IS DISTINCT FROM OLD.closed_at
            OR NEW.takedown_on IS DISTINCT FROM OLD.takedown_on OR NEW.closed_by IS DISTINCT FROM OLD.closed_by;
    END IF;
    IF decided AND NOT photoarchive_in_role('editor') THEN
        RAISE EXCEPTION 'photoarchive: only an editor may close, reopen or schedule a case (% is not one)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.state = 'closed' AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM 'closed') THEN
        NEW.closed_by := session_user;
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS photoarchive_guard_consents ON consents;
CREATE TRIGGER photoarchive_guard_consents BEFORE INSERT OR UPDATE OR DELETE ON consents
    FOR EACH ROW EXECUTE FUNCTION photoarchive_guard_editor_only();
DROP TRIGGER IF EXISTS photoarchive_guard_retention ON case_retention;
CREATE TRIGGER photoarchive_guard_retention BEFORE INSERT OR UPDATE OR DELETE ON case_retention
    FOR EACH ROW EXECUTE FUNCTION photoarchive_guard_editor_only();
DROP TRIGGER IF EXISTS photoarchive_guard_cases ON cases;
CREATE TRIGGER photoarchive_guard_cases BEFORE INSERT OR UPDATE OR DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION photoarchive_guard_cases();
"""

DROP_POLICY = """
DROP TRIGGER IF EXISTS photoarchive_guard_cases ON cases;
DROP TRIGGER IF EXISTS photoarchive_guard_retention ON case_retention;
DROP TRIGGER IF EXISTS photoarchive_guard_consents ON consents;
DROP FUNCTION IF EXISTS photoarchive_guard_cases();
DROP FUNCTION IF EXISTS photoarchive_guard_editor_only();
"""


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("employee_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    op.create_index("ix_people_name", "people", ["name"], unique=False)
    op.create_table(
        "photo_people",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("face_index", sa.Integer(), nullable=True),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_photo_people_person_id_people"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["photo_id"], ["photos.id"], name=op.f("fk_photo_people_photo_id_photos"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("photo_id", "person_id", name=op.f("pk_photo_people")),
    )
    op.create_index("ix_photo_people_person_id", "photo_people", ["person_id"], unique=False)
    op.create_table(
        "consents",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("uses", sa.JSON(), nullable=False),
        sa.Column("given_by", sa.Text(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_consents_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_consents")),
    )
    op.create_table(
        "cases",
        sa.Column("case_number", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.Text(), nullable=False),
        sa.Column("takedown_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("case_number", name=op.f("pk_cases")),
    )
    op.create_table(
        "case_retention",
        sa.Column("case_number", sa.Text(), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("case_number", "photo_id", name=op.f("pk_case_retention")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POLICY)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DROP_POLICY)
    op.drop_table("case_retention")
    op.drop_table("cases")
    op.drop_table("consents")
    op.drop_index("ix_photo_people_person_id", table_name="photo_people")
    op.drop_table("photo_people")
    op.drop_index("ix_people_name", table_name="people")
    op.drop_table("people")
