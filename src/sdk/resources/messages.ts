import type { Message, MessageInput, MessageReceipt, MessageReport } from '../../contract/index.js';
import { pagedList, type PagedList } from '../paged-list.js';
import type { QueryOf } from '../route-types.js';
import type { CallOptions, Transport, WriteOptions } from '../transport.js';
import { listMessages, postMessage, reportMessage } from '../../contract/routes.public.js';

export function messagesResource(t: Transport) {
  return {
    /** Approved messages, newest first, walking every page when iterated. */
    list: (martyrId: string, query: QueryOf<'listMessages'> = {}, opts?: CallOptions): PagedList<Message> => {
      const { cursor, limit } = query;
      return pagedList((c) => t.call(listMessages, { params: { id: martyrId }, query: { limit, cursor: c } }, opts), cursor);
    },

    /** Leaves a message. It is held for review, so it is not listed until a moderator approves it. */
    post: (martyrId: string, input: MessageInput, opts?: WriteOptions): Promise<MessageReceipt> =>
      t.call(postMessage, { params: { id: martyrId }, body: input }, opts),

    /** Reports a message as offensive; it goes back to review. */
    report: async (messageId: string, input: MessageReport = {}, opts?: WriteOptions): Promise<void> => {
      await t.call(reportMessage, { params: { id: messageId }, body: input }, opts);
    },
  };
}
export type MessagesResource = ReturnType<typeof messagesResource>;
