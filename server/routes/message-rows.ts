import type { ModeratedMessage } from '../../src/contract/index.js';
import { iso } from './martyr-rows.js';

/**
 * Cursors carry `created_at::text`, PostgreSQL's own microsecond-precise rendering: an ISO string
 * from a JS Date keeps only milliseconds, and paging on it repeats rows on PostgreSQL.
 */
export interface MessageRow {
  id: string;
  martyr_id: string;
  text: string;
  signature: string | null;
  status: ModeratedMessage['status'];
  reason: string | null;
  reports: number;
  created_at: Date | string;
}

/** The public shape: deliberately without status, reason or reports. */
export const toMessage = (r: MessageRow) => ({
  id: r.id,
  martyrId: r.martyr_id,
  text: r.text,
  signature: r.signature,
  createdAt: iso(r.created_at),
});

export const toModerated = (r: MessageRow): ModeratedMessage => ({
  ...toMessage(r),
  status: r.status,
  reason: r.reason,
  reports: Number(r.reports),
});
