import type { Context } from 'hono';
import { audit } from '../audit.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { clientAddress } from '../http/client-address.js';
import { keyedHash } from '../personal-data.js';

/**
 * Reports on messages, as a trusted system weighs them. Every message is moderated before it
 * is shown; a report on an approved one puts it in front of moderators (GET
 * /admin/messages?status=approved&reported=true) and takes it off the wall before review only
 * on a strong signal: `hideAfter` distinct reporters (one per visitor id and one per address),
 * or a message that matches the sensitive-word list as it stands now. Hides are audited as
 * `message.hide` by `system`; approving a hidden message again is audited as `message.reshow`
 * and marks its reports reviewed, so the same reporters, who cannot report twice, do not take
 * it off again.
 */
export const DEFAULT_HIDE_AFTER = 3;

export function hideAfterFromEnv(raw = process.env.MEMORIAL_REPORT_HIDE_AFTER): number {
  if (raw === undefined || raw === '') return DEFAULT_HIDE_AFTER;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error('MEMORIAL_REPORT_HIDE_AFTER must be a whole number from 1 to 1000');
  return n;
}

interface ReportedMessage {
  id: string;
  martyr_id: string;
  status: 'pending' | 'approved' | 'rejected';
  text: string;
  signature: string | null;
}

/**
 * Records one report. Says nothing about the outcome: the caller answers the same whether the
 * message is unknown, rejected, already reported by this visitor or hidden now.
 */
export async function recordReport(
  tx: Queryable,
  deps: Pick<AppDeps, 'dataKey' | 'words' | 'trustProxy' | 'reportHideAfter'>,
  c: Context,
  messageId: string,
  input: { reason?: string | undefined; visitorId?: string | undefined },
): Promise<void> {
  const { rows } = await tx.query<ReportedMessage>('SELECT id, martyr_id, status, text, signature FROM messages WHERE id = $1 FOR UPDATE', [messageId]);
  const m = rows[0];
  if (!m || m.status === 'rejected') return;
  const address = keyedHash(deps.dataKey, 'report address', clientAddress(c, deps.trustProxy ?? 0));
  const visitor = input.visitorId ? keyedHash(deps.dataKey, 'report visitor', input.visitorId) : `address:${address}`;
  const inserted = await tx.query(
    'INSERT INTO message_reports (message_id, visitor_hash, address_hash, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
    [messageId, visitor, address, input.reason ?? null],
  );
  if (inserted.rows.length === 0) return;
  await tx.query('UPDATE messages SET reports = reports + 1 WHERE id = $1', [messageId]);
  if (m.status !== 'approved') return;

  const open = await tx.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM message_reports WHERE message_id = $1 AND reviewed_at IS NULL', [messageId]);
  const reporters = Number(open.rows[0]?.n ?? 0);
  const word = deps.words.find(`${m.text}\n${m.signature ?? ''}`);
  const hideAfter = deps.reportHideAfter ?? hideAfterFromEnv();
  if (!word && reporters < hideAfter) return;
  const reason = word ? `reported; sensitive word: ${word}` : `reported by ${reporters} visitors`;
  await tx.query("UPDATE messages SET status = 'pending', reason = $2, hidden_at = now() WHERE id = $1", [messageId, reason]);
  await audit(tx, 'system', 'message.hide', messageId, { martyrId: m.martyr_id, trigger: word ? 'sensitive-word' : 'reporters', reporters, word });
}

/** A moderator's decision closes the open reports: they no longer count towards hiding. */
export async function closeReports(tx: Queryable, messageId: string): Promise<number> {
  const { rows } = await tx.query('UPDATE message_reports SET reviewed_at = now() WHERE message_id = $1 AND reviewed_at IS NULL RETURNING 1', [messageId]);
  return rows.length;
}
