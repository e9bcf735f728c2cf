/**
 * `npx tsx tests/bench/screen-pop.ts [--calls 50] [--customers 2000] [--callers 5]`: how long an
 * agent waits, after an incoming INVITE reaches the console's phone (JsSIP's newRTCSession, the
 * engine's `phone.invite-received` mark), for the caller's customer name to be on the line card.
 *
 * Real parts throughout: a central server with demo customers, the console (web host + Debian
 * Chromium) synced and signed in as an agent, Kamailio and rtpengine, and customers calling from
 * baresip with their demo phone numbers. One call at a time: ring, name shown, the caller hangs up.
 * Printed as `bench: phone.screen_pop.p50_ms <v> ms` and `.p99_ms` (name in the page's DOM), and
 * `phone.screen_pop.frame.*` (the next animation frame after that, i.e. the frame that paints it).
 * Progress goes to stderr.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { demoCustomer } from '../../server/demo-data/generator';
import { e164Of } from '../../server/demo-data/phones';
import { startKamailio, type Kamailio } from '../fixtures/kamailio';
import { startRtpengine, type Rtpengine } from '../fixtures/rtpengine';
import { startCentralServer, type CentralServer } from '../fixtures/stack';
import { tempDir } from '../fixtures/processes';
import { adminToken, createAgent } from '../e2e/support/phone-accounts';
import { Baresip } from '../e2e/support/phone-baresip';
import { Party } from '../e2e/support/phone-party';
import { writeToneWav } from '../e2e/support/phone-tones';
import { percentile } from './samples';

const Args = z.object({
  calls: z.coerce.number().int().min(1).max(1_000).default(50),
  customers: z.coerce.number().int().min(10).max(200_000).default(2_000),
  callers: z.coerce.number().int().min(1).max(20).default(5),
});

const PASSWORD = 'bench-password-2026';
const INVITE_RECEIVED_MARK = 'phone.invite-received';

const note = (text: string) => process.stderr.write(`screen-pop: ${text}\n`);
const figure = (name: string, value: number, unit: string) => console.log(`bench: ${name} ${Math.round(value * 10) / 10} ${unit}`);

interface Sample {
  dom: number;
  frame: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { calls: { type: 'string' }, customers: { type: 'string' }, callers: { type: 'string' } } });
  const args = Args.parse(values);
  note(`${args.calls} calls from ${args.callers} customers' phones, ${args.customers} demo customers, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const secret = randomBytes(18).toString('base64url');
  const tones = tempDir('bench-tones');
  let rtpengine: Rtpengine | undefined;
  let kamailio: Kamailio | undefined;
  let server: CentralServer | undefined;
  let agent: Party | undefined;
  const callers: Baresip[] = [];
  try {
    rtpengine = await startRtpengine();
    kamailio = await startKamailio({ secret, rtpengine: rtpengine.ngSocket, udp: true });
    server = await startCentralServer({
      databaseUrl: process.env.DATABASE_URL,
      env: {
        KALMA_SIP_SECRET: secret,
        KALMA_SIP_WS_URLS: kamailio.wsUrl,
        KALMA_SIP_DOMAIN: kamailio.domain,
        KALMA_DEMO_CUSTOMERS: String(args.customers),
        // 50 calls in a row to one agent: no after-call work between them.
        KALMA_WRAP_UP_LIMIT_SECONDS: '0',
      },
    });
    note(`server up with ${args.customers} customers`);

    const username = `bench-agent-${randomBytes(3).toString('hex')}`;
    await createAgent(server.url, await adminToken(server.url), username, 'Bench Agent', PASSWORD);
    agent = await Party.start({ name: 'Agent', username, password: PASSWORD, tone: 440, toneFile: writeToneWav(tones.path, 440), serverUrl: server.url });
    await agent.isReady(30_000);

    // Customers spread over the demo set, each calling from their first number.
    const customers = Array.from({ length: args.callers }, (_, i) => demoCustomer(Math.floor(((i + 0.5) * args.customers) / args.callers)));
    for (const customer of customers) {
      callers.push(await Baresip.start({ kamailio, user: e164Of(customer.dialable[0]!), tone: 880 }));
    }
    const last = customers.at(-1)!;
    await agent.hasCustomer(e164Of(last.dialable[0]!), last.customer.name, 120_000);
    note('console synced, callers registered');

    await installTimer(agent);
    const agentUri = `sip:${username}@${kamailio.domain}`;
    const samples: Sample[] = [];
    for (let call = 0; call < args.calls; call += 1) {
      const caller = callers[call % callers.length]!;
      const customer = customers[call % customers.length]!;
      const since = caller.mark();
      await caller.dial(agentUri);
      const sample = await nextSample(agent, call, 20_000);
      const shown = await agent.line(1).getByTestId('line-customer').textContent();
      if (shown !== customer.customer.name) throw new Error(`call ${call}: the line showed "${shown}", expected "${customer.customer.name}"`);
      samples.push(sample);
      await caller.hangUp();
      await caller.waitForEvent('CALL_CLOSED', { since });
      await agent.expectLineOver(1);
      if ((call + 1) % 10 === 0) note(`${call + 1}/${args.calls} calls`);
    }

    const dom = samples.map((s) => s.dom).sort((a, b) => a - b);
    const frame = samples.map((s) => s.frame).sort((a, b) => a - b);
    figure('phone.screen_pop.calls', samples.length, 'calls');
    figure('phone.screen_pop.p50_ms', percentile(dom, 50), 'ms');
    figure('phone.screen_pop.p99_ms', percentile(dom, 99), 'ms');
    figure('phone.screen_pop.max_ms', dom.at(-1)!, 'ms');
    figure('phone.screen_pop.frame.p50_ms', percentile(frame, 50), 'ms');
    figure('phone.screen_pop.frame.p99_ms', percentile(frame, 99), 'ms');
  } finally {
    await Promise.all(callers.map((caller) => caller.stop()));
    await agent?.close();
    await server?.stop();
    await kamailio?.stop();
    await rtpengine?.stop();
    tones.remove();
  }
}

/**
 * In the console: when a line card first shows a known customer after an INVITE, note the time
 * since the engine's `phone.invite-received` mark (a MutationObserver fires right after the DOM
 * change, before the next frame paints), and the next animation frame's time as well.
 */
