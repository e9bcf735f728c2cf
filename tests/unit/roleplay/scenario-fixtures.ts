import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioInput } from '../../../shared/roleplay/scenario';
import { DEFAULT_SCRIPTS_DIR } from '../guidance/script-fixtures';

/** Text in the three languages, distinct per language so a missing one shows. */
export const say = (en: string) => ({ en, fil: `${en} po`, 'pt-BR': `${en} (pt)` });

export const DEFAULT_SCENARIOS_DIR = join(import.meta.dirname, '../../../resources/roleplay/scenarios');

export function defaultScenarioFiles(): { file: string; json: unknown }[] {
  return readdirSync(DEFAULT_SCENARIOS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(DEFAULT_SCENARIOS_DIR, file), 'utf8')) as unknown }));
}

/** The ids of the default guidance scripts, read from their files as the server seeds them. */
export function defaultScriptIds(): string[] {
  return readdirSync(DEFAULT_SCRIPTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => (JSON.parse(readFileSync(join(DEFAULT_SCRIPTS_DIR, file), 'utf8')) as { id: string }).id);
}

const threeLevels = (prefix: string) => [
  { id: 'missed', label: say(`${prefix}: missed`), points: 0 },
  { id: 'partly', label: say(`${prefix}: partly`), points: 1 },
  { id: 'fully', label: say(`${prefix}: fully`), points: 2 },
];

/**
 * A small, valid scenario. Rubric: acknowledged (40, 0/1/2), reference (20, 0/2), policy (40, 0/1/2/4);
 * pass at 70%.
 */
export function sampleScenario(): ScenarioInput {
  return {
    id: 'sample',
    version: 2,
    status: 'published',
    title: say('Sample'),
    summary: say('A sample scenario'),
    languages: ['fil', 'en'],
    persona: { name: 'Cora', language: 'fil', mood: 'angry', backstory: say('Lost parcel'), speaks: say('Fast and loud') },
    customer: {
      training: true,
      name: 'Cora Dizon',
      phone: '+639555010042',
      emails: [],
      language: 'fil',
      orders: [
        {
          id: 'cooker',
          number: 'SO-1',
          status: 'delivered',
          channel: 'online',
          placedDaysAgo: 6,
          deliveredDaysAgo: 2,
          currency: 'PHP',
          items: [{ sku: 'RCK', name: 'Rice cooker', quantity: 2, unitPriceMinor: 150000 }],
        },
      ],
      history: [{ kind: 'note', daysAgo: 2, orderId: 'cooker', text: say('Marked delivered') }],
    },
    objective: say('Calm her and send a replacement'),
    scriptId: 'upset-customer',
    rubric: [
      { id: 'acknowledged', name: say('Acknowledged'), description: say('Said back the feeling'), weight: 40, levels: threeLevels('ack') },
      {
        id: 'reference',
        name: say('Reference'),
        description: say('Read out the reference'),
        weight: 20,
        levels: [
          { id: 'no', label: say('No'), points: 0 },
          { id: 'yes', label: say('Yes'), points: 2 },
        ],
      },
      {
        id: 'policy',
        name: say('Policy'),
        description: say('Applied the policy'),
        weight: 40,
        levels: [...threeLevels('policy'), { id: 'excellent', label: say('policy: excellent'), points: 4 }],
      },
    ],
    passThreshold: 70,
    cueCards: [{ id: 'interrupted', when: say('the agent interrupts'), then: say('raise your voice') }],
  };
}
