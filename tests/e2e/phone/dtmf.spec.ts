import { expect, test } from '../support/phone-fixtures';
import { rtpDtmfSent } from '../support/phone-audio-probe';

test.describe.configure({ timeout: 120_000 });

test('keypad tones: RFC 4733 in the audio by default, SIP INFO when chosen, and the other side shows what arrived', async ({ party }) => {
  const [alice, bruno] = await Promise.all([party('Alice', { tone: 440 }), party('Bruno', { tone: 660 })]);
  await alice.dial(bruno);
  await bruno.answer(1);
  await alice.expectLine(1, 'active');

  // Default: RFC 4733. The tones go into Alice's audio sender; none arrive as SIP INFO.
  await alice.pressKeys(1, '12');
  await expect.poll(() => rtpDtmfSent(alice.page)).toBe('12');

  // SIP INFO: Bruno's console shows each key as it arrives. Had the first keys gone as INFO too,
  // they would show here before these (INFO is in order within the dialog).
  await alice.chooseDtmf('info');
  await alice.pressKeys(1, '3#*0');
  await expect(bruno.line(1).getByTestId('line-dtmf-received')).toHaveAttribute('data-tones', '3#*0');
  expect(await rtpDtmfSent(alice.page)).toBe('12');

  await alice.hangUp(1);
  await bruno.expectLineOver(1);
});
