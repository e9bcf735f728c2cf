import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Script } from '../../shared/guidance/script';
import { PolicyPack } from '../../shared/policy/policy-pack';

/** The content the team ships in resources/: seeded into an empty server, never over an edit. */

export const POLICY_PACK_CODES = ['ph', 'br', 'us'] as const;
export const PolicyPackCode = z.enum(POLICY_PACK_CODES);
export type PolicyPackCode = z.infer<typeof PolicyPackCode>;

const RESOURCES = new URL('../../resources/', import.meta.url);

export function defaultScripts(dir: URL = new URL('guidance/scripts/', RESOURCES)): Script[] {
  return readdirSync(fileURLToPath(dir))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = Script.safeParse(JSON.parse(readFileSync(fileURLToPath(new URL(name, dir)), 'utf8')));
      if (!parsed.success) throw new Error(`default script ${name} is not valid: ${parsed.error.message}`);
      return parsed.data;
    });
}

export function defaultPolicyPack(code: PolicyPackCode, dir: URL = new URL('policies/', RESOURCES)): PolicyPack {
  const parsed = PolicyPack.safeParse(JSON.parse(readFileSync(fileURLToPath(new URL(`${code}.json`, dir)), 'utf8')));
  if (!parsed.success) throw new Error(`default policy pack ${code} is not valid: ${parsed.error.message}`);
  return parsed.data;
}
