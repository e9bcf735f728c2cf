import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UA } from 'jssip';
import type { EndEvent, RTCSession } from 'jssip/lib/RTCSession';
import type {
  IncomingMessageEvent,
  IncomingRTCSessionEvent,
  MessageListener,
  RTCSessionEvent,
  UnRegisteredEvent,
} from 'jssip/lib/UA';
import { sipCredentials } from '../../../server/sip/ephemeral-credentials';
import { startKamailio, type Kamailio } from '../../fixtures/kamailio';
import { freePort } from '../../fixtures/ports';
import { SipProvisioning } from '../../../shared/sip/provisioning';
import { installSignalingOnlyWebRtc } from './signaling-only-webrtc';
import { Phones, firstOf, nextEvent } from './sip-phones';

// The SIP server consoles use in tests and demos: WebSocket registrar and proxy with ephemeral
// credentials (resources/kamailio/kamailio.cfg), driven by real JsSIP user agents.

const secret = randomBytes(18).toString('base64url');
let kamailio: Kamailio;
const phones = new Phones(() => kamailio);
let uninstallWebRtc: () => void;

beforeAll(async () => {
  kamailio = await startKamailio({ secret });
  uninstallWebRtc = installSignalingOnlyWebRtc();
});

afterEach(async () => {
  await phones.stopAll();
});

afterAll(async () => {
  await phones.stopAll();
  await phones.closed();
  uninstallWebRtc?.();
  await kamailio?.stop();
});

/** Waits for the phone's registration outcome; the failure's SIP status if refused. */
async function registration(ua: UA): Promise<{ event: string; status: number | undefined; cause?: string }> {
  const { event, data } = await firstOf<UnRegisteredEvent | { response: { status_code: number } }>(ua, [
    'registered',
    'registrationFailed',
  ]);
  const cause = 'cause' in data ? String(data.cause) : undefined;
  return { event, status: data.response?.status_code, ...(cause === undefined ? {} : { cause }) };
}

async function registered(user: string): Promise<UA> {
  const ua = phones.start({ user });
  expect(await registration(ua)).toMatchObject({ event: 'registered', status: 200 });
  return ua;
}

/** Next MESSAGE the phone receives from someone else: who sent it and what it said. */
async function incomingMessage(ua: UA): Promise<{ from: string; body: string }> {
  for (;;) {
    const event = await nextEvent<Parameters<MessageListener>[0]>(ua, 'newMessage');
    if (event.originator === 'remote') {
      const { request } = event as IncomingMessageEvent;
      return { from: request.from.uri.user, body: String(request.body) };
    }
  }
}

/** Sends a MESSAGE and resolves with the final SIP status the sender saw. */
function sendMessage(ua: UA, target: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    ua.sendMessage(`sip:${target}@${kamailio.domain}`, body, {
      eventHandlers: {
        succeeded: (event) => resolve(event.response.status_code),
        failed: (event) => resolve(event.response?.status_code ?? 0),
      },
    });
  });
}

