"""sync requests through the catalog (the service holding the Flickr token runs them), their log, and the
API key's calls of the last hour counted for every runner

Revision ID: 0007_sync_service_requests
Revises: 0006_consent_cases

On PostgreSQL triggers stamp the server's login as who asked, let only editors ask for a sync by hand or
stop one, keep who/when/why of a request unchangeable, and make the request log append-only (superusers
are outside the rules, as in 0004). Desks are told of changes through the change feed of 0004.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_sync_service_requests"
down_revision = "0007_move_to_moves"
branch_labels = None
depends_on = None

POLICY = r"""
CREATE OR REPLACE FUNCTION photoarchive_guard_sync_requests() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF photoarchive_is_admin() THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'photoarchive: sync requests are kept as a record; deleting one is refused'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.reason = 'manual' AND NOT photoarchive_in_role('editor') THEN
            RAISE EXCEPTION 'photoarchive: only an editor may ask for a sync (% is not one)', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.state <> 'queued' THEN
            RAISE EXCEPTION 'photoarchive: a sync request starts queued'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.requested_by := session_user;
        RETURN NEW;
    END IF;
    -- Who asked, when and why stay as they were; the runner writes state, progress and outcome.
    NEW.requested_by := OLD.requested_by;
    NEW.requested_at := OLD.requested_at;
    NEW.reason := OLD.reason;
    NEW.set_ids := OLD.set_ids;
    IF NEW.cancel_requested AND NOT OLD.cancel_requested AND NOT photoarchive_in_role('editor') THEN
        RAISE EXCEPTION 'photoarchive: only an editor may stop a sync (% is not one)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION photoarchive_sync_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF photoarchive_is_admin() THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'photoarchive: the sync log is append-only; % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER IF EXISTS photoarchive_guard_sync_requests ON sync_requests;
CREATE TRIGGER photoarchive_guard_sync_requests BEFORE INSERT OR UPDATE OR DELETE ON sync_requests
    FOR EACH ROW EXECUTE FUNCTION photoarchive_guard_sync_requests();
DROP TRIGGER IF EXISTS photoarchive_sync_log_append_only ON sync_request_log;
CREATE TRIGGER photoarchive_sync_log_append_only BEFORE UPDATE OR DELETE ON sync_request_log
    FOR EACH ROW EXECUTE FUNCTION photoarchive_sync_log_append_only();
DROP TRIGGER IF EXISTS photoarchive_notify_sync_requests ON sync_requests;
CREATE TRIGGER photoarchive_notify_sync_requests AFTER INSERT OR UPDATE OR DELETE ON sync_requests
    FOR EACH STATEMENT EXECUTE FUNCTION photoarchive_notify_change();
DROP TRIGGER IF EXISTS photoarchive_notify_sync_request_log ON sync_request_log;
CREATE TRIGGER photoarchive_notify_sync_request_log AFTER INSERT OR UPDATE OR DELETE ON sync_request_log
    FOR EACH STATEMENT EXECUTE FUNCTION photoarchive_notify_change();
"""

DROP_POLICY = """
DROP TRIGGER IF EXISTS photoarchive_notify_sync_request_log ON sync_request_log;
DROP TRIGGER IF EXISTS photoarchive_notify_sync_requests ON sync_requests;
DROP TRIGGER IF EXISTS photoarchive_sync_log_append_only ON sync_request_log;
DROP TRIGGER IF EXISTS photoarchive_guard_sync_requests ON sync_requests;
DROP FUNCTION IF EXISTS photoarchive_sync_log_append_only();
DROP FUNCTION IF EXISTS photoarchive_guard_sync_requests();
"""


def upgrade() -> None:
    op.create_table(
        "sync_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("set_ids", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("runner", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(), nullable=True),
        sa.Column("progress", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.JSON(), nullable=False),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_requests")),
    )
    op.create_index("ix_sync_requests_state", "sync_requests", ["state"], unique=False)
    op.create_table(
        "sync_request_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["sync_requests.id"],
            name=op.f("fk_sync_request_log_request_id_sync_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_request_log")),
    )
    op.create_index("ix_sync_request_log_request_id", "sync_request_log", ["request_id"], unique=False)
    op.create_table(
        "flickr_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_digest", sa.String(length=64), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flickr_calls")),
    )
    op.create_index("ix_flickr_calls_key_digest_at", "flickr_calls", ["key_digest", "at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POLICY)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DROP_POLICY)
    op.drop_index("ix_flickr_calls_key_digest_at", table_name="flickr_calls")
    op.drop_table("flickr_calls")
    op.drop_index("ix_sync_request_log_request_id", table_name="sync_request_log")
    op.drop_table("sync_request_log")
    op.drop_index("ix_sync_requests_state", table_name="sync_requests")
    op.drop_table("sync_requests")
