import type { Wallboard } from '../../../shared/api/wallboard';
import type { HostLogger } from '../host-log';
import type { LiveChannel } from '../presence/presence-reporter';

/**
 * A supervisor's wallboard on the host: read from the server when the page asks, then read again
 * whenever the live link says an agent's presence (or anything synced: escalations, callbacks)
 * changed, and sent to the page as `wallboard.changed`. One read at a time; pokes during a read
 * make one more read after it, so a burst of thirty state changes costs two reads, not thirty.
 */

export interface WallboardFeedOptions {
  fetch(): Promise<Wallboard>;
  emit(board: Wallboard): void;
  log: HostLogger;
}

export class WallboardFeed {
  private stopListening: (() => void) | null = null;
  /** The page asked for the board since sign-in: only then is it worth reading on every poke. */
  private watching = false;
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(private readonly opts: WallboardFeedOptions) {}

  /** A supervisor signed in: follow this link's pokes. */
  attach(link: LiveChannel): void {
    this.detach();
    this.stopListening = link.onLive(() => {
      if (this.watching) this.poke();
    });
  }

  detach(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.watching = false;
  }

  /** The page's `wallboard.snapshot`: the board now, and live updates from here on. */
  async snapshot(): Promise<Wallboard> {
    const board = await this.opts.fetch();
    this.watching = this.stopListening !== null;
    return board;
  }

  private poke(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readLoop().finally(() => (this.reading = null));
  }

  private async readLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        const board = await this.opts.fetch();
        if (this.watching) this.opts.emit(board);
      } catch (error) {
        // The next poke (or the link coming back) reads again.
        this.opts.log.info({ err: error }, 'wallboard not read');
      }
    } while (this.again && this.watching);
  }
}