describe('SIP server: registration with ephemeral credentials', () => {
  it('registers a phone that presents a valid credential', async () => {
    const ua = phones.start({ user: 'reg-alice' });
    expect(await registration(ua)).toEqual({ event: 'registered', status: 200 });
    expect(ua.isRegistered()).toBe(true);
  });

  it('registers with exactly what the central server provisions to a console', async () => {
    const credential = sipCredentials({ secret, user: 'prov-erin', ttlSeconds: 600 });
    // Parsed as the console parses it: the schema admits what JsSIP needs, nothing is lost.
    const provisioning = SipProvisioning.parse({
      uri: `sip:prov-erin@${kamailio.domain}`,
      wsServers: [kamailio.wsUrl],
      authorizationUser: credential.authorizationUser,
      password: credential.password,
      expiresAt: credential.expiresAt.toISOString(),
      iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
    });
    const ua = phones.provisioned(provisioning);
    expect(await registration(ua)).toEqual({ event: 'registered', status: 200 });
  });

  it('refuses a wrong password', async () => {
    const good = sipCredentials({ secret, user: 'reg-bob', ttlSeconds: 600 });
    // Change one character (always to a different one) of an otherwise valid password.
    const wrong = `${good.password.startsWith('A') ? 'B' : 'A'}${good.password.slice(1)}`;
    const ua = phones.start({ user: 'reg-bob', credential: { ...good, password: wrong } });
    expect(await registration(ua)).toEqual({ event: 'registrationFailed', status: 403, cause: 'Rejected' });
  });

  it('refuses a credential signed with another secret', async () => {
    const foreign = sipCredentials({ secret: `${secret}-other`, user: 'reg-carol', ttlSeconds: 600 });
    const ua = phones.start({ user: 'reg-carol', credential: foreign });
    expect(await registration(ua)).toMatchObject({ event: 'registrationFailed', status: 403 });
  });

  it('refuses an expired credential', async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const expired = sipCredentials({ secret, user: 'reg-dave', ttlSeconds: 60, now: tenMinutesAgo });
    const ua = phones.start({ user: 'reg-dave', credential: expired });
    expect(await registration(ua)).toEqual({ event: 'registrationFailed', status: 403, cause: 'Rejected' });
  });

  it("refuses bob's credential registering as alice", async () => {
    const bobs = sipCredentials({ secret, user: 'reg-bob2', ttlSeconds: 600 });
    const ua = phones.start({ user: 'reg-alice2', credential: bobs });
    expect(await registration(ua)).toEqual({ event: 'registrationFailed', status: 403, cause: 'Rejected' });
  });
});

describe('SIP server: routing between registered phones', () => {
  it('delivers a MESSAGE from alice to bob', async () => {
    const alice = await registered('msg-alice');
    const bob = await registered('msg-bob');
    const received = incomingMessage(bob);
    expect(await sendMessage(alice, 'msg-bob', 'line 1 is free')).toBe(200);
    expect(await received).toEqual({ from: 'msg-alice', body: 'line 1 is free' });
  });

  it('answers 404 for a user who is not registered', async () => {
    const alice = await registered('msg-alice2');
    expect(await sendMessage(alice, 'nobody-here', 'hello?')).toBe(404);
  });

  it("refuses bob's credential sending as alice", async () => {
    const carol = await registered('msg-carol');
    const bobs = sipCredentials({ secret, user: 'msg-bob3', ttlSeconds: 600 });
    const impostor = phones.start({ user: 'msg-alice3', credential: bobs, register: false });
    await nextEvent(impostor, 'connected');
    const carolGot: string[] = [];
    carol.on('newMessage', (event: Parameters<MessageListener>[0]) => {
      if (event.originator === 'remote') carolGot.push(String((event as IncomingMessageEvent).request.body));
    });
    expect(await sendMessage(impostor, 'msg-carol', 'I am alice')).toBe(403);
    // The refusal came from the SIP server: carol's phone saw only the message sent after it.
    expect(await sendMessage(await registered('msg-dan'), 'msg-carol', 'marker')).toBe(200);
    expect(carolGot).toEqual(['marker']);
  });
});

/** The next call that rings on `callee`. */
async function ringing(callee: UA): Promise<RTCSession> {
  for (;;) {
    const event = await nextEvent<RTCSessionEvent>(callee, 'newRTCSession');
    if (event.originator === 'remote') return (event as IncomingRTCSessionEvent).session;
  }
}

/** Dials with no media: signalling only (see signaling-only-webrtc.ts). */
function dial(caller: UA, callee: string, domain = kamailio.domain): RTCSession {
  return caller.call(`sip:${callee}@${domain}`, {
    mediaConstraints: { audio: false, video: false },
    pcConfig: { iceServers: [] },
  });
}

/** Alice dials, bob answers; resolves once both sides are confirmed (ACK delivered). */
async function connectedCall(caller: UA, callee: UA, calleeUser: string, domain = kamailio.domain) {
  const incoming = ringing(callee);
  const outgoing = dial(caller, calleeUser, domain);
  const theirs = await incoming;
  const callerConfirmed = nextEvent(outgoing, 'confirmed');
  // The callee's "confirmed" fires only when the caller's ACK arrives through Kamailio.
  const calleeConfirmed = nextEvent(theirs, 'confirmed');
  theirs.answer({ mediaConstraints: { audio: false, video: false }, pcConfig: { iceServers: [] } });
  await Promise.all([callerConfirmed, calleeConfirmed]);
  return { outgoing, incoming: theirs };
}

