import { z } from 'zod';
import { call } from './core';
import { AdminUser } from '../api/auth';

export const adminCalls = {
  /** Every account on the central server, for the admin view. The server refuses other roles (FORBIDDEN). */
  'admin.listUsers': call({ input: z.object({}).strict(), output: z.array(AdminUser) }),
} as const;
