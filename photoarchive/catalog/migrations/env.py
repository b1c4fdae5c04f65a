"""Alembic environment: runs on the connection the app hands over (see catalog/db.py)."""

from alembic import context

from photoarchive.catalog.db import include_in_schema_compare
from photoarchive.catalog.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` from the command line, for developers
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev-catalog.sqlite"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    include_object=include_in_schema_compare,
)
with context.begin_transaction():
    context.run_migrations()
