// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerWithOrders } from '../../../shared/contract/customers';
import type { PhoneMatch } from '../../../shared/domain/customer';
import type { PendingWrapUp } from '../../../shared/domain/wrap-up';
import type { LineState } from '../../../shared/phone/line-state';
import type { PhoneEvent } from '../../../shared/phone/phone-protocol';
import { resetCustomersStore, useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { PhonePane } from '../../../renderer/src/features/phone/PhonePane';
import { connectPhone, resetPhoneStore, usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { WrapUpPane } from '../../../renderer/src/features/wrap-up/WrapUpPane';
import { resetWrapUpStore } from '../../../renderer/src/features/wrap-up/wrap-up-store';
import { catalogs, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { flatten } from '../renderer/support/catalog-keys';
import { byTestId, cleanup, click, render, waitFor } from '../renderer/support/dom';
import { callsTo, emit, failure, reply, resetFakeHost, success } from '../renderer/support/fake-host';
import { rawTexts } from '../renderer/support/raw-text';
import { fakePhone, lineEvent } from './fake-phone';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('../renderer/support/fake-host')).fakeHost }));

const NUMBER = '+639171234567';
const match = (id: string, name: string, account: string): PhoneMatch => ({
  customer: { id, name, tags: [], language: null, primaryPhone: NUMBER, email: null, accountNumbers: [account], matchedBy: 'phone' },
  phone: { label: 'home', number: '0917 123 4567', e164: NUMBER },
  match: 'exact',
  matchedDigits: 12,
});
const FAMILY = [match('c-maria', 'Maria Santos', 'PH-1001'), match('c-joana', 'Joana Santos', 'PH-2002')];

const card = (id: string, name: string): CustomerWithOrders => ({
  customer: { id, name, emails: [], accountNumbers: [], language: null, tags: [], phones: [], addresses: [], version: '1' },
  orders: [],
});

let phone: ReturnType<typeof fakePhone>;
const push = (event: PhoneEvent) => act(async () => phone.push(event));
const ring = (state: LineState = { name: 'ringing-in' }) => push(lineEvent(1, state));

beforeEach(async () => {
  resetFakeHost();
  resetPhoneStore();
  resetCustomersStore();
  resetWrapUpStore();
  phone = fakePhone();
  connectPhone(phone);
  usePhoneStore.setState({ setup: 'ready' });
  await switchUiLanguage('en');
});
afterEach(cleanup);

describe('a number several customers share, on the line card', () => {
  it('marks the first as a guess, offers both with their accounts, and links the one the agent picks', async () => {
    reply('customers.lookupPhone', success(FAMILY));
    const root = await render(<PhonePane />);
    await ring();
    const line = byTestId(root, 'line-1');
    const shown = await waitFor(() => line.querySelector<HTMLElement>('[data-testid="line-customer"][data-status="known"]'), 'the screen-pop');
    expect(shown.dataset.guess).toBe('true');
    expect(shown.textContent).toBe('Maria SantosNot confirmed: ask who is calling');
    const choices = byTestId(line, 'line-choices');
    expect(choices.querySelector('legend')?.textContent).toBe('2 customers share this number');
    expect([...choices.querySelectorAll('label')].map((label) => label.textContent)).toEqual(['Maria SantosAccount PH-1001', 'Joana SantosAccount PH-2002']);
    const radios = [...choices.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.checked)).toEqual([false, false]);
    // One radio group: the browser moves through it with the arrow keys.
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);

    await click(radios[1]!);
    expect(byTestId(line, 'line-customer').dataset.customerId).toBe('c-joana');
    expect(byTestId(line, 'line-customer').dataset.guess).toBe('false');
    expect(line.querySelector('[data-testid="line-customer-guess"]')).toBeNull();
    expect([...line.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.checked)).toEqual([false, true]);
    expect(useCustomersStore.getState().selectedId).toBe('c-joana');
  });

  it('links the call to the customer open in the panel, from the line’s "Change customer"', async () => {
    reply('customers.lookupPhone', success(FAMILY));
    const root = await render(<PhonePane />);
    await ring({ name: 'active' });
    // An answered call is not looked up; it is linked all the same.
    const line = byTestId(root, 'line-1');
    expect(byTestId(line, 'line-link').textContent).toBe('Link to customer…');
    await click(byTestId(line, 'line-link'));
    expect(byTestId(line, 'line-link-panel').textContent).toContain('Open the customer in the customer panel');
    expect(line.querySelector('[data-testid="link-open-customer"]')).toBeNull();

    await act(async () => useCustomersStore.setState({ selectedId: 'c-lola', card: card('c-lola', 'Lola Santos'), cardStatus: 'loaded' }));
    expect(byTestId(line, 'link-open-customer').textContent).toBe('Link to Lola Santos');
    await click(byTestId(line, 'link-open-customer'));
    expect(byTestId(line, 'line-customer').dataset.customerId).toBe('c-lola');
    expect(byTestId(line, 'line-link').textContent).toBe('Change customer');
    expect(line.querySelector('[data-testid="line-link-panel"]')).toBeNull();
  });

  it('offers "New customer" as a button that opens the panel’s form with the caller’s number', async () => {
    reply('customers.lookupPhone', success([]));
    const root = await render(<PhonePane />);
    await ring();
    const line = byTestId(root, 'line-1');
    await waitFor(() => line.querySelector('[data-testid="line-customer"][data-status="unknown"]'), 'new customer');
    expect(byTestId(line, 'line-new-customer').textContent).toBe('New customer');
    await click(byTestId(line, 'line-new-customer'));
    expect(useCustomersStore.getState().profileForm).toMatchObject({ mode: 'new', number: NUMBER });
  });

  it('takes every word from the catalogs', async () => {
    await switchUiLanguage('cimode');
    // A plural is looked up (and shown in cimode) by its base name.
    const keys = new Set([...flatten(catalogs.en).keys()].map((key) => key.replace(/_(one|other)$/, '')));
    reply('customers.lookupPhone', success(FAMILY));
    reply('calls.linkCustomer', failure('CONFLICT'));
    const root = await render(<PhonePane />);
    await ring();
    await waitFor(() => root.querySelector('[data-testid="line-choices"]'), 'the choices');
    await click(byTestId(root, 'line-link'));
    await act(async () => useCustomersStore.setState({ selectedId: 'c-lola', card: card('c-lola', 'Lola Santos'), cardStatus: 'loaded' }));
    const allowed = [NUMBER, 'Maria Santos', 'Joana Santos', 'PH-1001', 'PH-2002', 'Lola Santos'];
    expect(rawTexts(root, keys, allowed)).toEqual([]);
    await act(async () => usePhoneStore.setState({ linkProblem: { callId: 'call-1', code: 'CONFLICT' } }));
    expect(byTestId(root, 'link-problem').dataset.code).toBe('CONFLICT');
    expect(rawTexts(root, keys, allowed)).toEqual([]);
  });
});

