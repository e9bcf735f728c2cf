import { z } from 'zod';

/** What a draft belongs to: `note:<customer id>`, `wrap-up:<call id>`. */
export const DraftKey = z.string().regex(/^(note|wrap-up):[^\s]{1,300}$/, 'note:<customer> or wrap-up:<call>');
export type DraftKey = z.infer<typeof DraftKey>;

export const DraftText = z.string().max(10_000);
