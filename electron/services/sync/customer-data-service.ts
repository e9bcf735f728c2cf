import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContractFailure } from '../../../shared/contract/core';
import type { CustomersChanged } from '../../../shared/contract/customers';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { User } from '../../../shared/domain/user';
import { openCache, type CustomerCache } from '../cache/customer-cache';
import type { HostLogger } from '../host-log';
import { SyncClient, type SyncTuning, type TokenSource } from './sync-client';

/**
 * The signed-in person's customer data on this machine: their cache file, opened at sign-in and
 * closed at sign-out, and the sync client that keeps it current. One file per person, so an agent
 * never sees what the cache of the previous person at this desk held.
 */

export interface SessionPort extends TokenSource {
  current(): User | null;
}

export interface CustomerDataOptions {
  dataDir: string;
  serverUrl: string;
  /** The floor's dialling region (phone settings), read each time a cache opens. */
  region: () => string;
  session: SessionPort;
  log: HostLogger;
  onStatus(status: SyncStatus): void;
  onCustomersChanged(change: CustomersChanged): void;
  /** The person's cache is open (sign-in); the first writes of a shift go here. */
  onOpened?(data: SignedInData): void;
  /** The person's cache is about to close (sign-out): the last writes of a shift go here. */
  onClosing?(data: SignedInData): void;
  tuning?: SyncTuning;
}

export interface SignedInData {
  user: User;
  cache: CustomerCache;
  file: string;
  sync: SyncClient;
}

/** `<dataDir>/users/<id>/cache.sqlite`; an id that is not a plain name is hashed into one. */
export function cacheFileFor(dataDir: string, userId: string): string {
  const folder = /^[A-Za-z0-9_-]{1,64}$/.test(userId) ? userId : createHash('sha256').update(userId).digest('hex').slice(0, 32);
  return join(dataDir, 'users', folder, 'cache.sqlite');
}

const SIGNED_OUT_STATUS: SyncStatus = {
  online: false,
  lastSyncedAt: null,
  pending: 0,
  rejected: 0,
  initialLoad: { active: false, applied: 0, remaining: 0, percent: 0 },
  problem: null,
};

export class CustomerDataService {
  private open: SignedInData | null = null;
  private openFailure: string | null = null;
  /** Closing the previous person's data; a new open waits for it (same file on a quick re-sign-in). */
  private closing: Promise<void> = Promise.resolve();

  constructor(private readonly opts: CustomerDataOptions) {}

  /** Follows `session.changed`: opens the new person's data, closes the previous person's. */
  follow(user: User | null): void {
    if (user && this.open?.user.id === user.id) {
      this.open.user = user;
      return;
    }
    this.closeCurrent();
    if (user) this.openFor(user);
  }

  /** The signed-in person's data, or UNAUTHENTICATED. Reads need no network. */
  require(): SignedInData {
    const user = this.opts.session.current();
    if (!user) throw new ContractFailure('UNAUTHENTICATED', 'Sign in first.');
    if (!this.open || this.open.user.id !== user.id) {
      throw new ContractFailure('UNAVAILABLE', `The customer data on this computer could not be opened${this.openFailure ? `: ${this.openFailure}` : '.'}`);
    }
    return this.open;
  }

  /** Tells the console these customers' records or history changed here (a local write). */
  announceChanged(customerIds: string[]): void {
    this.opts.onCustomersChanged({ customerIds, all: false });
  }

  status(): SyncStatus {
    return this.open && this.opts.session.current() ? this.open.sync.status() : SIGNED_OUT_STATUS;
  }

  current(): SignedInData | null {
    return this.open;
  }

  async close(): Promise<void> {
    this.closeCurrent();
    await this.closing;
  }

  private openFor(user: User): void {
    const file = cacheFileFor(this.opts.dataDir, user.id);
    const region = this.opts.region();
    let cache: CustomerCache;
    try {
      mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
      cache = openCache(file, { region });
    } catch (error) {
      this.openFailure = error instanceof Error ? error.message : String(error);
      this.opts.log.error({ err: error, userId: user.id }, 'customer cache could not be opened');
      return;
    }
    this.openFailure = null;
    const sync = new SyncClient({
      cache,
      cacheFile: file,
      region,
      serverUrl: this.opts.serverUrl,
      session: this.opts.session,
      log: this.opts.log,
      onStatus: (status) => {
        if (this.open?.sync === sync) this.opts.onStatus(status);
      },
      onCustomersChanged: (change) => {
        if (this.open?.sync === sync) this.opts.onCustomersChanged(change);
      },
      tuning: this.opts.tuning,
    });
    this.open = { user, cache, file, sync };
    this.opts.log.info({ userId: user.id, region }, 'customer cache opened');
    this.notify('onOpened', this.open);
    // The previous person's worker may still hold the file for a moment; start after it let go.
    void this.closing.then(() => {
      if (this.open?.sync === sync) sync.start();
    });
  }

  /** A hook's failure is logged, never allowed to stop a sign-in or a sign-out. */
  private notify(hook: 'onOpened' | 'onClosing', data: SignedInData): void {
    try {
      this.opts[hook]?.(data);
    } catch (error) {
      this.opts.log.error({ err: error, userId: data.user.id, hook }, 'customer data hook failed');
    }
  }

  private closeCurrent(): void {
    const previous = this.open;
    if (!previous) return;
    this.notify('onClosing', previous);
    this.open = null;
    const before = this.closing;
    this.closing = (async () => {
      await before;
      try {
        await previous.sync.close();
      } finally {
        previous.cache.close();
        this.opts.log.info({ userId: previous.user.id }, 'customer cache closed');
      }
    })().catch((error: unknown) => this.opts.log.error({ err: error }, 'customer cache did not close cleanly'));
  }
}
