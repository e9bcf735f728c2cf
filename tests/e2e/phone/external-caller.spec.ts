import { expect, test } from '../support/phone-fixtures';
import { Baresip } from '../support/phone-baresip';

// A customer on an ordinary phone, as if arriving through a phone-network gateway: baresip speaks
// plain SIP over UDP and plain RTP (G.711), and rtpengine bridges it to the console's DTLS-SRTP.
// The customer's phone plays 880 Hz, the agent's microphone 440 Hz.
test.use({ bridgeMedia: true });
test.describe.configure({ timeout: 120_000 });

const CUSTOMER_TONE = 880;
const AGENT_TONE = 440;
/** baresip's recording of a received tone measures about -10 dBFS; an absent one below -60. */
const HEARD_DB = -30;
const SILENT_DB = -45;

test('a customer on a plain SIP phone calls an agent: two-way audio, RFC 4733 keys reach the phone, and the customer hanging up ends the line', async ({
  party,
  sip,
}) => {
  const rtpengine = sip.rtpengine!;
  const [alice, customer] = await Promise.all([
    party('Alice', { tone: AGENT_TONE }),
    Baresip.start({ kamailio: sip.kamailio, user: '+14155550123', tone: CUSTOMER_TONE }),
  ]);
  try {
    const offersBefore = rtpengine.offers();
    await customer.dial(`sip:${alice.username}@${sip.kamailio.domain}`);
    await alice.expectLine(1, 'ringing-in');
    expect(rtpengine.offers(), 'Kamailio should have rtpengine bridge this call').toBeGreaterThan(offersBefore);
    await expect(alice.line(1).getByTestId('line-remote')).toContainText('+14155550123');
    await alice.answer(1);
    await customer.waitForEvent('CALL_ESTABLISHED');

    // The agent hears the customer through rtpengine, and not her own tone.
    await alice.hears(CUSTOMER_TONE, 15_000);
    await alice.doesNotHear(AGENT_TONE);

    // Keys typed by the agent go as RFC 4733 telephone events in the audio (the default): the
    // phone reports them, and so does rtpengine, which saw them pass.
    await alice.pressKeys(1, '15#');
    await expect.poll(() => rtpengine.dtmf.map((event) => dtmfKey(event.event)).join(''), { message: 'rtpengine should relay 1, 5, #' }).toContain('15#');
    await expect
      .poll(() => customer.receivedDtmf(), { timeout: 10_000, message: `the customer phone should receive 1, 5, #; it saw ${customer.events.map((e) => e.type).join(' ')}` })
      .toBe('15#');

    // The customer hangs up: the BYE crosses the UDP/WebSocket boundary and ends the agent's line.
    const before = customer.mark();
    await customer.hangUp();
    await customer.waitForEvent('CALL_CLOSED', { since: before });
    await alice.expectEnded(1, 'hangup-remote');
    await alice.doesNotHear(CUSTOMER_TONE);

    // What the customer's phone received: the agent's tone, not its own.
    const heard = customer.receivedLevels([AGENT_TONE, CUSTOMER_TONE]);
    expect(heard[AGENT_TONE], `customer should hear ${AGENT_TONE} Hz (levels ${JSON.stringify(heard)})`).toBeGreaterThan(HEARD_DB);
    expect(heard[CUSTOMER_TONE], `customer should not hear itself (levels ${JSON.stringify(heard)})`).toBeLessThan(SILENT_DB);
  } finally {
    await customer.stop();
  }
});

test('an agent calls a customer on a plain SIP phone: two-way audio, and the agent hanging up ends the call on the phone', async ({ party, sip }) => {
  const [bruno, customer] = await Promise.all([
    party('Bruno', { tone: AGENT_TONE }),
    Baresip.start({ kamailio: sip.kamailio, user: '+14155550199', tone: CUSTOMER_TONE }),
  ]);
  try {
    // Dialled as a number, the way an agent types it; the phone auto-answers.
    await bruno.dial('+1 415 555 0199');
    await customer.waitForEvent('CALL_ESTABLISHED');
    await bruno.expectLine(1, 'active');
    await bruno.hears(CUSTOMER_TONE, 15_000);
    await bruno.doesNotHear(AGENT_TONE);

    const before = customer.mark();
    await bruno.hangUp(1);
    await bruno.expectEnded(1, 'hangup-local');
    await customer.waitForEvent('CALL_CLOSED', { since: before });

    const heard = customer.receivedLevels([AGENT_TONE, CUSTOMER_TONE]);
    expect(heard[AGENT_TONE], `customer should hear ${AGENT_TONE} Hz (levels ${JSON.stringify(heard)})`).toBeGreaterThan(HEARD_DB);
    expect(heard[CUSTOMER_TONE], `customer should not hear itself (levels ${JSON.stringify(heard)})`).toBeLessThan(SILENT_DB);
  } finally {
    await customer.stop();
  }
});

test('two agents on the same SIP server talk peer to peer: rtpengine is not asked to bridge them', async ({ party, sip }) => {
  const rtpengine = sip.rtpengine!;
  const [alice, bruno] = await Promise.all([party('Alice', { tone: 440 }), party('Bruno', { tone: 660 })]);
  const offersBefore = rtpengine.offers();
  await alice.dial(bruno);
  await bruno.answer(1);
  await alice.hears(660);
  await bruno.hears(440);
  await alice.hangUp(1);
  await bruno.expectEnded(1, 'hangup-remote');
  expect(rtpengine.offers()).toBe(offersBefore);
});

/** RFC 4733 event codes: 0–9 are the digits, 10 is *, 11 is #, 12–15 are A–D. */
function dtmfKey(event: number): string {
  return event <= 9 ? String(event) : (['*', '#', 'A', 'B', 'C', 'D'][event - 10] ?? '?');
}
