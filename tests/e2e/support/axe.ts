import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on the page as it stands (WCAG 2.1 A/AA rules) and fails on any serious or critical
 * violation, listing each with the elements it found, so the failure says what to fix.
 */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${where}`).toEqual([]);
  // A scan that looked at nothing would pass too: it must have checked the page's content.
  expect(results.passes.length, `axe checked ${where}`).toBeGreaterThan(10);
}
