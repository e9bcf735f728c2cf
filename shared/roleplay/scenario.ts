import { z } from 'zod';
import { Address, Customer, CustomerTag } from '../domain/customer';
import { InteractionKind } from '../domain/interaction';
import { Order, OrderChannel, OrderItem, OrderStatus } from '../domain/order';
import { Language } from '../domain/user';
import { LocalizedText, ScriptId } from '../guidance/script';

/**
 * A role-play scenario: a real situation a trainer plays with a trainee on the console. The trainer
 * plays the customer from the persona and the cue cards; the trainee handles the call with the
 * scenario's script and sees its synthetic customer as a screen-pop; the trainer marks the rubric
 * during the call (scoring.ts).
 *
 * Like a script, the schema accepts a draft in progress (a text in one language only, weights not
 * yet adding up); `checkScenario` (scenario-check.ts) holds what must be fixed before publishing.
 * A published version never changes: an edit is a new version, and a session keeps the version it
 * was played with.
 */

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters and digits joined by dashes')
  .max(64);

export const ScenarioId = Slug;
export const CriterionId = Slug;
export const LevelId = Slug;
export const CueCardId = Slug;

/** Moods the trainer's card shows as a badge; the backstory says the rest. */
export const PersonaMood = z.enum(['angry', 'frustrated', 'anxious', 'disappointed', 'impatient', 'confused', 'calm']);
export type PersonaMood = z.infer<typeof PersonaMood>;

/** The customer the trainer plays. */
export const Persona = z
  .object({
    /** The name the persona gives on the call; the same person as the synthetic customer. */
    name: z.string().trim().min(1).max(120),
    /** The language the persona speaks first; the synthetic customer prefers the same one. */
    language: Language,
    mood: PersonaMood,
    /** Who they are and what happened before the call, for the trainer only. */
    backstory: LocalizedText,
    /** How they talk: pace, words they use, what sets them off. */
    speaks: LocalizedText,
  })
  .strict();
export type Persona = z.output<typeof Persona>;

/**
 * Phone ranges set aside for training customers, so a synthetic number can never ring a real
 * person or match a real caller ID. North America reserves 555-0100 to 555-0199 for fiction. The
 * Philippines and Brazil publish no such range: Kalma uses the 555-01xx pattern there too (see
 * resources/roleplay/README.md); the `training` marker, not the number, is what keeps the record
 * out of real work.
 */
export const TRAINING_PHONE_RANGES: readonly { country: string; pattern: RegExp; example: string }[] = [
  { country: 'US', pattern: /^\+1[2-9]\d{2}55501\d{2}$/, example: '+12125550142' },
  { country: 'PH', pattern: /^\+63955501\d{4}$/, example: '+639555010042' },
  { country: 'BR', pattern: /^\+55[1-9]{2}955501\d{3}$/, example: '+5511955501042' },
];

export function isTrainingPhone(e164: string): boolean {
  return TRAINING_PHONE_RANGES.some((range) => range.pattern.test(e164));
}

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'a number in E.164 (+ and digits)');
const DaysAgo = z.number().int().min(0).max(3650);

/**
 * An order of the synthetic customer. Dates are days before the session starts, so "delivered 40
 * days ago" stays 40 days ago whenever the scenario is played (the refund window depends on it).
 */
export const TrainingOrder = z
  .object({
    id: Slug,
    number: z.string().trim().min(1).max(64),
    status: OrderStatus,
    channel: OrderChannel,
    placedDaysAgo: DaysAgo,
    deliveredDaysAgo: DaysAgo.nullable().default(null),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
    items: z.array(OrderItem).min(1).max(20),
  })
  .strict();
export type TrainingOrder = z.output<typeof TrainingOrder>;

/** One entry of the customer's history, written for the trainee in their own language. */
export const TrainingHistoryEntry = z
  .object({
    kind: InteractionKind,
    daysAgo: DaysAgo,
    orderId: Slug.nullable().default(null),
    text: LocalizedText,
  })
  .strict();
export type TrainingHistoryEntry = z.output<typeof TrainingHistoryEntry>;

/** The record the trainee's console pops: a made-up customer, marked as training data. */
export const TrainingCustomer = z
  .object({
    /** Kept out of real search, history, metrics and the wallboard by later code; must be true to publish. */
    training: z.boolean(),
    name: Customer.shape.name,
    phone: E164,
    emails: Customer.shape.emails,
    language: Language,
    tags: z.array(CustomerTag).max(30).default([]),
    address: Address.nullable().default(null),
    orders: z.array(TrainingOrder).max(20).default([]),
    history: z.array(TrainingHistoryEntry).max(30).default([]),
  })
  .strict();
export type TrainingCustomer = z.output<typeof TrainingCustomer>;

