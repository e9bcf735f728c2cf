import type { Db, Queryable } from '../db/db';

/**
 * Sign-in limits, kept in the database so every instance behind a load balancer counts the same
 * failures. Two counters: per username (stops guessing one person's password) and per client
 * address (stops one machine trying many usernames). The address limit is higher because a whole
 * call-center floor often reaches the server through one NAT address, and one agent's typos must
 * not lock out the floor.
 */
export interface RateLimitPolicy {
  /** Failures per username within the window before sign-in answers 429. */
  maxFailures: number;
  /** Failures per client address within the window before sign-in answers 429. */
  ipMaxFailures: number;
  windowMs: number;
  /** Delay added to the first failure's answer; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitPolicy = {
  maxFailures: 5,
  ipMaxFailures: 50,
  windowMs: 15 * 60 * 1000,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};

export type Admission =
  | { admitted: true; failureId: number; failuresBefore: number }
  | { admitted: false; retryAfterSeconds: number };

/** Normalised like the unique index on users: "Maria" and "maria" share one counter. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Decides whether a sign-in may be checked at all. Admitted attempts are recorded as failures
 * *before* the password is checked (and cleared on success), under advisory locks for the
 * username and the address, so parallel guesses from many instances cannot all squeeze in
 * between one request's count and its write.
 */
export async function admitAttempt(db: Db, policy: RateLimitPolicy, username: string, clientIp: string): Promise<Admission> {
  const key = usernameKey(username);
  return db.transaction(async (tx) => {
    // Lock order is always username then address, so two attempts never wait on each other in a cycle.
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('kalma-login-user:' || $1, 0))", [key]);
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('kalma-login-ip:' || $1, 0))", [clientIp]);
    await tx.query("DELETE FROM login_failures WHERE failed_at <= now() - $1::bigint * interval '1 millisecond'", [policy.windowMs]);

    const userWait = await blockedFor(tx, 'username_key', key, policy.maxFailures, policy.windowMs);
    const ipWait = await blockedFor(tx, 'client_ip', clientIp, policy.ipMaxFailures, policy.windowMs);
    if (userWait !== null || ipWait !== null) {
      return { admitted: false, retryAfterSeconds: Math.max(userWait ?? 0, ipWait ?? 0) };
    }
    const counted = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM login_failures WHERE username_key = $1 AND failed_at > now() - $2::bigint * interval '1 millisecond'",
      [key, policy.windowMs],
    );
    const inserted = await tx.query<{ id: number }>('INSERT INTO login_failures (username_key, client_ip) VALUES ($1, $2) RETURNING id::int AS id', [
      key,
      clientIp,
    ]);
    return { admitted: true, failureId: inserted.rows[0]?.id ?? 0, failuresBefore: counted.rows[0]?.n ?? 0 };
  });
}

/**
 * Seconds until the counter drops below `max` again, or null when it is below already. The
 * counter drops when the max-th most recent failure leaves the window.
 */
async function blockedFor(
  q: Queryable,
  column: 'username_key' | 'client_ip',
  value: string,
  max: number,
  windowMs: number,
): Promise<number | null> {
  const { rows } = await q.query<{ wait_ms: number }>(
    `SELECT (extract(epoch FROM (failed_at + $2::bigint * interval '1 millisecond' - now())) * 1000)::int AS wait_ms
       FROM login_failures
      WHERE ${column} = $1 AND failed_at > now() - $2::bigint * interval '1 millisecond'
      ORDER BY failed_at DESC
      OFFSET $3::int - 1 LIMIT 1`,
    [value, windowMs, max],
  );
  const waitMs = rows[0]?.wait_ms;
  return waitMs === undefined ? null : Math.max(1, Math.ceil(waitMs / 1000));
}

/** A successful sign-in clears the username's counter, this attempt's provisional row included. */
export async function recordSuccess(q: Queryable, username: string): Promise<void> {
  await q.query('DELETE FROM login_failures WHERE username_key = $1', [usernameKey(username)]);
}

/** How long to hold back the answer to the n-th consecutive failure (n ≥ 1): doubling, capped. */
export function failureDelayMs(policy: RateLimitPolicy, failureNumber: number): number {
  const n = Math.max(1, failureNumber);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n - 1, 30));
}
