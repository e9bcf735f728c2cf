import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { openConsoleAs, type SignedInConsole } from '../customers/customer-stack';
import { expectNoSeriousViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * The supervisor's wallboard against the worker's shared server: the agent's console reports its
 * state live, the supervisor's board shows a change within a second, and an agent whose console
 * dies (its host killed, no goodbye) shows as unreachable — never as still available.
 */

const MARIA = DEMO_ACCOUNTS.find((account) => account.username === 'agent')!.displayName;
const JOANA = DEMO_ACCOUNTS.find((account) => account.username === 'agent2')!;
const consoles: SignedInConsole[] = [];

test.afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
});

test("the wallboard shows an agent's state change within a second, and an agent whose console is gone as unreachable", async ({ browser, server }) => {
  test.setTimeout(90_000);
  const supervisor = await openConsoleAs(browser, server.url, 'supervisor');
  consoles.push(supervisor);
  const agent = await openConsoleAs(browser, server.url, 'agent');
  consoles.push(agent);

  const board = supervisor.page.getByTestId('wallboard');
  const row = board.getByTestId('wallboard-row').filter({ hasText: MARIA });
  // Signing in makes the agent available; the board hears it without a reload.
  await expect(row).toHaveAttribute('data-status', 'available', { timeout: 15_000 });

  await agent.page.getByTestId('agent-state-select').selectOption('break');
  await expect(row).toHaveAttribute('data-status', 'break', { timeout: 1_000 });
  await expect(row.getByTestId('wallboard-status')).toHaveText('Break');
  await agent.page.getByTestId('agent-state-select').selectOption('available');
  await expect(row).toHaveAttribute('data-status', 'available', { timeout: 1_000 });

  // The supervisor narrows the board to who is available: Maria is there.
  await board.getByTestId('wallboard-filter').selectOption('available');
  await expect(row).toBeVisible();
  await board.getByTestId('wallboard-filter').selectOption('all');

  // The agent's machine dies: the host process is killed, no sign-out, no close from the console.
  await agent.host.process.stop('SIGKILL');
  await expect(row).toHaveAttribute('data-status', 'unreachable', { timeout: 6_000 });
  await expect(row.getByTestId('wallboard-status')).toHaveText('Unreachable');
  await expect(row).toContainText('(last: Available)');
  // A second agent closes the console's browser window; the host runs on, but nobody can take a call there.
  const second = await openConsoleAs(browser, server.url, 'agent', { account: JOANA });
  consoles.push(second);
  const joana = board.getByTestId('wallboard-row').filter({ hasText: JOANA.displayName });
  await expect(joana).toHaveAttribute('data-status', 'available', { timeout: 15_000 });
  await second.page.context().close();
  await expect(joana).toHaveAttribute('data-status', 'unreachable', { timeout: 6_000 });

  // The board, the queue beside it and today's figures with their chart, for every supervisor.
  await expect(supervisor.page.getByTestId('wallboard-chart')).toBeVisible();
  await expectNoSeriousViolations(supervisor.page, "the supervisor's wallboard");
});
