import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { WEEKDAYS, weekdayOf } from '../../../shared/schedules/shift';
import { localDateAt } from '../../../shared/schedules/shift-time';
import { openConsoleAs, type SignedInConsole } from '../customers/customer-stack';
import { expect, test } from '../support/fixtures';

/**
 * Schedules on the floor: the supervisor gives Maria a shift that began an hour ago and saves the
 * week; Maria signs in now, so the wallboard shows her late by about an hour, with her adherence,
 * and her own console shows today's shift.
 */

const MARIA = DEMO_ACCOUNTS.find((account) => account.username === 'agent')!.displayName;
const ZONE = 'Asia/Manila';
const consoles: SignedInConsole[] = [];
const hhmm = (at: number) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

test.afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
});

test("a supervisor schedules the week; an agent who signs in an hour after her shift began shows late on the wallboard", async ({ browser, server }) => {
  test.setTimeout(90_000);
  const supervisor = await openConsoleAs(browser, server.url, 'supervisor');
  consoles.push(supervisor);

  const start = Date.now() - 60 * 60_000;
  const day = weekdayOf(localDateAt(start, ZONE));
  expect(WEEKDAYS).toContain(day);
  const week = supervisor.page.getByTestId('team-week');
  const row = week.getByTestId('team-week-row').filter({ hasText: MARIA });
  const cell = row.locator(`[data-day="${day}"]`);
  await cell.getByRole('button').first().click();
  await cell.locator('input[type="time"]').nth(0).fill(hhmm(start));
  await cell.locator('input[type="time"]').nth(1).fill(hhmm(start + 8 * 3_600_000));
  // No pauses in the first two hours: the meal and the break sit later in the shift.
  await cell.locator('input[type="time"]').nth(2).fill(hhmm(start + 3 * 3_600_000));
  await cell.locator('input[type="time"]').nth(3).fill(hhmm(start + 4 * 3_600_000));
  await week.getByTestId('team-week-zone').selectOption(ZONE);
  await week.getByTestId('team-week-save').click();
  await expect(week.getByTestId('team-week-saved')).toBeVisible();

  const agent = await openConsoleAs(browser, server.url, 'agent');
  consoles.push(agent);
  await expect(agent.page.getByTestId('shift-today')).toContainText('Shift');

  const boardRow = supervisor.page.getByTestId('wallboard').getByTestId('wallboard-row').filter({ hasText: MARIA });
  await expect(boardRow).toHaveAttribute('data-status', 'available', { timeout: 15_000 });
  // Late by her first sign-in of the day on this server: this one, or an earlier spec's in the same
  // worker (the server is the worker's, started well after her shift began an hour ago).
  await expect(boardRow.getByTestId('wallboard-late')).toHaveText(/Late \d+ min/, { timeout: 5_000 });
  const late = Number(/Late (\d+) min/.exec((await boardRow.getByTestId('wallboard-late').textContent()) ?? '')?.[1]);
  expect(late).toBeGreaterThanOrEqual(30);
  expect(late).toBeLessThanOrEqual(61);
  await expect(boardRow.getByTestId('wallboard-adherence')).toHaveText(/Adherence \d+%/);
  await expect(boardRow.getByTestId('wallboard-attendance')).toHaveAttribute('data-in-adherence', 'true');
});
