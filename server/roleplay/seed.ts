import { checkScenario } from '../../shared/roleplay/scenario-check';
import type { Db } from '../db/db';
import { defaultScenarios } from './defaults';
import { scenarioCheckContext, seedScenario } from './scenario-store';

/** Held while seeding, so two instances starting together seed once. */
const SEED_LOCK_KEY = 4_202_611_019;

/**
 * Puts the shipped scenarios on a server that lacks them, after the default scripts (a scenario
 * must name a script agents have). Runs at every start and changes nothing the second time; a
 * scenario a trainer has edited is never replaced. A default that fails the publishing checks here
 * (its script retired on this server) is left out with a warning rather than stopping the server.
 */
export async function seedRolePlayOnStart(db: Db, log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void }): Promise<void> {
  const scenarios = defaultScenarios();
  const added = await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const context = await scenarioCheckContext(tx);
    let n = 0;
    for (const scenario of scenarios) {
      const issues = checkScenario(scenario, context);
      if (issues.length > 0) {
        log.warn({ scenarioId: scenario.id, issues: issues.map((issue) => `${issue.where}: ${issue.message}`) }, 'default role-play scenario not seeded');
        continue;
      }
      if (await seedScenario(tx, scenario)) n += 1;
    }
    return n;
  });
  if (added > 0) log.info({ scenarios: added }, 'default role-play scenarios seeded');
}
