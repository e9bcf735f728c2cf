import type { TFunction } from 'i18next';
import { GUIDANCE_SITUATIONS, type GuidanceSituation } from '../../../../shared/guidance/situations';
import { TRIGGER_IDS, type TriggerId } from '../../../../shared/guidance/triggers';

type KnownTrigger = GuidanceSituation | TriggerId;

/** Every trigger name the console knows, situations first: the editor offers these in its lists. */
export const KNOWN_TRIGGERS: readonly KnownTrigger[] = [...new Set<KnownTrigger>([...GUIDANCE_SITUATIONS, ...TRIGGER_IDS])];

const isKnown = (trigger: string): trigger is KnownTrigger => (KNOWN_TRIGGERS as readonly string[]).includes(trigger);

/** A trigger's name in the interface language; a team's own trigger keeps its id (it is their data). */
export function triggerLabel(t: TFunction, trigger: string): string {
  return isKnown(trigger) ? t(`guidanceEditor.trigger.${trigger}`) : trigger;
}
