import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCache, type CacheOptions, type CustomerCache } from '../../../electron/services/cache/customer-cache';
import type { SyncRowInput } from '../../../shared/domain/sync-row';

/**
 * Real cache files in temp dirs, removed after each test, and builders for pull rows in the
 * shape the server sends.
 */

const dirs: string[] = [];
const openCaches: CustomerCache[] = [];

afterEach(() => {
  for (const cache of openCaches.splice(0)) cache.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempFile(name = 'cache.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'kalma-cache-'));
  dirs.push(dir);
  return join(dir, name);
}

/** Opens a cache that the test run closes afterwards (closing twice is harmless). */
export function openTestCache(file: string, options: Partial<CacheOptions> = {}): CustomerCache {
  const cache = openCache(file, { region: 'PH', ...options });
  openCaches.push(cache);
  return cache;
}

let nextVersion = 1;
const version = (): number => nextVersion++;

type Fields = Record<string, unknown>;

export const customer = (id: string, name: string, fields: Fields = {}): SyncRowInput =>
  ({ entity: 'customer', data: { id, name, version: version(), ...fields } }) as SyncRowInput;

export const order = (id: string, customerId: string, fields: Fields = {}): SyncRowInput =>
  ({
    entity: 'order',
    data: {
      id,
      customerId,
      number: `SO-${id}`,
      status: 'delivered',
      placedAt: '2025-03-01T10:00:00+08:00',
      currency: 'PHP',
      totalMinor: 129_900,
      items: [{ sku: 'TV-32', name: 'TV 32"', quantity: 1, unitPriceMinor: 129_900 }],
      version: version(),
      ...fields,
    },
  }) as SyncRowInput;

export const interaction = (id: string, customerId: string, fields: Fields = {}): SyncRowInput =>
  ({
    entity: 'interaction',
    data: { id, customerId, kind: 'note', occurredAt: '2025-03-01T02:00:00Z', version: version(), ...fields },
  }) as SyncRowInput;

export const tombstone = (entity: 'customer' | 'order' | 'interaction', id: string, v = version()): SyncRowInput =>
  ({ entity, data: { id, version: v, deleted: true } }) as SyncRowInput;
