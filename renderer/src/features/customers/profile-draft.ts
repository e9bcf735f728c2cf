import type { ContractError } from '../../../../shared/contract';
import type { Address, CustomerDetail, PhoneLabel } from '../../../../shared/domain/customer';
import {
  isProfileProblem,
  NewCustomer,
  ProfileAddress,
  ProfileChanges,
  readProfilePhones,
  type ProfileIssue,
  type ProfileProblem,
} from '../../../../shared/domain/customer-profile';
import { phoneText, type PhoneRegion } from '../../../../shared/domain/phone';

/**
 * The profile form's state as the agent types it, and the way from it to a contract input: the
 * same schemas the host checks with, so a wrong email or number is marked before anything is
 * sent. Blank rows the agent added and left are dropped, not refused. Every problem, found here or
 * by the host, is keyed by the form field it belongs to (`phone:<row key>`, `address.country` …).
 */

export interface PhoneRow {
  key: number;
  number: string;
  label: PhoneLabel;
}

export interface TextRow {
  key: number;
  value: string;
}

export interface AddressDraft {
  street: string;
  street2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface ProfileDraft {
  name: string;
  phones: PhoneRow[];
  emails: TextRow[];
  accountNumbers: TextRow[];
  /** '' when not known. */
  language: string;
  tags: string[];
  /** The first address, the one the form edits; the others are kept as they are. */
  address: AddressDraft;
  addressLabel: Address['label'];
  extraLines: string[];
  otherAddresses: Address[];
}

/** A problem code (see PROFILE_PROBLEMS), or 'invalid' when the check had no code of ours. */
export type FieldProblem = ProfileProblem | 'invalid';
/** Problems by form field; `form` for one that belongs to no single field. */
export type FieldErrors = Record<string, FieldProblem>;

let nextKey = 0;
export const rowKey = (): number => ++nextKey;

const textRows = (values: readonly string[]): TextRow[] => values.map((value) => ({ key: rowKey(), value }));

export function emptyDraft(region: string, number?: string | null): ProfileDraft {
  const prefilled = number ? phoneText(number).trim() : '';
  return {
    name: '',
    phones: [{ key: rowKey(), number: prefilled, label: 'mobile' }],
    emails: [{ key: rowKey(), value: '' }],
    accountNumbers: [],
    language: '',
    tags: [],
    address: { street: '', street2: '', city: '', region: '', postalCode: '', country: region },
    addressLabel: 'home',
    extraLines: [],
    otherAddresses: [],
  };
}

export function draftOf(customer: CustomerDetail, region: string): ProfileDraft {
  const [first, ...others] = customer.addresses;
  const [street = '', street2 = '', ...extraLines] = first?.lines ?? [];
  return {
    name: customer.name,
    // An empty list still offers a box to type in: a number or email is what an edit most often adds.
    phones: customer.phones.length > 0 ? customer.phones.map((p) => ({ key: rowKey(), number: p.number, label: p.label })) : [{ key: rowKey(), number: '', label: 'mobile' }],
    emails: textRows(customer.emails.length > 0 ? customer.emails : ['']),
    accountNumbers: textRows(customer.accountNumbers),
    language: customer.language ?? '',
    tags: [...customer.tags],
    address: {
      street,
      street2,
      city: first?.city ?? '',
      region: first?.region ?? '',
      postalCode: first?.postalCode ?? '',
      country: first?.country ?? region,
    },
    addressLabel: first?.label ?? 'home',
    extraLines,
    otherAddresses: others,
  };
}

interface Built {
  fields: {
    name: string;
    phones: { number: string; label: PhoneLabel }[];
    emails: string[];
    accountNumbers: string[];
    language: string | null;
    tags: string[];
    addresses: unknown[];
  };
  /** The form field an issue path (`phones.2.number`, `addresses.0.country`) belongs to. */
  fieldOf(path: string): string;
}

function build(draft: ProfileDraft): Built {
  const phones = draft.phones.filter((p) => p.number.trim() !== '');
  const emails = draft.emails.filter((e) => e.value.trim() !== '');
  const accounts = draft.accountNumbers.filter((a) => a.value.trim() !== '');
  const a = draft.address;
  const typedAddress = [a.street, a.street2, a.city, a.region, a.postalCode].some((v) => v.trim() !== '');
  const lines = [a.street, a.street2].filter((line) => line.trim() !== '');
  const address = {
    label: draft.addressLabel,
    // A city without a street is still an address to fix, not one to drop: the street is asked for.
    lines: [...(lines.length > 0 ? lines : typedAddress ? [''] : []), ...draft.extraLines],
    city: a.city.trim() || null,
    region: a.region.trim() || null,
    postalCode: a.postalCode.trim() || null,
    country: a.country,
  };
  const keyed = (prefix: string, rows: readonly { key: number }[], index: string | undefined): string => {
    const row = rows[Number(index)];
    return row ? `${prefix}:${row.key}` : 'form';
  };
  return {
    fields: {
      name: draft.name,
      phones: phones.map((p) => ({ number: p.number, label: p.label })),
      emails: emails.map((e) => e.value),
      accountNumbers: accounts.map((r) => r.value),
      language: draft.language === '' ? null : draft.language,
      tags: draft.tags,
      addresses: typedAddress ? [address, ...draft.otherAddresses] : draft.otherAddresses,
    },
    fieldOf(path) {
      const [field, index, sub, line] = path.replace(/^changes\./, '').split('.');
      switch (field) {
        case 'name':
        case 'language':
        case 'tags':
          return field;
        case 'phones':
          return keyed('phone', phones, index);
        case 'emails':
          return keyed('email', emails, index);
        case 'accountNumbers':
          return keyed('account', accounts, index);
        case 'addresses':
          if (!typedAddress || index !== '0') return 'form';
          if (sub === 'lines') return line === '1' && lines.length > 1 ? 'address.street2' : 'address.street';
          return sub && sub in a ? `address.${sub}` : 'address.street';
        default:
          return 'form';
      }
    },
  };
}

function errorsOf(issues: readonly ProfileIssue[], built: Built): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = built.fieldOf(issue.path);
    // The first problem of a field is the one to fix first.
    errors[field] ??= isProfileProblem(issue.message) ? issue.message : 'invalid';
  }
  return errors;
}

