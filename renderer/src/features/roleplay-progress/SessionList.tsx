import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolePlaySession } from '../../../../shared/api/roleplay';
import { textIn } from '../../../../shared/guidance/script';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { SESSION_FILTERS, filterSessions, waitsForReview } from './session-filter';
import { useRolePlayProgressStore } from './roleplay-progress-store';

/** The sessions, newest first: a trainer's teams' (filtered, peer practice to review first), or an agent's own. */
export function SessionList({ trainer }: { trainer: boolean }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const headingId = useId();
  const sessions = useRolePlayProgressStore((s) => s.sessions);
  const chosen = useRolePlayProgressStore((s) => s.filter);
  // An agent reads all of their own; the filter is the trainer's to-do list.
  const filter = trainer ? chosen : 'all';
  const shown = filterSessions(sessions, filter);
  const status = (session: RolePlaySession) => t(`roleplayProgress.status.${trainer && waitsForReview(session) ? 'review' : session.status}`);
  return (
    <section className="roleplay-progress-list" aria-labelledby={headingId} data-testid="roleplay-progress-list" data-filter={filter}>
      <h3 id={headingId}>{t(trainer ? 'roleplayProgress.list.heading' : 'roleplay.history.heading')}</h3>
      {trainer && (
        <fieldset className="roleplay-progress-filter">
          <legend>{t('roleplayProgress.list.filter')}</legend>
          {SESSION_FILTERS.map((each) => (
            <label key={each}>
              <input
                type="radio"
                name={`${headingId}-filter`}
                value={each}
                checked={filter === each}
                data-testid={`roleplay-progress-filter-${each}`}
                onChange={() => useRolePlayProgressStore.getState().setFilter(each)}
              />{' '}
              {t(`roleplayProgress.list.filters.${each}`)}
            </label>
          ))}
        </fieldset>
      )}
      {shown.length === 0 ? (
        <p data-testid="roleplay-progress-empty">{t(trainer ? `roleplayProgress.list.empty.${filter}` : 'roleplay.history.empty')}</p>
      ) : (
        <table className="roleplay-score">
          <thead>
            <tr>
              <th scope="col">{t('roleplayProgress.list.date')}</th>
              {trainer && <th scope="col">{t('roleplayProgress.list.trainee')}</th>}
              <th scope="col">{t('roleplayProgress.list.caller')}</th>
              <th scope="col">{t('roleplayProgress.list.scenario')}</th>
              <th scope="col">{t('roleplayProgress.list.status')}</th>
              <th scope="col">{t('roleplayProgress.list.score')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {shown.map((session) => {
              const title = textIn(session.title, session.language);
              return (
                <tr key={session.id} data-testid="roleplay-progress-session" data-session-id={session.id} data-status={session.status}>
                  <td>{format.dateTime(session.endedAt ?? session.createdAt)}</td>
                  {trainer && <th scope="row">{session.trainee.name}</th>}
                  <td>
                    {session.caller.name}
                    {session.peer && <span className="roleplay-progress-peer"> ({t('roleplayProgress.list.peer')})</span>}
                  </td>
                  <td>{title}</td>
                  <td data-testid="roleplay-progress-status">{status(session)}</td>
                  <td data-testid="roleplay-progress-percent">
                    {session.score ? t('roleplayProgress.percent', { value: Math.round(session.score.percent) }) : t('roleplayProgress.noScore')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={t('roleplayProgress.list.openLabel', { scenario: title, trainee: session.trainee.name })}
                      data-testid="roleplay-progress-open"
                      onClick={() => void useRolePlayProgressStore.getState().open(session.id)}
                    >
                      {t('roleplay.history.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
