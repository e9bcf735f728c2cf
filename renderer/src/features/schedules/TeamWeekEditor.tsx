import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Shift, type Weekday } from '../../../../shared/schedules/shift';
import { useSessionStore } from '../session/session-store';
import { DEFAULT_SHIFT, useSchedulesStore } from './schedules-store';
import './schedules.css';

/** The zones Kalma's floors work in; the team's own zone is kept even when not listed. */
const ZONES = ['Asia/Manila', 'America/Sao_Paulo', 'America/New_York', 'Europe/London', 'UTC'];

/**
 * The supervisor's team week: agents down, weekdays across, each cell a shift with its first break
 * and the meal (or a day off). A cell's shift can be copied to every agent; one save sends the week.
 */
export function TeamWeekEditor() {
  const { t } = useTranslation();
  const headingId = useId();
  const teams = useSessionStore((s) => s.user?.teams ?? []);
  const [teamId, setTeamId] = useState<string | null>(null);
  const chosen = teamId ?? teams[0]?.id ?? null;
  const { week, draft, status, saving, dirty, savedAt, problem, timeZone, graceMinutes } = useSchedulesStore();

  useEffect(() => {
    if (chosen) void useSchedulesStore.getState().load(chosen);
  }, [chosen]);

  const names = new Map((week?.agents ?? []).map((agent) => [agent.id, agent.name]));
  const store = useSchedulesStore.getState;
  return (
    <section className="pane team-week" data-testid="team-week" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('schedules.week.title')}</h2>
      {teams.length > 1 && (
        <label>
          {t('schedules.week.team')}{' '}
          <select value={chosen ?? ''} onChange={(e) => setTeamId(e.target.value)} data-testid="team-week-team">
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {status === 'loading' && <p className="muted">{t('schedules.week.loading')}</p>}
      {status === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('schedules.week.failed')}
        </p>
      )}
      {week && (
        <>
          <div className="team-week-settings">
            <label>
              {t('schedules.week.timeZone')}{' '}
              <select value={timeZone} onChange={(e) => store().setTimeZone(e.target.value)} data-testid="team-week-zone">
                {[...new Set([timeZone, ...ZONES])].map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('schedules.week.grace')}{' '}
              <input
                type="number"
                min={0}
                max={120}
                value={graceMinutes}
                onChange={(e) => store().setGrace(Math.max(0, Math.min(120, Math.round(Number(e.target.value) || 0))))}
                data-testid="team-week-grace"
              />
            </label>
          </div>
          {draft.length === 0 ? (
            <p className="muted">{t('schedules.week.noAgents')}</p>
          ) : (
            <div className="team-week-scroll">
              <table className="team-week-grid">
                <thead>
                  <tr>
                    <th scope="col">{t('schedules.week.agent')}</th>
                    {WEEKDAYS.map((day) => (
                      <th scope="col" key={day}>
                        {t(`schedules.weekdays.${day}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {draft.map((agent) => (
                    <tr key={agent.agentId} data-testid="team-week-row" data-agent-id={agent.agentId}>
                      <th scope="row">{names.get(agent.agentId) ?? agent.agentId}</th>
                      {WEEKDAYS.map((day) => (
                        <td key={day} data-day={day}>
                          <ShiftCell agentId={agent.agentId} name={names.get(agent.agentId) ?? ''} day={day} shift={agent.pattern[day]} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <button type="button" onClick={() => void store().save()} disabled={saving || !dirty} data-testid="team-week-save">
              {saving ? t('schedules.week.saving') : t('schedules.week.save')}
            </button>{' '}
            {!dirty && savedAt !== null && (
              <span role="status" data-testid="team-week-saved">
                {t('schedules.week.saved')}
              </span>
            )}
          </p>
          {problem && status === 'loaded' && (
            <p className="alert alert-error" role="alert" data-testid="team-week-problem">
              {t('schedules.week.saveFailed', { reason: problem.message })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ShiftCell({ agentId, name, day, shift }: { agentId: string; name: string; day: Weekday; shift: Shift | null }) {
  const { t } = useTranslation();
  const store = useSchedulesStore.getState;
  const dayName = t(`schedules.weekdays.${day}`);
  if (!shift) {
    return (
      <div className="shift-cell shift-off">
        <span className="muted">{t('schedules.week.off')}</span>{' '}
        <button type="button" className="button-secondary button-small" onClick={() => store().setShift(agentId, day, DEFAULT_SHIFT)} aria-label={t('schedules.week.addFor', { name, day: dayName })}>
          {t('schedules.week.add')}
        </button>
      </div>
    );
  }
  const change = (next: Partial<Shift>) => store().setShift(agentId, day, { ...shift, ...next });
  const firstBreak = shift.breaks[0];
  return (
    <div className="shift-cell" data-testid="shift-cell">
      <TimeInput label={t('schedules.week.start', { name, day: dayName })} value={shift.start} onChange={(start) => start && change({ start })} />
      –
      <TimeInput label={t('schedules.week.end', { name, day: dayName })} value={shift.end} onChange={(end) => end && change({ end })} />
      <span className="shift-pause">
        {t('schedules.week.break')}{' '}
        <TimeInput
          label={t('schedules.week.breakAt', { name, day: dayName })}
          value={firstBreak?.start ?? ''}
          onChange={(start) => change({ breaks: start ? [{ start, minutes: firstBreak?.minutes ?? 15 }, ...shift.breaks.slice(1)] : shift.breaks.slice(1) })}
        />
      </span>
      <span className="shift-pause">
        {t('schedules.week.meal')}{' '}
        <TimeInput
          label={t('schedules.week.mealAt', { name, day: dayName })}
          value={shift.meal?.start ?? ''}
          onChange={(start) => change({ meal: start ? { start, minutes: shift.meal?.minutes ?? 60 } : null })}
        />
      </span>
      <span className="shift-actions">
        <button type="button" className="button-secondary button-small" onClick={() => store().copyToAll(agentId, day)} data-testid="shift-copy-all">
          {t('schedules.week.copyToAll', { day: dayName })}
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => store().setShift(agentId, day, null)}>
          {t('schedules.week.makeOff')}
        </button>
      </span>
    </div>
  );
}

function TimeInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return <input type="time" aria-label={label} value={value} step={300} onChange={(e) => onChange(e.target.value.slice(0, 5))} />;
}
