"""Nags: when each reminder was last shown, and snoozed inquiries.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('nag_records',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.Column('last_shown', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'subject')
    )
    op.create_table('nag_snoozes',
    sa.Column('inquiry_id', sa.Integer(), nullable=False),
    sa.Column('until', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['inquiry_id'], ['inquiries.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('inquiry_id')
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table('nag_snoozes')
    op.drop_table('nag_records')
