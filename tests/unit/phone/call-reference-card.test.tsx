// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callReference } from '../../../shared/phone/call-reference';
import type { LineSnapshot } from '../../../shared/phone/phone-protocol';
import { CallReference } from '../../../renderer/src/features/phone/CallReference';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, cleanup, click, render, waitFor } from '../renderer/support/dom';

const STARTED = Date.parse('2025-07-14T09:30:00.000Z');

function line(fields: Partial<LineSnapshot> = {}): LineSnapshot {
  return {
    id: 1,
    state: { name: 'active' },
    callId: 'a84kd0@kalma-3f9a',
    direction: 'inbound',
    remote: { uri: 'sip:+639171234567@pbx', user: '+639171234567', displayName: null },
    startedAt: STARTED,
    answeredAt: STARTED + 5_000,
    muted: false,
    remoteHold: false,
    signalling: 'ok',
    consultFor: null,
    ...fields,
  } as LineSnapshot;
}

beforeAll(async () => {
  await switchUiLanguage('en');
});

afterEach(async () => {
  await cleanup();
  vi.unstubAllGlobals();
});

describe("the call's reference number on the line card", () => {
  it('shows the number the call record will carry, and copies it', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const root = await render(<CallReference line={line()} />);
    const expected = callReference('a84kd0@kalma-3f9a', '2025-07-14T09:30:00.000Z');
    expect(byTestId(root, 'line-reference').getAttribute('data-reference')).toBe(expected);
    expect(root.textContent).toContain(expected);
    await click(byTestId(root, 'line-reference-copy'));
    await waitFor(() => root.textContent?.includes('Copied'), 'the copied note');
    expect(writeText).toHaveBeenCalledWith(expected);
  });

  it('says so when the copy is refused', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async () => Promise.reject(new Error('denied')) } });
    const root = await render(<CallReference line={line()} />);
    await click(byTestId(root, 'line-reference-copy'));
    await waitFor(() => root.querySelector('[role="alert"]'), 'the refusal');
  });

  it('shows nothing on an idle line', async () => {
    const root = await render(<CallReference line={line({ state: { name: 'idle' }, callId: null, startedAt: null })} />);
    expect(root.querySelector('[data-testid="line-reference"]')).toBeNull();
  });
});
