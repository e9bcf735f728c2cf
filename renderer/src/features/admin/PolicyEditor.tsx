import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPROVAL_LEVELS,
  POLICY_REQUEST_REASONS,
  PROOF_KINDS,
  REQUEST_KINDS,
  type PolicyPack,
  type PolicyRule,
  type WindowRule,
} from '../../../../shared/policy';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { toMajor, toMinor } from '../customers/money';
import { issuesByRule, parseList, parseWhole, toggled, updateExtension, updateRule } from './policy-edit';
import { usePolicyEditorStore } from './policy-editor-store';
import { PolicyTryIt } from './PolicyTryIt';

const KIND_KEY = { return: 'customers.cases.action.return_request', refund: 'customers.cases.action.refund_request', exchange: 'customers.cases.action.exchange_request' } as const;

/**
 * The admin's returns policy editor: each rule of the floor's pack as fields (who it covers, for
 * how many days, with what proof, and who may grant each exception), with its label and sources,
 * the pack's "not legal advice" marking always in view, and a try-it panel beside it.
 */
export function PolicyEditor() {
  const { t } = useTranslation();
  const headingId = useId();
  const { stored, draft, status, error, issues, load, save, discard } = usePolicyEditorStore();
  const language = useLocaleFormat().language;

  useEffect(() => {
    void load();
  }, [load]);

  const byRule = useMemo(() => (draft ? issuesByRule(draft, issues) : new Map<string, string[]>()), [draft, issues]);
  const dirty = draft !== null && stored !== null && draft !== stored.pack;
  // The evaluator's words are merged under `policy` at start-up (i18n.ts), outside the typed catalog.
  const disclaimer = t as unknown as (key: 'policy.disclaimer') => string;

  return (
    <section className="pane policy-editor" aria-labelledby={headingId} data-testid="policy-editor">
      <h2 id={headingId}>{t('policyAdmin.heading')}</h2>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="policy-editor-error">
          <p>{error.code === 'INVALID_INPUT' ? t('policyAdmin.invalid') : t(errorKey(error.code))}</p>
          {error.code === 'CONFLICT' && <p>{error.message}</p>}
        </div>
      )}
      {!draft && status === 'loading' && <p className="muted">{t('policyAdmin.loading')}</p>}
      {draft && stored && (
        <>
          <p data-testid="policy-editor-pack">
            <strong>{draft.name[language]}</strong> — {t('policyAdmin.version', { version: stored.pack.version })}
          </p>
          <p className="alert" data-testid="policy-disclaimer">
            {disclaimer('policy.disclaimer')} {draft.disclaimer[language]}
          </p>
          <div className="policy-editor-layout">
            <form
              className="policy-editor-rules"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              {byRule.get('') && <IssueLines lines={byRule.get('')!} />}
              {draft.rules.map((rule) => (
                <RuleFields key={rule.id} pack={draft} rule={rule} issues={byRule.get(rule.id) ?? []} />
              ))}
              <details>
                <summary>{t('policyAdmin.sources')}</summary>
                <ul data-testid="policy-sources">
                  {draft.sources.map((s) => (
                    <li key={s.id}>
                      <strong translate="no">{s.id}</strong>: {s.citation}
                    </li>
                  ))}
                </ul>
              </details>
              <div className="form-actions">
                <button type="submit" className="button" disabled={!dirty || status === 'saving' || issues.length > 0 && status !== 'failed'}>
                  {status === 'saving' ? t('policyAdmin.saving') : t('policyAdmin.save')}
                </button>
                <button type="button" className="button button-secondary" disabled={!dirty} onClick={discard}>
                  {t('policyAdmin.discard')}
                </button>
              </div>
              <p role="status" data-testid="policy-editor-status">
                {status === 'saved' && t('policyAdmin.saved', { version: stored.pack.version })}
                {dirty && status !== 'saved' && issues.length === 0 && t('policyAdmin.unsaved')}
                {issues.length > 0 && t('policyAdmin.fix', { count: issues.length })}
              </p>
            </form>
            <PolicyTryIt pack={draft} valid={issues.length === 0} />
          </div>
        </>
      )}
    </section>
  );
}

