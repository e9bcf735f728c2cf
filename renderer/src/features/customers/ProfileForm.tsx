import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_CUSTOMER_TAGS } from '../../../../shared/domain/customer';
import { errorKey } from '../../i18n/error-key';
import { LOCALES } from '../../i18n/locale-format';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { FieldError, PhoneRows, TextRows } from './ProfileRows';
import { useCustomersStore } from './customers-store';
import { errorsFromHost, type AddressDraft, type FieldErrors, type ProfileDraft } from './profile-draft';

/** Languages a floor in Manila or São Paulo serves; a customer's other language stays offered. */
const LANGUAGES = ['fil', 'en', 'pt-BR', 'es'] as const;

interface ProfileFormProps {
  title: string;
  testId: string;
  saveLabel: string;
  initial: ProfileDraft;
  /** Checks the draft and saves it; answers the problems by field when it could not. */
  onSave(draft: ProfileDraft): Promise<FieldErrors | null>;
}

/**
 * The customer's profile as a form, for a new customer and for an edit alike. Checked here with
 * the host's own schemas before anything is sent; a problem is shown under its field and the
 * first one takes the focus. Enter saves, Escape cancels, every field has a label.
 */
export function ProfileForm({ title, testId, saveLabel, initial, onSave }: ProfileFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState<FieldErrors>({});
  const status = useCustomersStore((s) => s.profileStatus);
  const hostError = useCustomersStore((s) => s.profileError);
  const closeProfile = useCustomersStore((s) => s.closeProfile);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  const saving = status === 'saving';
  const errors = { ...errorsFromHost(hostError, draft), ...checked };
  const [refusals, setRefusals] = useState(0);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  // After a refused save the agent goes straight to what needs fixing.
  useEffect(() => {
    if (refusals > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const change = (next: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...next }));

  async function save(): Promise<void> {
    if (saving) return;
    const problems = await onSave(draft);
    setChecked(problems ?? {});
    if (problems || useCustomersStore.getState().profileStatus === 'failed') setRefusals((n) => n + 1);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void save();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeProfile();
    }
  }

  return (
    <form ref={ref} className="profile-form" data-testid={testId} aria-labelledby={titleId} noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      <h4 id={titleId}>{title}</h4>
      <TextField testId="profile-name" label={t('customers.profile.name')} problem={errors.name} autoFocus>
        {(props) => <input {...props} autoComplete="off" maxLength={200} value={draft.name} onChange={(e) => change({ name: e.target.value })} />}
      </TextField>
      <PhoneRows rows={draft.phones} errors={errors} onChange={(phones) => change({ phones })} />
      <TextRows kind="email" rows={draft.emails} errors={errors} onChange={(emails) => change({ emails })} />
      <LanguageField value={draft.language} problem={errors.language} onChange={(language) => change({ language })} />
      <TagsField tags={draft.tags} problem={errors.tags} onChange={(tags) => change({ tags })} />
      <AddressFields address={draft.address} errors={errors} onChange={(address) => change({ address })} />
      <TextRows kind="account" rows={draft.accountNumbers} errors={errors} onChange={(accountNumbers) => change({ accountNumbers })} />
      <div className="case-form-actions">
        <span className="muted case-hint">{t('customers.profile.hint')}</span>
        <button type="button" className="button button-secondary" data-testid="profile-cancel" onClick={closeProfile} disabled={saving}>
          {t('customers.profile.cancel')}
        </button>
        <button type="submit" className="button" data-testid="profile-save" disabled={saving}>
          {saving ? t('customers.profile.saving') : saveLabel}
        </button>
      </div>
      {(status === 'failed' || errors.form) && (
        <p className="field-note" role="alert" data-testid="profile-failed">
          {t('customers.profile.failed')} {errors.form ? t(`customers.profile.problems.${errors.form}`) : hostError && !hostError.issues && t(errorKey(hostError.code))}
        </p>
      )}
    </form>
  );
}

