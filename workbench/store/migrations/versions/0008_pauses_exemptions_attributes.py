"""Pauses, exemptions and case attributes; an existing database keeps the seed rules.

A database made before rule profiles had names stored no profile (only choices that differ
from the default are stored), so the change of default to ``gaeldende-2026`` would move its
deadlines under the caseworker's feet. A database that already holds data and stored no
profile is given ``kbh-2006-2017``, the rules it was computed with; a new one stays empty and
uses the default.

Revision ID: 0008
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0004'
branch_labels = None
depends_on = None

#: The rules every database used before profiles had names.
_SEED_PROFILE = 'kbh-2006-2017'
#: Tables whose rows show that the database was in use before this revision.
_DATA_TABLES = ('cases', 'events', 'notes', 'inquiries', 'imports', 'sync_entries', 'settings')


def upgrade() -> None:
    """Apply this revision."""
    _keep_seed_profile()
    op.create_table('pauses',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('starts', sa.Date(), nullable=False),
    sa.Column('ends', sa.Date(), nullable=True),
    sa.Column('reason', sa.String(length=64), nullable=False),
    sa.Column('registered_by', sa.String(length=100), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.case_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pauses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pauses_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pauses_entity_id'), ['entity_id'], unique=True)

    op.create_table('exemptions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('rule_id', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=64), nullable=False),
    sa.Column('registered_by', sa.String(length=100), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.case_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('exemptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exemptions_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exemptions_entity_id'), ['entity_id'],
                              unique=True)

    op.create_table('case_attributes',
    sa.Column('case_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('value', sa.String(length=100), nullable=False),
    sa.CheckConstraint("source IN ('central', 'local')", name='ck_case_attributes_source'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.case_id'], ),
    sa.PrimaryKeyConstraint('case_id', 'name', 'source')
    )


def _keep_seed_profile() -> None:
    """Store the seed profile for a database in use that never stored one."""
    connection = op.get_bind()
    chosen = connection.execute(sa.text("SELECT 1 FROM settings WHERE key = 'profile_name'")
                                ).first()
    if chosen is not None:
        return
    in_use = any(connection.execute(sa.text(f"SELECT 1 FROM {table} LIMIT 1")).first()
                 for table in _DATA_TABLES)
    if in_use:
        connection.execute(sa.text("INSERT INTO settings (key, value) VALUES ('profile_name', :v)"),
                           {"v": json.dumps(_SEED_PROFILE)})


def downgrade() -> None:
    """Revert this revision (the stored profile name stays: it is a valid setting)."""
    op.drop_table('case_attributes')
    with op.batch_alter_table('exemptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exemptions_entity_id'))
        batch_op.drop_index(batch_op.f('ix_exemptions_case_id'))

    op.drop_table('exemptions')
    with op.batch_alter_table('pauses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pauses_entity_id'))
        batch_op.drop_index(batch_op.f('ix_pauses_case_id'))

    op.drop_table('pauses')
