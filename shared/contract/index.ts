import type { z } from 'zod';
import type { CallSpec, EventSpec } from './core';
import { adminCalls } from './admin';
import { agentCalls, agentEvents } from './agent';
import { wrapUpCalls, wrapUpEvents } from './wrap-up';
import { draftCalls } from './drafts';
import { callbackCalls } from './callbacks';
import { customerCalls, customerEvents } from './customers';
import { caseCalls } from './cases';
import { escalationCalls } from './escalations';
import { monitoringCalls } from './monitoring';
import { qaCalls } from './qa';
import { roleplayCalls } from './roleplay';
import { scheduleCalls } from './schedules';
import { networkCalls, networkEvents } from './network';
import { guidanceCalls, guidanceEvents } from './guidance';
import { policyAdminCalls } from './policy-admin';
import type { CALL_NAMES, EVENT_NAMES } from './names';
import { phoneCalls } from './phone';
import { sessionCalls, sessionEvents } from './session';
import { syncCalls, syncEvents } from './sync';
import { wallboardCalls, wallboardEvents } from './wallboard';

export * from './core';
export * from './session';
export * from './admin';
export * from './names';
export * from './customers';
export * from './cases';
export * from './escalations';
export * from './monitoring';
export * from './qa';
export * from './roleplay';
export * from './schedules';
export * from './sync';
export * from './phone';
export * from './agent';
export * from './wrap-up';
export * from './drafts';
export * from './callbacks';
export * from './network';
export * from './guidance';
export * from './policy-admin';
export * from './wallboard';
export type { KalmaBridge } from './bridge';

/** Every call between renderer and host. Adding one: an entry here (via a feature file) and a handler. */
export const calls = {
  ...sessionCalls,
  ...adminCalls,
  ...phoneCalls,
  ...customerCalls,
  ...caseCalls,
  ...escalationCalls,
  ...monitoringCalls,
  ...roleplayCalls,
  ...qaCalls,
  ...scheduleCalls,
  ...syncCalls,
  ...agentCalls,
  ...wrapUpCalls,
  ...draftCalls,
  ...callbackCalls,
  ...networkCalls,
  ...guidanceCalls,
  ...policyAdminCalls,
  ...wallboardCalls,
} as const satisfies Record<string, CallSpec>;

/** Every event the host pushes to the renderer. */
export const events = {
  ...sessionEvents,
  ...customerEvents,
  ...syncEvents,
  ...agentEvents,
  ...wrapUpEvents,
  ...networkEvents,
  ...guidanceEvents,
  ...wallboardEvents,
} as const satisfies Record<string, EventSpec>;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls;
export type EventName = keyof Events;
/** What a caller passes (defaults still optional). */
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

// The preload's plain name lists (names.ts) must hold exactly the contract's names: a name added
// to one and not the other fails the typecheck here instead of failing a call at run time.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callNamesMatch: Same<(typeof CALL_NAMES)[number], CallName> = true;
const eventNamesMatch: Same<(typeof EVENT_NAMES)[number], EventName> = true;
void callNamesMatch;
void eventNamesMatch;