type InputProps = { id: string; 'data-testid': string; 'aria-invalid'?: true; 'aria-describedby'?: string; 'data-autofocus'?: true };

function TextField(props: { testId: string; label: string; problem?: FieldErrors[string]; autoFocus?: boolean; children(p: InputProps): ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="profile-field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'data-testid': props.testId,
        ...(props.problem ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {}),
        ...(props.autoFocus ? { 'data-autofocus': true as const } : {}),
      })}
      <FieldError id={errorId} problem={props.problem} testId={props.testId} />
    </div>
  );
}

function LanguageField({ value, problem, onChange }: { value: string; problem?: FieldErrors[string]; onChange(language: string): void }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const options: string[] = value === '' || (LANGUAGES as readonly string[]).includes(value) ? [...LANGUAGES] : [...LANGUAGES, value];
  return (
    <TextField testId="profile-language" label={t('customers.profile.language')} problem={problem}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('customers.profile.noLanguage')}</option>
          {options.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag, LOCALES[format.language])}
            </option>
          ))}
        </select>
      )}
    </TextField>
  );
}

function TagsField({ tags, problem, onChange }: { tags: string[]; problem?: FieldErrors[string]; onChange(tags: string[]): void }) {
  const { t } = useTranslation();
  const legendId = useId();
  const errorId = useId();
  // Tags the server gave that the console has no words for are kept, and can be taken off too.
  const others = tags.filter((tag) => !(KNOWN_CUSTOMER_TAGS as readonly string[]).includes(tag));
  const toggle = (tag: string, on: boolean) => onChange(on ? [...tags, tag] : tags.filter((x) => x !== tag));
  return (
    <fieldset className="profile-tags" aria-labelledby={legendId} aria-describedby={problem ? errorId : undefined}>
      <legend id={legendId}>{t('customers.profile.tags')}</legend>
      {[...KNOWN_CUSTOMER_TAGS, ...others].map((tag) => (
        <label key={tag} className="profile-tag">
          <input type="checkbox" data-testid={`profile-tag-${tag}`} checked={tags.includes(tag)} onChange={(e) => toggle(tag, e.target.checked)} />
          {(KNOWN_CUSTOMER_TAGS as readonly string[]).includes(tag) ? t(`customers.tags.${tag as (typeof KNOWN_CUSTOMER_TAGS)[number]}`) : tag}
        </label>
      ))}
      <FieldError id={errorId} problem={problem} testId="profile-tags" />
    </fieldset>
  );
}

const ADDRESS_FIELDS = [
  ['street', 'customers.profile.street', 200],
  ['street2', 'customers.profile.street2', 200],
  ['city', 'customers.profile.city', 100],
  ['region', 'customers.profile.region', 100],
  ['postalCode', 'customers.profile.postalCode', 20],
  ['country', 'customers.profile.country', 2],
] as const;

function AddressFields({ address, errors, onChange }: { address: AddressDraft; errors: FieldErrors; onChange(a: AddressDraft): void }) {
  const { t } = useTranslation();
  const legendId = useId();
  return (
    <fieldset className="profile-address" aria-labelledby={legendId}>
      <legend id={legendId}>{t('customers.profile.address')}</legend>
      {ADDRESS_FIELDS.map(([field, label, max]) => (
        <TextField key={field} testId={`profile-${field}`} label={t(label)} problem={errors[`address.${field}`]}>
          {(props) => (
            <input
              {...props}
              autoComplete="off"
              maxLength={max}
              value={address[field]}
              onChange={(e) => onChange({ ...address, [field]: field === 'country' ? e.target.value.toUpperCase() : e.target.value })}
            />
          )}
        </TextField>
      ))}
    </fieldset>
  );
}

/** `pt-BR` → "Portuguese (Brazil)" in the agent's language; the tag itself when Intl cannot say. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
