import { z } from 'zod';
import { AddressLabel, CustomerLanguage, CustomerTag, PhoneLabel, type CustomerPhone, type CustomerPhoneView } from './customer';
import { parsePhone, type PhoneProblem, type PhoneRegion } from './phone';

/**
 * What an agent types into a customer's profile (a new customer, or an edit of one), checked the
 * same way in the form and in the host. Stricter than the synced `Customer` schema, which must take
 * whatever a CRM once stored: an agent typing a new email or number can fix it while the customer
 * is still on the line. Messages are problem codes the form turns into words next to the field.
 */

/** Why a profile field was refused; the form has a sentence for each. Other messages mean "check this". */
export const PROFILE_PROBLEMS = [
  'required',
  'too_long',
  'too_many',
  'email',
  'country',
  'duplicate',
  'phone_empty',
  'phone_not_a_number',
  'phone_unknown_country',
  'phone_too_short',
  'phone_too_long',
] as const;
export type ProfileProblem = (typeof PROFILE_PROBLEMS)[number];

export const isProfileProblem = (message: string): message is ProfileProblem => (PROFILE_PROBLEMS as readonly string[]).includes(message);

const phoneProblem = (reason: PhoneProblem): ProfileProblem => `phone_${reason}`;

// zod's own pattern: an address a mail server would take, ASCII, with a dotted domain.
const EMAIL_PATTERN = z.regexes.email;

/** The phone as typed: any local or international form; the agent's region reads it. */
export const ProfilePhone = z.object({
  number: z.string().trim().min(1, 'required').max(64, 'too_long'),
  label: PhoneLabel.default('mobile'),
});
export type ProfilePhone = z.output<typeof ProfilePhone>;

export const ProfileAddress = z.object({
  label: AddressLabel.default('home'),
  lines: z.array(z.string().trim().min(1, 'required').max(200, 'too_long')).min(1, 'required').max(4, 'too_many'),
  city: z.string().trim().max(100, 'too_long').nullable().default(null),
  region: z.string().trim().max(100, 'too_long').nullable().default(null),
  postalCode: z.string().trim().max(20, 'too_long').nullable().default(null),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'country')
    .transform((c) => c.toUpperCase()),
});
export type ProfileAddress = z.output<typeof ProfileAddress>;

/** Each editable field on its own, without defaults: an edit sends only what it changes. */
export const PROFILE_FIELDS = {
  name: z.string().trim().min(1, 'required').max(200, 'too_long'),
  phones: z.array(ProfilePhone).max(20, 'too_many'),
  emails: z.array(z.string().trim().max(320, 'too_long').regex(EMAIL_PATTERN, 'email')).max(20, 'too_many'),
  language: CustomerLanguage.nullable(),
  accountNumbers: z.array(z.string().trim().min(1, 'required').max(64, 'too_long')).max(20, 'too_many'),
  tags: z.array(CustomerTag).max(30, 'too_many'),
  addresses: z.array(ProfileAddress).max(10, 'too_many'),
};
export type ProfileField = keyof typeof PROFILE_FIELDS;

/** A customer the agent creates: a name, and whatever else the customer gives. */
export const NewCustomer = z
  .object({
    name: PROFILE_FIELDS.name,
    phones: PROFILE_FIELDS.phones.default([]),
    emails: PROFILE_FIELDS.emails.default([]),
    language: PROFILE_FIELDS.language.default(null),
    accountNumbers: PROFILE_FIELDS.accountNumbers.default([]),
    tags: PROFILE_FIELDS.tags.default([]),
    addresses: PROFILE_FIELDS.addresses.default([]),
  })
  .strict();
export type NewCustomer = z.output<typeof NewCustomer>;
export type NewCustomerInput = z.input<typeof NewCustomer>;

/** The fields an edit changes; the rest stay as the server has them (see CustomerUpdate). */
export const ProfileChanges = z
  .object(PROFILE_FIELDS)
  .partial()
  .strict()
  .refine((changes) => Object.values(changes).some((v) => v !== undefined), 'required');
export type ProfileChanges = z.output<typeof ProfileChanges>;

export interface ProfileIssue {
  path: string;
  message: string;
}

export interface ReadPhones {
  /** E.164 for each number read; a number kept unchanged from the record stays as the record has it. */
  phones: CustomerPhone[];
  issues: ProfileIssue[];
}

/**
 * Reads the typed numbers under the agent's region and writes them as E.164, so every console
 * reads them alike whatever its own region. A number the record already holds (`known`, as the
 * cache read it) keeps its E.164 reading, or its text when it never was a number: an old odd entry
 * must not stop the agent saving a new one. Issue paths are `phones.<i>.number` under `prefix`.
 */
export function readProfilePhones(
  phones: readonly ProfilePhone[],
  region: PhoneRegion,
  known: readonly CustomerPhoneView[] = [],
  prefix = '',
): ReadPhones {
  const out: CustomerPhone[] = [];
  const issues: ProfileIssue[] = [];
  const seen = new Set<string>();
  phones.forEach((phone, i) => {
    const path = `${prefix}phones.${i}.number`;
    const text = phone.number.trim();
    const before = known.find((k) => k.number === text);
    let number: string;
    if (before) {
      number = before.e164 ?? text;
    } else {
      const parsed = parsePhone(text, region);
      if (!parsed.ok) {
        issues.push({ path, message: phoneProblem(parsed.reason) });
        return;
      }
      number = parsed.phone.e164;
    }
    if (seen.has(number)) {
      issues.push({ path, message: 'duplicate' });
      return;
    }
    seen.add(number);
    out.push({ number, label: phone.label });
  });
  return { phones: out, issues };
}
