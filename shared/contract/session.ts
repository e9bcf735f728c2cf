import { z } from 'zod';
import { call, event } from './core';
import { Language, User, Username } from '../domain/user';

export const HostInfo = z.object({
  host: z.enum(['electron', 'web']),
  version: z.string(),
  serverUrl: z.string(),
});
export type HostInfo = z.infer<typeof HostInfo>;

export const sessionCalls = {
  'app.info': call({ input: z.object({}).strict(), output: HostInfo }),
  /** The language shown before anyone signs in: the last one chosen on this machine. */
  'app.language': call({ input: z.object({}).strict(), output: Language }),
  'session.signIn': call({
    input: z.object({ username: Username, password: z.string().min(1).max(256) }).strict(),
    output: User,
  }),
  'session.current': call({ input: z.object({}).strict(), output: User.nullable() }),
  'session.signOut': call({ input: z.object({}).strict(), output: z.null() }),
  'settings.setLanguage': call({ input: z.object({ language: Language }).strict(), output: Language }),
} as const;

export const sessionEvents = {
  /** The host's session changed: signed in elsewhere, expired, or signed out. */
  'session.changed': event({ payload: User.nullable() }),
} as const;
