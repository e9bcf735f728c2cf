import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { SigningKey } from '../../shared/api/monitoring';
import type { Db, Queryable } from '../db/db';

/** Held while the first key is made, so two instances starting together make one. */
const KEY_LOCK_KEY = 4_202_611_018;

export interface Signer {
  keyId: string;
  /** Ed25519 signature of the exact bytes given. */
  sign(data: Buffer): Buffer;
}

interface KeyRow {
  id: string;
  public_key: string;
  private_key: string;
}

/**
 * The server's monitoring key: the newest live row of signing_keys, made on first use. Every
 * instance reads the same row, so a grant signed by one is trusted by consoles that fetched the
 * key from another.
 */
export async function monitoringSigner(db: Db): Promise<Signer> {
  const existing = await newestKey(db);
  const row =
    existing ??
    (await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${KEY_LOCK_KEY})`);
      const made = await newestKey(tx);
      if (made) return made;
      const pair = generateKeyPairSync('ed25519');
      const fresh: KeyRow = {
        id: randomUUID(),
        public_key: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
        private_key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      };
      await tx.query(`INSERT INTO signing_keys (id, purpose, public_key, private_key) VALUES ($1, 'monitoring', $2, $3)`, [
        fresh.id,
        fresh.public_key,
        fresh.private_key,
      ]);
      return fresh;
    }));
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' });
  return { keyId: row.id, sign: (data) => sign(null, data, privateKey) };
}

async function newestKey(q: Queryable): Promise<KeyRow | null> {
  const { rows } = await q.query<KeyRow>(
    `SELECT id, public_key, private_key FROM signing_keys WHERE purpose = 'monitoring' AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** Public halves only, retired ones included: grants they signed may still be in flight. */
export async function publicKeys(q: Queryable): Promise<SigningKey[]> {
  const { rows } = await q.query<{ id: string; public_key: string; retired_at: Date | null }>(
    `SELECT id, public_key, retired_at FROM signing_keys WHERE purpose = 'monitoring' ORDER BY created_at DESC LIMIT 50`,
  );
  // Parsed once here so a corrupt row fails loudly on the server, not as "bad signature" on a floor.
  for (const row of rows) createPublicKey({ key: Buffer.from(row.public_key, 'base64'), format: 'der', type: 'spki' });
  return rows.map((row) => ({ id: row.id, publicKey: row.public_key, retired: row.retired_at !== null }));
}
