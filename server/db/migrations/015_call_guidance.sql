-- What guidance did during each call (prompts shown, followed, dismissed; scripts walked with their
-- steps and checklist ticks), kept for coaching; and whether the agent flagged the caller as
-- abusive, which entitles them to a recovery pause (NR-17 Annex II). Both arrive with the wrap-up.

ALTER TABLE call_records
  ADD COLUMN guidance jsonb,
  ADD COLUMN abusive boolean NOT NULL DEFAULT false;
