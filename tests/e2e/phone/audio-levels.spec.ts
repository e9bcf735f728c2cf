import { tempDir } from '../../fixtures/processes';
import { audioCues, findStep, levelTimeline, recordAudioCues, startLevelTimeline, writeQuietThenLoudWav } from '../support/phone-loudness';
import { expect, test } from '../support/phone-fixtures';

test.describe.configure({ timeout: 120_000 });

const STEP_DB = 20;

test('a customer who gets 20 dB louder: the agent’s console measures the rise and cues it within 3 s of the loud part, never before', async ({ party }) => {
  const voices = tempDir('voices');
  try {
    // Quiet long enough for the call to connect and the console to learn the customer's baseline.
    const voice = writeQuietThenLoudWav(voices.path, 440, { quietSeconds: 18, loudSeconds: 12, stepDb: STEP_DB });
    const [customer, agent] = await Promise.all([
      party('Carla', { tone: 440, toneFile: voice }),
      party('Bruno', { tone: 660, beforeOpen: recordAudioCues }),
    ]);

    await customer.dial(agent);
    await agent.answer(1);
    await customer.expectLine(1, 'active');
    await startLevelTimeline(agent.page);

    // What the agent receives, measured by the test itself: the moment the customer got louder.
    let step: ReturnType<typeof findStep> = null;
    await expect
      .poll(async () => (step = findStep(await levelTimeline(agent.page), STEP_DB)) !== null, { timeout: 40_000, message: 'the customer should get louder' })
      .toBe(true);
    const loudPart = step!;
    expect(loudPart.loudDb - loudPart.quietDb, 'the step the agent receives').toBeGreaterThan(15);
    expect(loudPart.quietMs, 'the quiet part lasted long enough to be a baseline').toBeGreaterThan(7_000);

    // The console's own cue: after the loud part began, within 3 s of it.
    await expect
      .poll(async () => (await audioCues(agent.page)).filter((cue) => cue.kind === 'customer-level-rise').length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const rises = (await audioCues(agent.page)).filter((cue) => cue.kind === 'customer-level-rise');
    expect(rises.every((cue) => cue.at > loudPart.lastQuietAt), 'no rise during the quiet part').toBe(true);
    const rise = rises[0]!;
    expect(rise.at - loudPart.firstLoudAt).toBeLessThanOrEqual(3_000);
    expect(rise.line).toBe(1);
    // The levels the console received rose by more than 15 dB over the customer's own baseline.
    expect(rise.levelDb! - rise.baselineDb!).toBeGreaterThan(15);
    test.info().annotations.push({
      type: 'rise cued after the loud part began',
      description: `${rise.at - loudPart.firstLoudAt} ms (baseline ${rise.baselineDb} dBFS, loud ${rise.levelDb} dBFS)`,
    });

    await customer.hangUp(1);
    await agent.expectEnded(1, 'hangup-remote');
    await customer.expectEnded(1, 'hangup-local');
  } finally {
    voices.remove();
  }
});
