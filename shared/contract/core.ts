import { z } from 'zod';

/**
 * The building blocks of the renderer ↔ host contract. Every crossing is declared once with its
 * schemas; registries, bridges and clients are derived from these declarations.
 */

export const ErrorCode = z.enum([
  'UNKNOWN_CALL',
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field-level detail for INVALID_INPUT, so a form can point at the wrong field. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ContractError = z.infer<typeof ContractError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: ContractError['issues']): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'call';
  readonly input: I;
  readonly output: O;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O }): CallSpec<I, O> => ({
  kind: 'call',
  ...spec,
});

export const event = <P extends z.ZodType>(spec: { payload: P }): EventSpec<P> => ({ kind: 'event', ...spec });

/** Turns zod issues into the flat shape the contract carries. */
export function issuesOf(error: z.ZodError): NonNullable<ContractError['issues']> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** A thrown error that carries a contract code; handlers throw it, the registry maps it to a failure. */
export class ContractFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ContractError['issues'],
  ) {
    super(message);
    this.name = 'ContractFailure';
  }
}
