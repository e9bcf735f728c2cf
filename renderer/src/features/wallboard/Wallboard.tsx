import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WALLBOARD_FILTERS, WALLBOARD_SORTS, wallboardRows } from '../../../../shared/wallboard/wallboard-view';
import { AgentRow, type CallActions } from './AgentRow';
import { useWallboardStore } from './wallboard-store';
import './wallboard.css';

/**
 * The supervisor's live view of their team(s): one row per agent, sorted and filtered as the
 * supervisor chooses. `callActions` puts controls next to each live call (monitoring).
 */
export function Wallboard({ callActions }: { callActions?: CallActions }) {
  const { t } = useTranslation();
  const headingId = useId();
  const board = useWallboardStore((s) => s.board);
  const status = useWallboardStore((s) => s.status);
  const sort = useWallboardStore((s) => s.sort);
  const filter = useWallboardStore((s) => s.filter);
  const teamId = useWallboardStore((s) => s.teamId);
  const text = useWallboardStore((s) => s.text);

  useEffect(() => useWallboardStore.getState().start(), []);

  const rows = board ? wallboardRows(board.agents, { sort, filter, teamId, text }) : [];
  const store = useWallboardStore.getState();
  return (
    <section className="pane wallboard" data-testid="wallboard" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('wallboard.title')}</h2>
      {status === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('wallboard.failed')}
        </p>
      )}
      <div className="wallboard-controls">
        {board && board.teams.length > 1 && (
          <label>
            {t('wallboard.team')}
            <select value={teamId ?? ''} onChange={(e) => store.setTeam(e.target.value || null)}>
              <option value="">{t('wallboard.allTeams')}</option>
              {board.teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('wallboard.show')}
          <select value={filter} onChange={(e) => store.setFilter(e.target.value as typeof filter)} data-testid="wallboard-filter">
            {WALLBOARD_FILTERS.map((name) => (
              <option key={name} value={name}>
                {t(`wallboard.filters.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wallboard.sortBy')}
          <select value={sort} onChange={(e) => store.setSort(e.target.value as typeof sort)} data-testid="wallboard-sort">
            {WALLBOARD_SORTS.map((name) => (
              <option key={name} value={name}>
                {t(`wallboard.sorts.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wallboard.search')}
          <input type="search" value={text} onChange={(e) => store.setText(e.target.value)} />
        </label>
      </div>
      {board && board.agents.length === 0 && <p className="muted">{t('wallboard.noAgents')}</p>}
      {board && board.agents.length > 0 && rows.length === 0 && <p className="muted">{t('wallboard.noMatch')}</p>}
      {rows.length > 0 && (
        <table className="wallboard-table">
          <thead>
            <tr>
              <th scope="col">{t('wallboard.columns.agent')}</th>
              <th scope="col">{t('wallboard.columns.status')}</th>
              <th scope="col">{t('wallboard.columns.time')}</th>
              <th scope="col">{t('wallboard.columns.calls')}</th>
              <th scope="col">{t('wallboard.columns.waiting')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((agent) => (
              <AgentRow key={agent.id} agent={agent} callActions={callActions} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
