import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  evaluatePolicy,
  ITEM_CONDITIONS,
  ORDER_CHANNELS,
  POLICY_REQUEST_REASONS,
  PROOF_KINDS,
  REQUEST_KINDS,
  type PolicyDecision,
  type PolicyPack,
} from '../../../../shared/policy';
import { PolicyPanel } from '../customers/PolicyPanel';
import { toMajor, toMinor } from '../customers/money';
import { KNOWN_CATEGORIES, parseWhole, sampleQuestion, toggled } from './policy-edit';
import { usePolicyEditorStore } from './policy-editor-store';

const KIND_KEY = { return: 'customers.cases.action.return_request', refund: 'customers.cases.action.refund_request', exchange: 'customers.cases.action.exchange_request' } as const;

/**
 * "Try it": a made-up request run through the evaluator with the pack being edited, shown the way
 * the agent's request form shows it, so the admin sees what a change does before saving it.
 */
export function PolicyTryIt({ pack, valid }: { pack: PolicyPack; valid: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const sample = usePolicyEditorStore((s) => s.sample);
  const setSample = usePolicyEditorStore((s) => s.setSample);

  const decision = useMemo<PolicyDecision | null>(() => {
    if (!valid) return null;
    try {
      return evaluatePolicy(pack, sampleQuestion(pack, sample, new Date()));
    } catch {
      return null;
    }
  }, [pack, sample, valid]);

  return (
    <aside className="pane policy-try-it" aria-labelledby={`${id}-h`} data-testid="policy-try-it">
      <h3 id={`${id}-h`}>{t('policyAdmin.tryIt.heading')}</h3>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('policyAdmin.tryIt.kind')}</label>
        <select id={`${id}-kind`} value={sample.kind} onChange={(e) => setSample({ kind: e.target.value as typeof sample.kind })}>
          {REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_KEY[k])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('policyAdmin.tryIt.reason')}</label>
        <select id={`${id}-reason`} value={sample.reason} onChange={(e) => setSample({ reason: e.target.value as typeof sample.reason })}>
          {POLICY_REQUEST_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`policyAdmin.reasonNames.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-cat`}>{t('policyAdmin.tryIt.category')}</label>
        <select id={`${id}-cat`} value={sample.category} onChange={(e) => setSample({ category: e.target.value })}>
          {KNOWN_CATEGORIES.map((c) => (
            <option key={c} value={c} translate="no">
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-days`}>{t('policyAdmin.tryIt.days')}</label>
        <input
          id={`${id}-days`}
          type="number"
          min={0}
          value={sample.daysSinceDelivery}
          onChange={(e) => setSample({ daysSinceDelivery: parseWhole(e.target.value) ?? 0 })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>{t('policyAdmin.tryIt.amount', { currency: pack.currency })}</label>
        <input
          id={`${id}-amount`}
          defaultValue={String(toMajor(sample.amountMinor, pack.currency))}
          onChange={(e) => {
            const minor = toMinor(e.target.value, pack.currency);
            if (minor !== null) setSample({ amountMinor: minor });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cond`}>{t('customers.cases.policyForm.condition')}</label>
        <select id={`${id}-cond`} value={sample.condition} onChange={(e) => setSample({ condition: e.target.value as typeof sample.condition })}>
          {ITEM_CONDITIONS.map((c) => (
            <option key={c} value={c}>
              {t(`customers.cases.policyForm.conditions.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t('customers.cases.policyForm.channel')}</label>
        <select id={`${id}-channel`} value={sample.channel} onChange={(e) => setSample({ channel: e.target.value as typeof sample.channel })}>
          {ORDER_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`customers.cases.policyForm.channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="checks">
        <legend>{t('customers.cases.policyForm.proof')}</legend>
        {PROOF_KINDS.map((p) => (
          <label key={p}>
            <input type="checkbox" checked={sample.proof.includes(p)} onChange={(e) => setSample({ proof: toggled(sample.proof, p, e.target.checked) ?? [] })} />{' '}
            {t(`customers.cases.policyForm.proofs.${p}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={sample.vip} onChange={(e) => setSample({ vip: e.target.checked })} /> {t('policyAdmin.tryIt.vip')}
      </label>{' '}
      <label>
        <input type="checkbox" checked={sample.finalSale} onChange={(e) => setSample({ finalSale: e.target.checked })} /> {t('policyAdmin.tryIt.finalSale')}
      </label>
      {valid ? <PolicyPanel pack={pack} decision={decision} /> : <p className="muted">{t('policyAdmin.tryIt.invalid')}</p>}
    </aside>
  );
}
