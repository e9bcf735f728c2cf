import { ContractFailure } from '../../../shared/contract/core';
import type { RejectedWrite } from '../../../shared/contract/sync';
import type { OutboxEntry } from '../../../shared/domain/outbox';
import type { HandlerRegistry } from '../contract/registry';
import type { CustomerDataService } from './customer-data-service';

/**
 * The contract's customer and sync calls. Reads come from the signed-in person's cache and never
 * wait on the network; `notes.add` writes the note and its outbox entry together and then nudges
 * the pusher, so the agent's note is safe on disk before the call returns.
 */
export function registerCustomerHandlers(registry: HandlerRegistry, data: CustomerDataService): void {
  registry
    .handle('customers.search', ({ text, limit }) => data.require().cache.search(text, limit))
    .handle('customers.lookupPhone', ({ number, limit }) => data.require().cache.lookupByPhone(number, limit))
    .handle('customers.get', ({ id }) => {
      const { cache } = data.require();
      const customer = cache.getCustomer(id);
      if (!customer) throw new ContractFailure('NOT_FOUND', `No customer ${id} on this computer.`);
      return { customer, orders: cache.orders(id) };
    })
    .handle('customers.history', ({ id, before, limit, kinds }) => {
      const { cache, user } = data.require();
      // One row more than asked says whether an older page exists, without a count query.
      const rows = cache.historyPage(id, before ?? null, limit + 1, kinds ?? null);
      const items = cache.cases.withPending(rows.slice(0, limit), { id: user.id, name: user.displayName });
      const last = items.at(-1);
      return { items, next: rows.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null };
    })
    .handle('notes.add', ({ customerId, text }) => {
      const { cache, sync, user } = data.require();
      const note = cache.addNote(customerId, text, { id: user.id, name: user.displayName });
      sync.afterLocalWrite();
      return note;
    })
    .handle('cases.open', (input) => {
      const { cache, sync, user } = data.require();
      const opened = cache.cases.open(input, { id: user.id, name: user.displayName });
      sync.afterLocalWrite();
      return opened;
    })
    .handle('cases.setStatus', (input) => {
      const { cache, sync, user } = data.require();
      const { view, customerId } = cache.cases.changeStatus(input, { id: user.id, name: user.displayName });
      sync.afterLocalWrite();
      data.announceChanged([customerId]);
      return view;
    })
    .handle('callbacks.mine', () => {
      const { cache, user } = data.require();
      return cache.callbacks.mine(user.id);
    })
    .handle('callbacks.settle', ({ id, status, outcome }) => {
      const { cache, sync } = data.require();
      const customerId = cache.callbacks.settle(id, status, outcome);
      sync.afterLocalWrite();
      data.announceChanged([customerId]);
      return null;
    })
    .handle('drafts.get', ({ key }) => data.require().cache.drafts.get(key))
    .handle('drafts.save', ({ key, text }) => {
      data.require().cache.drafts.save(key, text);
      return null;
    })
    .handle('sync.status', () => {
      data.require();
      return data.status();
    })
    .handle('sync.rejected', () => data.require().cache.rejectedOutbox(1_000).map(toRejectedWrite))
    .handle('sync.retry', () => {
      data.require().sync.retryNow();
      return null;
    });
}

function toRejectedWrite(entry: OutboxEntry): RejectedWrite {
  const payload = (entry.payload ?? {}) as { customerId?: unknown; text?: unknown; note?: unknown };
  return {
    id: entry.id,
    kind: entry.kind,
    createdAt: entry.createdAt,
    reason: entry.rejectedReason ?? '',
    customerId: typeof payload.customerId === 'string' ? payload.customerId : null,
    // A case's status change carries the agent's words as its note.
    text: typeof payload.text === 'string' ? payload.text : typeof payload.note === 'string' ? payload.note : '',
  };
}
