import { approverLevelOf } from '../../../shared/domain/escalation-routing';
import type { HandlerRegistry } from '../contract/registry';
import type { CustomerDataService } from '../sync/customer-data-service';

/**
 * The contract's escalation calls. Everything answers from the signed-in person's cache; a raise
 * or a decision is on disk with its outbox entry before the call returns, then the pusher is
 * nudged. Who decides at which level comes from the signed-in account (role, approval level); the
 * server checks again when the decision arrives.
 */
export function registerEscalationHandlers(registry: HandlerRegistry, data: CustomerDataService): void {
  registry
    .handle('escalations.raise', (input) => {
      const { cache, sync, user } = data.require();
      const raised = cache.escalations.raise(input, { id: user.id, name: user.displayName });
      sync.afterLocalWrite();
      data.announceChanged([raised.customerId]);
      return raised;
    })
    .handle('escalations.forCustomer', ({ customerId, limit }) => data.require().cache.escalations.forCustomer(customerId, limit))
    .handle('escalations.queue', ({ limit }) => {
      const { cache, user } = data.require();
      const level = approverLevelOf(user);
      return { level, items: cache.escalations.queue(level, limit) };
    })
    .handle('escalations.decide', (input) => {
      const { cache, sync, user } = data.require();
      const decided = cache.escalations.decide(input, { author: { id: user.id, name: user.displayName }, level: approverLevelOf(user) });
      sync.afterLocalWrite();
      data.announceChanged([decided.customerId]);
      return decided;
    });
}
