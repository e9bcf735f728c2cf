import { expect, test } from '../support/fixtures';

test('the agent goes on a break with a reason; the console keeps it across a reload and the clock counts', async ({ app, page }) => {
  await app.signInAs('agent');
  const state = page.getByTestId('agent-state');
  await expect(state).toHaveAttribute('data-state', 'available');

  await page.getByTestId('agent-state-select').selectOption('break');
  await expect(state).toHaveAttribute('data-state', 'break');
  // The status bar says the same, with the phone's state and the sync state beside it.
  await expect(page.getByTestId('status-agent')).toHaveAttribute('data-state', 'break');
  await expect(page.getByTestId('status-agent')).toContainText('Break');
  await expect(page.getByTestId('status-bar').getByTestId('status-phone')).toBeVisible();
  await expect(page.getByTestId('status-bar').getByTestId('sync-status')).toBeVisible();
  await page.getByTestId('agent-state-reason').fill('CR');
  await page.getByTestId('agent-state-reason').press('Enter');
  await expect(page.getByTestId('agent-state-reason')).toHaveValue('CR');

  await page.reload();
  await expect(state).toHaveAttribute('data-state', 'break');
  await expect(page.getByTestId('agent-state-reason')).toHaveValue('CR');
  // The time in this state keeps counting from the change, not from the reload.
  await expect(page.getByTestId('agent-state-duration')).not.toHaveText('00:00');

  await page.getByTestId('agent-state-select').selectOption('available');
  await expect(state).toHaveAttribute('data-state', 'available');
  await expect(page.getByTestId('agent-state-reason')).toHaveCount(0);
});

test('supervisors and trainers have no agent state menu', async ({ app, page }) => {
  await app.signInAs('supervisor');
  await expect(page.getByTestId('workspace-supervisor')).toBeVisible();
  await expect(page.getByTestId('agent-state')).toHaveCount(0);
});

test('? shows every keyboard shortcut, but typing ? in a field is just a question mark', async ({ app, page }) => {
  await app.signInAs('agent');
  await page.getByTestId('customer-search').fill('paano?');
  await expect(page.getByTestId('help')).not.toBeVisible();
  await page.getByTestId('customer-search').blur();
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  await expect(help.getByTestId('phone-shortcuts').first()).toContainText('Alt + H');
  await page.keyboard.press('Escape');
  await expect(help).not.toBeVisible();
  await page.getByTestId('help-open').click();
  await expect(help).toBeVisible();
  await help.getByTestId('help-close').click();
  await expect(help).not.toBeVisible();
});