const zodIssues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ProfileIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A new customer as the host will take it, or the problems by field. */
export function checkNew(draft: ProfileDraft, region: PhoneRegion): Checked<NewCustomer> {
  const built = build(draft);
  const parsed = NewCustomer.safeParse(built.fields);
  const phones = readProfilePhones(built.fields.phones, region);
  const issues = [...(parsed.success ? [] : zodIssues(parsed.error)), ...phones.issues];
  if (!parsed.success || issues.length > 0) return { ok: false, errors: errorsOf(issues, built) };
  return { ok: true, value: parsed.data };
}

/** Only the fields that differ from the card: the server merges edits field by field. Null: nothing changed. */
export function checkEdit(draft: ProfileDraft, customer: CustomerDetail, region: PhoneRegion): Checked<ProfileChanges | null> {
  const built = build(draft);
  const current = {
    name: customer.name,
    phones: customer.phones.map(({ number, label }) => ({ number, label })),
    emails: customer.emails,
    accountNumbers: customer.accountNumbers,
    language: customer.language,
    tags: customer.tags,
    addresses: customer.addresses,
  };
  const trimmed = {
    ...built.fields,
    name: built.fields.name.trim(),
    phones: built.fields.phones.map((p) => ({ number: p.number.trim(), label: p.label })),
    emails: built.fields.emails.map((e) => e.trim()),
    accountNumbers: built.fields.accountNumbers.map((a) => a.trim()),
    addresses: built.fields.addresses.map((address) => {
      const parsed = ProfileAddress.safeParse(address);
      return parsed.success ? parsed.data : address;
    }),
  };
  const changes = Object.fromEntries(
    (Object.keys(trimmed) as (keyof typeof trimmed)[])
      .filter((field) => JSON.stringify(trimmed[field]) !== JSON.stringify(current[field]))
      .map((field) => [field, built.fields[field]]),
  );
  if (Object.keys(changes).length === 0) return { ok: true, value: null };
  const parsed = ProfileChanges.safeParse(changes);
  const phones = readProfilePhones('phones' in changes ? built.fields.phones : [], region, customer.phones);
  const issues = [...(parsed.success ? [] : zodIssues(parsed.error)), ...phones.issues];
  if (!parsed.success || issues.length > 0) return { ok: false, errors: errorsOf(issues, built) };
  return { ok: true, value: parsed.data };
}

/** The host's refusal, by field, when it came with field detail. */
export function errorsFromHost(error: ContractError | null, draft: ProfileDraft): FieldErrors {
  if (!error?.issues || error.code !== 'INVALID_INPUT') return {};
  return errorsOf(error.issues, build(draft));
}
