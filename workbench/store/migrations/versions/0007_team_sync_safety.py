"""Team sync safety: per-replica sequence numbers, held entries, the base of each value.

Revision ID: 0007
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('sync_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('node', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('bases', sa.Text(), nullable=True))
        batch_op.create_index('ix_sync_entries_node_seq', ['node', 'seq'], unique=False)

    with op.batch_alter_table('field_history', schema=None) as batch_op:
        batch_op.add_column(sa.Column('base_hlc', sa.String(length=64), nullable=True))
        batch_op.create_index('ix_field_history_entry_id', ['entry_id'], unique=False)

    op.create_table('sync_held',
    sa.Column('entry_id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('problem', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.Column('member', sa.String(length=100), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('node', sa.String(length=32), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('envelope', sa.Text(), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('entry_id')
    )
    with op.batch_alter_table('sync_held', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_held_reason'), ['reason'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('sync_held', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_held_reason'))
    op.drop_table('sync_held')
    with op.batch_alter_table('field_history', schema=None) as batch_op:
        batch_op.drop_index('ix_field_history_entry_id')
        batch_op.drop_column('base_hlc')
    with op.batch_alter_table('sync_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_entries_node_seq')
        batch_op.drop_column('bases')
        batch_op.drop_column('seq')
        batch_op.drop_column('node')
