import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_TEAM } from '../../shared/domain/demo-accounts';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/db';
import { countUsers, ensureTeam } from './users';

/** Held while seeding, so two instances starting together in demo mode seed once. */
const DEMO_LOCK_KEY = 4_202_611_002;

export interface DemoLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Creates the demo team and accounts when the server has no users at all: a fresh embedded
 * server is usable at once, and a database with real accounts is never touched.
 */
export async function seedDemoAccounts(db: Db, log: DemoLogger): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  // Hash before the transaction: scrypt is slow and the lock should be held briefly.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  const created = await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    if ((await countUsers(tx)) > 0) return false;
    await ensureTeam(tx, DEMO_TEAM);
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      // Random like any account: a re-seeded server must not reuse ids that clients cached.
      const id = randomUUID();
      await tx.query(
        'INSERT INTO users (id, username, display_name, role, language, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, account.username, account.displayName, account.role, account.language, hashes[i]],
      );
      await tx.query('INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)', [account.team, id]);
    }
    return true;
  });
  if (created) {
    const where = db.kind === 'postgres' ? 'on PostgreSQL: do not use demo mode for a real deployment' : 'in the embedded database';
    log[db.kind === 'postgres' ? 'warn' : 'info']({ usernames: DEMO_ACCOUNTS.map((a) => a.username) }, `demo accounts created ${where}`);
  }
  return created;
}
