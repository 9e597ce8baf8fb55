"""Alembic migrations of the store, run in-process whenever the store is opened."""
