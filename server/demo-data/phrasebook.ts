/**
 * The shape of one language's interaction texts. Templates take `{slot}`s filled from the story:
 * {name} (the customer's given name), {order}, {product}, {amount}, {days}, {city}, {ref},
 * {manager}, {request}. Agents' notes are written as agents write them: short, with the floor's
 * abbreviations (`cx`, `adv`), Taglish in Manila.
 */

export type CallTopic =
  | 'order_status'
  | 'late'
  | 'damaged'
  | 'defective'
  | 'change_mind'
  | 'cancel'
  | 'billing'
  | 'warranty'
  | 'promo'
  | 'address'
  | 'follow_up'
  | 'no_answer';

export type ComplaintCategory = 'delivery' | 'product_quality' | 'billing' | 'service';
export type RequestKind = 'return' | 'exchange' | 'refund';
export type Mood = 'good' | 'mixed' | 'bad';

export interface Phrasebook {
  call: Readonly<Record<CallTopic, readonly string[]>>;
  complaint: Readonly<Record<ComplaintCategory, readonly string[]>>;
  /** Short reason fields of return/exchange/refund requests. */
  reason: Readonly<Record<RequestKind, readonly string[]>>;
  /** The agent's note on a request. */
  request: Readonly<Record<RequestKind, readonly string[]>>;
  /** The request as named in a follow-up: "the refund", "o estorno". */
  requestName: Readonly<Record<RequestKind, string>>;
  escalation: Readonly<Record<'manager' | 'director', readonly string[]>>;
  callback: readonly string[];
  /** The customer's own words in a post-call survey. */
  survey: Readonly<Record<Mood, readonly string[]>>;
  note: readonly string[];
  vipNote: readonly string[];
}

const SLOT = /\{(\w+)\}/g;

/** A template split once into text and slot names (alternating: text, slot, text, …). */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(SLOT);
    compiled.set(template, parts);
  }
  return parts;
}

type Values = Readonly<Record<string, string | number>>;

/**
 * Fills `{slot}`s from `values`, then `fallback`; a slot without a value stays visible rather
 * than silently vanishing.
 */
export function fill(template: string, values: Values, fallback?: Values): string {
  const parts = partsOf(template);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const value = values[key] ?? fallback?.[key];
    out += (value === undefined ? `{${key}}` : String(value)) + (parts[i + 1] ?? '');
  }
  return out;
}
