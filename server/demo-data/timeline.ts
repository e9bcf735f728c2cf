import type { Author, InteractionInput } from '../../shared/domain/interaction';
import type { OrderInput } from '../../shared/domain/order';
import type { Identity } from './identity';
import { MANILA_AGENTS, MANILA_MANAGERS, SAO_PAULO_AGENTS, SAO_PAULO_MANAGERS } from './names';
import { fill, type CallTopic, type ComplaintCategory, type Mood, type Phrasebook, type RequestKind } from './phrasebook';
import { ENGLISH } from './phrases-en';
import { FILIPINO } from './phrases-fil';
import { PORTUGUESE } from './phrases-pt-br';
import { e164Of } from './phones';
import { Prng } from './prng';

/**
 * Writes one customer's history as it happened: each entry is stamped when it occurred, by the
 * agent or manager who wrote it, in the customer's language. Entries dated after `asOf` (a
 * refund still being processed) are dropped, so open cases stay open.
 */

/** What a generated row is before the server gives it a version (distributes over the union). */
export type Draft<T> = T extends unknown ? Omit<T, 'version'> : never;
export type InteractionDraft = Draft<InteractionInput>;
export type OrderDraft = Draft<OrderInput>;

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Disposition codes the demo history uses; the console's wrap-up offers the same list. */
export const DEMO_DISPOSITIONS = [
  'order_status',
  'complaint_logged',
  'return_initiated',
  'exchange_initiated',
  'refund_initiated',
  'order_cancelled',
  'info_provided',
  'account_updated',
  'callback_scheduled',
  'escalated',
  'resolved',
  'no_answer',
] as const;
export type DemoDisposition = (typeof DEMO_DISPOSITIONS)[number];

const CALL_DISPOSITION: Readonly<Record<CallTopic, DemoDisposition>> = {
  order_status: 'order_status',
  late: 'complaint_logged',
  damaged: 'return_initiated',
  defective: 'exchange_initiated',
  change_mind: 'return_initiated',
  cancel: 'order_cancelled',
  billing: 'refund_initiated',
  warranty: 'info_provided',
  promo: 'info_provided',
  address: 'account_updated',
  follow_up: 'resolved',
  no_answer: 'no_answer',
};

// The same roster for every seed: agents do not change when the demo data is regenerated.
const roster = (names: readonly string[], stream: string): Author[] =>
  names.map((name, i) => ({ id: Prng.forItem('kalma-demo-staff', stream, i).uuid(), name }));
const AGENTS = { manila: roster(MANILA_AGENTS, 'manila'), saoPaulo: roster(SAO_PAULO_AGENTS, 'sao-paulo') };
const MANAGERS = { manila: roster(MANILA_MANAGERS, 'manila-managers'), saoPaulo: roster(SAO_PAULO_MANAGERS, 'sao-paulo-managers') };

// Hours from UTC of the customer's own day, so calls land in their business hours.
const UTC_OFFSET_HOURS = { PH: 8, BR: -3, US: -6 } as const;