describe('SIP server: calls between WebSocket phones', () => {
  it('rings bob, bob answers, the ACK reaches bob and bob hangs up on alice', async () => {
    const alice = await registered('call-alice');
    const bob = await registered('call-bob');
    const { outgoing, incoming } = await connectedCall(alice, bob, 'call-bob');
    expect(incoming.remote_identity.uri.user).toBe('call-alice');
    expect(outgoing.isEstablished() && incoming.isEstablished()).toBe(true);

    const aliceEnded = nextEvent<EndEvent>(outgoing, 'ended');
    incoming.terminate();
    // The BYE reached alice's WebSocket: her side ended because bob hung up.
    expect(await aliceEnded).toMatchObject({ originator: 'remote' });
  });

  it('lets alice hang up and bob hears it', async () => {
    const alice = await registered('call-alice2');
    const bob = await registered('call-bob2');
    const { outgoing, incoming } = await connectedCall(alice, bob, 'call-bob2');
    const bobEnded = nextEvent<EndEvent>(incoming, 'ended');
    outgoing.terminate();
    expect(await bobEnded).toMatchObject({ originator: 'remote' });
  });

  it('tells alice when bob rejects the call', async () => {
    const alice = await registered('call-alice3');
    const bob = await registered('call-bob3');
    const incoming = ringing(bob);
    const outgoing = dial(alice, 'call-bob3');
    const failed = nextEvent<EndEvent>(outgoing, 'failed');
    (await incoming).terminate({ status_code: 486 });
    expect(await failed).toMatchObject({ originator: 'remote', cause: 'Busy' });
  });
});

describe('SIP server: restart', () => {
  it.each([
    ['stopped cleanly', false],
    ['killed', true],
  ] as const)('phones register again after Kamailio is %s and restarted on the same port', async (_how, crash) => {
    const tag = crash ? 'crash' : 'clean';
    const alice = await registered(`restart-alice-${tag}`);
    const bob = await registered(`restart-bob-${tag}`);
    const port = kamailio.port;

    const dropped = Promise.all([nextEvent(alice, 'disconnected'), nextEvent(bob, 'disconnected')]);
    const back = Promise.all([
      nextEvent(alice, 'registered', 15_000),
      nextEvent(bob, 'registered', 15_000),
    ]);
    await kamailio.restart({ crash });
    await dropped;
    await back;
    expect(kamailio.port).toBe(port);

    // The new Kamailio knows where bob is: the registration is real, not a stale flag.
    const received = incomingMessage(bob);
    expect(await sendMessage(alice, `restart-bob-${tag}`, 'back online')).toBe(200);
    expect(await received).toEqual({ from: `restart-alice-${tag}`, body: 'back online' });
  });
});

describe('SIP server: rtpengine hooks', () => {
  it('starts with rtpengine configured but not running, and calls between consoles still work', async () => {
    // rtpengine only bridges browser↔plain-SIP calls; consoles calling each other never touch it,
    // so a missing rtpengine must not stop the SIP server or those calls.
    const nobodyListening = `udp:127.0.0.1:${await freePort({ udp: true })}`;
    const withRtpengine = await startKamailio({ secret, rtpengine: nobodyListening, udp: true });
    const local = new Phones(() => withRtpengine);
    try {
      const alice = local.start({ user: 'rtp-alice' });
      const bob = local.start({ user: 'rtp-bob' });
      const outcomes = await Promise.all([registration(alice), registration(bob)]);
      expect(outcomes.map(({ event }) => event)).toEqual(['registered', 'registered']);
      const { outgoing, incoming } = await connectedCall(alice, bob, 'rtp-bob', withRtpengine.domain);
      const bobEnded = nextEvent<EndEvent>(incoming, 'ended');
      outgoing.terminate();
      expect(await bobEnded).toMatchObject({ originator: 'remote' });
    } finally {
      await local.stopAll();
      await local.closed();
      await withRtpengine.stop();
    }
  });
});
