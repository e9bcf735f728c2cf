import { z } from 'zod';
import { EntityId, RowVersion, Tombstone } from './row-version';

/**
 * A customer as the agent's cache holds it. The server is the system of record; these schemas
 * check its rows at the cache's door and describe what the console reads back.
 */

export const PhoneLabel = z.enum(['mobile', 'home', 'work', 'other']);
export type PhoneLabel = z.infer<typeof PhoneLabel>;

/** A number as the record has it; the cache normalizes it to E.164 under the floor's region. */
export const CustomerPhone = z.object({
  number: z.string().trim().min(1).max(64),
  label: PhoneLabel.default('mobile'),
});
export type CustomerPhone = z.output<typeof CustomerPhone>;

export const AddressLabel = z.enum(['home', 'work', 'billing', 'shipping', 'other']);

export const Address = z.object({
  label: AddressLabel.default('home'),
  lines: z.array(z.string().trim().min(1).max(200)).min(1).max(4),
  city: z.string().trim().max(100).nullable().default(null),
  /** Province (PH) or state (BR, US). */
  region: z.string().trim().max(100).nullable().default(null),
  postalCode: z.string().trim().max(20).nullable().default(null),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166 two-letter country')
    .transform((c) => c.toUpperCase()),
});
export type Address = z.output<typeof Address>;

/**
 * Tags the console gives meaning to (a VIP badge, an at-risk warning before the agent answers).
 * The server may send others; they are kept and shown as plain labels.
 */
export const KNOWN_CUSTOMER_TAGS = ['vip', 'at-risk', 'new', 'repeat', 'do-not-call'] as const;
export type KnownCustomerTag = (typeof KNOWN_CUSTOMER_TAGS)[number];

export const CustomerTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, dash or underscore');

/** BCP 47 language the customer prefers (`fil`, `pt-BR`, `en`, `es` …). */
export const CustomerLanguage = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag');

// Emails are checked loosely: a CRM's odd address must not stop the whole sync.
const Email = z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, 'an email address');
const AccountNumber = z.string().trim().min(1).max(64);

export const Customer = z.object({
  id: EntityId,
  name: z.string().trim().min(1).max(200),
  emails: z.array(Email).max(20).default([]),
  accountNumbers: z.array(AccountNumber).max(20).default([]),
  language: CustomerLanguage.nullable().default(null),
  tags: z.array(CustomerTag).max(30).default([]),
  phones: z.array(CustomerPhone).max(20).default([]),
  addresses: z.array(Address).max(10).default([]),
  version: RowVersion,
  deleted: z.literal(false).default(false),
});
export type Customer = z.output<typeof Customer>;
export type CustomerInput = z.input<typeof Customer>;

/** One customer change in a pull batch: the row, or its tombstone. */
export const CustomerRow = z.union([Tombstone, Customer]);
export type CustomerRow = z.output<typeof CustomerRow>;

/** A phone as read back: the record's text plus the normalized number (null if it is not one). */
export const CustomerPhoneView = CustomerPhone.extend({ e164: z.string().nullable() });
export type CustomerPhoneView = z.output<typeof CustomerPhoneView>;

/** The customer panel's view: the record with its phones normalized. */
export const CustomerDetail = Customer.omit({ phones: true, deleted: true }).extend({
  phones: z.array(CustomerPhoneView),
});
export type CustomerDetail = z.output<typeof CustomerDetail>;

/** Why a customer came up in a search: what the agent typed matched this. */
export const MatchedBy = z.enum(['phone', 'account', 'order', 'name', 'text']);
export type MatchedBy = z.infer<typeof MatchedBy>;

/** One line of a search or caller-ID result list. */
export const CustomerHit = z.object({
  id: EntityId,
  name: z.string(),
  tags: z.array(z.string()),
  language: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  email: z.string().nullable(),
  accountNumbers: z.array(z.string()),
  matchedBy: MatchedBy,
});
export type CustomerHit = z.output<typeof CustomerHit>;

/** A caller-ID match: exact on E.164, or on the trailing digits when the caller ID was partial. */
export const PhoneMatch = z.object({
  customer: CustomerHit,
  phone: CustomerPhoneView,
  match: z.enum(['exact', 'suffix']),
  /** How many trailing digits agree; an exact match counts all of them. */
  matchedDigits: z.number().int(),
});
export type PhoneMatch = z.output<typeof PhoneMatch>;
