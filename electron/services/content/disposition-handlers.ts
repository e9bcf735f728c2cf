import type { WrapUpSetup } from '../../../shared/api/content';
import type { CustomerCache } from '../cache/customer-cache';
import type { HandlerRegistry } from '../contract/registry';
import type { HostLogger } from '../host-log';
import type { CustomerDataService } from '../sync/customer-data-service';

/** A copy older than this is refreshed in the background when wrap-up asks for it. */
const STALE_AFTER_MS = 5 * 60_000;

export interface WrapUpSetupSource {
  /** The server's setup, with the signed-in person's token; throws when the server is out of reach. */
  fetch(): Promise<WrapUpSetup>;
}

/**
 * Keeps the person's copy of the wrap-up setup (disposition codes, rules) fresh: fetched at sign-in and, when older than
 * a few minutes, whenever wrap-up reads it. Reads never wait for the network; a failed fetch
 * keeps the copy there is (and is logged), so wrap-up works offline with the last known list.
 */
export class DispositionRefresher {
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly source: WrapUpSetupSource,
    private readonly log: HostLogger,
    private readonly now: () => number = Date.now,
  ) {}

  refresh(cache: CustomerCache): Promise<void> {
    this.inFlight ??= this.source
      .fetch()
      .then((setup) => cache.dispositions.replace(setup.dispositions, setup.rules))
      .catch((error: unknown) => this.log.warn({ err: error }, 'disposition codes not refreshed; keeping the copy on this machine'))
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  refreshIfStale(cache: CustomerCache): void {
    const fetchedAt = cache.dispositions.fetchedAt();
    if (fetchedAt === null || this.now() - Date.parse(fetchedAt) > STALE_AFTER_MS) void this.refresh(cache);
  }
}

export function registerDispositionHandlers(registry: HandlerRegistry, data: CustomerDataService, refresher: DispositionRefresher): void {
  registry.handle('dispositions.list', () => {
    const { cache } = data.require();
    refresher.refreshIfStale(cache);
    return { dispositions: cache.dispositions.list(), fetchedAt: cache.dispositions.fetchedAt() };
  });
}
