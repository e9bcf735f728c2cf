import { z } from 'zod';
import { call } from './core';
import { DraftKey, DraftText } from '../domain/draft';

/** Unsaved text (a note, wrap-up notes) kept in the person's cache as they type. */
export const draftCalls = {
  'drafts.get': call({ input: z.object({ key: DraftKey }).strict(), output: DraftText.nullable() }),
  /** Empty text removes the draft (the note was saved or cleared). */
  'drafts.save': call({ input: z.object({ key: DraftKey, text: DraftText }).strict(), output: z.null() }),
} as const;
