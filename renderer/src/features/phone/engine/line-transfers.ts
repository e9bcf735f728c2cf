import type { RTCSession } from 'jssip/lib/RTCSession';
import type { CallTransfer, CallTransfer as Transfer } from '../../../../../shared/phone/call-record';
import type { Line } from './line';
import { NotNow } from './line';
import { newCall, remoteOf, remoteOfUri, type CallInfo } from './line-call';

export interface ReferRequest {
  request: { refer_to?: { uri: { toString(): string; clone(): { clearHeaders(): void; toString(): string } } } };
  accept: (initCallback: (session: RTCSession) => void, options: object) => unknown;
  reject: () => void;
}

type Refer = (target: string, options: object) => unknown;

const transfer = (kind: Transfer['kind'], target: string, outcome: Transfer['outcome']): CallTransfer => ({
  kind,
  target: target.slice(0, 300),
  at: new Date().toISOString(),
  outcome,
});

/**
 * Transfers on one line, from all three seats:
 * - this agent hands the call on: blind (REFER, the line is free once the other end takes it)
 *   or attended (REFER with Replaces, joining the held call with the consultation on the other line);
 * - the other end moves this line to someone else (REFER received: call the target, then let the
 *   old call go);
 * - this line's call is replaced by a new one (INVITE with Replaces: answer it, let the old one go).
 */
export class LineTransfers {
  private referred: { session: RTCSession; call: CallInfo; gone: boolean } | null = null;
  private pendingReplacement = false;

  constructor(private readonly line: Line) {}

  reset(): void {
    this.referred = null;
    this.pendingReplacement = false;
  }

  get awaitingReplacement(): boolean {
    return this.pendingReplacement;
  }

  // ——— this agent transfers ———

  blind(target: string, display: string): void {
    const line = this.line;
    const session = line.session;
    if (!session || (line.state.name !== 'active' && line.state.name !== 'held')) throw new NotNow('blindTransfer');
    line.apply({ type: 'transfer-start', kind: 'blind' });
    let settled = false;
    const fail = () => {
      if (settled) return;
      settled = true;
      this.failed(session, 'blind', display);
    };
    const started = (session.refer as Refer)(target, {
      eventHandlers: {
        // 202 Accepted: the other end is calling the target; this agent's part is done.
        requestSucceeded: () => {
          if (settled || session !== line.session) return;
          settled = true;
          line.call?.transfers.push(transfer('blind', display, 'completed'));
          line.endWith('transferred');
        },
        requestFailed: fail,
      },
    });
    if (started === false) fail();
  }

  attended(consult: Line): void {
    const line = this.line;
    const consultSession = consult.session;
    if (!line.session || (line.state.name !== 'active' && line.state.name !== 'held') || !consultSession || consult.state.name !== 'active') {
      throw new NotNow('completeAttendedTransfer');
    }
    const display = consult.call?.remote.displayName ?? consult.call?.remote.user ?? consultSession.remote_identity.uri.toString();
    consult.expectTransferEnd = true;
    this.referReplacing(consultSession, display, (joined) => {
      if (joined) consult.endWith('transferred');
      else consult.expectTransferEnd = false;
    });
  }

  /**
   * A supervisor takes the customer over: the customer is joined to the supervisor's monitoring
   * leg, so the customer's new call takes that leg's place on the supervisor's phone. Settles with
   * true once the customer is connected to the supervisor.
   */
  handOver(leg: RTCSession, display: string): Promise<boolean> {
    const line = this.line;
    if (!line.session || (line.state.name !== 'active' && line.state.name !== 'held')) return Promise.resolve(false);
    return new Promise((settle) => this.referReplacing(leg, display, settle));
  }

  /**
   * REFER this line's call to the far end of `other` with Replaces of `other`: the two parties are
   * joined and this line is free. `settled(true)` on NOTIFY 200, `settled(false)` when it failed.
   */
  private referReplacing(other: RTCSession, display: string, settled: (joined: boolean) => void): void {
    const line = this.line;
    const session = line.session;
    if (!session) return settled(false);
    line.apply({ type: 'transfer-start', kind: 'attended' });
    let done = false;
    const fail = () => {
      if (done) return;
      done = true;
      settled(false);
      this.failed(session, 'attended', display);
    };
    const started = (session.refer as Refer)(other.remote_identity.uri.toString(), {
      replaces: other,
      eventHandlers: {
        // NOTIFY 200: the two parties are connected; this line's part is done.
        accepted: () => {
          if (done) return;
          done = true;
          line.call?.transfers.push(transfer('attended', display, 'completed'));
          line.endWith('transferred');
          settled(true);
        },
        requestFailed: fail,
        failed: fail,
      },
    });
    if (started === false) fail();
  }