async function installTimer(agent: Party): Promise<void> {
  await agent.page.evaluate((markName) => {
    const samples: { dom: number; frame: number }[] = [];
    let counted = -1;
    (window as unknown as { __screenPop: typeof samples }).__screenPop = samples;
    new MutationObserver(() => {
      const invite = performance.getEntriesByName(markName, 'mark').at(-1) as PerformanceMark | undefined;
      if (!invite || invite.startTime === counted) return;
      const callId = (invite.detail as { callId?: string } | null)?.callId ?? '';
      // The name for this call, not the previous call's still on an ended line.
      if (!document.querySelector(`[data-testid="line-customer"][data-status="known"][data-call-id="${CSS.escape(callId)}"]`)) return;
      const dom = performance.now() - invite.startTime;
      counted = invite.startTime;
      // The rAF callback runs in the frame that paints the name (its own timestamp is the frame's
      // start, which can precede the DOM change, so the time is read inside it).
      requestAnimationFrame(() => samples.push({ dom, frame: performance.now() - invite.startTime }));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  }, INVITE_RECEIVED_MARK);
}

async function nextSample(agent: Party, index: number, timeoutMs: number): Promise<Sample> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const samples = await agent.page.evaluate(() => (window as unknown as { __screenPop: Sample[] }).__screenPop);
    if (samples.length > index) return samples[index]!;
    if (Date.now() > deadline) throw new Error(`call ${index}: no customer shown within ${timeoutMs} ms`);
    await new Promise((next) => setTimeout(next, 20));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