/** One step of a criterion's scale ("missed", "partly", "fully"), with the points it is worth. */
export const RubricLevel = z.object({ id: LevelId, label: LocalizedText, points: z.number().int().min(0).max(100) }).strict();
export type RubricLevel = z.output<typeof RubricLevel>;

export const RubricCriterion = z
  .object({
    /** Shared across scenarios where the skill is the same ("acknowledged-feeling"), so progress follows it. */
    id: CriterionId,
    name: LocalizedText,
    /** What the trainer listens for. */
    description: LocalizedText,
    /** Share of the overall score; the weights of a published rubric add up to 100. */
    weight: z.number().int().min(0).max(100),
    /** From worst to best; points strictly increase, the last level is full marks. */
    levels: z.array(RubricLevel).min(2).max(6),
  })
  .strict();
export type RubricCriterion = z.output<typeof RubricCriterion>;

/** A line for the trainer playing the customer: "if the agent …, then you …". */
export const CueCard = z.object({ id: CueCardId, when: LocalizedText, then: LocalizedText }).strict();
export type CueCard = z.output<typeof CueCard>;

export const ScenarioStatus = z.enum(['draft', 'published']);
export type ScenarioStatus = z.infer<typeof ScenarioStatus>;

export const Scenario = z
  .object({
    id: ScenarioId,
    /** Goes up by one with every published edit. */
    version: z.number().int().min(1),
    status: ScenarioStatus,
    title: LocalizedText,
    /** The situation in a sentence, for the trainer's list. */
    summary: LocalizedText,
    /** Languages the call may be played in; the persona's own language is one of them. */
    languages: z.array(Language).min(1).max(3),
    persona: Persona,
    customer: TrainingCustomer,
    /** What the trainee must achieve, shown to both before the call. */
    objective: LocalizedText,
    /** The guidance script the trainee practises (an id in resources/guidance/scripts or the server's). */
    scriptId: ScriptId,
    rubric: z.array(RubricCriterion).min(1).max(12),
    /** Overall percent needed to pass; below it the trainee is asked to retry. */
    passThreshold: z.number().min(0).max(100),
    cueCards: z.array(CueCard).max(20),
  })
  .strict();
export type Scenario = z.output<typeof Scenario>;
/** What a file or the server may hand in (defaults not yet applied). */
export type ScenarioInput = z.input<typeof Scenario>;

export function findCriterion(scenario: Scenario, criterionId: string): RubricCriterion | undefined {
  return scenario.rubric.find((criterion) => criterion.id === criterionId);
}

/** Full marks of a criterion: its best level's points. */
export function maxPoints(criterion: RubricCriterion): number {
  return Math.max(0, ...criterion.levels.map((level) => level.points));
}

/** What an order's items cost, in minor units. */
export function orderTotalMinor(order: TrainingOrder): number {
  return order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0);
}

const DAY_MS = 86_400_000;

/** The tag every record made from a scenario carries, besides the `training` marker. */
export const TRAINING_TAG = 'training';

/**
 * The synthetic customer as the console's own rows, dated from the session's start, for the
 * trainee's screen-pop: parsed by the same schemas as real rows, ids prefixed with the session so
 * two sessions never share a record, and tagged `training`.
 */
export function trainingRecords(
  scenario: Scenario,
  session: { id: string; startedAt: number; language: Language },
): { customer: Customer; orders: Order[]; history: { kind: string; occurredAt: string; orderId: string | null; text: string }[] } {
  const { customer } = scenario;
  const prefix = `training-${session.id}`;
  const at = (daysAgo: number) => new Date(session.startedAt - daysAgo * DAY_MS).toISOString();
  const customerId = `${prefix}-customer`;
  const orderId = (id: string) => `${prefix}-order-${id}`;
  return {
    customer: Customer.parse({
      id: customerId,
      name: customer.name,
      emails: customer.emails,
      language: customer.language,
      tags: [...new Set([TRAINING_TAG, ...customer.tags])],
      phones: [{ number: customer.phone, label: 'mobile' }],
      addresses: customer.address ? [customer.address] : [],
      version: 0,
    }),
    orders: customer.orders.map((order) =>
      Order.parse({
        id: orderId(order.id),
        customerId,
        number: order.number,
        status: order.status,
        placedAt: at(order.placedDaysAgo),
        deliveredAt: order.deliveredDaysAgo === null ? null : at(order.deliveredDaysAgo),
        channel: order.channel,
        currency: order.currency,
        totalMinor: orderTotalMinor(order),
        items: order.items,
        version: 0,
      }),
    ),
    history: customer.history.map((entry) => ({
      kind: entry.kind,
      occurredAt: at(entry.daysAgo),
      orderId: entry.orderId === null ? null : orderId(entry.orderId),
      text: entry.text[session.language] ?? entry.text.en ?? '',
    })),
  };
}
