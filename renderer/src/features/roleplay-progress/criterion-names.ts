import type { Language } from '../../../../shared/domain/user';
import { textIn } from '../../../../shared/guidance/script';
import { findCriterion, type Scenario } from '../../../../shared/roleplay/scenario';

/**
 * A criterion's name for progress, which follows a criterion id across scenarios
 * ("acknowledged-feeling" in the refund call and the outage call): the first scenario that has
 * it names it; its id when none does (a rubric edited since).
 */
export function criterionName(scenarios: readonly Scenario[], criterionId: string, language: Language): string {
  for (const scenario of scenarios) {
    const criterion = findCriterion(scenario, criterionId);
    if (criterion) return textIn(criterion.name, language);
  }
  return criterionId;
}
