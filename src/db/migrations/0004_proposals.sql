-- Curators review the claims extraction proposes from a source's text: an accepted proposal is a claim that carries
-- its key, a rejected one is kept with the reason. Claims recorded before this migration were typed in: no key.
ALTER TABLE rm_claims ADD COLUMN proposal_key text;
CREATE INDEX rm_claims_proposal_idx ON rm_claims (source_id, proposal_key) WHERE proposal_key IS NOT NULL;

CREATE TABLE rm_proposal_rejections (
  source_id     text NOT NULL,
  proposal_key  text NOT NULL,
  reason        text,
  rejected_on   date NOT NULL,
  PRIMARY KEY (source_id, proposal_key)
);

-- A source without a story id tells its own story: its id is the story's.
CREATE INDEX rm_sources_story_group_idx ON rm_sources ((coalesce(story_id, id)));
