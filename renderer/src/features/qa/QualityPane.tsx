import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaCall } from '../../../../shared/api/qa';
import { QA_SCORING } from '../../../../shared/qa/rubric';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { callClock } from '../roleplay/call-clock';
import { RubricMarking } from '../roleplay/RubricMarking';
import { useWallboardStore } from '../wallboard/wallboard-store';
import { EvaluationResult } from './EvaluationResult';
import { useQaStore } from './qa-store';

const NO_AGENTS: readonly { id: string; name: string }[] = [];

/**
 * The supervisor's quality review: pick an agent of the team (the wallboard's agents), one of their
 * recent calls, mark the QA rubric with role-play's RubricMarking, write feedback and save.
 */
export function QualityPane() {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const headingId = useId();
  const agents = useWallboardStore((s) => s.board?.agents ?? NO_AGENTS);
  const { agentId, calls, callsStatus, callId, marks, feedback, saving, saved, problem, agentEvaluations } = useQaStore();
  const { pickAgent, pickCall, mark, setFeedback, save } = useQaStore.getState();
  const callLabel = (call: QaCall) =>
    t('qa.review.call', {
      time: format.dateTime(call.startedAt),
      customer: call.customerName ?? call.number,
      duration: callClock(call.durationMs),
      disposition: call.disposition ?? t('qa.review.noDisposition'),
    }) + (call.evaluations > 0 ? ` · ${t('qa.review.evaluated', { count: call.evaluations })}` : '');

  return (
    <section className="pane qa-review" aria-labelledby={headingId} data-testid="qa-review">
      <h2 id={headingId}>{t('qa.review.title')}</h2>
      <label>
        {t('qa.review.agent')}{' '}
        <select data-testid="qa-agent" value={agentId ?? ''} onChange={(event) => void pickAgent(event.target.value || null)}>
          <option value="">{t('qa.review.pickAgent')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </label>
      {callsStatus === 'loading' && <p role="status">{t('qa.review.loadingCalls')}</p>}
      {callsStatus === 'failed' && problem && (
        <p className="alert alert-error" role="alert">
          {t('qa.review.callsFailed', { reason: problem.message })}
        </p>
      )}
      {callsStatus === 'loaded' &&
        (calls.length === 0 ? (
          <p data-testid="qa-no-calls">{t('qa.review.noCalls')}</p>
        ) : (
          <fieldset className="qa-calls">
            <legend>{t('qa.review.calls')}</legend>
            {calls.map((call) => (
              <label key={call.callId} className="qa-call" data-testid="qa-call" data-call-id={call.callId}>
                <input type="radio" name="qa-call" checked={callId === call.callId} onChange={() => pickCall(call.callId)} /> {callLabel(call)}
              </label>
            ))}
          </fieldset>
        ))}
      {callId && !saved && (
        <form
          className="qa-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <RubricMarking scenario={QA_SCORING} marks={marks} language={format.language} disabled={saving} showTimes={false} onMark={mark} />
          <label className="qa-feedback">
            {t('qa.review.feedback')}
            <textarea data-testid="qa-feedback" value={feedback} maxLength={4000} rows={3} onChange={(event) => setFeedback(event.target.value)} />
          </label>
          {problem && (
            <p className="alert alert-error" role="alert" data-testid="qa-save-problem">
              {t('qa.review.saveFailed', { reason: problem.message })}
            </p>
          )}
          <button type="submit" className="button-primary" data-testid="qa-save" disabled={saving || marks.length === 0 || feedback.trim() === ''}>
            {saving ? t('qa.review.saving') : t('qa.review.save')}
          </button>
        </form>
      )}
      {saved && (
        <div data-testid="qa-saved" data-evaluation-id={saved.id}>
          <p role="status">{t('qa.review.saved', { percent: Math.round(saved.score.percent), outcome: t(`qa.outcome.${saved.score.outcome}`) })}</p>
          <EvaluationResult evaluation={saved} language={format.language} />
        </div>
      )}
      {agentEvaluations.length > 0 && (
        <>
          <h3>{t('qa.review.history')}</h3>
          <ul className="qa-history">
            {agentEvaluations.map((e) => (
              <li key={e.id} data-testid="qa-history-item" data-evaluation-id={e.id} data-acknowledged={e.acknowledgedAt !== null}>
                {format.dateTime(e.call.startedAt)} · {Math.round(e.score.percent)}% ·{' '}
                {e.acknowledgedAt === null
                  ? t('qa.review.notAcknowledged')
                  : `${t('qa.review.acknowledged', { time: format.dateTime(e.acknowledgedAt) })}${e.acknowledgeComment ? ` · “${e.acknowledgeComment}”` : ''}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
