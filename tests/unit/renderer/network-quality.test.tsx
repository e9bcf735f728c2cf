// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerLink } from '../../../shared/contract/network';
import type { RegistrationState } from '../../../shared/phone/phone-protocol';
import { NetworkQualityItem } from '../../../renderer/src/features/network/NetworkQualityItem';
import { assessNetwork, POOR_ROUND_TRIP_MS } from '../../../renderer/src/features/network/network-quality';
import { resetNetworkStore } from '../../../renderer/src/features/network/network-store';
import { usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { catalogs, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { flatten } from './support/catalog-keys';
import { byTestId, cleanup, render, waitFor } from './support/dom';
import { emit, reply, resetFakeHost, success } from './support/fake-host';
import { rawTexts } from './support/raw-text';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const link = (roundTripMs: number | null, reachable = true): ServerLink => ({ reachable, roundTripMs, measuredAt: '2025-03-04T09:00:00.000Z' });
const phone = (status: RegistrationState['status'], problem: RegistrationState['problem'] = null): RegistrationState => ({ status, problem, sipStatus: null, since: 0, uri: null });

describe('how the network is doing, from measured facts', () => {
  it('is good on a quick round trip, poor above the threshold, offline when the server does not answer', () => {
    expect(assessNetwork({ browserOnline: true, server: link(42), phone: phone('registered') })).toEqual({ level: 'good', reasons: [{ kind: 'roundTrip', ms: 42 }] });
    expect(assessNetwork({ browserOnline: true, server: link(POOR_ROUND_TRIP_MS), phone: null }).level).toBe('good');
    expect(assessNetwork({ browserOnline: true, server: link(POOR_ROUND_TRIP_MS + 1), phone: null }).level).toBe('poor');
    expect(assessNetwork({ browserOnline: true, server: link(null, false), phone: null })).toEqual({ level: 'offline', reasons: [{ kind: 'unreachable' }] });
  });

  it('is offline when the computer has no network, whatever the last measure said', () => {
    expect(assessNetwork({ browserOnline: false, server: link(20), phone: phone('registered') })).toEqual({ level: 'offline', reasons: [{ kind: 'noConnection' }] });
  });

  it('is poor when the phone lost its registration to the network, not when its password was refused', () => {
    expect(assessNetwork({ browserOnline: true, server: link(30), phone: phone('unregistered') }).level).toBe('poor');
    expect(assessNetwork({ browserOnline: true, server: link(30), phone: phone('failed', 'timeout') }).level).toBe('poor');
    expect(assessNetwork({ browserOnline: true, server: link(30), phone: phone('failed', 'rejected') }).level).toBe('good');
    expect(assessNetwork({ browserOnline: true, server: link(30), phone: phone('connecting') }).level).toBe('good');
  });

  it('says it is still checking before the first measure', () => {
    expect(assessNetwork({ browserOnline: true, server: null, phone: null }).level).toBe('checking');
    expect(assessNetwork({ browserOnline: true, server: { reachable: false, roundTripMs: null, measuredAt: null }, phone: null }).level).toBe('checking');
  });
});

describe('the network indicator in the status bar', () => {
  beforeEach(async () => {
    resetFakeHost();
    resetNetworkStore();
    usePhoneStore.setState({ setup: 'off' });
    await switchUiLanguage('en');
  });
  afterEach(cleanup);

  it('shows the level and gives the round trip in its tooltip and accessible name, following the host', async () => {
    reply('network.quality', success(link(42)));
    const root = await render(<NetworkQualityItem />);
    const item = await waitFor(() => root.querySelector<HTMLElement>('[data-level="good"]'), 'a good network');
    expect(item.textContent).toBe('Network: good');
    expect(item.title).toBe('Server round trip 42 ms');
    expect(item.getAttribute('aria-label')).toBe('Network: good. Server round trip 42 ms');

    await act(async () => emit('network.quality', link(null, false)));
    expect(item.dataset.level).toBe('offline');
    expect(item.textContent).toBe('Network: offline');
    expect(item.title).toBe("Can't reach the Kalma server");
  });

  it('follows the computer losing its network', async () => {
    reply('network.quality', success(link(42)));
    const root = await render(<NetworkQualityItem />);
    await waitFor(() => root.querySelector('[data-level="good"]'), 'a good network');
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await act(async () => window.dispatchEvent(new Event('offline')));
    expect(byTestId(root, 'network-quality').dataset.level).toBe('offline');
    expect(byTestId(root, 'network-quality').title).toBe('This computer has no network connection');
    online.mockRestore();
  });

  it('says everything through the catalogs', async () => {
    await switchUiLanguage('cimode');
    reply('network.quality', success(link(420)));
    usePhoneStore.setState({ setup: 'ready', registration: phone('unregistered') });
    const root = await render(<NetworkQualityItem />);
    await waitFor(() => root.querySelector('[data-level="poor"]'), 'a poor network');
    // Two reasons are joined with ". " in the tooltip: each part is a catalog text.
    const texts = rawTexts(root, new Set(flatten(catalogs.en).keys())).flatMap((text) => text.replace(/^title="|"$/g, '').split('. '));
    expect(texts.filter((text) => !flatten(catalogs.en).has(text))).toEqual([]);
  });
});
