"""Team sync: the entries outbox and log, team entities, field history, entity ids on rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('field_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('entity_type', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('entry_id', sa.String(length=36), nullable=False),
    sa.Column('superseded_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entity_id', 'field', 'entry_id', name='uq_field_history_write')
    )
    with op.batch_alter_table('field_history', schema=None) as batch_op:
        batch_op.create_index('ix_field_history_entity_field', ['entity_id', 'field'], unique=False)

    op.create_table('sync_entities',
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('entity_type', sa.String(length=16), nullable=False),
    sa.Column('case_id', sa.String(length=64), nullable=True),
    sa.Column('attributes', sa.Text(), nullable=False),
    sa.Column('attributes_hlc', sa.String(length=64), nullable=False),
    sa.Column('parked', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('entity_id')
    )
    with op.batch_alter_table('sync_entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_entities_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_entities_parked'), ['parked'], unique=False)

    op.create_table('sync_entries',
    sa.Column('entry_id', sa.String(length=36), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('entity_type', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=64), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('local', sa.Boolean(), nullable=False),
    sa.Column('pending', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('entry_id')
    )
    with op.batch_alter_table('sync_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_entries_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_entries_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_entries_hlc'), ['hlc'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_entries_pending'), ['pending'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entity_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_events_entity_id'), ['entity_id'], unique=True)

    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entity_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_inquiries_entity_id'), ['entity_id'], unique=True)

    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entity_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_notes_entity_id'), ['entity_id'], unique=True)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notes_entity_id'))
        batch_op.drop_column('entity_id')

    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inquiries_entity_id'))
        batch_op.drop_column('entity_id')

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_entity_id'))
        batch_op.drop_column('entity_id')

    with op.batch_alter_table('sync_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_entries_pending'))
        batch_op.drop_index(batch_op.f('ix_sync_entries_hlc'))
        batch_op.drop_index(batch_op.f('ix_sync_entries_entity_id'))
        batch_op.drop_index(batch_op.f('ix_sync_entries_case_id'))

    op.drop_table('sync_entries')
    with op.batch_alter_table('sync_entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_entities_parked'))
        batch_op.drop_index(batch_op.f('ix_sync_entities_case_id'))

    op.drop_table('sync_entities')
    with op.batch_alter_table('field_history', schema=None) as batch_op:
        batch_op.drop_index('ix_field_history_entity_field')

    op.drop_table('field_history')
