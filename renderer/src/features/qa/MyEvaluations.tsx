import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaEvaluation } from '../../../../shared/api/qa';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { callInProgress } from '../phone/phone-shortcuts';
import { usePhoneStore } from '../phone/phone-store';
import { EvaluationResult } from './EvaluationResult';
import { useQaStore } from './qa-store';

/**
 * The agent's evaluations, folded away like practice (the call column belongs to the phone) and
 * hidden during a call. Opening one shows the score per criterion and the feedback, and an
 * Acknowledge button with an optional comment; the list loads when the fold is opened.
 */
export function MyEvaluations() {
  const { t } = useTranslation();
  const onCall = usePhoneStore((s) => callInProgress(s.lines));
  const [open, setOpen] = useState(false);
  const pending = useQaStore((s) => s.evaluations.filter((e) => e.acknowledgedAt === null).length);
  if (onCall) return null;
  return (
    <details className="pane qa-mine" data-testid="qa-mine" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="qa-mine-toggle">
        {t('qa.mine.title')}
        {pending > 0 && ` (${pending} ${t('qa.mine.new')})`}
      </summary>
      {open && <EvaluationList />}
    </details>
  );
}

function EvaluationList() {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const { evaluations, evaluationsStatus, openId, problem } = useQaStore();
  const { loadEvaluations, open } = useQaStore.getState();
  useEffect(() => {
    void loadEvaluations();
  }, [loadEvaluations]);
  if (evaluationsStatus === 'loading' && evaluations.length === 0) return <p role="status">{t('qa.mine.loading')}</p>;
  if (evaluationsStatus === 'failed' && problem) {
    return (
      <p className="alert alert-error" role="alert">
        {t('qa.mine.failed', { reason: problem.message })}
      </p>
    );
  }
  if (evaluations.length === 0) return <p data-testid="qa-mine-none">{t('qa.mine.none')}</p>;
  const opened = evaluations.find((e) => e.id === openId);
  return (
    <>
      <ul className="qa-mine-list">
        {evaluations.map((e) => (
          <li key={e.id} data-testid="qa-mine-item" data-evaluation-id={e.id} data-acknowledged={e.acknowledgedAt !== null}>
            {t('qa.mine.item', { time: format.dateTime(e.call.startedAt), customer: e.call.customerName ?? t('qa.review.unknownCustomer'), percent: Math.round(e.score.percent) })}
            {e.acknowledgedAt === null && <strong> · {t('qa.mine.new')}</strong>}{' '}
            <button type="button" className="button-secondary" data-testid="qa-mine-open" onClick={() => open(openId === e.id ? null : e.id)}>
              {openId === e.id ? t('qa.mine.close') : t('qa.mine.open')}
            </button>
          </li>
        ))}
      </ul>
      {opened && <OpenEvaluation evaluation={opened} />}
    </>
  );
}

function OpenEvaluation({ evaluation }: { evaluation: QaEvaluation }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const [comment, setComment] = useState('');
  const acknowledging = useQaStore((s) => s.acknowledging);
  const problem = useQaStore((s) => s.problem);
  return (
    <div data-testid="qa-mine-open-evaluation" data-evaluation-id={evaluation.id}>
      <EvaluationResult evaluation={evaluation} language={format.language} />
      {evaluation.acknowledgedAt !== null ? (
        <p data-testid="qa-mine-acknowledged">
          {t('qa.mine.acknowledged', { time: format.dateTime(evaluation.acknowledgedAt) })}
          {evaluation.acknowledgeComment && ` · “${evaluation.acknowledgeComment}”`}
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void useQaStore.getState().acknowledge(evaluation.id, comment);
          }}
        >
          <label>
            {t('qa.mine.comment')}
            <input type="text" data-testid="qa-mine-comment" value={comment} maxLength={1000} onChange={(event) => setComment(event.target.value)} />
          </label>
          {problem && (
            <p className="alert alert-error" role="alert">
              {t('qa.mine.failed_ack', { reason: problem.message })}
            </p>
          )}
          <button type="submit" className="button-primary" data-testid="qa-mine-acknowledge" disabled={acknowledging}>
            {t('qa.mine.acknowledge')}
          </button>
        </form>
      )}
    </div>
  );
}
