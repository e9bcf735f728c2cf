import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PhoneLabel } from '../../../../shared/domain/customer';
import { rowKey, type FieldErrors, type FieldProblem, type PhoneRow, type TextRow } from './profile-draft';

/**
 * The profile form's lists (phone numbers, emails, account numbers): a row per entry with its own
 * label for screen readers, its problem right under it, Remove beside it and Add below the list.
 * Remove and Add are plain buttons, so Enter on them adds or removes and never saves the form.
 */

/** The problem under a field; `id` is what the field's aria-describedby points at. */
export function FieldError({ id, problem, testId }: { id: string; problem: FieldProblem | undefined; testId: string }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p id={id} className="field-note profile-error" data-testid={`${testId}-error`}>
      {t(`customers.profile.problems.${problem}`)}
    </p>
  );
}

interface PhoneRowsProps {
  rows: PhoneRow[];
  errors: FieldErrors;
  onChange(rows: PhoneRow[]): void;
}

export function PhoneRows({ rows, errors, onChange }: PhoneRowsProps) {
  const { t } = useTranslation();
  const legendId = useId();
  const base = useId();
  const update = (key: number, change: Partial<PhoneRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset className="profile-list" aria-labelledby={legendId}>
      <legend id={legendId}>{t('customers.profile.phones')}</legend>
      {rows.map((row, i) => {
        const n = i + 1;
        const problem = errors[`phone:${row.key}`];
        const errorId = `${base}-${row.key}-error`;
        return (
          <div key={row.key} className="profile-row profile-row-phone">
            <input
              aria-label={t('customers.profile.phone', { n })}
              data-testid="profile-phone"
              inputMode="tel"
              autoComplete="off"
              maxLength={64}
              value={row.number}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => update(row.key, { number: e.target.value })}
            />
            <select
              aria-label={t('customers.profile.phoneLabel', { n })}
              data-testid="profile-phone-label"
              value={row.label}
              onChange={(e) => update(row.key, { label: PhoneLabel.parse(e.target.value) })}
            >
              {PhoneLabel.options.map((label) => (
                <option key={label} value={label}>
                  {t(`customers.card.phoneLabel.${label}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-secondary profile-remove"
              aria-label={t('customers.profile.removePhone', { n })}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              {t('customers.profile.remove')}
            </button>
            <FieldError id={errorId} problem={problem} testId="profile-phone" />
          </div>
        );
      })}
      <button
        type="button"
        className="button button-secondary profile-add"
        data-testid="profile-add-phone"
        onClick={() => onChange([...rows, { key: rowKey(), number: '', label: 'mobile' }])}
      >
        {t('customers.profile.addPhone')}
      </button>
    </fieldset>
  );
}

interface TextRowsProps {
  kind: 'email' | 'account';
  rows: TextRow[];
  errors: FieldErrors;
  onChange(rows: TextRow[]): void;
}

const TEXT_ROWS = {
  email: { legend: 'customers.profile.emails', each: 'customers.profile.email', remove: 'customers.profile.removeEmail', add: 'customers.profile.addEmail', max: 320 },
  account: { legend: 'customers.profile.accounts', each: 'customers.profile.account', remove: 'customers.profile.removeAccount', add: 'customers.profile.addAccount', max: 64 },
} as const;

export function TextRows({ kind, rows, errors, onChange }: TextRowsProps) {
  const { t } = useTranslation();
  const legendId = useId();
  const base = useId();
  const words = TEXT_ROWS[kind];
  return (
    <fieldset className="profile-list" aria-labelledby={legendId}>
      <legend id={legendId}>{t(words.legend)}</legend>
      {rows.map((row, i) => {
        const n = i + 1;
        const problem = errors[`${kind}:${row.key}`];
        const errorId = `${base}-${row.key}-error`;
        return (
          <div key={row.key} className="profile-row">
            <input
              aria-label={t(words.each, { n })}
              data-testid={`profile-${kind}`}
              type={kind === 'email' ? 'email' : 'text'}
              autoComplete="off"
              spellCheck={false}
              maxLength={words.max}
              value={row.value}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => onChange(rows.map((r) => (r.key === row.key ? { ...r, value: e.target.value } : r)))}
            />
            <button
              type="button"
              className="button button-secondary profile-remove"
              aria-label={t(words.remove, { n })}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              {t('customers.profile.remove')}
            </button>
            <FieldError id={errorId} problem={problem} testId={`profile-${kind}`} />
          </div>
        );
      })}
      <button
        type="button"
        className="button button-secondary profile-add"
        data-testid={`profile-add-${kind}`}
        onClick={() => onChange([...rows, { key: rowKey(), value: '' }])}
      >
        {t(words.add)}
      </button>
    </fieldset>
  );
}
