import { z } from 'zod';
import { DispositionCode } from '../domain/disposition';
import { WrapUpRules } from '../domain/wrap-up';

/**
 * What the server keeps for every console: the wrap-up setup (disposition codes and the floor's
 * wrap-up rules; later, scripts and policies). Read-only for agents; consoles keep a copy for
 * offline work.
 *
 * GET API_CONTENT.wrapUp → WrapUpSetup (active codes in picker order, and the rules)
 */
export const API_CONTENT = {
  wrapUp: '/api/v1/wrap-up',
} as const;

export const MAX_DISPOSITIONS = 500;

export const WrapUpSetup = z
  .object({
    dispositions: z.array(DispositionCode).max(MAX_DISPOSITIONS),
    rules: WrapUpRules,
  })
  .strict();
export type WrapUpSetup = z.output<typeof WrapUpSetup>;
