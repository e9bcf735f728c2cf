import { events, type EventName, type EventPayload } from '../../../shared/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/**
 * Events the host pushes to pages. Payloads are checked against the contract when emitted, so a
 * page never receives an event its schema would refuse. Host adapters subscribe and forward.
 */
export class HostEvents {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].payload.parse(payload);
    for (const listener of this.listeners) listener(name, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
