"""Events: the (case, date, kind) key as a unique index, the entity index only where set.

An import into an empty store builds the events' indexes after its rows
(``store.bulk.indexes_deferred``), which SQLite can do only for an index of its own, not
for the index of a table's UNIQUE constraint: so the key becomes a unique index of the same
name, with the same guarantee. On SQLite the entity index holds only the rows that have an
entity id (the local events; a central one has none): unique as before, without an entry
per central event; and the events table is rebuilt once (its constraint goes).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = "0009"
branch_labels = None
depends_on = None

_SET = sa.text("entity_id IS NOT NULL")


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_entity_id')
        batch_op.drop_constraint('uq_events_case_date_kind', type_='unique')
    op.create_index('uq_events_case_date_kind', 'events', ['case_id', 'date', 'kind'],
                    unique=True)
    op.create_index('ix_events_entity_id', 'events', ['entity_id'], unique=True,
                    sqlite_where=_SET)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index('ix_events_entity_id', table_name='events')
    op.drop_index('uq_events_case_date_kind', table_name='events')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_events_case_date_kind',
                                          ['case_id', 'date', 'kind'])
        batch_op.create_index('ix_events_entity_id', ['entity_id'], unique=True)
