-- Incidents with their timelines, the idempotency keys of writes, and the simulator's state.
--
-- PostgreSQL text and jsonb refuse the NUL character (U+0000), and jsonb refuses a lone UTF-16
-- surrogate ("\ud800"). The API layer refuses both before a request reaches the database; every
-- other string is stored and returned byte for byte.

-- INC-10001, INC-10002, …: the number after "INC-" comes from here (gaps after a rollback are fine).
CREATE SEQUENCE incident_number_seq START WITH 10001;

CREATE TABLE incidents (
  id          text PRIMARY KEY,
  number      bigint NOT NULL UNIQUE,
  -- Compare-and-set: UPDATE … SET version = version + 1 WHERE id = $1 AND version = $2.
  version     integer NOT NULL CHECK (version >= 0),
  declared_at timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  -- The contract's Incident fields other than the four columns above (id, version, declaredAt,
  -- updatedAt): title, severity, status, checklist ticks, follow-ups, …
  doc         jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'object')
);
CREATE INDEX incidents_newest_first ON incidents (declared_at DESC, number DESC);

-- Append-only: changes, notes, alerts, checklist ticks and posted messages, in order.
CREATE TABLE timeline_events (
  seq         bigserial PRIMARY KEY,
  id          text GENERATED ALWAYS AS ('EV-' || seq::text) STORED UNIQUE,
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  kind        text NOT NULL,
  text        text NOT NULL
);
CREATE INDEX timeline_events_by_incident ON timeline_events (incident_id, at, seq);

-- The first answer to a write, replayed when a request is retried with the same Idempotency-Key.
-- status and body are NULL only inside the transaction that claims the key; it stores the answer
-- before it commits, or rolls back and releases the key.
CREATE TABLE idempotency_keys (
  key         text PRIMARY KEY,
  fingerprint text NOT NULL,
  status      integer,
  -- json, not jsonb: a replayed answer must be the first one byte for byte, key order included.
  body        json,
  etag        text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

CREATE TABLE simulator_state (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A number that moves with every write to any incident, inside the writing transaction: a reader
-- never sees the new number without the write. (A sequence moves before the commit, so a list
-- read in between would carry the new number with the old rows and look current forever.)
CREATE TABLE change_revision (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  value     bigint NOT NULL
);
INSERT INTO change_revision (value) VALUES (0);
