import { PAGE_GRACE_MS, PRESENCE_HEARTBEAT_MS, type LiveClientFrame } from '../../../shared/api/presence';
import type { AgentStateChange } from '../../../shared/domain/agent-state';
import type { LiveCall, PresenceReport } from '../../../shared/domain/presence';
import type { LiveEvent } from '../sync/sync-client';

/**
 * Keeps the server told, over the live link, what this console's agent is doing: their state and
 * since when (from the host's state log) and the calls on the lines (from the page). Sent at once on
 * every change and again every heartbeat: the heartbeat is how the server knows the console is
 * still there, so it never stops while someone is signed in, and a link that comes back hears the
 * whole report at once.
 */

/** The sync client's live link, as far as presence needs it. */
export interface LiveChannel {
  sendLive(frame: LiveClientFrame): boolean;
  onLive(listener: (event: LiveEvent) => void): () => void;
}

export class PresenceReporter {
  private link: LiveChannel | null = null;
  private stopListening: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private state: AgentStateChange | null = null;
  private calls: LiveCall[] = [];
  /** The page is closed past the grace period: the server was told, and heartbeats stop. */
  private pageGone = false;
  private pageTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly heartbeatMs = PRESENCE_HEARTBEAT_MS,
    private readonly pageGraceMs = PAGE_GRACE_MS,
  ) {}

  /**
   * Whether a page is open on this host (the web host counts its bridge connections; Electron's
   * host ends with its window). The phone lives in the page: without one, the agent is unreachable.
   */
  pageOpen(open: boolean): void {
    clearTimeout(this.pageTimer);
    this.pageTimer = undefined;
    if (open) {
      if (!this.pageGone) return;
      this.pageGone = false;
      this.send();
      return;
    }
    if (this.pageGone) return;
    this.pageTimer = setTimeout(() => {
      this.pageGone = true;
      // A page that comes back reports its calls again; until then there are none to show.
      this.calls = [];
      this.link?.sendLive({ type: 'gone' });
    }, this.pageGraceMs);
    this.pageTimer.unref();
  }

  /** Someone signed in: report over this link until stop(). */
  start(link: LiveChannel): void {
    this.stop();
    this.link = link;
    this.stopListening = link.onLive((event) => {
      if (event !== 'connected') return;
      if (this.pageGone) link.sendLive({ type: 'gone' });
      else this.send();
    });
    this.heartbeat = setInterval(() => this.send(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  stateChanged(state: AgentStateChange): void {
    this.state = state;
    this.send();
  }

  callsChanged(calls: LiveCall[]): void {
    this.calls = calls;
    this.send();
  }

  /** Signing out: the last state (offline) goes up before the link closes; then nothing more. */
  stop(lastState?: AgentStateChange): void {
    // Sent even with the page gone: a signed-out agent is offline, not unreachable.
    if (lastState && this.link) this.link.sendLive({ type: 'presence', report: { state: lastState.state, stateSince: lastState.at, calls: [] } });
    clearInterval(this.heartbeat);
    this.stopListening?.();
    this.stopListening = null;
    this.link = null;
    this.state = null;
    this.calls = [];
  }

  /** What the server is told now; null before the state is known. */
  report(): PresenceReport | null {
    if (!this.state) return null;
    return { state: this.state.state, stateSince: this.state.at, calls: this.calls };
  }

  private send(): void {
    const report = this.report();
    if (report && this.link && !this.pageGone) this.link.sendLive({ type: 'presence', report });
  }
}
