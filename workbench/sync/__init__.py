"""Mini-teams: three caseworkers share one caseload, synced, and no one's work is ever lost.

How it works, in the order a change travels:

* **Entries** (``entries``). Every local change made through the service — a conversation
  registered or withdrawn, a note written, edited or deleted, an inquiry and its answer, a
  cover assignment — is also an entry, written in the *same transaction* as the change: its
  id (UUID), author (initials), hybrid logical clock timestamp, entity type, entity id and
  field values. Entity ids are the same on every replica (random for notes and inquiries,
  derived from the natural key for conversations and covers). Each replica numbers its own
  entries 1, 2, 3, ... without gaps, and records per field the value it saw (its *base*).
* **Clock** (``hlc``). Wall milliseconds, a counter and a node id per database: a total
  order, persisted in the settings so it never runs backwards after a restart, and moved
  past every teammate's timestamp received, so a decision made after seeing another one
  sorts after it. A teammate's clock more than 5 minutes ahead is refused (its entries are
  held back until ours catches up), so the clock never lives in the future or overflows.
* **Checked, then applied as a batch** (``inbox``, ``validate``, ``apply``, ``replica``).
  A teammate's entry passes the vocabulary and bounds of a local change or is quarantined
  (kept, counted, shown with its author, never applied; ``workbench team quarantine``); one
  of a newer format waits for an upgrade. Entities are append-only: an edit is a new value,
  a delete a tombstone (``deleted``, or ``present`` false for a conversation). Each field is
  last-writer-wins by timestamp; every value a field ever had stays in ``field_history``
  with ``superseded_by`` naming the value that followed it — nothing is silently dropped.
  Only values written without having seen the other (concurrent) are conflicts
  (``conflicts``). Applying is idempotent (the entry id is the key) and commutative (every
  table is a function of the set of entries), so replicas that received the same entries
  are equal; a batch of entries costs a few statements per table, not per entry.
* **Case tables** (``projection``). Entities are projected onto ``events``, ``notes`` and
  ``inquiries``, which the lists and reports read. The central export still rules case master
  data: an import never removes a team registration, and confirms one the export contains.
  Work on a case this database does not know yet is *parked* until an import brings it.
* **Sealed** (``sealing``, ``keys``). What leaves the database is encrypted and
  authenticated with the team key (AES-256-GCM); the key is made at the first member's
  join, handed on as a join code and kept in the OS keyring. The share holds no note text
  or CPR number, and a member without the key can neither read nor forge an entry.
* **Transports** (``transport``). A shared folder (``folder``: immutable, checksummed,
  owner-only batch files written under a temporary name, fsync'ed, renamed; torn files
  skipped and read later; numbers from a stored counter) or a PostgreSQL hub (``hub``: a
  table whose bigserial is the cursor; pushes are idempotent and serialised by an advisory
  lock; members in one normal form; each team's rows visible to its own role only).
* **Nothing silently lost** (``streams``). A receiver that misses numbers of a replica (a
  deleted batch or row) names them in its published state; the author sends them again
  from its own log. ``team status`` compares a digest of what each member holds.
* **Team** (``team``). Joining, the sync (send the outbox and what teammates miss, pull,
  take in, publish my state, keep the cursor), its report and the status; ``views`` reads
  covers, the field history and who did what.

The live SQLite database itself never lives on a network share (``workbench.store.location``).
"""
