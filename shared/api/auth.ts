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
export type MeResponse = z.infer<typeof MeResponse>;
export const SetLanguageRequest = z.object({ language: Language }).strict();
export type SetLanguageRequest = z.infer<typeof SetLanguageRequest>;

export const ApiError = z.object({
  error: z.object({
    /** One of ApiErrorCode (shared/api/errors.ts); kept a string so an older client reads newer codes. */
    code: z.string(),
    /** A sentence a person can act on; safe to show as it is. */
    message: z.string(),
    /** INVALID_INPUT only: which field is wrong ('' for the body as a whole). */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** RATE_LIMITED only: the same figure as the Retry-After header. */
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const AdminUser = User.extend({ disabled: z.boolean(), createdAt: z.string() });
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUserList = z.object({ users: z.array(AdminUser) });
export type AdminUserList = z.infer<typeof AdminUserList>;

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
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
/** POST admin/users answers 201 with the account as the admin list shows it. */
export const CreateUserResponse = z.object({ user: AdminUser });
export type CreateUserResponse = z.infer<typeof CreateUserResponse>;

export const HealthResponse = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Paths, so neither end spells a URL by hand. */
export const API = {
  health: '/healthz',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/me',
  myLanguage: '/api/v1/me/language',
  adminUsers: '/api/v1/admin/users',
} as const;

/** Longest request body the server reads; larger bodies get 413 PAYLOAD_TOO_LARGE. */
export const MAX_BODY_BYTES = 256 * 1024;
