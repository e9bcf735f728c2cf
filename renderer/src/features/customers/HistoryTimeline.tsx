import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isCaseKind } from '../../../../shared/domain/case-status';
import { REQUEST_REASONS, type InteractionView, type RequestReason } from '../../../../shared/domain/interaction';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { elapsed } from '../../ui/ElapsedTimer';
import { useDispositionLabel } from '../wrap-up/use-disposition-label';
import { CallGuidanceSummary } from './CallGuidanceSummary';
import { CaseStatus, type CaseItem } from './CaseStatus';
import { useCustomersStore } from './customers-store';
import { toMajor } from './money';
import { EscalationTrail } from '../escalations/EscalationTrail';

/** The customer's history, newest first; what this console wrote and has not uploaded yet says so. */
export function HistoryTimeline() {
  const { t } = useTranslation();
  const history = useCustomersStore((s) => s.history);
  const next = useCustomersStore((s) => s.historyNext);
  const loadingOlder = useCustomersStore((s) => s.loadingOlder);
  const headingId = useId();
  return (
    <section className="customer-history" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('customers.history.title')}</h3>
      <KindFilter />
      {history.length === 0 ? (
        <p className="muted">{t('customers.history.empty')}</p>
      ) : (
        <ol className="timeline">
          {history.map((item) => (
            <TimelineItem key={item.id} item={item} />
          ))}
        </ol>
      )}
      {next && (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={loadingOlder}
          onClick={() => void useCustomersStore.getState().loadOlder()}
        >
          {loadingOlder ? t('customers.history.loadingOlder') : t('customers.history.older')}
        </button>
      )}
    </section>
  );
}

/** The kinds an agent narrows the timeline to most; "all" shows everything again. */
const FILTER_KINDS = ['call', 'note', 'complaint', 'return_request', 'refund_request', 'exchange_request', 'callback', 'survey'] as const;

function KindFilter() {
  const { t } = useTranslation();
  const kind = useCustomersStore((s) => s.historyKind);
  const filter = useCustomersStore((s) => s.filterHistory);
  const id = useId();
  return (
    <div className="history-filter">
      <label htmlFor={id}>{t('customers.history.filter')}</label>{' '}
      <select
        id={id}
        className="field field-inline"
        data-testid="history-filter"
        value={kind ?? ''}
        onChange={(event) => {
          const chosen = FILTER_KINDS.find((k) => k === event.target.value) ?? null;
          void filter(chosen);
        }}
      >
        <option value="">{t('customers.history.all')}</option>
        {FILTER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`customers.history.kinds.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function TimelineItem({ item }: { item: InteractionView }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  return (
    <li className={`timeline-item timeline-${item.kind}`} data-testid="timeline-item" data-kind={item.kind} data-pending={item.pendingSync}>
      <div className="timeline-head">
        <span className="timeline-kind">{t(`customers.history.kinds.${item.kind}`)}</span>
        <time dateTime={item.occurredAt}>{format.dateTime(item.occurredAt)}</time>
        {item.author && <span className="muted">{t('customers.history.by', { name: item.author.name })}</span>}
        {item.pendingSync && (
          <span className="tag timeline-pending" data-testid="timeline-pending">
            {t('customers.history.pending')}
          </span>
        )}
      </div>
      {item.kind === 'call' && <CallSummary call={item} />}
      {item.kind === 'call' && item.guidance && <CallGuidanceSummary log={item.guidance} />}
      {item.kind === 'callback' && (
        <p className="timeline-detail" data-testid="timeline-callback-due">
          {t('customers.history.callbackDue', { time: format.dateTime(item.dueAt) })}
        </p>
      )}
      {item.kind === 'callback' && item.followUp && (
        <p className="timeline-detail" data-testid="timeline-follow-up" data-reason={item.followUp.reason}>
          {t(`callbacks.followUp.${item.followUp.reason}`)}
        </p>
      )}
      {item.kind === 'callback' && item.outcome && (
        <p className="timeline-detail" data-testid="timeline-follow-up-outcome" data-result={item.outcome.result}>
          {t('customers.history.followUpOutcome', { result: t(`callbacks.outcome.results.${item.outcome.result}`) })}
          {item.outcome.note !== '' && ` · ${item.outcome.note}`}
        </p>
      )}
      {item.kind === 'survey' && (
        <p className="timeline-detail" data-testid="timeline-survey" data-csat={item.csat ?? ''} data-nps={item.nps ?? ''}>
          {t('customers.history.surveyScores', { csat: item.csat ?? '—', nps: item.nps ?? '—' })}
        </p>
      )}
      <CaseSummary item={item} />
      {item.kind === 'escalation' && <EscalationTrail escalation={item} />}
      {item.text !== '' && <p className="timeline-text">{item.text}</p>}
      {isCaseKind(item.kind) && <CaseStatus item={item as CaseItem} />}
    </li>
  );
}

function CallSummary({ call }: { call: Extract<InteractionView, { kind: 'call' }> }) {
  const { t } = useTranslation();
  const disposition = useDispositionLabel(call.disposition);
  return (
    <p className="timeline-detail">
      {t(`customers.history.${call.direction}`, { duration: elapsed(call.durationSec * 1000) })}
      {disposition && (
        <span className="tag" data-testid="timeline-disposition" data-code={call.disposition}>
          {disposition}
        </span>
      )}
      {call.abusive && (
        <span className="tag" data-testid="timeline-abusive">
          {t('customers.history.abusive')}
        </span>
      )}
    </p>
  );
}

/** A complaint's category and the customer's real issue; a request's item, reason and amount. */
function CaseSummary({ item }: { item: InteractionView }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  if (item.kind === 'complaint') {
    if (item.category === null && item.realIssue === '' && item.desiredOutcome === '') return null;
    return (
      <p className="timeline-detail" data-testid="timeline-case">
        {item.category && <span className="tag">{t(`customers.cases.categories.${item.category}`)}</span>}
        {item.realIssue !== '' && ` ${t('customers.cases.realIssueShort', { text: item.realIssue })}`}
        {item.desiredOutcome !== '' && ` ${t('customers.cases.wantsShort', { text: item.desiredOutcome })}`}
      </p>
    );
  }
  if (item.kind !== 'return_request' && item.kind !== 'refund_request' && item.kind !== 'exchange_request') return null;
  // Old requests carry a free-text reason; the ones opened here carry a reason code.
  const reason = (REQUEST_REASONS as readonly string[]).includes(item.reason) ? t(`customers.cases.reasons.${item.reason as RequestReason}`) : item.reason;
  return (
    <p className="timeline-detail" data-testid="timeline-case">
      {item.itemSku && <span translate="no">{item.itemSku}</span>}
      {reason !== '' && <span className="tag">{reason}</span>}
      {item.kind === 'refund_request' && item.amountMinor !== null && item.currency !== null && (
        <span data-testid="timeline-refund-amount"> {format.currency(toMajor(item.amountMinor, item.currency), item.currency)}</span>
      )}
      {item.policy && (
        <span className="tag" data-testid="timeline-policy" data-outcome={item.policy.outcome} data-level={item.policy.level}>
          {item.policy.level
            ? t('customers.cases.policyForm.keptLevel', { level: t(`customers.cases.policyForm.levels.${item.policy.level}`) })
            : t('customers.cases.policyForm.kept', { outcome: t(`customers.cases.policyForm.outcomes.${item.policy.outcome}`) })}
        </span>
      )}
    </p>
  );
}
