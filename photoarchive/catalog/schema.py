"""The catalog's tables (SQLAlchemy Core). The one place the schema is declared.

Changes here need an Alembic revision in `migrations/versions/` (the catalog migrates on open).
Times are stored as naive UTC, except `capture_time`, which is the camera's local wall-clock time.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Stable constraint names, so migrations can refer to them on SQLite and PostgreSQL alike.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

photos = Table(
    "photos",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("original_name", Text, nullable=False),
    # Relative to the home's originals/ folder, with forward slashes (portable between desks).
    Column("archive_path", Text, nullable=False, unique=True),
    # Where it was dropped, relative to the inbox (the sub-folder can name a case).
    Column("source_path", Text, nullable=False, default=""),
    Column("size_bytes", Integer, nullable=False),
    Column("format", String(16), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("orientation", Integer, nullable=False, default=1),
    Column("capture_time", DateTime, nullable=True),
    Column("camera_make", Text, nullable=False, default=""),
    Column("camera_model", Text, nullable=False, default=""),
    Column("lens", Text, nullable=False, default=""),
    # Privacy scan of the original at ingest: quick flags plus the finding kinds found.
    Column("has_gps", Boolean, nullable=False, default=False),
    Column("has_serial", Boolean, nullable=False, default=False),
    Column("has_owner", Boolean, nullable=False, default=False),
    Column("privacy_findings", JSON, nullable=False, default=list),
    # Press fields (start with what the file carried in IPTC/XMP; staff edit them).
    Column("case_number", Text, nullable=False, default=""),
    Column("caption", Text, nullable=False, default=""),
    Column("headline", Text, nullable=False, default=""),
    Column("keywords", JSON, nullable=False, default=list),
    Column("byline", Text, nullable=False, default=""),
    Column("credit", Text, nullable=False, default=""),
    Column("copyright", Text, nullable=False, default=""),
    Column("faces", Integer, nullable=False, default=0),
    # Derived columns kept by catalog/photos.py so a grid of 100,000 photos loads in one cheap query:
    # lower-cased caption, headline, keywords, case number and file name, for the search box;
    Column("search_text", Text, nullable=False, default=""),
    # categories not rejected, suggested ones with a trailing "?" (e.g. "case,media?");
    Column("category_tags", Text, nullable=False, default=""),
    # capture time, else ingest time: the default sort order, indexed.
    Column("sort_time", DateTime, nullable=False),
    # False while the photo is "new in the inbox view"; set once a person has looked at it.
    Column("reviewed", Boolean, nullable=False, default=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    # Bumped by every edit, so a second desk saving an older copy is told instead of overwriting.
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_photos_sort_time", "sort_time"),
    # The Inbox view: unreviewed photos, newest first.
    Index("ix_photos_reviewed_sort_time", "reviewed", "sort_time"),
    # The Inbox as the window shows it: unreviewed photos, newest archived first (read in index order).
    Index("ix_photos_reviewed_ingested_at_id", "reviewed", "ingested_at", "id"),
    # The search box: the text scan reads this index alone, already in display order (4x faster at 100k).
    Index("ix_photos_sort_time_search_text", "sort_time", "id", "search_text"),
    Index("ix_photos_ingested_at", "ingested_at"),
    Index("ix_photos_case_number", "case_number"),
    Index("ix_photos_original_name", "original_name"),
    # Sorting by name with the id as tiebreak, read in index order (PostgreSQL otherwise sorts 100k rows).
    Index("ix_photos_original_name_id", "original_name", "id"),
)

# One row per (photo, category). state: suggested | confirmed | rejected.
# source: size | folder | face | file (already in the file's metadata) | user.
photo_categories = Table(
    "photo_categories",
    metadata,
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("category", String(16), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("source", String(16), nullable=False),
    Column("decided_by", Text, nullable=False, default=""),
    Column("decided_at", DateTime, nullable=True),
    Index("ix_photo_categories_category_state", "category", "state"),
)

# Everything that happened to a photo (ingested, duplicate_seen, edited, category_confirmed …).
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), nullable=True),
    Column("quarantine_id", Integer, ForeignKey("quarantine.id", ondelete="CASCADE"), nullable=True),
    Column("kind", String(32), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("actor", Text, nullable=False, default=""),
    Column("detail", JSON, nullable=False, default=dict),
    Index("ix_events_photo_id", "photo_id"),
)

# Files that could not be archived. The file itself sits in quarantine/ with a .reason.txt beside it.
quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("original_name", Text, nullable=False),
    Column("source_path", Text, nullable=False),
    # Relative to the home's quarantine/ folder.
    Column("quarantine_path", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("reason_code", String(32), nullable=False),
    Column("size_bytes", Integer, nullable=False, default=0),
    Column("sha256", String(64), nullable=False, default=""),
    Column("at", DateTime, nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
)

# Intent recorded before a file is renamed into originals/; cleared in the same transaction that adds
# the photo. A row left behind after a crash names a file that recovery removes (its source is still
# in the inbox, because sources are only removed after the commit).
pending_ingests = Table(
    "pending_ingests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("archive_path", Text, nullable=False, unique=True),
    Column("started_at", DateTime, nullable=False),
)

# A set becomes a Flickr album. state: draft | submitted | approved | published.
# `approved_snapshot` is the content as approved (what sync publishes until someone approves again).
photo_sets = Table(
    "photo_sets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("visibility", String(16), nullable=False, default="private"),
    Column("licence_id", Integer, nullable=False, default=0),
    Column("group_id", Text, nullable=False, default=""),
    Column("tags", JSON, nullable=False, default=list),
    Column("cover_photo_id", Integer, ForeignKey("photos.id", ondelete="SET NULL"), nullable=True),
    Column("state", String(16), nullable=False, default="draft"),
    Column("approved_by", Text, nullable=False, default=""),
    Column("approved_at", DateTime, nullable=True),
    Column("approved_snapshot", JSON, nullable=True),
    Column("override_reason", Text, nullable=False, default=""),
    # Who submitted it for approval (on PostgreSQL the server's login, stamped by a trigger): the one
    # person who may not approve it.
    Column("submitted_by", Text, nullable=False, server_default=""),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    UniqueConstraint("title", name="uq_photo_sets_title"),
)

set_members = Table(
    "set_members",
    metadata,
    Column("set_id", Integer, ForeignKey("photo_sets.id", ondelete="CASCADE"), primary_key=True),
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_set_members_photo_id", "photo_id"),
)

# Inbox files claimed by an ingester (several desks and a `watch` service may watch one inbox share).
# The key names the file (inbox-relative path, size, mtime); the row is locked while its ingest runs,
# so a dead ingester's claim is free again the moment its connection drops.
ingest_claims = Table(
    "ingest_claims",
    metadata,
    Column("source_key", Text, primary_key=True),
    # open (claimed or free again after a crash) | done
    Column("state", String(16), nullable=False),
    Column("claimed_by", Text, nullable=False, default=""),
    Column("claimed_at", DateTime, nullable=False),
    Column("finished_at", DateTime, nullable=True),
    Column("outcome", String(16), nullable=False, default=""),
)

# Append-only: who did what to which set or photo, when. Nothing updates or deletes these rows.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("target_kind", String(16), nullable=False),
    Column("target_id", Integer, nullable=False),
    Column("detail", JSON, nullable=False, default=dict),
)

# --- Flickr sync state (owned by photoarchive/catalog/sync_state.py) ---------------------------

# What this archive has put on Flickr, so a sync knows what to do without listing the whole account.
# One row per uploaded file (keyed by the original's sha256, which is also in the photo's machine tag).
# The *_applied columns hold what was last written, so a sync only writes what changed.
flickr_photos = Table(
    "flickr_photos",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("remote_id", Text, nullable=False),
    # Fingerprint of the clean file as uploaded (original + press fields + privacy policy).
    Column("file_fingerprint", String(64), nullable=False, default=""),
    Column("meta_applied", String(64), nullable=False, default=""),
    Column("tags_applied", String(64), nullable=False, default=""),
    Column("visibility_applied", String(16), nullable=False, default=""),
    Column("licence_applied", Integer, nullable=True),
    Column("groups_applied", JSON, nullable=False, default=list),
    Column("uploaded_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("remote_id", name="uq_flickr_photos_remote_id"),
)

# One row per set that has an album on Flickr. Not a foreign key: the row must outlive a deleted set
# so the next sync can take the album down.
flickr_albums = Table(
    "flickr_albums",
    metadata,
    Column("set_id", Integer, primary_key=True),
    Column("remote_id", Text, nullable=False),
    Column("meta_applied", String(64), nullable=False, default=""),
    # Remote photo ids in album order, as last written or observed.
    Column("photo_ids", JSON, nullable=False, default=list),
    Column("primary_id", Text, nullable=False, default=""),
    Column("updated_at", DateTime, nullable=False),
)

# Intent recorded before every remote write; a row left "pending" after a crash is an ambiguous
# write that the next sync reconciles (search by machine tag, re-read the album) before retrying.
flickr_journal = Table(
    "flickr_journal",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    # What the write is about: a sha256 for photo writes, "set:<id>" for album writes.
    Column("subject", Text, nullable=False),
    Column("detail", JSON, nullable=False, default=dict),
    # pending | done | failed
    Column("state", String(16), nullable=False),
    Column("error", Text, nullable=False, default=""),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime, nullable=True),
    Index("ix_flickr_journal_state", "state"),
)

# Photos Flickr refused (errors 5/8): not retried until the file to publish changes.
flickr_failures = Table(
    "flickr_failures",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("file_fingerprint", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

# --- Redaction (owned by photoarchive/catalog/redactions.py) ------------------------------------

# Areas of a photo hidden in every published copy (never in the original). The rectangle is in the
# photo's displayed orientation, in fractions (0–1) of the displayed width and height.
redaction_regions = Table(
    "redaction_regions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), nullable=False),
    Column("x", Float, nullable=False),
    Column("y", Float, nullable=False),
    Column("w", Float, nullable=False),
    Column("h", Float, nullable=False),
    # face | plate | document | manual
    Column("kind", String(16), nullable=False),
    # box | mosaic
    Column("fill", String(16), nullable=False),
    # detector | user
    Column("source", String(16), nullable=False),
    Column("score", Float, nullable=True),
    Column("added_by", Text, nullable=False),
    Column("added_at", DateTime, nullable=False),
    Column("confirmed_by", Text, nullable=False, default=""),
    Column("confirmed_at", DateTime, nullable=True),
    Index("ix_redaction_regions_photo_id", "photo_id"),
)

# A person's word on a case photo's redaction: "regions_confirmed" or "nothing_to_redact", for the
# regions as they were then (their digest), so a later change asks for a new review.
redaction_reviews = Table(
    "redaction_reviews",
    metadata,
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("state", String(24), nullable=False),
    Column("regions_digest", String(64), nullable=False),
    Column("actor", Text, nullable=False),
    Column("at", DateTime, nullable=False),
)

# --- The people in the pictures and the cases they belong to (catalog/people.py, catalog/cases.py) --

# The person register: staff who appear in photos (name, employee id or role, optional contact).
people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("employee_id", Text, nullable=False, default=""),
    Column("role", Text, nullable=False, default=""),
    Column("contact", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_people_name", "name"),
)

# Who is in which photo; `face_index` names a face box of the photo's redaction regions when known.
photo_people = Table(
    "photo_people",
    metadata,
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("face_index", Integer, nullable=True),
    Column("added_by", Text, nullable=False, default=""),
    Column("added_at", DateTime, nullable=False),
    Index("ix_photo_people_person_id", "person_id"),
)

# A person's current consent (its history is in the audit log). status: given | pending | withdrawn |
# not_needed; uses: internal, flickr, press. `expires_on` is the first day it no longer holds.
# `document` is the consent text or scan, relative to the archive's consents/ folder (never published).
consents = Table(
    "consents",
    metadata,
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("uses", JSON, nullable=False, default=list),
    Column("given_by", Text, nullable=False, default=""),
    Column("given_on", Date, nullable=True),
    Column("expires_on", Date, nullable=True),
    Column("withdrawn_at", DateTime, nullable=True),
    Column("document", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    # The editor who recorded it (on PostgreSQL the server's login, stamped by a trigger).
    Column("recorded_by", Text, nullable=False, default=""),
    Column("recorded_at", DateTime, nullable=False),
)

# The case register, fed by the case numbers photos carry. state: open | closed. `takedown_on`: a date
# set in advance from which the case's photos come off Flickr even while it is open.
cases = Table(
    "cases",
    metadata,
    Column("case_number", Text, primary_key=True),
    Column("title", Text, nullable=False, default=""),
    Column("state", String(16), nullable=False, default="open"),
    Column("closed_at", DateTime, nullable=True),
    Column("closed_by", Text, nullable=False, default=""),
    Column("takedown_on", Date, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

# An editor's decision on a closed case's photo once its retention time is up: keep (with a reason)
# or remove (then the photo leaves the archive through the removal path and this row stays as record).
case_retention = Table(
    "case_retention",
    metadata,
    Column("case_number", Text, primary_key=True),
    Column("photo_id", Integer, primary_key=True),
    Column("decision", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("decided_by", Text, nullable=False, default=""),
    Column("decided_at", DateTime, nullable=False),
)

# --- Moving a desk's archive into the shared one (catalog/move.py) -----------------------------------

# One row per desk archive moved (or being moved) into this catalog: what the desk's catalog held when
# the move began (row count and digest per table), how far the copy got, and whether it was verified.
catalog_moves = Table(
    "catalog_moves",
    metadata,
    Column("source_id", String(64), primary_key=True),
    # The desk's catalog file, for people reading the row.
    Column("source", Text, nullable=False),
    Column("source_digest", JSON, nullable=False),
    # {table: rows copied}
    Column("progress", JSON, nullable=False),
    # copying | verified
    Column("state", String(16), nullable=False),
    Column("moved_by", Text, nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("finished_at", DateTime, nullable=True),
)

# --- Sync requests and the shared call budget (catalog/sync_requests.py, catalog/call_budget.py) --

# "Sync now" from a desk without the Flickr token, an approval, or the schedule: a request the machine
# holding the token (the `watch` service) carries out. state: queued | running | done | failed.
# `requested_by` is the server's login on PostgreSQL (stamped by a trigger). `progress` is the running
# sync's phase and counts, written every second or so; `outcome` its summary or the reason it stopped,
# as a code and parameters (the desk says it in its user's language).
sync_requests = Table(
    "sync_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("requested_by", Text, nullable=False, default=""),
    Column("requested_at", DateTime, nullable=False),
    # manual | approval | schedule
    Column("reason", String(16), nullable=False),
    # The sets that prompted it (a sync always brings every approved set in line).
    Column("set_ids", JSON, nullable=False, default=list),
    Column("state", String(16), nullable=False),
    # Which service (machine and process) runs it, and how often it was started (a crash requeues it).
    Column("runner", Text, nullable=False, default=""),
    Column("attempts", Integer, nullable=False, default=0),
    Column("started_at", DateTime, nullable=True),
    Column("finished_at", DateTime, nullable=True),
    Column("heartbeat_at", DateTime, nullable=True),
    Column("progress", JSON, nullable=False, default=dict),
    Column("outcome", JSON, nullable=False, default=dict),
    Column("cancel_requested", Boolean, nullable=False, default=False),
    Index("ix_sync_requests_state", "state"),
)

# What a request's sync did, in order (code + parameters + the English text). Append-only.
sync_request_log = Table(
    "sync_request_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", Integer, ForeignKey("sync_requests.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("code", String(32), nullable=False),
    Column("params", JSON, nullable=False, default=dict),
    Column("text", Text, nullable=False, default=""),
    Index("ix_sync_request_log_request_id", "request_id"),
)

# The times of an API key's calls to Flickr (seconds since the epoch), so every runner of the key on
# every machine counts against one budget of 3,600 an hour. Keyed by a digest: never the key itself.
flickr_calls = Table(
    "flickr_calls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key_digest", String(64), nullable=False),
    Column("at", Float, nullable=False),
    Index("ix_flickr_calls_key_digest_at", "key_digest", "at"),
)
