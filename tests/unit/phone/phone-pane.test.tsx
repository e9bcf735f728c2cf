// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EndCause, type LineState } from '../../../shared/phone/line-state';
import { PhoneErrorCode, RegistrationStatus } from '../../../shared/phone/phone-protocol';
import { PhonePane } from '../../../renderer/src/features/phone/PhonePane';
import { connectPhone, resetPhoneStore, usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { catalogs, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { flatten } from '../renderer/support/catalog-keys';
import { byTestId, cleanup, click, render, typeInto } from '../renderer/support/dom';
import { resetFakeHost } from '../renderer/support/fake-host';
import { rawTexts } from '../renderer/support/raw-text';
import type { PhoneEvent } from '../../../shared/phone/phone-protocol';
import { fakePhone, lineEvent, registered } from './fake-phone';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('../renderer/support/fake-host')).fakeHost }));

const keys = new Set(flatten(catalogs.en).keys());
let phone: ReturnType<typeof fakePhone>;
/** Engine events, delivered the way React sees them in the browser. */
const push = (event: PhoneEvent) => act(async () => phone.push(event));

beforeEach(() => {
  resetFakeHost();
  resetPhoneStore();
  phone = fakePhone();
  connectPhone(phone);
});
afterEach(cleanup);

describe('the phone pane, in the agent’s language', () => {
  beforeAll(() => switchUiLanguage('cimode'));
  afterEach(() => switchUiLanguage('cimode'));

  it('takes every word from the catalogs, in every state a line can be in', async () => {
    usePhoneStore.setState({ setup: 'ready' });
    await push(registered);
    const root = await render(<PhonePane />);
    const allowed = ['+639171234567'];
    const states: LineState[] = [
      { name: 'ringing-in' },
      { name: 'dialing' },
      { name: 'early-media' },
      { name: 'active' },
      { name: 'held' },
      { name: 'transferring', kind: 'blind', from: 'active' },
      ...EndCause.options.map((cause): LineState => ({ name: 'ended', cause })),
    ];
    for (const state of states) {
      await push(lineEvent(1, state, { muted: true, remoteHold: true, signalling: 'lost' }));
      await push(lineEvent(2, { name: 'active' }, { consultFor: 1 }));
      await push({ type: 'dtmfReceived', line: 1, tone: '5' });
      await push({ type: 'quality', line: 2, quality: { lossPercent: 9, jitterMs: 40, rttMs: null, degraded: true, at: 0 } });
      for (const tool of ['line-dtmf', 'line-transfer-complete']) {
        await click(byTestId(byTestId(root, 'line-2'), tool));
        expect(rawTexts(root, keys, allowed), `${JSON.stringify(state)} with ${tool}`).toEqual([]);
      }
      if (state.name === 'active' || state.name === 'held') {
        await click(byTestId(byTestId(root, 'line-1'), 'line-transfer'));
        expect(rawTexts(root, keys, allowed), `${state.name} transfer form`).toEqual([]);
      }
      expect(rawTexts(root, keys, allowed), JSON.stringify(state)).toEqual([]);
      expect(byTestId(root, 'line-1').getAttribute('data-state')).toBe(state.name);
    }
    for (const status of RegistrationStatus.options) {
      await push({ type: 'registration', registration: { status, problem: 'rejected', sipStatus: 403, since: 0, uri: null } });
      expect(rawTexts(root, keys, allowed), status).toEqual([]);
    }
    for (const code of PhoneErrorCode.options) {
      await push({ type: 'error', code, line: 1, detail: null });
      expect(rawTexts(root, keys, allowed), code).toEqual([]);
    }
    for (const setup of ['off', 'loading', 'not-configured', 'error'] as const) {
      await act(async () => usePhoneStore.setState({ setup, setupError: { code: 'UNAVAILABLE', message: 'x' } }));
      await click(root.querySelector('summary')!);
      expect(rawTexts(root, keys, allowed), setup).toEqual([]);
    }
  });
});

describe('the phone pane, in use', () => {
  beforeAll(() => switchUiLanguage('en'));

  it('answers and declines a ringing call, and shows who is calling', async () => {
    usePhoneStore.setState({ setup: 'ready' });
    await push(registered);
    await push(lineEvent(1, { name: 'ringing-in' }));
    const root = await render(<PhonePane />);
    const line = byTestId(root, 'line-1');
    expect(line.getAttribute('data-state')).toBe('ringing-in');
    expect(byTestId(line, 'line-remote').textContent).toBe('+639171234567');
    await click(byTestId(line, 'line-answer'));
    await click(byTestId(line, 'line-reject'));
    expect(phone.commands.slice(-2)).toEqual([
      { type: 'answer', line: 1 },
      { type: 'reject', line: 1 },
    ]);
  });

  it('dials a local number in E.164 and explains a number it cannot dial', async () => {
    usePhoneStore.setState({ setup: 'ready' });
    await push(registered);
    const root = await render(<PhonePane />);
    const input = byTestId<HTMLInputElement>(root, 'phone-dial-input');
    await typeInto(input, 'sip:bob@x;transport=tcp');
    await click(byTestId(root, 'phone-dial'));
    expect(byTestId(root, 'phone-dial-problem').textContent).toBe('“;” can’t be dialled. Use digits, a name, or an address like sip:name@example.com.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(phone.of('dial')).toEqual([]);

    await typeInto(input, '0917 123 4567');
    await click(byTestId(root, 'phone-dial'));
    expect(phone.of('dial')).toEqual([{ type: 'dial', target: 'sip:+639171234567@kalma.local', display: '0917 123 4567' }]);
    expect(root.querySelector('[data-testid="phone-dial-problem"]')).toBeNull();
    expect(input.value).toBe('');
  });

  it('holds, mutes, sends keys and transfers the active call', async () => {
    usePhoneStore.setState({ setup: 'ready' });
    await push(registered);
    await push(lineEvent(1, { name: 'active' }));
    const root = await render(<PhonePane />);
    const line = () => byTestId(root, 'line-1');
    await click(byTestId(line(), 'line-hold'));
    await click(byTestId(line(), 'line-mute'));
    await click(byTestId(line(), 'line-dtmf'));
    await click(byTestId(line(), 'dtmf-key-hash'));
    await click(byTestId(line(), 'line-transfer'));
    await typeInto(byTestId<HTMLInputElement>(line(), 'line-transfer-input'), 'bruno');
    await click(byTestId(line(), 'line-transfer-blind'));
    expect(phone.commands).toEqual([
      { type: 'hold', line: 1 },
      { type: 'mute', line: 1 },
      { type: 'sendDtmf', line: 1, tones: '#', transport: 'rfc4733' },
      { type: 'blindTransfer', line: 1, target: 'sip:bruno@kalma.local' },
    ]);
  });

  it('offers the swap only with one call active and one held', async () => {
    usePhoneStore.setState({ setup: 'ready' });
    await push(lineEvent(1, { name: 'held' }));
    const root = await render(<PhonePane />);
    expect(root.querySelector('[data-testid="phone-swap"]')).toBeNull();
    await push(lineEvent(2, { name: 'active' }));
    await click(byTestId(root, 'phone-swap'));
    expect(phone.of('swap')).toHaveLength(1);
  });

  it('says clearly when the server has no phone system', async () => {
    usePhoneStore.setState({ setup: 'not-configured' });
    const root = await render(<PhonePane />);
    expect(byTestId(root, 'phone-status').getAttribute('data-status')).toBe('not-configured');
    expect(byTestId(root, 'phone-not-configured').textContent).toMatch(/no phone system set up/);
  });
});