describe('changing the customer during wrap-up', () => {
  const pending = (customerId: string | null): PendingWrapUp => ({
    call: {
      id: 'call-1',
      direction: 'inbound',
      number: NUMBER,
      remoteUri: `sip:${NUMBER}@kalma.local`,
      customerId,
      line: 1,
      startedAt: new Date(Date.now() - 65_000).toISOString(),
      answeredAt: new Date(Date.now() - 60_000).toISOString(),
      endedAt: new Date(Date.now() - 5_000).toISOString(),
      endCause: 'hangup-remote',
      transfers: [],
    },
    since: new Date(Date.now() - 5_000).toISOString(),
    rules: { targetSeconds: 60, limitSeconds: 300, defaultDisposition: 'no_disposition' },
  });

  it('names the linked customer, links the call to the one open in the panel through the host, and follows the host', async () => {
    reply('wrapUp.pending', success(pending('c-maria')));
    reply('dispositions.list', success({ dispositions: [], fetchedAt: null }));
    reply('customers.get', (input) => {
      const id = (input as { id: string }).id;
      return success(card(id, id === 'c-maria' ? 'Maria Santos' : 'Joana Santos'));
    });
    reply('calls.linkCustomer', success(pending('c-joana').call));
    const root = await render(<WrapUpPane />);
    const who = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="wrap-up-customer"]'), 'the customer');
    await waitFor(() => who.textContent?.includes('Customer: Maria Santos'), 'Maria named');

    await act(async () => useCustomersStore.setState({ selectedId: 'c-joana', card: card('c-joana', 'Joana Santos'), cardStatus: 'loaded' }));
    await click(byTestId(root, 'wrap-up-change-customer'));
    await click(byTestId(root, 'link-open-customer'));
    expect(callsTo('calls.linkCustomer')).toEqual([{ callId: 'call-1', customerId: 'c-joana' }]);
    expect(root.querySelector('[data-testid="wrap-up-link"]')).toBeNull();

    emit('wrapUp.changed', pending('c-joana'));
    await waitFor(() => byTestId(root, 'wrap-up-customer').textContent?.includes('Customer: Joana Santos'), 'Joana named');
    expect(byTestId(root, 'wrap-up-customer').dataset.customerId).toBe('c-joana');
  });

  it('says when no customer is linked, and offers to link one', async () => {
    reply('wrapUp.pending', success(pending(null)));
    const root = await render(<WrapUpPane />);
    const who = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="wrap-up-customer"]'), 'the customer');
    expect(who.textContent).toBe('No customer linked to this callLink to customer…');
  });
});