function IssueLines({ lines }: { lines: string[] }) {
  return (
    <ul className="field-error" data-testid="policy-rule-issues">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function RuleFields({ pack, rule, issues }: { pack: PolicyPack; rule: PolicyRule; issues: string[] }) {
  const { t } = useTranslation();
  const language = useLocaleFormat().language;
  const edit = usePolicyEditorStore((s) => s.edit);
  const change = (next: (r: PolicyRule) => PolicyRule) => edit((p) => updateRule(p, rule.id, next));
  const id = useId();
  const money = (minor: number) => String(toMajor(minor, pack.currency));

  return (
    <fieldset className="policy-rule" data-testid="policy-rule" data-rule={rule.id} data-kind={rule.kind}>
      <legend>
        {rule.labels[language]}{' '}
        <span className="tag">{rule.kind === 'window' ? t(`policyAdmin.basis.${rule.basis}`) : t(`policyAdmin.kinds.${rule.kind}`)}</span>
      </legend>
      {issues.length > 0 && <IssueLines lines={issues} />}
      {(rule.kind === 'window' || rule.kind === 'exclusion' || rule.kind === 'fee' || rule.kind === 'amount') && (
        <>
          <Checks
            legend={t('policyAdmin.requests')}
            options={REQUEST_KINDS.map((k) => [k, t(KIND_KEY[k])])}
            chosen={rule.requests}
            onToggle={(k, on) => change((r) => ({ ...r, requests: toggled((r as WindowRule).requests, k, on) ?? [] }) as PolicyRule)}
          />
          <Checks
            legend={t('policyAdmin.reasons')}
            hint={rule.reasons ? undefined : t('policyAdmin.anyReason')}
            options={POLICY_REQUEST_REASONS.map((r) => [r, t(`policyAdmin.reasonNames.${r}`)])}
            chosen={rule.reasons ?? []}
            onToggle={(reason, on) => change((r) => ({ ...r, reasons: toggled((r as WindowRule).reasons, reason, on) }) as PolicyRule)}
          />
        </>
      )}
      {(rule.kind === 'window' || rule.kind === 'exclusion' || rule.kind === 'fee') && (
        <div className="field">
          <label htmlFor={`${id}-cat`}>{t(rule.kind === 'exclusion' ? 'policyAdmin.excludedCategories' : 'policyAdmin.categories')}</label>
          <input
            id={`${id}-cat`}
            defaultValue={rule.item.categories?.join(', ') ?? ''}
            placeholder={t('policyAdmin.allCategories')}
            onBlur={(e) => change((r) => ({ ...r, item: { ...(r as WindowRule).item, categories: parseList(e.target.value) } }) as PolicyRule)}
          />
        </div>
      )}
      {rule.kind === 'window' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-days`}>{t('policyAdmin.days')}</label>
            <input
              id={`${id}-days`}
              type="number"
              min={0}
              value={rule.days}
              onChange={(e) => change((r) => ({ ...r, days: parseWhole(e.target.value) ?? -1 }) as PolicyRule)}
            />
          </div>
          <Checks
            legend={t('policyAdmin.proof')}
            options={PROOF_KINDS.map((p) => [p, t(`customers.cases.policyForm.proofs.${p}`)])}
            chosen={rule.proof}
            onToggle={(p, on) => change((r) => ({ ...r, proof: toggled((r as WindowRule).proof, p, on) ?? [] }) as PolicyRule)}
          />
          {rule.beyond.map((e) => (
            <div className="policy-exception" key={e.id} data-testid="policy-exception" data-rule={e.id}>
              <p>{e.labels[language]}</p>
              <label>
                {t('policyAdmin.approval')}{' '}
                <select
                  value={e.level}
                  onChange={(ev) => edit((p) => updateExtension(p, rule.id, e.id, (x) => ({ ...x, level: ev.target.value as typeof x.level })))}
                >
                  {APPROVAL_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`escalations.levels.${level}`)}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <label>
                {t('policyAdmin.extraDays')}{' '}
                <input
                  type="number"
                  min={1}
                  value={e.extraDays ?? ''}
                  placeholder={t('policyAdmin.noLimit')}
                  onChange={(ev) => edit((p) => updateExtension(p, rule.id, e.id, (x) => ({ ...x, extraDays: ev.target.value === '' ? null : (parseWhole(ev.target.value) ?? 0) })))}
                />
              </label>
            </div>
          ))}
        </>
      )}
      {(rule.kind === 'exclusion' || rule.kind === 'fallback') && (
        <label>
          {t('policyAdmin.approval')}{' '}
          <select value={rule.level} onChange={(e) => change((r) => ({ ...r, level: e.target.value }) as PolicyRule)}>
            {(['refuse', 'manager', 'director'] as const).map((level) => (
              <option key={level} value={level}>
                {level === 'refuse' ? t('policyAdmin.refuse') : t(`escalations.levels.${level}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {rule.kind === 'amount' && (
        <>
          <label>
            {t('policyAdmin.over', { currency: pack.currency })}{' '}
            <input defaultValue={money(rule.overMinor)} onBlur={(e) => change((r) => ({ ...r, overMinor: toMinor(e.target.value, pack.currency) ?? -1 }) as PolicyRule)} />
          </label>{' '}
          <label>
            {t('policyAdmin.approval')}{' '}
            <select value={rule.level} onChange={(e) => change((r) => ({ ...r, level: e.target.value }) as PolicyRule)}>
              {(['manager', 'director'] as const).map((level) => (
                <option key={level} value={level}>
                  {t(`escalations.levels.${level}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {rule.kind === 'approval-limit' && (
        <label>
          {t('policyAdmin.managerMax', { currency: pack.currency })}{' '}
          <input
            defaultValue={money(rule.managerMaxMinor)}
            onBlur={(e) => change((r) => ({ ...r, managerMaxMinor: toMinor(e.target.value, pack.currency) ?? -1 }) as PolicyRule)}
          />
        </label>
      )}
      {rule.kind === 'fee' && (
        <label>
          {t('policyAdmin.percent')}{' '}
          <input type="number" min={0} max={100} value={rule.percent} onChange={(e) => change((r) => ({ ...r, percent: Number(e.target.value) }) as PolicyRule)} />
        </label>
      )}
      <details>
        <summary>{t('policyAdmin.wording')}</summary>
        {(['en', 'fil', 'pt-BR'] as const).map((lang) => (
          <div className="field" key={lang}>
            <label htmlFor={`${id}-label-${lang}`}>{t(`language.names.${lang}`)}</label>
            <textarea
              id={`${id}-label-${lang}`}
              rows={2}
              defaultValue={rule.labels[lang]}
              onBlur={(e) => change((r) => ({ ...r, labels: { ...r.labels, [lang]: e.target.value } }) as PolicyRule)}
            />
          </div>
        ))}
      </details>
      {rule.sources.length > 0 && (
        <p className="muted" data-testid="policy-rule-sources">
          {t('policyAdmin.cites', { sources: rule.sources.map((s) => pack.sources.find((x) => x.id === s)?.citation ?? s).join('; ') })}
        </p>
      )}
    </fieldset>
  );
}

function Checks<T extends string>({
  legend,
  hint,
  options,
  chosen,
  onToggle,
}: {
  legend: string;
  hint?: string | undefined;
  options: [T, string][];
  chosen: readonly T[];
  onToggle: (value: T, on: boolean) => void;
}) {
  return (
    <fieldset className="checks">
      <legend>
        {legend} {hint && <span className="muted">({hint})</span>}
      </legend>
      {options.map(([value, label]) => (
        <label key={value}>
          <input type="checkbox" checked={chosen.includes(value)} onChange={(e) => onToggle(value, e.target.checked)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}
