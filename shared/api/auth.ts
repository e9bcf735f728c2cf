import { z } from 'zod';
import { Language, Role, User, Username } from '../domain/user';

/**
 * The central server's HTTP API for accounts and sessions. The server validates requests with
 * these schemas and the host validates responses with them: one definition for both ends.
 */

export const LoginRequest = z.object({ username: Username, password: z.string().min(1).max(256) }).strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ token: z.string().min(32), expiresAt: z.string(), user: User });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: User });
export const SetLanguageRequest = z.object({ language: Language }).strict();

export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

export const AdminUser = User.extend({ disabled: z.boolean(), createdAt: z.string() });
export const AdminUserList = z.object({ users: z.array(AdminUser) });

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1).max(120),
    password: z.string().min(10).max(256),
    role: Role,
    language: Language.default('en'),
    teamIds: z.array(z.string()).max(20).default([]),
  })
  .strict();

export const HealthResponse = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

/** Paths, so neither end spells a URL by hand. */
export const API = {
  health: '/healthz',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/me',
  myLanguage: '/api/v1/me/language',
  adminUsers: '/api/v1/admin/users',
} as const;
