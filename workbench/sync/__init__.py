"""Mini-teams: three caseworkers share one caseload, synced, and no one's work is ever lost.

How it works, in the order a change travels:

* **Entries** (``entries``). Every local change made through the service — a conversation
  registered or withdrawn, a note written, edited or deleted, an inquiry and its answer, a
  cover assignment — is also an entry, written in the *same transaction* as the change: its
  id (UUID), author (initials), hybrid logical clock timestamp, entity type, entity id and
  field values. Entity ids are the same on every replica (random for notes and inquiries,
  derived from the natural key for conversations and covers).
* **Clock** (``hlc``). Wall milliseconds, a counter and a node id per database: a total
  order, persisted in the settings so it never runs backwards after a restart, and moved
  past every teammate's timestamp received, so a decision made after seeing another one
  sorts after it.
* **Conflicts** (``replica``). Entities are append-only: an edit is a new value, a delete a
  tombstone (``deleted``, or ``present`` false for a conversation). Each field is
  last-writer-wins by timestamp; every value a field ever had stays in ``field_history``
  with ``superseded_by`` naming the value that followed it — nothing is silently dropped.
  Applying an entry is idempotent (its id is the key) and commutative (every table is a
  function of the set of entries), so replicas that received the same entries are equal.
* **Case tables** (``projection``). Entities are projected onto ``events``, ``notes`` and
  ``inquiries``, which the lists and reports read. The central export still rules case master
  data: an import never removes a team registration, and confirms one the export contains.
  Work on a case this database does not know yet is *parked* until an import brings it.
* **Transports** (``transport``). A shared folder (``folder``: immutable, checksummed batch
  files written under a temporary name, fsync'ed, renamed; torn files skipped and read
  later) or a PostgreSQL hub (``hub``: a table whose bigserial is the cursor; pushes are
  idempotent and serialised by an advisory lock so sequence numbers commit in order).
* **Team** (``team``). Joining, the sync (send the outbox, pull, apply, keep the cursor),
  its report and the status; ``views`` reads covers, the field history and who did what.

The live SQLite database itself never lives on a network share (``workbench.store.location``).
"""
