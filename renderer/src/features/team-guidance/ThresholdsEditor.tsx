import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamThresholds } from '../../../../shared/api/policy-admin';
import { DEFAULT_GUIDANCE_THRESHOLDS, type GuidanceThresholds } from '../../../../shared/guidance/triggers';
import { errorKey } from '../../i18n/error-key';
import { useThresholdsStore } from './thresholds-store';

/**
 * The numbers a team lead tunes most, in the units they think in (seconds, not the milliseconds
 * the cue detector counts); the rest of GuidanceThresholds keeps what the team has.
 */
interface FieldSpec {
  read(thresholds: GuidanceThresholds): number;
  write(thresholds: GuidanceThresholds, value: number): GuidanceThresholds;
  step: number;
}
const withAudio = (thresholds: GuidanceThresholds, change: Partial<GuidanceThresholds['audio']>): GuidanceThresholds => ({
  ...thresholds,
  audio: { ...thresholds.audio, ...change },
});
const FIELDS = {
  maxPromptsPerMinute: { read: (x) => x.maxPromptsPerMinute, write: (x, n) => ({ ...x, maxPromptsPerMinute: n }), step: 1 },
  repeatComplaintDays: { read: (x) => x.repeatComplaintDays, write: (x, n) => ({ ...x, repeatComplaintDays: n }), step: 1 },
  longHoldSeconds: { read: (x) => x.longHoldSeconds, write: (x, n) => ({ ...x, longHoldSeconds: n }), step: 1 },
  callTargetSeconds: {
    read: (x) => x.callTargetSeconds.default ?? DEFAULT_GUIDANCE_THRESHOLDS.callTargetSeconds.default!,
    write: (x, n) => ({ ...x, callTargetSeconds: { ...x.callTargetSeconds, default: n } }),
    step: 1,
  },
  // The audio cues: how much louder than their own start a customer must get, and for how long
  // both talk at once or nobody talks, before a prompt is worth the agent's attention.
  customerLouderDb: { read: (x) => x.audio.riseDb, write: (x, n) => withAudio(x, { riseDb: n }), step: 1 },
  overtalkSeconds: { read: (x) => x.audio.overtalkMs / 1000, write: (x, n) => withAudio(x, { overtalkMs: Math.round(n * 1000) }), step: 0.1 },
  silenceSeconds: { read: (x) => x.audio.silenceMs / 1000, write: (x, n) => withAudio(x, { silenceMs: Math.round(n * 1000) }), step: 1 },
} satisfies Record<string, FieldSpec>;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** Guidance trigger thresholds per team, for the team's supervisors and for admins. */
export function ThresholdsEditor() {
  const { t } = useTranslation();
  const headingId = useId();
  const { teams, status, error, load } = useThresholdsStore();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="pane" aria-labelledby={headingId} data-testid="thresholds-editor">
      <h2 id={headingId}>{t('teamThresholds.heading')}</h2>
      {error && (
        <p className="alert alert-error" role="alert">
          {error.code === 'INVALID_INPUT' ? t('teamThresholds.invalid') : t(errorKey(error.code))}
        </p>
      )}
      {status === 'ready' && teams.length === 0 && <p className="muted">{t('teamThresholds.noTeams')}</p>}
      {teams.map((team) => (
        <TeamForm key={`${team.teamId}:${team.updatedAt ?? ''}`} team={team} />
      ))}
      <p role="status">{status === 'saved' && t('teamThresholds.saved')}</p>
    </section>
  );
}

function TeamForm({ team }: { team: TeamThresholds }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useThresholdsStore((s) => s.save);
  const saving = useThresholdsStore((s) => s.status === 'saving');
  const [values, setValues] = useState<Record<Field, string>>(
    () => Object.fromEntries(FIELD_NAMES.map((f) => [f, String(FIELDS[f].read(team.thresholds))])) as Record<Field, string>,
  );

  return (
    <form
      data-testid="thresholds-team"
      data-team={team.teamId}
      onSubmit={(e) => {
        e.preventDefault();
        void save(
          team.teamId,
          FIELD_NAMES.reduce((thresholds, f) => FIELDS[f].write(thresholds, Number(values[f])), team.thresholds),
        );
      }}
    >
      <h3>
        {team.teamName} <span className="tag">{team.custom ? t('teamThresholds.custom') : t('teamThresholds.defaults')}</span>
      </h3>
      {FIELD_NAMES.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(`teamThresholds.fields.${field}`)}</label>
          <input
            id={`${id}-${field}`}
            type="number"
            min={FIELDS[field].step}
            step={FIELDS[field].step}
            value={values[field]}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          />
        </div>
      ))}
      <button type="submit" className="button" disabled={saving}>
        {t('teamThresholds.save')}
      </button>
    </form>
  );
}
