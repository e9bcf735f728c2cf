/**
 * `npx tsx tests/bench/search-typing.ts [--customers 20000] [--queries 40]`: search as you type in
 * the console, measured where the agent sees it — from each keystroke (the search box's `input`
 * event) to the results for that text (or a later one, when typing outran the search) being in
 * the page, and to the frame that paints them.
 *
 * Real parts: a demo central server with `--customers` customers, the web host, Debian Chromium
 * signed in as the demo agent, the cache synced. Queries are what agents type: names without
 * accents, phone numbers in local formats, order numbers, typed at about 8 keys a second.
 * Printed as `bench: search.typing.p50_ms`, `.p99_ms`, `.frame.p99_ms`; progress on stderr.
 */
import { chromium, expect } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config';
import { demoCustomer } from '../../server/demo-data/generator';
import { DEMO_ACCOUNTS } from '../../shared/domain/demo-accounts';
import { startCentralServer, startWebHost } from '../fixtures/stack';
import { percentile } from './samples';

const Args = z.object({
  customers: z.coerce.number().int().min(100).max(200_000).default(20_000),
  queries: z.coerce.number().int().min(1).max(500).default(40),
});

const note = (text: string) => process.stderr.write(`search-typing: ${text}\n`);
const figure = (name: string, value: number, unit: string) => console.log(`bench: ${name} ${Math.round(value * 10) / 10} ${unit}`);
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** What an agent would type to find customer `index`: a name, a number as said aloud, an order. */
function queryFor(index: number, kind: number): string {
  const demo = demoCustomer(index);
  if (kind === 0) return fold(demo.customer.name);
  if (kind === 1) return fold(demo.customer.name.split(' ').at(-1) ?? demo.customer.name);
  if (kind === 2 && demo.orders[0]) return demo.orders[0].number;
  return demo.customer.phones?.[0]?.number ?? fold(demo.customer.name);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { customers: { type: 'string' }, queries: { type: 'string' } } });
  const args = Args.parse(values);
  note(`${args.queries} queries over ${args.customers} demo customers, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const server = await startCentralServer({ databaseUrl: process.env.DATABASE_URL, env: { KALMA_DEMO_CUSTOMERS: String(args.customers) } });
  const host = await startWebHost(server.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(host.launchUrl);
    const agent = DEMO_ACCOUNTS.find((a) => a.role === 'agent')!;
    await page.getByTestId('signin-username').fill(agent.username);
    await page.getByTestId('signin-password').fill(agent.password);
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
    await expect(page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 600_000 });
    note('console synced');

    await page.evaluate(() => {
      const pending: { value: string; at: number }[] = [];
      const samples: { dom: number; frame: number }[] = [];
      (window as unknown as { __typing: typeof samples }).__typing = samples;
      document.addEventListener('input', (event) => {
        const target = event.target as HTMLInputElement;
        if (target.dataset.testid === 'customer-search' && target.value.trim() !== '') pending.push({ value: target.value, at: performance.now() });
      }, true);
      new MutationObserver(() => {
        const shown = document.querySelector<HTMLElement>('[data-testid="customer-results"]')?.dataset.resultsFor ?? '';
        const upTo = pending.findIndex((p) => p.value === shown);
        if (upTo < 0) return;
        const now = performance.now();
        // Keystrokes the search was still behind on are answered by these results too.
        const answered = pending.splice(0, upTo + 1);
        requestAnimationFrame(() => {
          const painted = performance.now();
          for (const p of answered) samples.push({ dom: now - p.at, frame: painted - p.at });
        });
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-results-for'] });
    });

    const search = page.getByTestId('customer-search');
    for (let q = 0; q < args.queries; q += 1) {
      const text = queryFor(Math.floor(((q * 7919) % args.queries) * (args.customers / args.queries)), q % 4);
      await search.fill('');
      await search.pressSequentially(text, { delay: 120 });
      await expect(page.getByTestId('customer-results')).toHaveAttribute('data-results-for', text, { timeout: 10_000 });
      if ((q + 1) % 10 === 0) note(`${q + 1}/${args.queries} queries`);
    }
    const samples = await page.evaluate(() => (window as unknown as { __typing: { dom: number; frame: number }[] }).__typing);
    const dom = samples.map((s) => s.dom).sort((a, b) => a - b);
    const frame = samples.map((s) => s.frame).sort((a, b) => a - b);
    figure('search.typing.keystrokes', samples.length, 'keystrokes');
    figure('search.typing.p50_ms', percentile(dom, 50), 'ms');
    figure('search.typing.p99_ms', percentile(dom, 99), 'ms');
    figure('search.typing.frame.p99_ms', percentile(frame, 99), 'ms');
  } finally {
    await browser.close();
    await host.stop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
