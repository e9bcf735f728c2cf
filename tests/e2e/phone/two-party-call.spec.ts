import { expect, test } from '../support/phone-fixtures';

test.describe.configure({ timeout: 120_000 });

test.describe('a call between two agents', () => {
  test('A calls B: B rings and answers, each hears only the other, hold, mute, and hang-up ends both lines', async ({ party }) => {
    const [alice, bruno] = await Promise.all([party('Alice', { tone: 440 }), party('Bruno', { tone: 660 })]);

    const dialledAt = Date.now();
    await alice.dial(bruno);
    await alice.expectLine(1, /^(dialing|early-media)$/);
    await bruno.expectLine(1, 'ringing-in');
    await expect(bruno.line(1).getByTestId('line-remote')).toHaveText(alice.username);
    await bruno.answer(1);
    await alice.expectLine(1, 'active');

    // Each hears the other's tone, and not their own.
    await alice.hears(660);
    await bruno.hears(440);
    test.info().annotations.push({ type: 'call setup to two-way audio', description: `${Date.now() - dialledAt} ms` });
    await alice.doesNotHear(440);
    await bruno.doesNotHear(660);

    // Hold silences both directions; resume brings both back.
    await alice.hold(1);
    await alice.doesNotHear(660);
    await bruno.doesNotHear(440);
    await alice.resume(1);
    await alice.hears(660);
    await bruno.hears(440);

    // Mute silences only what Alice sends.
    await alice.mute(1);
    await bruno.doesNotHear(440);
    await alice.hears(660);
    await alice.unmute(1);
    await bruno.hears(440);

    // Hanging up on one side ends the other: the BYE arrived.
    await bruno.hangUp(1);
    await bruno.expectEnded(1, 'hangup-local');
    await alice.expectEnded(1, 'hangup-remote');
    await alice.doesNotHear(660);
  });

  test('the caller hangs up and the callee sees it end; a call can follow on the same line', async ({ party }) => {
    const [alice, bruno] = await Promise.all([party('Alice', { tone: 440 }), party('Bruno', { tone: 660 })]);
    await alice.dial(bruno);
    await bruno.answer(1);
    await bruno.hears(440);
    await alice.hangUp(1);
    await bruno.expectEnded(1, 'hangup-remote');
    await alice.expectEnded(1, 'hangup-local');

    // The line is free again straight away.
    await bruno.dial(alice);
    await alice.answer(1);
    await alice.hears(660);
    await bruno.hears(440);
    await alice.hangUp(1);
    await bruno.expectLineOver(1);
  });
});

test('switching microphone and speaker mid-call keeps two-way audio, and the choice is remembered on this machine', async ({ party }) => {
  const [alice, bruno] = await Promise.all([party('Alice', { tone: 440 }), party('Bruno', { tone: 660 })]);
  await alice.dial(bruno);
  await bruno.answer(1);
  await alice.hears(660);

  const { input, output } = await alice.chooseDevices();
  // Chromium's fake inputs all play the same file, so the tone cannot tell them apart; what
  // matters is that audio still flows both ways after the switch, without a renegotiation.
  await bruno.hears(440);
  await alice.hears(660);
  await expect(alice.line(1)).toHaveAttribute('data-state', 'active');

  await alice.hangUp(1);
  await bruno.expectEnded(1, 'hangup-remote');
  await alice.page.reload();
  await alice.isReady();
  await alice.openSettings();
  await expect(alice.page.getByTestId('phone-input-device')).toHaveValue(input);
  await expect(alice.page.getByTestId('phone-output-device')).toHaveValue(output);
});
