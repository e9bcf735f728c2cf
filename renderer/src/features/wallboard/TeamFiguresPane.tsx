import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentFigures } from '../../../../shared/api/wallboard';
import { AGENT_STATES } from '../../../../shared/domain/agent-state';
import { elapsed } from '../../ui/ElapsedTimer';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { CallsChart } from './CallsChart';
import { useWallboardStore } from './wallboard-store';

/** Today's figures per agent and for the team, from the synced records (not live: refreshed every few minutes). */
export function TeamFiguresPane() {
  const { t } = useTranslation();
  const headingId = useId();
  const figures = useWallboardStore((s) => s.figures);
  const status = useWallboardStore((s) => s.figuresStatus);
  return (
    <section className="pane wallboard-figures" data-testid="wallboard-figures" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('wallboard.figures.title')}</h2>
      <button type="button" onClick={() => void useWallboardStore.getState().loadFigures()} disabled={status === 'loading'}>
        {t('wallboard.figures.refresh')}
      </button>
      {status === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('wallboard.figures.failed')}
        </p>
      )}
      {figures && (
        <>
          <CallsChart hours={figures.callsByHour} />
          <table className="wallboard-table">
            <thead>
              <tr>
                <th scope="col">{t('wallboard.columns.agent')}</th>
                <th scope="col">{t('wallboard.figures.handled')}</th>
                <th scope="col">{t('wallboard.figures.aht')}</th>
                <th scope="col">{t('wallboard.figures.acw')}</th>
                <th scope="col">{t('wallboard.figures.escalations')}</th>
                <th scope="col">{t('wallboard.figures.satisfaction')}</th>
                <th scope="col">{t('wallboard.figures.timeInState')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.agents.map((agent) => (
                <FiguresRow key={agent.agentId} name={agent.name} figures={agent} />
              ))}
            </tbody>
            <tfoot>
              <FiguresRow name={t('wallboard.figures.team')} figures={figures.team} testId="wallboard-team-figures" />
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}

function FiguresRow({ name, figures, testId }: { name: string; figures: AgentFigures; testId?: string }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const seconds = (value: number | null) => (value === null ? '—' : elapsed(value * 1000));
  const states = AGENT_STATES.filter((state) => (figures.secondsByState[state] ?? 0) >= 60);
  return (
    <tr data-testid={testId}>
      <th scope="row">{name}</th>
      <td data-testid="figures-handled">{format.number(figures.callsHandled)}</td>
      <td>{seconds(figures.averageHandleSeconds)}</td>
      <td>{seconds(figures.averageAfterCallSeconds)}</td>
      <td>
        {format.number(figures.escalationsRaised)} / {format.number(figures.escalationsDecided)}
      </td>
      <td data-testid="figures-satisfaction" data-average={figures.averageSatisfaction ?? ''} data-answers={figures.surveyAnswers}>
        {figures.averageSatisfaction === null ? '—' : `${format.number(figures.averageSatisfaction, { maximumFractionDigits: 1 })} / 5`} ({format.number(figures.surveyAnswers)})
      </td>
      <td>{states.map((state) => `${t(`agentState.states.${state}`)} ${elapsed((figures.secondsByState[state] ?? 0) * 1000)}`).join(' · ')}</td>
    </tr>
  );
}
