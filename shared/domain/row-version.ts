import { z } from 'zod';

/**
 * What every synced row carries: the server's change version and, for deletes, a tombstone.
 * Versions are 64-bit on the server (PostgreSQL bigint); JSON numbers lose precision past 2^53,
 * so the wire may carry either a safe number or a decimal string. Parsed, it is always the
 * canonical decimal string, which SQLite stores as INTEGER and compares numerically.
 */

const MAX_INT64 = 9223372036854775807n;

export const RowVersion = z
  .union([
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    z
      .string()
      .regex(/^(0|[1-9]\d{0,18})$/, 'a non-negative integer in decimal')
      // zod runs every check even after the regex failed, so this one guards itself.
      .refine((s) => !/^\d+$/.test(s) || BigInt(s) <= MAX_INT64, 'beyond a 64-bit version'),
  ])
  .transform((v) => String(v));
export type RowVersion = z.output<typeof RowVersion>;

/** Server-assigned or client-generated (uuid) identifiers. */
export const EntityId = z.string().trim().min(1).max(64);
export type EntityId = z.infer<typeof EntityId>;

/** A delete: only the id and the version of the delete travel. */
export const Tombstone = z.object({
  id: EntityId,
  version: RowVersion,
  deleted: z.literal(true),
});
export type Tombstone = z.output<typeof Tombstone>;

/** ISO 8601 instant with Z or an offset, as both server and client write them. */
export const Instant = z.iso.datetime({ offset: true });

/** Compares two canonical versions numerically (they may exceed Number.MAX_SAFE_INTEGER). */
export function compareVersions(a: RowVersion, b: RowVersion): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
