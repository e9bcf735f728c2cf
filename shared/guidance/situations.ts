import { z } from 'zod';

/**
 * The situations guidance knows by name. A trigger (the "customer upset" hotkey, the call reason,
 * the customer's history, an audio cue) names one of these, and a script lists the ones it serves,
 * so the trigger scheduler and the scripts meet on these ids without importing each other.
 *
 * A script may also branch on any trigger the scheduler knows (`overtalk`, `long-hold`, see
 * triggers.ts) or a team's own: trigger names in scripts are plain strings (`TriggerName`), checked
 * only for their form, so scripts never depend on the scheduler's list.
 */
export const GUIDANCE_SITUATIONS = [
  /** Raised voice, swearing, "this is ridiculous": the hotkey, the button or the level cue. */
  'customer-upset',
  /** A return or refund asked for after the policy window closed. */
  'refund-outside-window',
  /** The product does not work; a spoken walk-through before a replacement. */
  'defective-product',
  /** The same complaint again within the history window (30 days by default). */
  'repeat-complaint',
  /** "Let me speak to your manager." */
  'asks-for-manager',
  /** The customer wants to cancel a subscription, plan or account. */
  'cancellation',
  /** The call is going well and the customer qualifies for an offer. */
  'cross-sell-eligible',
] as const;

export type GuidanceSituation = (typeof GUIDANCE_SITUATIONS)[number];
export const GuidanceSituation = z.enum(GUIDANCE_SITUATIONS);

/** A trigger as a script names it: lower-case words joined by dashes, like the situations above. */
export const TriggerName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'lower-case words joined by dashes')
  .max(64);
export type TriggerName = z.infer<typeof TriggerName>;

export function isGuidanceSituation(id: string): id is GuidanceSituation {
  return (GUIDANCE_SITUATIONS as readonly string[]).includes(id);
}
