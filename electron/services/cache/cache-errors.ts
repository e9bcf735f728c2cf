import type { z } from 'zod';
import { ContractFailure, issuesOf } from '../../../shared/contract/core';

/**
 * A pull batch held a row this version of the cache cannot read. Nothing of the batch was
 * written and the cursor did not move; `index` says which row, for the sync log.
 */
export class InvalidSyncRowError extends ContractFailure {
  constructor(
    readonly index: number,
    error: z.ZodError,
  ) {
    super('INVALID_INPUT', `sync row ${index} is not valid: ${error.issues[0]?.message ?? 'unreadable'}`, issuesOf(error));
    this.name = 'InvalidSyncRowError';
  }
}

/** Parses with a schema, turning a failure into the contract's INVALID_INPUT with field detail. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ContractFailure('INVALID_INPUT', `${what}: ${parsed.error.issues[0]?.message ?? 'not valid'}`, issuesOf(parsed.error));
  }
  return parsed.data;
}
