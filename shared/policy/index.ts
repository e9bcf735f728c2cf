/** The policy engine: packs as data, a pure evaluator, and the words for what it says. */
export * from './policy-pack';
export * from './policy-question';
export * from './policy-decision';
export { evaluatePolicy } from './policy-evaluator';
export { POLICY_MESSAGE_KEYS, policyMessages, policyTemplate, policyText, displayParams, ruleLabel } from './messages';
export type { PolicyCatalog, PolicyFormat, PolicyMessageKey } from './messages';
