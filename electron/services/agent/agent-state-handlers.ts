import type { AgentStateChange } from '../../../shared/domain/agent-state';
import type { CustomerCache } from '../cache/customer-cache';
import type { HandlerRegistry } from '../contract/registry';
import type { CustomerDataService } from '../sync/customer-data-service';

/**
 * The agent's state at the edges of a shift. Signing in makes an agent available unless they
 * were away (a console restarted mid-lunch resumes the lunch); a call that was connected when the
 * console last stopped is over, so `on_call` becomes available too. Signing out is `offline`.
 */
export function startShift(cache: CustomerCache): AgentStateChange {
  const current = cache.agentStates.current();
  if (!current || current.state === 'offline' || current.state === 'on_call') return cache.agentStates.change('available');
  return current;
}

export function endShift(cache: CustomerCache): AgentStateChange {
  return cache.agentStates.change('offline');
}

/** `agent.state` and `agent.setState`, answered from the signed-in person's cache. */
export function registerAgentStateHandlers(
  registry: HandlerRegistry,
  data: CustomerDataService,
  announce: (state: AgentStateChange) => void,
): void {
  registry
    .handle('agent.state', () => {
      const { cache } = data.require();
      return cache.agentStates.current() ?? startShift(cache);
    })
    .handle('agent.setState', ({ state, reason }) => {
      const { cache, sync } = data.require();
      const before = cache.agentStates.current();
      const after = cache.agentStates.change(state, reason ?? null);
      if (after.id !== before?.id) {
        sync.afterLocalWrite();
        announce(after);
      }
      return after;
    });
}
