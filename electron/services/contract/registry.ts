import {
  calls,
  ContractFailure,
  fail,
  isCallName,
  issuesOf,
  ok,
  type CallName,
  type CallOutput,
  type ParsedInput,
  type Result,
} from '../../../shared/contract';

/** Who is calling: the host adapter fills it in after checking the sender. */
export interface CallContext {
  /** The page origin the call came from (already checked by the host adapter). */
  origin: string;
}

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: CallContext,
) => Promise<CallOutput<N>> | CallOutput<N>;

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

export interface Logger {
  error(obj: object, msg?: string): void;
}

/**
 * The host's side of the contract. Inputs are parsed before any handler runs and outputs are
 * checked before they leave, so a handler can trust its input and the page can trust its result.
 * Both hosts (Electron main, web host) dispatch through one registry.
 */
export class HandlerRegistry {
  private readonly handlers = new Map<CallName, AnyHandler>();

  constructor(private readonly log?: Logger) {}

  handle<N extends CallName>(name: N, handler: Handler<N>): this {
    if (this.handlers.has(name)) throw new Error(`a handler for ${name} is registered already`);
    this.handlers.set(name, handler as AnyHandler);
    return this;
  }

  /** Names declared in the contract with no handler: a start-up check, not a runtime surprise. */
  missing(): CallName[] {
    return (Object.keys(calls) as CallName[]).filter((name) => !this.handlers.has(name));
  }

  async dispatch(name: unknown, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isCallName(name)) return fail('UNKNOWN_CALL', `no call named ${JSON.stringify(String(name)).slice(0, 140)}`);
    const handler = this.handlers.get(name);
    if (!handler) return fail('UNKNOWN_CALL', `${name} is not available in this host`);
    const spec = calls[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', `invalid input for ${name}`, issuesOf(parsed.error));
    try {
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        this.log?.error({ call: name, issues: issuesOf(checked.error) }, 'handler returned a value outside the contract');
        return fail('INTERNAL', `${name} produced an invalid result`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof ContractFailure) return fail(error.code, error.message, error.issues);
      this.log?.error({ call: name, err: error }, 'handler failed');
      return fail('INTERNAL', `${name} failed`);
    }
  }
}
