import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { startKamailio, type Kamailio } from '../../fixtures/kamailio';
import { startRtpengine, type Rtpengine } from '../../fixtures/rtpengine';
import { tempDir } from '../../fixtures/processes';
import { startCentralServer, type CentralServer } from '../../fixtures/stack';
import { adminToken, createAgent } from './phone-accounts';
import { Party } from './phone-party';
import { TONES, writeToneWav, type Tone } from './phone-tones';

export interface SipRig {
  kamailio: Kamailio;
  /** The central server, provisioning consoles for this Kamailio. */
  server: CentralServer;
  /** Tone WAV per frequency. */
  toneFiles: Record<Tone, string>;
  adminToken: string;
  /** Present when the worker bridges media for plain SIP phones (`test.use({ bridgeMedia: true })`). */
  rtpengine: Rtpengine | null;
}

export interface PartyRequest {
  tone: Tone;
  /** Another sound for the fake microphone than the plain tone (it should still carry `tone`). */
  toneFile?: string;
  beforeOpen?: (page: Page) => Promise<void>;
  /** Do not wait for "Ready for calls" (tests about refused registrations). */
  unregistered?: boolean;
  /** A supervisor (their console opens on the team view); default an agent. */
  role?: 'agent' | 'supervisor' | 'trainer';
  teamIds?: string[];
}

/** Starts a party: a new agent account, its own Chromium and web host, signed in, registered. */
export type Parties = (name: string, request: PartyRequest) => Promise<Party>;

export const PARTY_PASSWORD = 'party-password-2026';
/**
 * Parties start two at a time: each is a web host and a browser, and starting four at once on a
 * two-core machine only makes every one of them slow enough to time out.
 */
const STARTING_AT_ONCE = 2;

function limit(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= concurrency) await new Promise<void>((go) => waiting.push(go));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

interface WorkerFixtures {
  sip: SipRig;
  /**
   * Also run rtpengine and let Kamailio take plain SIP over UDP, so that a non-WebRTC phone
   * (baresip) can call and be called, its RTP bridged to the consoles' DTLS-SRTP.
   */
  bridgeMedia: boolean;
  /**
   * The floor's wrap-up limit in seconds. 0 (the default here) means no after-call work, so an
   * agent is rung again as soon as a call ends: these specs are about call control. Wrap-up
   * specs set the floor's usual limit with `test.use({ wrapUpLimitSeconds: 300 })`.
   */
  wrapUpLimitSeconds: number;
}
interface TestFixtures {
  party: Parties;
}

/**
 * One Kamailio and one central server per worker (sharing the SIP secret), and per test as many
 * parties as it asks for, each a new agent account so tests never share a phone identity.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  bridgeMedia: [false, { scope: 'worker', option: true }],
  wrapUpLimitSeconds: [0, { scope: 'worker', option: true }],
  sip: [
    async ({ bridgeMedia, wrapUpLimitSeconds }, use) => {
      const secret = randomBytes(18).toString('base64url');
      // rtpengine first: Kamailio probes its control socket when it starts.
      const rtpengine = bridgeMedia ? await startRtpengine() : null;
      let kamailio: Kamailio | undefined;
      const tones = tempDir('tones');
      let server: CentralServer | undefined;
      try {
        kamailio = await startKamailio(bridgeMedia && rtpengine ? { secret, rtpengine: rtpengine.ngSocket, udp: true } : { secret });
        server = await startCentralServer({
          databaseUrl: process.env.DATABASE_URL,
          env: {
            KALMA_SIP_SECRET: secret,
            KALMA_SIP_WS_URLS: kamailio.wsUrl,
            KALMA_SIP_DOMAIN: kamailio.domain,
            KALMA_WRAP_UP_LIMIT_SECONDS: String(wrapUpLimitSeconds),
          },
        });
        const toneFiles = Object.fromEntries(TONES.map((tone) => [tone, writeToneWav(tones.path, tone)])) as Record<Tone, string>;
        await use({ kamailio, server, toneFiles, adminToken: await adminToken(server.url), rtpengine });
      } finally {
        await server?.stop();
        await kamailio?.stop();
        await rtpengine?.stop();
        tones.remove();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  party: async ({ sip }, use, testInfo) => {
    const started: Party[] = [];
    let count = 0;
    const fewAtATime = limit(STARTING_AT_ONCE);
    const start: Parties = (name, request) => fewAtATime(async () => {
      count += 1;
      const username = `${name.toLowerCase()}-w${testInfo.workerIndex}-${randomBytes(3).toString('hex')}-${count}`;
      const userId = await createAgent(sip.server.url, sip.adminToken, username, name, PARTY_PASSWORD, { role: request.role, teamIds: request.teamIds });
      const party = await Party.start({
        name,
        username,
        userId,
        role: request.role ?? 'agent',
        password: PARTY_PASSWORD,
        tone: request.tone,
        toneFile: request.toneFile ?? sip.toneFiles[request.tone],
        serverUrl: sip.server.url,
        beforeOpen: request.beforeOpen,
      });
      started.push(party);
      if (!request.unregistered) await party.isReady();
      return party;
    });
    await use(start);
    await Promise.all(started.map((party) => party.close()));
  },
});

export { expect };
