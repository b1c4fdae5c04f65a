"""Ingest: from a dropped file to a verified original in the archive and a row in the catalog."""
