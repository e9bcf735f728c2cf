import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressResponse } from '../../../../shared/api/roleplay';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useSessionStore } from '../session/session-store';
import { CriterionSparkline } from './CriterionSparkline';
import { criterionName } from './criterion-names';
import { useRolePlayProgressStore } from './roleplay-progress-store';

type TraineeProgress = ProgressResponse['trainees'][number];

/**
 * Progress over scored sessions. A trainer reads, per team, the criteria weakest first (what to
 * train next) and, per trainee, each criterion's scores over time; an agent reads their own.
 */
export function ProgressView({ trainer }: { trainer: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const progress = useRolePlayProgressStore((s) => s.progress);
  const problem = useRolePlayProgressStore((s) => s.progressProblem);
  const sessions = useRolePlayProgressStore((s) => s.sessions);
  const teams = useSessionStore((s) => s.user?.teams ?? []);
  const scenarios = useRolePlayProgressStore((s) => s.scenarios);
  const { language } = useLocaleFormat();
  const percent = (fraction: number) => t('roleplayProgress.percent', { value: Math.round(fraction * 100) });
  const nameOf = (criterionId: string) => criterionName(scenarios, criterionId, language);
  // Progress names people by id; the sessions list knows their names.
  const traineeName = (id: string) => sessions.find((s) => s.trainee.id === id)?.trainee.name ?? id;
  const empty = progress !== null && progress.trainees.length === 0;
  return (
    <section className="roleplay-progress-view" aria-labelledby={headingId} data-testid="roleplay-progress-view">
      <h3 id={headingId}>{t(trainer ? 'roleplayProgress.progress.heading' : 'roleplayProgress.progress.mine')}</h3>
      {problem && (
        <p className="alert alert-error" role="alert">
          {t('roleplayProgress.progress.failed', { reason: t(errorKey(problem.code)) })}
        </p>
      )}
      {empty && <p data-testid="roleplay-progress-none">{t('roleplayProgress.progress.empty')}</p>}
      {trainer &&
        progress?.teams.map((team) => (
          <table key={team.teamId} className="roleplay-score" data-testid="roleplay-progress-team" data-team={team.teamId}>
            <caption>{t('roleplayProgress.progress.team', { team: teams.find((each) => each.id === team.teamId)?.name ?? team.teamId })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roleplayProgress.progress.criterion')}</th>
                <th scope="col">{t('roleplayProgress.progress.average')}</th>
                <th scope="col">{t('roleplayProgress.progress.sessions')}</th>
              </tr>
            </thead>
            <tbody>
              {team.criteria.map((criterion) => (
                <tr key={criterion.criterionId} data-testid="roleplay-progress-weak" data-criterion={criterion.criterionId}>
                  <th scope="row">{nameOf(criterion.criterionId)}</th>
                  <td data-testid="roleplay-progress-average">{percent(criterion.average)}</td>
                  <td>{criterion.sessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {progress?.trainees.map((trainee) => (
        <TraineeLines
          key={trainee.traineeId}
          trainee={trainee}
          caption={trainer ? traineeName(trainee.traineeId) : t('roleplayProgress.progress.mine')}
          nameOf={nameOf}
          percent={percent}
        />
      ))}
    </section>
  );
}

function TraineeLines({ trainee, caption, nameOf, percent }: { trainee: TraineeProgress; caption: string; nameOf(id: string): string; percent(fraction: number): string }) {
  const { t } = useTranslation();
  const line = (label: string, fractions: number[], testId: string, criterionId: string) => {
    const values = fractions.map(percent).join(', ');
    return (
      <tr key={criterionId} data-testid={testId} data-criterion={criterionId}>
        <th scope="row">{label}</th>
        <td>
          <CriterionSparkline fractions={fractions} label={t('roleplayProgress.progress.chart', { criterion: label, values })} />
        </td>
        <td data-testid="roleplay-progress-values">{values}</td>
      </tr>
    );
  };
  return (
    <table className="roleplay-score" data-testid="roleplay-progress-trainee" data-trainee={trainee.traineeId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('roleplayProgress.progress.criterion')}</th>
          <th scope="col">{t('roleplayProgress.progress.trend')}</th>
          <th scope="col">{t('roleplayProgress.progress.scores')}</th>
        </tr>
      </thead>
      <tbody>
        {trainee.criteria.map((c) =>
          line(
            nameOf(c.criterionId),
            c.points.map((p) => p.fraction),
            'roleplay-progress-line',
            c.criterionId,
          ),
        )}
      </tbody>
      <tfoot>
        {line(
          t('roleplayProgress.progress.overall'),
          trainee.sessions.map((s) => s.percent / 100),
          'roleplay-progress-overall',
          '',
        )}
      </tfoot>
    </table>
  );
}
