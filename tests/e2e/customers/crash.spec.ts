import { expect, test } from '@playwright/test';
import { tempDir } from '../../fixtures/processes';
import { startWebHost, type WebHost } from '../../fixtures/stack';
import { ConsoleApp, demo } from '../support/console-app';
import { openCustomer, startCustomerStack, timelineItem, type CustomerStack } from './customer-stack';

/**
 * The agent's machine dies mid-sentence: the host is killed (SIGKILL: no shutdown code runs, as in
 * a power cut or a crash), the console comes back on the same machine, and what was typed is there.
 */

let stack: CustomerStack;
const hosts: WebHost[] = [];
const machine = tempDir('e2e-crash-machine');

test.beforeEach(async () => {
  test.setTimeout(180_000);
  stack = await startCustomerStack();
});

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  await stack.dispose();
  machine.remove();
});

test('a console killed while the agent types a note shows the draft when it comes back, and the note saves once', async ({ browser }) => {
  const agent = demo('agent');
  const first = await startWebHost(stack.url, { dataDir: machine.path });
  hosts.push(first);
  const before = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const app = await ConsoleApp.open(await before.newPage(), first);
  await app.signIn(agent.username, agent.password);
  await expect(app.page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });

  await openCustomer(app.page, 'dela cruz 13', 'Ana Dela Cruz 13');
  const text = `Nag-crash habang nagta-type — ${Date.now()}`;
  await app.page.getByTestId('customer-note-input').fill(text);
  await expect(app.page.getByTestId('customer-note-draft')).toHaveText('Draft kept on this computer.');

  // The crash: the host process is killed outright, the page loses its host.
  await first.process.stop('SIGKILL');
  await before.close();

  // Back on the same machine (same data folder), a fresh start of the console.
  const again = await startWebHost(stack.url, { dataDir: machine.path });
  hosts.push(again);
  const after = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const back = await ConsoleApp.open(await after.newPage(), again);
  await back.signIn(agent.username, agent.password);
  await openCustomer(back.page, 'dela cruz 13', 'Ana Dela Cruz 13');
  await expect(back.page.getByTestId('customer-note-input')).toHaveValue(text);

  await back.page.getByTestId('customer-note-save').click();
  await expect(timelineItem(back.page, text)).toHaveCount(1);
  await expect(timelineItem(back.page, text).getByTestId('timeline-pending')).toHaveCount(0, { timeout: 15_000 });
  await after.close();
});
