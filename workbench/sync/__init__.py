"""Mini-teams: three caseworkers share one caseload, synced, and no one's work is ever lost.

Every local change made through the service is also a team *entry* (``entries``), written in
the same transaction as the change and stamped by a hybrid logical clock (``hlc``). The
replica (``replica``) applies local and teammates' entries alike, idempotently and in any
order, keeping every value a field ever had (the field history). Transports move entries
between the members: a shared folder (``folder``) or a PostgreSQL hub (``hub``).
"""
