import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptInput } from '../../../shared/guidance/script';

/** Text in the three languages, distinct per language so a missing one shows. */
export const say = (en: string) => ({ en, fil: `${en} po`, 'pt-BR': `${en} (pt)` });

/**
 * A small, valid script:
 *
 *   listen ──calmer──▶ fix ──agreed──▶ close (end)
 *      │  ──upset───▶ slow-down ──calmer──▶ fix
 *      └─ trigger customer-upset ─▶ slow-down
 *   any step: asks-for-manager ─▶ manager (end), customer-upset ─▶ fix
 */
export function sampleScript(): ScriptInput {
  return {
    id: 'sample',
    version: 3,
    status: 'published',
    title: say('Sample'),
    summary: say('A sample script'),
    situations: ['customer-upset'],
    start: 'listen',
    steps: [
      {
        id: 'listen',
        title: say('Listen'),
        doThis: say('Let them finish'),
        phrases: [say("I'm listening.")],
        checklist: [
          { id: 'let-finish', text: say('Let them finish') },
          { id: 'noted', text: say('Noted the facts') },
        ],
        choices: [
          { id: 'calmer', label: say('Calmer'), to: 'fix' },
          { id: 'upset', label: say('Still upset'), to: 'slow-down' },
        ],
        onTrigger: [{ trigger: 'customer-upset', to: 'slow-down' }],
      },
      {
        id: 'slow-down',
        title: say('Slow down'),
        doThis: say('Speak slower'),
        phrases: [say('I hear you.')],
        checklist: [{ id: 'repeated', text: say('Repeated back') }],
        choices: [{ id: 'calmer', label: say('Calmer'), to: 'fix' }],
      },
      {
        id: 'fix',
        title: say('Fix'),
        doThis: say('Offer a fix'),
        phrases: [say('Your reference number is {reference}.')],
        checklist: [{ id: 'offered', text: say('Offered a fix') }],
        choices: [{ id: 'agreed', label: say('Agreed'), to: 'close' }],
      },
      {
        id: 'close',
        title: say('Close'),
        doThis: say('Close the call'),
        phrases: [say('Thank you, {customer}.')],
        checklist: [{ id: 'thanked', text: say('Thanked them') }],
        choices: [],
        end: true,
      },
      {
        id: 'manager',
        title: say('Manager'),
        doThis: say('Bring in a manager'),
        phrases: [say('Let me get my manager.')],
        checklist: [{ id: 'briefed', text: say('Briefed the manager') }],
        choices: [],
        end: true,
      },
    ],
    onTriggerAnyStep: [
      { trigger: 'asks-for-manager', to: 'manager' },
      { trigger: 'customer-upset', to: 'fix' },
    ],
    avoid: [
      {
        id: 'calm-down',
        phrases: { en: ['calm down'], fil: ['kumalma po kayo'], 'pt-BR': ['fica calmo', 'se acalme'] },
        why: say('It makes it worse'),
        instead: say('I can hear this has been frustrating.'),
      },
    ],
  };
}

export const DEFAULT_SCRIPTS_DIR = join(import.meta.dirname, '../../../resources/guidance/scripts');

/** The default scripts as shipped: file name and parsed JSON. */
export function defaultScriptFiles(): { file: string; json: unknown }[] {
  return readdirSync(DEFAULT_SCRIPTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(DEFAULT_SCRIPTS_DIR, file), 'utf8')) as unknown }));
}
