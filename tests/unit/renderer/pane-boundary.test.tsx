// @vitest-environment jsdom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { PaneBoundary } from '../../../renderer/src/ui/PaneBoundary';
import { cleanup, click, render } from './support/dom';

beforeEach(async () => {
  await switchUiLanguage('en');
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

it('keeps the other panes working when one pane fails, and reloads the failed one on request', async () => {
  let customerBroken = true;
  function CustomerPane() {
    if (customerBroken) throw new Error('bad customer record');
    return <p>customer ok</p>;
  }

  const root = await render(
    <>
      <PaneBoundary name="phone">
        <p>phone ok</p>
      </PaneBoundary>
      <PaneBoundary name="customer">
        <CustomerPane />
      </PaneBoundary>
    </>,
  );

  expect(root.textContent).toContain('phone ok');
  const alert = root.querySelector('[role="alert"]');
  expect(alert?.textContent).toContain('Something went wrong in this panel. Your call is not affected.');

  customerBroken = false;
  await click(alert!.querySelector('button')!);
  expect(root.textContent).toContain('customer ok');
  expect(root.textContent).toContain('phone ok');
  expect(root.querySelector('[role="alert"]')).toBeNull();
});
