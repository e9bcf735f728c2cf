import type { Page } from '@playwright/test';
import { tempDir } from '../../fixtures/processes';
import { audioCues, findStep, levelTimeline, recordAudioCues, startLevelTimeline, writeQuietThenLoudWav } from '../support/phone-loudness';
import { expect, test } from '../support/phone-fixtures';

test.describe.configure({ timeout: 120_000 });

const STEP_DB = 20;

/** Before the console opens: notes (page clock) each time the guidance panel appears, as the agent would see it. */
async function recordPanelAppearances(page: Page): Promise<void> {
  await recordAudioCues(page);
  await page.addInitScript(() => {
    const seen: { at: number; situation: string | null; trigger: string | null }[] = [];
    (window as unknown as { __kalmaPanels: typeof seen }).__kalmaPanels = seen;
    let present = false;
    const watch = () => {
      const panel = document.querySelector('[data-testid="guidance-panel"]');
      if (panel && !present) seen.push({ at: Date.now(), situation: panel.getAttribute('data-situation'), trigger: panel.getAttribute('data-trigger') });
      present = panel !== null;
    };
    document.addEventListener('DOMContentLoaded', () => new MutationObserver(watch).observe(document.body, { childList: true, subtree: true }));
  });
}

const panelAppearances = (page: Page) => page.evaluate(() => (window as unknown as { __kalmaPanels: { at: number; situation: string | null; trigger: string | null }[] }).__kalmaPanels);

test('a customer who gets much louder: the upset-customer prompt appears after the loud part begins, not before, and Alt+U opens the same script', async ({ party }) => {
  const voices = tempDir('voices');
  try {
    const voice = writeQuietThenLoudWav(voices.path, 440, { quietSeconds: 18, loudSeconds: 12, stepDb: STEP_DB });
    // The agent listens without a word (a silent microphone): a steady agent tone would be overtalk.
    const silence = writeQuietThenLoudWav(voices.path, 660, { quietSeconds: 30, loudSeconds: 0, stepDb: 140 });
    const [customer, agent] = await Promise.all([
      party('Carla', { tone: 440, toneFile: voice }),
      party('Bruno', { tone: 660, toneFile: silence, beforeOpen: recordPanelAppearances }),
    ]);
    const panel = agent.page.getByTestId('guidance-panel');

    await customer.dial(agent);
    await agent.answer(1);
    await customer.expectLine(1, 'active');
    await startLevelTimeline(agent.page);
    // The call is on: the "customer upset" button is there, but no prompt while the customer is calm.
    await expect(agent.page.getByTestId('guidance-upset')).toBeVisible();
    await expect(panel).toHaveCount(0);

    let step: ReturnType<typeof findStep> = null;
    await expect
      .poll(async () => (step = findStep(await levelTimeline(agent.page), STEP_DB)) !== null, { timeout: 40_000, message: 'the customer should get louder' })
      .toBe(true);
    const loudPart = step!;

    await expect(panel).toBeVisible({ timeout: 10_000 });
    await expect(panel).toHaveAttribute('data-situation', 'customer-upset');
    const appearances = await panelAppearances(agent.page);
    const cues = await audioCues(agent.page);
    test.info().annotations.push({ type: 'panels', description: JSON.stringify(appearances.map((a) => ({ ...a, sinceLoud: a.at - loudPart.firstLoudAt }))) });
    test.info().annotations.push({ type: 'cues', description: JSON.stringify(cues.map((c) => ({ kind: c.kind, sinceLoud: c.at - loudPart.firstLoudAt }))) });
    const first = appearances[0]!;
    expect(first.at, 'no prompt during the quiet part').toBeGreaterThan(loudPart.lastQuietAt);
    expect(first.at - loudPart.firstLoudAt, 'the prompt within 3 s of the loud part').toBeLessThanOrEqual(3_000);
    test.info().annotations.push({ type: 'upset prompt shown after the loud part began', description: `${first.at - loudPart.firstLoudAt} ms` });

    // The step the agent reads, with phrases, ready to follow.
    await expect(agent.page.getByTestId('guidance-step')).toBeVisible();
    await expect(agent.page.getByTestId('guidance-phrase').first()).toBeVisible();
    const script = await panel.getAttribute('data-script');
    const stepId = await agent.page.getByTestId('guidance-step').getAttribute('data-step');

    await agent.page.getByTestId('guidance-dismiss').click();
    await expect(panel).toHaveCount(0);
    await agent.page.keyboard.press('Alt+KeyU');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-situation', 'customer-upset');
    if (script !== null) await expect(panel).toHaveAttribute('data-script', script);
    await expect(agent.page.getByTestId('guidance-step')).toHaveAttribute('data-step', stepId!);
    await expect(panel).toBeFocused();

    await customer.hangUp(1);
    await agent.expectEnded(1, 'hangup-remote');
    await expect(agent.page.getByTestId('guidance-pane')).toHaveCount(0);
  } finally {
    voices.remove();
  }
});
