import type { AgentStateChange } from '../../../shared/domain/agent-state';
import { DEFAULT_WRAP_UP_RULES, type PendingWrapUp, type WrapUpInput } from '../../../shared/domain/wrap-up';
import type { CallRecord } from '../../../shared/phone/call-record';
import type { CustomerCache } from '../cache/customer-cache';
import type { HandlerRegistry } from '../contract/registry';
import type { HostLogger } from '../host-log';
import type { SignedInData } from '../sync/customer-data-service';

export interface AfterCallWorkOptions {
  /** The signed-in person's data, or a ContractFailure (UNAUTHENTICATED …) to pass on. */
  data: { require(): SignedInData };
  log: HostLogger;
  announceState(state: AgentStateChange): void;
  announceWrapUp(pending: PendingWrapUp | null): void;
  onCustomersChanged(customerIds: string[]): void;
  now?: () => number;
}

/**
 * The agent's state around calls, and after-call work. A call connecting puts the agent on a call;
 * an answered call ending puts them in wrap-up (unless the other line is still talking), and the
 * wrap-up being saved makes them available again. When the wrap-up limit runs out, the host saves
 * it with the default disposition, so a forgotten form cannot keep an agent off the queue.
 */
export class AfterCallWork {
  private readonly connected = new Set<string>();
  private limitTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: AfterCallWorkOptions) {
    this.now = opts.now ?? Date.now;
  }

  callConnected(callId: string): void {
    const data = this.opts.data.require();
    this.connected.add(callId);
    this.setState(data, 'on_call');
  }

  /** Keeps the record (throws, for the console to resend, when no cache is open). */
  callEnded(record: CallRecord): void {
    const data = this.opts.data.require();
    const { cache, sync, user } = data;
    this.connected.delete(record.id);
    const kept = cache.recordCall(record, { id: user.id, name: user.displayName });
    if (!kept.recorded) return;
    sync.afterLocalWrite();
    if (kept.interaction) this.opts.onCustomersChanged([kept.interaction.customerId]);
    if (this.connected.size > 0) return;
    const pending = this.pending(cache);
    if (pending && pending.rules.limitSeconds === 0) {
      // No after-call work on this floor: saved as it ends, and the agent is available at once.
      this.wrapUpByLimit(pending);
      return;
    }
    if (pending) {
      this.setState(data, 'after_call_work');
      this.armLimit(pending);
    } else if (cache.agentStates.current()?.state === 'on_call') {
      this.setState(data, 'available');
    }
    this.opts.announceWrapUp(pending);
  }

  save(input: WrapUpInput, automatic = false): PendingWrapUp | null {
    const data = this.opts.data.require();
    const { cache, sync, user } = data;
    const { interactions } = cache.wrapUpCall(input, { id: user.id, name: user.displayName }, automatic);
    sync.afterLocalWrite();
    const customers = [...new Set(interactions.map((i) => i.customerId))];
    if (customers.length > 0) this.opts.onCustomersChanged(customers);
    const next = this.pending(cache);
    this.disarmLimit();
    if (next) this.armLimit(next);
    else if (this.connected.size === 0 && isInCallWork(cache.agentStates.current()?.state)) this.setState(data, 'available');
    this.opts.announceWrapUp(next);
    return next;
  }

  /**
   * The agent says who a call waiting for its wrap-up was with. Kept in the cache (a reload during
   * wrap-up keeps it); the wrap-up then goes on this customer's timeline and carries them to the
   * server. Every window showing the wrap-up hears of the change.
   */
  linkCustomer(callId: string, customerId: string): CallRecord {
    const { cache } = this.opts.data.require();
    const call = cache.linkCall(callId, customerId);
    const pending = this.pending(cache);
    if (pending?.call.id === call.id) this.opts.announceWrapUp(pending);
    return call;
  }

  pending(cache: CustomerCache = this.opts.data.require().cache): PendingWrapUp | null {
    const call = cache.callAwaitingWrapUp();
    // The floor's rules as last fetched from the server; the defaults before the first fetch.
    return call ? { call, since: call.endedAt, rules: cache.dispositions.rules() ?? DEFAULT_WRAP_UP_RULES } : null;
  }

  /** Sign-in: a wrap-up left open when the console stopped is due again, with its limit. */
  resume(data: SignedInData): void {
    const pending = this.pending(data.cache);
    if (!pending) return;
    this.setState(data, 'after_call_work');
    this.armLimit(pending);
    this.opts.announceWrapUp(pending);
  }

  /** Sign-out: the timer belongs to the person leaving. */
  stop(): void {
    this.disarmLimit();
    this.connected.clear();
  }

  private armLimit(pending: PendingWrapUp): void {
    this.disarmLimit();
    const dueIn = Date.parse(pending.since) + pending.rules.limitSeconds * 1000 - this.now();
    this.limitTimer = setTimeout(() => this.wrapUpByLimit(pending), Math.max(0, dueIn));
    this.limitTimer.unref();
  }

  private disarmLimit(): void {
    clearTimeout(this.limitTimer);
    this.limitTimer = undefined;
  }

  private wrapUpByLimit(pending: PendingWrapUp): void {
    try {
      this.save({ callId: pending.call.id, disposition: pending.rules.defaultDisposition, notes: '', followUpAt: null, surveyRequested: false, abusive: false }, true);
      this.opts.log.info({ limitSeconds: pending.rules.limitSeconds }, 'wrap-up limit reached; saved with the default disposition');
    } catch (error) {
      // Signed out meanwhile, or saved by the agent at the same moment: nothing left to do.
      this.opts.log.warn({ err: error }, 'wrap-up by limit not saved');
    }
  }

  private setState({ cache, sync }: SignedInData, state: 'on_call' | 'after_call_work' | 'available'): void {
    const before = cache.agentStates.current();
    const after = cache.agentStates.change(state);
    if (after.id === before?.id) return;
    sync.afterLocalWrite();
    this.opts.announceState(after);
  }
}

export function registerAfterCallWorkHandlers(registry: HandlerRegistry, work: AfterCallWork): void {
  registry
    .handle('calls.connected', ({ callId }) => {
      work.callConnected(callId);
      return null;
    })
    .handle('wrapUp.pending', () => work.pending())
    .handle('calls.linkCustomer', ({ callId, customerId }) => work.linkCustomer(callId, customerId))
    .handle('wrapUp.save', (input) => ({ next: work.save(input) }));
}

/** The states the console itself put the agent in; an away state the agent chose is theirs to end. */
function isInCallWork(state: string | undefined): boolean {
  return state === 'on_call' || state === 'after_call_work';
}