/** `₱1,299.00`, `R$ 1.299,90`, `$1,299.99`, without Intl so every machine writes the same bytes. */
export function money(minor: number, currency: string): string {
  const whole = Math.floor(Math.abs(minor) / 100);
  const cents = String(Math.abs(minor) % 100).padStart(2, '0');
  const grouped = (sep: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (currency) {
    case 'BRL':
      return `R$ ${grouped('.')},${cents}`;
    case 'PHP':
      return `₱${grouped(',')}.${cents}`;
    default:
      return `$${grouped(',')}.${cents}`;
  }
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * `2025-03-01T02:00:00.000Z`, the same text Date#toISOString writes (whole seconds), several times
 * faster: a million customers' histories need some twenty million of these.
 */
export function instant(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(secondOfDay % 60)}.000Z`;
}

export class Timeline {
  readonly entries: InteractionDraft[] = [];
  /** Agents' notes: in the customer's language, or (English-speaking Filipinos) now and then Taglish. */
  private readonly notesIn: Phrasebook;
  private readonly taglishToo: boolean;
  /** Slots every text may use: the customer's name and city, a ticket reference. */
  private readonly about: { name: string; city: string; ref: string };
  private readonly agents: Author[];
  private readonly managers: Author[];

  constructor(
    readonly rng: Prng,
    readonly who: Identity,
    readonly asOfMs: number,
  ) {
    const site = who.country === 'BR' ? 'saoPaulo' : 'manila';
    this.agents = AGENTS[site];
    this.managers = MANAGERS[site];
    this.notesIn = who.country === 'BR' ? PORTUGUESE : who.language === 'fil' ? FILIPINO : ENGLISH;
    this.taglishToo = who.country === 'PH' && who.language !== 'fil';
    this.about = { name: who.name.given, city: who.city.city, ref: '' };
  }

  private book(): Phrasebook {
    return this.taglishToo && this.rng.chance(0.35) ? FILIPINO : this.notesIn;
  }

  /** The customer's own language, for what the customer wrote (surveys). */
  private ownBook(): Phrasebook {
    return this.who.language === 'pt-BR' ? PORTUGUESE : this.who.language === 'fil' ? FILIPINO : ENGLISH;
  }

  /** A moment on that day during the customer's business hours (8:00–20:59 local). */
  businessTime(dayMs: number): number {
    const day = Math.floor(dayMs / DAY_MS) * DAY_MS;
    return day + (this.rng.int(8, 20) - UTC_OFFSET_HOURS[this.who.country]) * HOUR_MS + this.rng.int(0, 3599) * 1000;
  }

  agent(): Author {
    return this.rng.pick(this.agents);
  }

  manager(): Author {
    return this.rng.pick(this.managers);
  }

  ref(): string {
    return `TCK-${this.rng.digits(7)}`;
  }

  private text(templates: readonly string[], slots: Slots): string {
    const template = this.rng.pick(templates);
    this.about.ref = template.includes('{ref}') ? this.ref() : '';
    return fill(template, slots, this.about);
  }

  private push(entry: InteractionDraft): void {
    this.entries.push(entry);
  }

  // Entries are written as whole object literals (no spreads): a million customers' histories
  // are tens of millions of them, and V8 builds a literal far faster than a spread copy.

  call(at: number, topic: CallTopic, order: OrderDraft | null, slots: Slots, opts: CallOptions = {}): void {
    const long = topic === 'late' || topic === 'damaged' || topic === 'defective' || topic === 'billing';
    const id = this.rng.uuid();
    const author = opts.author ?? this.agent();
    this.push({
      id,
      customerId: '',
      occurredAt: instant(at),
      author,
      orderId: order?.id ?? null,
      kind: 'call',
      direction: opts.direction ?? (topic === 'follow_up' || topic === 'no_answer' ? 'outbound' : 'inbound'),
      durationSec: topic === 'no_answer' ? this.rng.int(15, 45) : long ? this.rng.int(240, 1800) : this.rng.int(60, 600),
      disposition: opts.disposition ?? CALL_DISPOSITION[topic],
      text: this.text(this.book().call[topic], slots),
    });
  }

  complaint(at: number, category: ComplaintCategory, order: OrderDraft | null, slots: Slots, resolvedAt: number): void {
    const id = this.rng.uuid();
    const author = this.agent();
    this.push({
      id,
      customerId: '',
      occurredAt: instant(at),
      author,
      orderId: order?.id ?? null,
      kind: 'complaint',
      status: resolvedAt <= this.asOfMs ? (this.rng.chance(0.7) ? 'closed' : 'resolved') : at + 2 * DAY_MS <= this.asOfMs ? 'in_progress' : 'open',
      text: this.text(this.book().complaint[category], slots),
      // Not in the shared schema yet; the server keeps it in details, a report dimension to come.
      category,
    } as InteractionDraft);
  }

  /** A request and its outcome; returns whether it was completed by `asOf`. */
  request(kind: RequestKind, at: number, order: OrderDraft, slots: Slots, resolvedAt: number, outcome: 'completed' | 'denied', amountMinor?: number): boolean {
    const done = resolvedAt <= this.asOfMs;
    const status = done ? outcome : at + DAY_MS <= this.asOfMs ? 'approved' : 'requested';
    const book = this.book();
    const id = this.rng.uuid();
    const occurredAt = instant(at);
    const author = this.agent();
    const reason = this.rng.pick(book.reason[kind]);
    const text = this.text(book.request[kind], slots);
    if (kind === 'refund') {
      this.push({
        id, customerId: '', occurredAt, author, orderId: order.id, kind: 'refund_request', reason, status, text,
        amountMinor: amountMinor ?? order.totalMinor ?? 0, currency: order.currency,
      });
    } else {
      this.push({ id, customerId: '', occurredAt, author, orderId: order.id, kind: kind === 'return' ? 'return_request' : 'exchange_request', reason, status, text });
    }
    return done && outcome === 'completed';
  }

  escalation(at: number, level: 'manager' | 'director', order: OrderDraft | null, slots: Slots, resolvedAt: number): void {
    const manager = this.manager();
    const id = this.rng.uuid();
    const author = level === 'manager' ? this.agent() : manager;
    this.push({
      id,
      customerId: '',
      occurredAt: instant(at),
      author,
      orderId: order?.id ?? null,
      kind: 'escalation',
      level,
      status: resolvedAt <= this.asOfMs ? 'resolved' : 'in_progress',
      text: this.text(this.book().escalation[level], { ...slots, manager: manager.name }),
    });
  }

  /** A promised callback and, once due, the call that kept (or missed) it. */
  callback(at: number, order: OrderDraft | null, slots: Slots, followUpRequest?: RequestKind): void {
    const dueAt = this.businessTime(at + DAY_MS * this.rng.int(0, 2) + (at % DAY_MS > 12 * HOUR_MS ? DAY_MS : 0));
    const due = dueAt <= this.asOfMs;
    const kept = this.rng.chance(0.8);
    const phone = this.who.dialable[0];
    const id = this.rng.uuid();
    const author = this.agent();
    this.push({
      id,
      customerId: '',
      occurredAt: instant(at),
      author,
      orderId: order?.id ?? null,
      kind: 'callback',
      dueAt: instant(dueAt),
      phone: phone ? e164Of(phone) : null,
      status: !due ? 'scheduled' : kept ? 'done' : 'missed',
      text: this.text(this.book().callback, slots),
    });
    if (!due) return;
    const request = this.book().requestName[followUpRequest ?? 'refund'];
    if (kept) this.call(dueAt, followUpRequest ? 'follow_up' : 'order_status', order, { request, ...slots }, { direction: 'outbound', disposition: 'resolved' });
    else this.call(dueAt, 'no_answer', order, slots);
  }

  survey(at: number, mood: Mood, order: OrderDraft | null): void {
    const [csat, nps] =
      mood === 'good' ? [this.rng.int(4, 5), this.rng.int(8, 10)] : mood === 'mixed' ? [3, this.rng.int(5, 7)] : [this.rng.int(1, 2), this.rng.int(0, 4)];
    const commented = this.rng.chance(mood === 'good' ? 0.5 : 0.85);
    const id = this.rng.uuid();
    this.push({
      id,
      customerId: '',
      occurredAt: instant(at),
      author: null,
      orderId: order?.id ?? null,
      kind: 'survey',
      csat,
      nps,
      text: commented ? this.rng.pick(this.ownBook().survey[mood]) : '',
    });
  }

  /** The history up to `asOf`, oldest first. */
  finish(): InteractionDraft[] {
    // ISO instants in UTC compare as text.
    const asOf = instant(this.asOfMs);
    return this.entries
      .filter((e) => e.occurredAt <= asOf)
      .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  }

  note(at: number, templates: 'note' | 'vipNote', slots: Slots): void {
    const id = this.rng.uuid();
    const author = this.agent();
    this.push({ id, customerId: '', occurredAt: instant(at), author, orderId: null, kind: 'note', text: this.text(this.book()[templates], slots) });
  }
}

export type Slots = Readonly<Record<string, string | number>>;

export interface CallOptions {
  direction?: 'inbound' | 'outbound';
  disposition?: DemoDisposition;
  author?: Author;
}
