import { LANGUAGES } from '../domain/user';
import { Script, type LocalizedText, type ScriptInput, type ScriptStep } from './script';
import { isKnownPlaceholder, placeholdersIn, saysPhrase } from './script-text';

/**
 * What a script must satisfy before it is published, beyond its shape: an agent following it can
 * never land on a step that does not exist, get stuck, or see a phrase missing in the customer's
 * language. The editor shows these issues; publishing refuses a script that has any.
 */

export type ScriptIssueCode =
  /** The script's shape is wrong (from the zod parse). */
  | 'invalid-shape'
  | 'missing-start'
  | 'duplicate-id'
  | 'dangling-branch'
  | 'ambiguous-trigger'
  | 'unreachable-step'
  | 'dead-end'
  | 'no-way-to-finish'
  | 'missing-language'
  | 'unknown-placeholder'
  | 'placeholder-mismatch'
  | 'says-avoided-phrase';

export interface ScriptIssue {
  code: ScriptIssueCode;
  /** The step it is on, when it is on one (the editor opens it). */
  stepId?: string;
  /** Where in the script, readable: `step acknowledge › phrase 2`. */
  where: string;
  message: string;
}

export function checkScript(script: Script): ScriptIssue[] {
  return [...checkIds(script), ...checkGraph(script), ...checkTexts(script), ...checkAvoidedPhrases(script)];
}

export type ParsedScript = { ok: true; script: Script } | { ok: false; issues: ScriptIssue[] };

/** Parses a script from a file or the wire and checks it; a script that fails either is refused. */
export function parseScript(input: unknown): ParsedScript {
  const parsed = Script.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue): ScriptIssue => ({ code: 'invalid-shape', where: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  const issues = checkScript(parsed.data);
  return issues.length === 0 ? { ok: true, script: parsed.data } : { ok: false, issues };
}

/** A script built in code (tests, the editor's preview): parsed, defaults applied, not checked. */
export function scriptFrom(input: ScriptInput): Script {
  return Script.parse(input);
}

const stepWhere = (step: ScriptStep) => `step ${step.id}`;

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

function checkIds(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const report = (what: string, ids: readonly string[], where: string, stepId?: string) => {
    for (const id of duplicates(ids)) {
      issues.push({ code: 'duplicate-id', ...(stepId ? { stepId } : {}), where, message: `${what} "${id}" is used more than once` });
    }
  };
  report('step', script.steps.map((s) => s.id), 'steps');
  // Checklist ticks go on the call record by item id alone, so item ids are unique in the script.
  report('checklist item', script.steps.flatMap((s) => s.checklist.map((item) => item.id)), 'checklists');
  report('avoided phrase', script.avoid.map((a) => a.id), 'phrases to avoid');
  for (const step of script.steps) report('choice', step.choices.map((c) => c.id), stepWhere(step), step.id);
  return issues;
}

function checkGraph(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const byId = new Map(script.steps.map((step) => [step.id, step]));

  if (!byId.has(script.start)) {
    issues.push({ code: 'missing-start', where: 'start', message: `the start step "${script.start}" does not exist` });
  }

  const dangling = (to: string, where: string, stepId?: string) => {
    if (byId.has(to)) return;
    issues.push({ code: 'dangling-branch', ...(stepId ? { stepId } : {}), where, message: `goes to "${to}", which is not a step` });
  };
  const ambiguous = (triggers: readonly string[], where: string, stepId?: string) => {
    for (const trigger of duplicates(triggers)) {
      issues.push({ code: 'ambiguous-trigger', ...(stepId ? { stepId } : {}), where, message: `trigger "${trigger}" goes to more than one step` });
    }
  };
  for (const step of script.steps) {
    for (const choice of step.choices) dangling(choice.to, `${stepWhere(step)} › choice ${choice.id}`, step.id);
    for (const branch of step.onTrigger) dangling(branch.to, `${stepWhere(step)} › trigger ${branch.trigger}`, step.id);
    ambiguous(step.onTrigger.map((b) => b.trigger), stepWhere(step), step.id);
  }
  for (const branch of script.onTriggerAnyStep) dangling(branch.to, `any step › trigger ${branch.trigger}`);
  ambiguous(script.onTriggerAnyStep.map((b) => b.trigger), 'any step');

  if (byId.has(script.start)) {
    const reached = reachableFrom(script, script.start, byId);
    for (const step of script.steps) {
      if (!reached.has(step.id)) {
        issues.push({ code: 'unreachable-step', stepId: step.id, where: stepWhere(step), message: 'no choice or trigger leads here from the start' });
      }
    }
  }

  // A trigger may never fire, so only the agent's own choices count as a way forward.
  const canFinish = stepsThatCanFinish(script, byId);
  for (const step of script.steps) {
    if (step.end) continue;
    if (step.choices.length === 0) {
      issues.push({ code: 'dead-end', stepId: step.id, where: stepWhere(step), message: 'has no choice to go on and is not an end step' });
    } else if (!canFinish.has(step.id)) {
      issues.push({ code: 'no-way-to-finish', stepId: step.id, where: stepWhere(step), message: 'every choice from here loops without reaching an end step' });
    }
  }
  return issues;
}

function reachableFrom(script: Script, start: string, byId: ReadonlyMap<string, ScriptStep>): Set<string> {
  const reached = new Set<string>([start]);
  const queue = [start];
  const visit = (to: string) => {
    if (!byId.has(to) || reached.has(to)) return;
    reached.add(to);
    queue.push(to);
  };
  // Any-step triggers apply wherever the agent is, and the start is always somewhere.
  for (const branch of script.onTriggerAnyStep) visit(branch.to);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const step = byId.get(id);
    if (!step) continue;
    for (const choice of step.choices) visit(choice.to);
    for (const branch of step.onTrigger) visit(branch.to);
  }
  return reached;
}

