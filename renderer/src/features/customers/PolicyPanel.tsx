import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { displayParams, ruleLabel, type PolicyDecision, type PolicyFormat, type PolicyMessage, type PolicyMessageKey, type PolicyPack } from '../../../../shared/policy';
import { LOCALES } from '../../i18n/locale-format';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { toMajor } from './money';

const OUTCOME_KEY = {
  eligible: 'policy.outcome.eligible',
  'not-eligible': 'policy.outcome.notEligible',
  manager: 'policy.outcome.needsManager',
  director: 'policy.outcome.needsDirector',
} as const;

interface Props {
  pack: PolicyPack | null;
  decision: PolicyDecision | null;
  /** Opens the escalation filled in from this request; offered when the result needs an approval. */
  onEscalate?: () => void;
}

/**
 * The returns policy's answer for what the agent has chosen on the request form, updated as they
 * change it: the outcome, what to tell the customer, what to keep in mind, fees, and the rules
 * that decided (so the agent can name them if the customer asks).
 */
export function PolicyPanel({ pack, decision, onEscalate }: Props) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const policyFormat = useMemo<PolicyFormat>(() => {
    const list = new Intl.ListFormat(LOCALES[format.language], { type: 'conjunction' });
    return {
      // Policy dates are calendar days: read at UTC midnight so no zone moves them a day.
      date: (isoDate) => format.date(`${isoDate}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }),
      money: (minor, currency) => format.currency(toMajor(minor, currency), currency),
      list: (items) => list.format(items),
    };
  }, [format]);

  if (!pack || !decision) {
    return (
      <section className="policy-result" data-testid="policy-result" data-outcome="none" aria-live="polite">
        <h5>{t('customers.cases.policyForm.title')}</h5>
        <p className="muted">{pack ? t('customers.cases.policyForm.chooseReason') : t('customers.cases.policyForm.noPack')}</p>
      </section>
    );
  }

  // Message keys come from the pack's evaluator as data; every one is in the merged `policy` catalog.
  const lookup = t as unknown as (key: PolicyMessageKey, params: Record<string, string>) => string;
  const say = (m: PolicyMessage) => lookup(m.key as PolicyMessageKey, displayParams(m, pack, format.language, policyFormat));
  const level = decision.outcome === 'needs-approval' ? decision.level : undefined;
  return (
    <section
      className={`policy-result policy-${decision.outcome}`}
      data-testid="policy-result"
      data-outcome={decision.outcome}
      data-level={level}
      aria-live="polite"
    >
      <h5>{t('customers.cases.policyForm.title')}</h5>
      <p className="policy-outcome" data-testid="policy-outcome">
        <strong>{t(OUTCOME_KEY[level ?? (decision.outcome as 'eligible' | 'not-eligible')])}</strong>
      </p>
      {decision.reasons.length > 0 && (
        <>
          <h6>{t('customers.cases.policyForm.say')}</h6>
          <ul data-testid="policy-reasons">
            {decision.reasons.map((m, i) => (
              <li key={`${m.key}:${i}`}>{say(m)}</li>
            ))}
          </ul>
        </>
      )}
      {decision.notices.length > 0 && (
        <>
          <h6>{t('customers.cases.policyForm.notices')}</h6>
          <ul data-testid="policy-notices">
            {decision.notices.map((m, i) => (
              <li key={`${m.key}:${i}`}>{say(m)}</li>
            ))}
          </ul>
        </>
      )}
      {decision.fees.map((fee) => (
        <p key={fee.ruleId} data-testid="policy-fee">
          {t('customers.cases.policyForm.fee', { amount: policyFormat.money(fee.amountMinor, fee.currency), percent: fee.percent })}
        </p>
      ))}
      <p className="muted" data-testid="policy-rules">
        {t('customers.cases.policyForm.decidedBy', {
          rules: policyFormat.list(decision.decidedBy.map((id) => ruleLabel(pack, id, format.language))),
        })}
      </p>
      {level && (
        <p className="field-note" data-testid="policy-approval">
          {t('customers.cases.policyForm.approvalHint', { level: t(`customers.cases.policyForm.levels.${level}`) })}
        </p>
      )}
      {level && onEscalate && (
        <button type="button" className="button button-secondary" data-testid="policy-escalate" onClick={onEscalate}>
          {t('customers.cases.policyForm.escalate', { level: t(`customers.cases.policyForm.levels.${level}`) })}
        </button>
      )}
      <p className="muted case-hint">{lookup('policy.disclaimer', {})}</p>
    </section>
  );
}
