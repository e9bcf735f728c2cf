import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Scenario } from '../../shared/roleplay/scenario';

const SCENARIOS = new URL('../../resources/roleplay/scenarios/', import.meta.url);

/**
 * The scenarios the team ships in resources/roleplay: their shape is checked here (a broken file is
 * a bug in the build, so start-up stops); the publishing checks need the server's scripts and run
 * when they are seeded (seed.ts).
 */
export function defaultScenarios(dir: URL = SCENARIOS): Scenario[] {
  return readdirSync(fileURLToPath(dir))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = Scenario.safeParse(JSON.parse(readFileSync(fileURLToPath(new URL(name, dir)), 'utf8')));
      if (!parsed.success) throw new Error(`default scenario ${name} is not valid: ${parsed.error.message}`);
      return parsed.data;
    });
}
