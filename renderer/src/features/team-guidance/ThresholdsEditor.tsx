import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamThresholds } from '../../../../shared/api/policy-admin';
import { errorKey } from '../../i18n/error-key';
import { useThresholdsStore } from './thresholds-store';

/** The numbers a team lead tunes most; the rest of GuidanceThresholds keeps what the team has. */
const FIELDS = ['maxPromptsPerMinute', 'repeatComplaintDays', 'longHoldSeconds', 'callTargetSeconds'] as const;
type Field = (typeof FIELDS)[number];

const valueOf = (team: TeamThresholds, field: Field): number =>
  field === 'callTargetSeconds' ? (team.thresholds.callTargetSeconds.default ?? 420) : team.thresholds[field];

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
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, String(valueOf(team, f))])) as Record<Field, string>);

  return (
    <form
      data-testid="thresholds-team"
      data-team={team.teamId}
      onSubmit={(e) => {
        e.preventDefault();
        const n = (f: Field) => Number(values[f]);
        void save(team.teamId, {
          ...team.thresholds,
          maxPromptsPerMinute: n('maxPromptsPerMinute'),
          repeatComplaintDays: n('repeatComplaintDays'),
          longHoldSeconds: n('longHoldSeconds'),
          callTargetSeconds: { ...team.thresholds.callTargetSeconds, default: n('callTargetSeconds') },
        });
      }}
    >
      <h3>
        {team.teamName} <span className="tag">{team.custom ? t('teamThresholds.custom') : t('teamThresholds.defaults')}</span>
      </h3>
      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(`teamThresholds.fields.${field}`)}</label>
          <input
            id={`${id}-${field}`}
            type="number"
            min={1}
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
