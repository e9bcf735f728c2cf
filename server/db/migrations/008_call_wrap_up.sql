-- The wrap-up of each call: the disposition the agent chose (or the default, when the after-call
-- limit ran out), their notes, the follow-up and survey flags. Null until the wrap-up arrives.

ALTER TABLE call_records
  ADD COLUMN disposition text,
  ADD COLUMN wrap_up_notes text,
  ADD COLUMN follow_up_at timestamptz,
  ADD COLUMN survey_requested boolean,
  ADD COLUMN wrapped_up_at timestamptz,
  ADD COLUMN wrap_up_automatic boolean;
