"""shared catalog: submitter and row versions, inbox claims; on PostgreSQL the rules the server enforces

Revision ID: 0004_postgres_shared
Revises: 0003

On PostgreSQL this also installs triggers that hold whatever client writes to the tables (the app or
psql): the actor of events, audit entries, category decisions and approvals is the login the server
authenticated (`session_user`), the audit log is append-only, only members of the `editor` role approve
or revoke, and the person who submitted a set cannot approve it. Superusers are outside these rules
(they can switch any trigger off anyway); desks never log in as one. See docs/it-setup.md.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_postgres_shared"
down_revision = "0003"
branch_labels = None
depends_on = None

POLICY = r"""
CREATE OR REPLACE FUNCTION photoarchive_is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
$$;

CREATE OR REPLACE FUNCTION photoarchive_in_role(role_name text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(session_user, role_name, 'MEMBER');
END $$;

-- Who did it is who logged in, never a name the client sends.
CREATE OR REPLACE FUNCTION photoarchive_stamp_actor() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT photoarchive_is_admin() THEN
        NEW.actor := session_user;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION photoarchive_stamp_decider() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.decided_by <> '' AND NOT photoarchive_is_admin() THEN
        NEW.decided_by := session_user;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION photoarchive_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'photoarchive: the audit log is append-only; % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION photoarchive_guard_sets() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    admin boolean := photoarchive_is_admin();
    approval_changed boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.approved_snapshot IS NOT NULL AND NOT admin AND NOT photoarchive_in_role('editor') THEN
            RAISE EXCEPTION 'photoarchive: only an editor may delete an approved set (% is not one)', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
    END IF;
    IF admin THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'draft' OR NEW.approved_snapshot IS NOT NULL OR NEW.approved_by <> '' THEN
            RAISE EXCEPTION 'photoarchive: a new set starts as an unapproved draft'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.submitted_by := '';
        RETURN NEW;
    END IF;
    -- UPDATE: the submitter is whoever moved the set to "submitted"; nobody rewrites it otherwise.
    IF NEW.state = 'submitted' AND OLD.state IS DISTINCT FROM 'submitted' THEN
        NEW.submitted_by := session_user;
    ELSE
        NEW.submitted_by := OLD.submitted_by;
    END IF;
    approval_changed := NEW.approved_snapshot::text IS DISTINCT FROM OLD.approved_snapshot::text
        OR NEW.approved_by IS DISTINCT FROM OLD.approved_by
        OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
        OR (NEW.state = 'approved' AND OLD.state IS DISTINCT FROM 'approved' AND OLD.state <> 'published');
    IF NOT approval_changed THEN
        RETURN NEW;
    END IF;
    IF NOT photoarchive_in_role('editor') THEN
        RAISE EXCEPTION 'photoarchive: only an editor may approve a set or change an approval (% is not one)',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.approved_snapshot IS NOT NULL THEN
        IF NEW.submitted_by = session_user::text THEN
            RAISE EXCEPTION 'photoarchive: % submitted this set and cannot approve it too (four eyes)', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.approved_by := session_user;
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS photoarchive_events_actor ON events;
CREATE TRIGGER photoarchive_events_actor BEFORE INSERT OR UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION photoarchive_stamp_actor();
DROP TRIGGER IF EXISTS photoarchive_audit_actor ON audit_log;
CREATE TRIGGER photoarchive_audit_actor BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION photoarchive_stamp_actor();
DROP TRIGGER IF EXISTS photoarchive_audit_append_only ON audit_log;
CREATE TRIGGER photoarchive_audit_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION photoarchive_audit_append_only();
DROP TRIGGER IF EXISTS photoarchive_audit_no_truncate ON audit_log;
CREATE TRIGGER photoarchive_audit_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION photoarchive_audit_append_only();
DROP TRIGGER IF EXISTS photoarchive_categories_decider ON photo_categories;
CREATE TRIGGER photoarchive_categories_decider BEFORE INSERT OR UPDATE ON photo_categories
    FOR EACH ROW EXECUTE FUNCTION photoarchive_stamp_decider();
DROP TRIGGER IF EXISTS photoarchive_guard_sets ON photo_sets;
CREATE TRIGGER photoarchive_guard_sets BEFORE INSERT OR UPDATE OR DELETE ON photo_sets
    FOR EACH ROW EXECUTE FUNCTION photoarchive_guard_sets();
"""

# Other desks refresh when the catalog changes: one notification per changed table and transaction
# (PostgreSQL folds identical notifications of one transaction into one).
CHANGE_FEED = """
CREATE OR REPLACE FUNCTION photoarchive_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('photoarchive_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$;
""" + "".join(
    f"""
DROP TRIGGER IF EXISTS photoarchive_notify_{table} ON {table};
CREATE TRIGGER photoarchive_notify_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION photoarchive_notify_change();
"""
    for table in ("photos", "photo_categories", "photo_sets", "set_members", "quarantine", "flickr_journal")
)

# The search box's substring test (LIKE '%word%') answered from a trigram index for rare words. pg_trgm
# ships with PostgreSQL (contrib) and is a trusted extension; without it the search reads the table.
SEARCH_INDEX = r"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS ix_photos_search_trgm ON photos USING gin (search_text gin_trgm_ops);
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'photoarchive: pg_trgm not available to this login; search works without its index';
END $$;
"""

DROP_POLICY = (
    "".join(
        f"DROP TRIGGER IF EXISTS photoarchive_notify_{table} ON {table};\n"
        for table in (
            "photos",
            "photo_categories",
            "photo_sets",
            "set_members",
            "quarantine",
            "flickr_journal",
        )
    )
    + """DROP FUNCTION IF EXISTS photoarchive_notify_change();
DROP TRIGGER IF EXISTS photoarchive_guard_sets ON photo_sets;
DROP TRIGGER IF EXISTS photoarchive_categories_decider ON photo_categories;
DROP TRIGGER IF EXISTS photoarchive_audit_no_truncate ON audit_log;
DROP TRIGGER IF EXISTS photoarchive_audit_append_only ON audit_log;
DROP TRIGGER IF EXISTS photoarchive_audit_actor ON audit_log;
DROP TRIGGER IF EXISTS photoarchive_events_actor ON events;
DROP FUNCTION IF EXISTS photoarchive_guard_sets();
DROP FUNCTION IF EXISTS photoarchive_audit_append_only();
DROP FUNCTION IF EXISTS photoarchive_stamp_decider();
DROP FUNCTION IF EXISTS photoarchive_stamp_actor();
DROP FUNCTION IF EXISTS photoarchive_in_role(text);
DROP FUNCTION IF EXISTS photoarchive_is_admin();
"""
)


def upgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch_op.create_index("ix_photos_original_name_id", ["original_name", "id"], unique=False)
    with op.batch_alter_table("photo_sets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submitted_by", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    op.create_table(
        "ingest_claims",
        sa.Column("source_key", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.Text(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("source_key", name=op.f("pk_ingest_claims")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POLICY)
        op.execute(CHANGE_FEED)
        op.execute(SEARCH_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DROP_POLICY)
        op.execute("DROP INDEX IF EXISTS ix_photos_search_trgm")
    op.drop_table("ingest_claims")
    with op.batch_alter_table("photo_sets", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("submitted_by")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index("ix_photos_original_name_id")
        batch_op.drop_column("version")
