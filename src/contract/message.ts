import * as z from 'zod/mini';
import { Id, Limit, Cursor, page, text } from './common.js';
import { VisitorId } from './tribute.js';

export const MESSAGE_MAX_CHARS = 500;
export const SIGNATURE_MAX_CHARS = 40;

/** 感念寄语 as the public sees it: only approved messages are ever in this shape. */
export const Message = z.object({
  id: Id,
  martyrId: Id,
  text: z.string(),
  signature: z.nullable(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Message = z.infer<typeof Message>;

export const MessageInput = z.object({
  text: text(1, MESSAGE_MAX_CHARS),
  signature: z.optional(z.nullable(text(1, SIGNATURE_MAX_CHARS))),
});
export type MessageInput = z.input<typeof MessageInput>;

export const MessageStatus = z.enum(['pending', 'approved', 'rejected']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** What the writer is told: the message is held for review. */
export const MessageReceipt = z.object({
  id: Id,
  status: z.literal('pending'),
});
export type MessageReceipt = z.infer<typeof MessageReceipt>;

export const MessageListQuery = z.object({ cursor: z.optional(Cursor), limit: z.optional(Limit) });
export const MessagePage = page(Message);
export type MessagePage = z.infer<typeof MessagePage>;

export const MessageReport = z.object({
  reason: z.optional(text(1, 200)),
  /** The reporter's anonymous visitor id (as for tributes): one report per visitor and per address. */
  visitorId: z.optional(VisitorId),
});
export type MessageReport = z.input<typeof MessageReport>;

/** A message as moderators see it. */
export const ModeratedMessage = z.extend(Message, {
  status: MessageStatus,
  /** Why it is held (e.g. a sensitive word), or the moderator's reason. */
  reason: z.nullable(z.string()),
  reports: z.number().check(z.int(), z.gte(0)),
});
export type ModeratedMessage = z.infer<typeof ModeratedMessage>;
export const ModeratedMessagePage = page(ModeratedMessage);
