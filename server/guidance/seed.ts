import type { Db } from '../db/db';
import { defaultPolicyPack, defaultScripts, type PolicyPackCode } from './defaults';
import { seedGuidance } from './store';

/**
 * Puts the shipped scripts and the floor's policy pack on a server that lacks them. Runs at every
 * start and changes nothing the second time; a script a trainer has touched is never replaced by
 * a newer default (a default only lands under an id the server has never seen).
 */
export async function seedGuidanceOnStart(db: Db, code: PolicyPackCode, log: { info(obj: object, msg: string): void }): Promise<void> {
  const added = await seedGuidance(db, defaultScripts(), defaultPolicyPack(code), code);
  if (added.scripts > 0 || added.pack) log.info({ scripts: added.scripts, policyPack: added.pack ? code : null }, 'default guidance content seeded');
}
