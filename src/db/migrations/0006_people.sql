-- People, their roles and machines' API tokens.
--
-- Who a person is, which roles they hold and which tokens were issued are events on the ledger (streams `person-…`
-- and `token-…`, visibility restricted); rm_people, rm_person_grants and rm_tokens are their read models. Secrets
-- never go on the ledger: a password's argon2id hash, a token secret's SHA-256 and the sessions of signed-in browsers
-- live in the auth_* tables, which are not read models (a rebuild leaves them alone) and are never exported.
CREATE TABLE rm_people (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  added_at   timestamptz NOT NULL
);

CREATE TABLE rm_person_grants (
  person_id        text NOT NULL,
  organisation_id  text NOT NULL,
  role             text NOT NULL,
  PRIMARY KEY (person_id, organisation_id, role)
);

CREATE TABLE rm_tokens (
  id               text PRIMARY KEY,
  organisation_id  text NOT NULL,
  role             text NOT NULL,
  label            text NOT NULL,
  issued_by        text NOT NULL,
  issued_at        timestamptz NOT NULL,
  expires_on       date,
  revoked_at       timestamptz
);

CREATE TABLE auth_passwords (
  person_id      text PRIMARY KEY,
  password_hash  text NOT NULL,
  updated_at     timestamptz NOT NULL
);

CREATE TABLE auth_token_secrets (
  token_id     text PRIMARY KEY,
  secret_hash  text NOT NULL
);

CREATE TABLE auth_sessions (
  id_hash       text PRIMARY KEY,
  person_id     text NOT NULL,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX auth_sessions_person_idx ON auth_sessions (person_id);

-- The audit view filters the ledger by actor.
CREATE INDEX events_actor_idx ON events ((meta ->> 'actor'), seq);
