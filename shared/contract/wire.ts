import { z } from 'zod';
import { ContractError } from './core';

/**
 * Frames of the web host's WebSocket bridge. Electron's IPC carries the same calls natively;
 * the web host serializes them as these frames. Every frame is parsed on arrival.
 */
export const CallFrame = z
  .object({ type: z.literal('call'), id: z.number().int().nonnegative(), name: z.string().max(128), input: z.unknown() })
  .strict();
export type CallFrame = z.infer<typeof CallFrame>;

export const ResultFrame = z
  .object({
    type: z.literal('result'),
    id: z.number().int().nonnegative(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: ContractError }),
    ]),
  })
  .strict();
export type ResultFrame = z.infer<typeof ResultFrame>;

export const EventFrame = z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }).strict();
export type EventFrame = z.infer<typeof EventFrame>;

export const HostFrame = z.discriminatedUnion('type', [ResultFrame, EventFrame]);
export type HostFrame = z.infer<typeof HostFrame>;

/** The largest frame the bridge accepts from a page; bigger ones are refused, not parsed. */
export const MAX_FRAME_BYTES = 1024 * 1024;