  private failed(session: RTCSession, kind: Transfer['kind'], display: string): void {
    const line = this.line;
    if (session !== line.session || line.state.name !== 'transferring') return;
    line.call?.transfers.push(transfer(kind, display, 'failed'));
    line.apply({ type: 'transfer-failed' });
    line.ctx.emit({ type: 'error', code: 'transfer-failed', line: line.id, detail: null });
  }

  // ——— the other end moves this line (REFER received) ———

  onRefer(session: RTCSession, event: ReferRequest): void {
    const line = this.line;
    const audio = line.audio;
    const referTo = event.request.refer_to?.uri;
    if (session !== line.session || !line.call || !audio || !referTo || (line.state.name !== 'active' && line.state.name !== 'held')) {
      event.reject();
      return;
    }
    const target = referTo.clone();
    target.clearHeaders();
    line.apply({ type: 'transfer-start', kind: 'referred' });
    this.referred = { session, call: line.call, gone: false };
    event.accept(
      (next: RTCSession) => {
        line.adopt(next, newCall(next.id, 'outbound', remoteOfUri(target.toString())));
        line.watchConnection(next);
      },
      { mediaStream: audio.outgoingStream, pcConfig: line.ctx.pcConfig() },
    );
    if (line.session === session) {
      // JsSIP declined to start the new call: stay on the one we have.
      this.referred = null;
      line.apply({ type: 'transfer-failed' });
    }
  }

  /** The new call after a REFER was answered: the old one is over. */
  referCompleted(): void {
    const old = this.referred;
    this.referred = null;
    if (!old) return;
    this.line.record(old.call, 'transferred', [transfer('referred', this.line.call?.remote.uri ?? '', 'completed')]);
    if (!old.session.isEnded()) {
      try {
        old.session.terminate();
      } catch {
        // already ending
      }
    }
  }

  /** A session this line moved away from ended (after a REFER or a Replaces): nothing to settle. */
  supersededEnded(session: RTCSession): void {
    if (this.referred?.session === session) this.referred.gone = true;
  }

  /**
   * The new call after a REFER failed. If the old call is still up the line goes back to it
   * (returns true: the line keeps its call); otherwise the old call's record is written and the
   * line ends with the new call's cause.
   */
  newSessionFailed(session: RTCSession): boolean {
    const line = this.line;
    const old = this.referred;
    if (!old || line.session !== session || line.state.name !== 'transferring') return false;
    this.referred = null;
    const target = line.call?.remote.uri ?? '';
    if (!old.gone && !old.session.isEnded()) {
      if (line.call) line.record(line.call, 'failed');
      line.session = old.session;
      line.call = old.call;
      old.call.transfers.push(transfer('referred', target, 'failed'));
      line.apply({ type: 'transfer-failed' });
      line.attachRemoteAudio(old.session);
      return true;
    }
    line.record(old.call, 'transferred', [transfer('referred', target, 'failed')]);
    return false;
  }

  // ——— this line's call is replaced (INVITE with Replaces) ———

  onReplaces(session: RTCSession, event: ReferRequest): void {
    const line = this.line;
    if (session !== line.session || !line.audio || (line.state.name !== 'active' && line.state.name !== 'held')) {
      event.reject();
      return;
    }
    // JsSIP announces the replacing INVITE as a new session during accept(); the engine hands it
    // to adoptReplacement() because this flag is set.
    this.pendingReplacement = true;
    (event.accept as () => unknown)();
    this.pendingReplacement = false;
  }

  adoptReplacement(next: RTCSession): void {
    const line = this.line;
    const audio = line.audio;
    this.pendingReplacement = false;
    if (!audio) {
      next.terminate({ status_code: 480 });
      return;
    }
    const remote = remoteOf(next);
    if (line.call) line.record(line.call, 'transferred', [transfer('attended', remote.displayName ?? remote.user, 'completed')]);
    if (line.state.name === 'held') line.apply({ type: 'resume' });
    const call = newCall(next.id, 'inbound', remote);
    call.answeredAt = Date.now();
    line.adopt(next, call);
    next.answer({ mediaStream: audio.outgoingStream, pcConfig: line.ctx.pcConfig() });
    line.watchConnection(next);
  }
}