/** Steps from which some sequence of the agent's choices reaches an end step. */
function stepsThatCanFinish(script: Script, byId: ReadonlyMap<string, ScriptStep>): Set<string> {
  const finishing = new Set(script.steps.filter((s) => s.end).map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const step of byId.values()) {
      if (!finishing.has(step.id) && step.choices.some((c) => finishing.has(c.to))) {
        finishing.add(step.id);
        grew = true;
      }
    }
  }
  return finishing;
}

/** Every localized text of the script with where it is. */
function* textsOf(script: Script): Generator<{ text: LocalizedText; where: string; stepId?: string; spoken: boolean }> {
  yield { text: script.title, where: 'title', spoken: false };
  yield { text: script.summary, where: 'summary', spoken: false };
  for (const step of script.steps) {
    const at = stepWhere(step);
    yield { text: step.title, where: `${at} › title`, stepId: step.id, spoken: false };
    yield { text: step.doThis, where: `${at} › what to do`, stepId: step.id, spoken: false };
    for (const [i, phrase] of step.phrases.entries()) yield { text: phrase, where: `${at} › phrase ${i + 1}`, stepId: step.id, spoken: true };
    for (const item of step.checklist) yield { text: item.text, where: `${at} › checklist ${item.id}`, stepId: step.id, spoken: false };
    for (const choice of step.choices) yield { text: choice.label, where: `${at} › choice ${choice.id}`, stepId: step.id, spoken: false };
  }
  for (const avoided of script.avoid) {
    yield { text: avoided.why, where: `avoid ${avoided.id} › why`, spoken: false };
    yield { text: avoided.instead, where: `avoid ${avoided.id} › instead`, spoken: true };
  }
}

function checkTexts(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const { text, where, stepId } of textsOf(script)) {
    const onStep = stepId ? { stepId } : {};
    for (const language of LANGUAGES) {
      if (!text[language]) issues.push({ code: 'missing-language', ...onStep, where, message: `no ${language} text` });
    }
    // A translation that drops {reference} would have the agent skip the reference number.
    const present = LANGUAGES.filter((language) => text[language] !== undefined);
    const sets = present.map((language) => ({ language, names: placeholdersIn(text[language] ?? '').sort() }));
    const unknown = new Set(sets.flatMap((s) => s.names).filter((name) => !isKnownPlaceholder(name)));
    for (const name of unknown) issues.push({ code: 'unknown-placeholder', ...onStep, where, message: `{${name}} is not a value the console can fill in` });
    const first = sets[0];
    for (const other of sets.slice(1)) {
      if (first && other.names.join(',') !== first.names.join(',')) {
        issues.push({
          code: 'placeholder-mismatch',
          ...onStep,
          where,
          message: `${other.language} uses {${other.names.join('}, {')}} where ${first.language} uses {${first.names.join('}, {')}}`,
        });
      }
    }
  }
  for (const avoided of script.avoid) {
    for (const language of LANGUAGES) {
      if (avoided.phrases[language].length === 0) {
        issues.push({ code: 'missing-language', where: `avoid ${avoided.id} › phrases`, message: `no ${language} wording of the phrase to avoid` });
      }
    }
  }
  return issues;
}

/** A script must not suggest saying what it tells the agent not to say. */
function checkAvoidedPhrases(script: Script): ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  for (const { text, where, stepId, spoken } of textsOf(script)) {
    if (!spoken) continue;
    for (const language of LANGUAGES) {
      const said = text[language];
      if (!said) continue;
      for (const avoided of script.avoid) {
        for (const phrase of avoided.phrases[language]) {
          if (!saysPhrase(said, phrase)) continue;
          issues.push({ code: 'says-avoided-phrase', ...(stepId ? { stepId } : {}), where, message: `the ${language} text says "${phrase}" (avoid ${avoided.id})` });
        }
      }
    }
  }
  return issues;
}
