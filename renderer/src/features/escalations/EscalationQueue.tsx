import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry } from '../../../../shared/contract/escalations';
import type { Decision } from '../../../../shared/domain/escalation';
import { nextLevel } from '../../../../shared/domain/escalation-routing';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { EscalationPacketView } from './EscalationPacketView';
import { askOf, policyOutcomeText } from './escalation-words';
import { useEscalationsStore } from './escalations-store';
import './escalations.css';

/**
 * The escalations waiting for the signed-in supervisor, manager or admin: at or below their level,
 * oldest first, with how long each has waited. It reads again whenever sync brings changes, so a
 * new escalation shows up by itself. Opening one shows its packet and the decision.
 */
export function EscalationQueue() {
  const { t } = useTranslation();
  const headingId = useId();
  const queue = useEscalationsStore((s) => s.queue);
  const level = useEscalationsStore((s) => s.queueLevel);
  const status = useEscalationsStore((s) => s.queueStatus);
  const openId = useEscalationsStore((s) => s.openId);
  const decideStatus = useEscalationsStore((s) => s.decideStatus);
  const open = queue.find((entry) => entry.escalation.id === openId) ?? null;

  useEffect(() => {
    const stop = useEscalationsStore.getState().start();
    void useEscalationsStore.getState().loadQueue();
    return stop;
  }, []);

  return (
    <section className="pane escalation-queue" data-testid="escalation-queue" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('escalations.queue.title')}</h2>
      {status === 'loaded' && level !== null && <p className="muted">{t('escalations.queue.yourLevel', { level: t(`escalations.levels.${level}`) })}</p>}
      {status === 'loaded' && level === null && <p className="muted">{t('escalations.queue.notApprover')}</p>}
      {status === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('escalations.queue.failed')}
        </p>
      )}
      {decideStatus === 'saved' && (
        <p className="muted" role="status" data-testid="decision-saved">
          {t('escalations.decide.saved')}
        </p>
      )}
      {status === 'loaded' && level !== null && queue.length === 0 && <p className="muted">{t('escalations.queue.empty')}</p>}
      {queue.length > 0 && (
        <table className="escalation-table">
          <thead>
            <tr>
              <th scope="col">{t('escalations.queue.waiting')}</th>
              <th scope="col">{t('escalations.queue.customer')}</th>
              <th scope="col">{t('escalations.queue.asks')}</th>
              <th scope="col">{t('escalations.packet.policy')}</th>
              <th scope="col">{t('escalations.queue.level')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('escalations.queue.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.map((entry) => (
              <QueueRow key={entry.escalation.id} entry={entry} isOpen={entry.escalation.id === openId} />
            ))}
          </tbody>
        </table>
      )}
      {open && <OpenEscalation key={open.escalation.id} entry={open} />}
    </section>
  );
}

function QueueRow({ entry, isOpen }: { entry: QueueEntry; isOpen: boolean }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const { escalation } = entry;
  const name = escalation.packet?.customer.name ?? entry.customerName ?? escalation.customerId;
  return (
    <tr data-testid="queue-row" data-id={escalation.id} data-level={escalation.level} aria-current={isOpen || undefined}>
      <td>
        <ElapsedTimer from={Date.parse(escalation.occurredAt)} testId="queue-waiting" />
      </td>
      <td translate="no">{name}</td>
      <td>{askOf(escalation, format)}</td>
      {/* What the policy said when the agent raised it: the first thing a decider weighs. */}
      <td data-testid="queue-policy">{escalation.packet?.policy ? policyOutcomeText(t, escalation.packet.policy.outcome) : <span className="muted">{t('escalations.packet.none')}</span>}</td>
      <td>{t(`escalations.levels.${escalation.level}`)}</td>
      <td>
        <button
          type="button"
          className="button button-secondary button-small"
          data-testid="queue-open"
          aria-expanded={isOpen}
          onClick={() => useEscalationsStore.getState().openPacket(isOpen ? null : escalation.id)}
        >
          {isOpen ? t('escalations.queue.close') : t('escalations.queue.open')}
        </button>
      </td>
    </tr>
  );
}

function OpenEscalation({ entry }: { entry: QueueEntry }) {
  const { t } = useTranslation();
  const ids = { reason: useId(), note: useId() };
  const status = useEscalationsStore((s) => s.decideStatus);
  const error = useEscalationsStore((s) => s.decideError);
  const [reason, setReason] = useState('');
  const [needsReason, setNeedsReason] = useState(false);
  const { escalation } = entry;
  const saving = status === 'saving';
  const canRaise = nextLevel(escalation.level) !== null;

  function decide(decision: Decision): void {
    if (decision === 'deny' && reason.trim() === '') {
      setNeedsReason(true);
      return;
    }
    setNeedsReason(false);
    void useEscalationsStore.getState().decide({ escalationId: escalation.id, decision, reason, seenLevel: escalation.level });
  }

  return (
    <div className="escalation-open">
      <EscalationPacketView escalation={escalation} customerName={entry.customerName} />
      <div className="escalation-decision" data-testid="escalation-decision">
        <label htmlFor={ids.reason}>{t('escalations.decide.reason')}</label>
        <textarea
          id={ids.reason}
          data-testid="decision-reason"
          rows={2}
          maxLength={1_000}
          aria-invalid={needsReason}
          aria-describedby={needsReason ? ids.note : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {needsReason && (
          <span id={ids.note} className="field-note" role="alert">
            {t('escalations.decide.denyNeedsReason')}
          </span>
        )}
        <div className="case-form-actions">
          <button type="button" className="button" data-testid="decision-approve" disabled={saving} onClick={() => decide('approve')}>
            {t('escalations.decide.approve')}
          </button>
          <button type="button" className="button button-danger" data-testid="decision-deny" disabled={saving} onClick={() => decide('deny')}>
            {t('escalations.decide.deny')}
          </button>
          {canRaise && (
            <button type="button" className="button button-secondary" data-testid="decision-raise" disabled={saving} onClick={() => decide('raise')}>
              {t('escalations.decide.raise')}
            </button>
          )}
        </div>
        {status === 'failed' && (
          <p className="field-note" role="alert">
            {t('escalations.decide.failed')} {error && t(errorKey(error.code))}
          </p>
        )}
      </div>
    </div>
  );
}
