"""Stored deadlines: each open case's open milestones, so that a status is a comparison.

Existing databases get one placeholder row per open case (``as_of`` NULL: not evaluated
yet); the first read that meets them has the engine evaluate them (workbench.deadlines).

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('case_deadlines',
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('caseworker', sa.String(length=100), nullable=False),
    sa.Column('team', sa.String(length=100), nullable=True),
    sa.Column('next_due', sa.Date(), nullable=True),
    sa.Column('rule_id', sa.String(length=32), nullable=True),
    sa.Column('plan_by', sa.Date(), nullable=True),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('fresh_until', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('case_id')
    )
    with op.batch_alter_table('case_deadlines', schema=None) as batch_op:
        batch_op.create_index('ix_case_deadlines_caseworker_due', ['caseworker', 'next_due'],
                              unique=False)
        batch_op.create_index('ix_case_deadlines_team_due', ['team', 'next_due'], unique=False)
        batch_op.create_index('ix_case_deadlines_next_due', ['next_due'], unique=False)
        batch_op.create_index('ix_case_deadlines_fresh_until', ['fresh_until'], unique=False)
        batch_op.create_index('ix_case_deadlines_as_of', ['as_of'], unique=False)

    op.create_table('open_milestones',
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('rule_id', sa.String(length=32), nullable=False),
    sa.Column('occurrence', sa.Integer(), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('window_end', sa.Date(), nullable=True),
    sa.Column('plan_by', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('case_id', 'position')
    )
    with op.batch_alter_table('open_milestones', schema=None) as batch_op:
        batch_op.create_index('ix_open_milestones_due', ['due'], unique=False)

    # Every case not closed yet, to be evaluated at the first read (as_of NULL).
    op.execute("INSERT INTO case_deadlines (case_id, caseworker, team) "
               "SELECT case_id, caseworker, team FROM cases WHERE closed_on IS NULL")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('open_milestones', schema=None) as batch_op:
        batch_op.drop_index('ix_open_milestones_due')
    op.drop_table('open_milestones')
    with op.batch_alter_table('case_deadlines', schema=None) as batch_op:
        batch_op.drop_index('ix_case_deadlines_as_of')
        batch_op.drop_index('ix_case_deadlines_fresh_until')
        batch_op.drop_index('ix_case_deadlines_next_due')
        batch_op.drop_index('ix_case_deadlines_team_due')
        batch_op.drop_index('ix_case_deadlines_caseworker_due')
    op.drop_table('case_deadlines')
