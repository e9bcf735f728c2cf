import type { HandlerRegistry } from '../contract/registry';
import type { CustomerDataService } from './customer-data-service';

/**
 * New customers and profile edits. Each is on disk with its outbox entry before the call returns;
 * then the pusher is nudged, and every open panel (a screen-pop, the other line's card) hears that
 * the customer changed.
 */
export function registerCustomerProfileHandlers(registry: HandlerRegistry, data: CustomerDataService): void {
  registry
    .handle('customers.create', (input) => {
      const { cache, sync } = data.require();
      const created = cache.editor.create(input);
      sync.afterLocalWrite();
      data.announceChanged([created.id]);
      return created;
    })
    .handle('customers.update', (input) => {
      const { cache, sync } = data.require();
      const updated = cache.editor.update(input);
      sync.afterLocalWrite();
      data.announceChanged([updated.id]);
      return updated;
    });
}
