import { CaseReference } from '../src/contract/index.js';
import type { Queryable } from './db/database.js';
import { currentRequest } from './http/request-context.js';

/** The person behind a staff request (their login); see staff-auth.ts. Re-exported for the routes that import it from here. */
export { actorOf } from './http/staff-auth.js';

/**
 * Appends to the audit log. The person's account, the role they acted under, the request id
 * and the client address come from the request being served; the case is `detail.case`, or the
 * subject when it is a case reference. The table refuses UPDATE and DELETE (migration 0008).
 */
export async function audit(tx: Queryable, actor: string, action: string, subject: string | null, detail?: Record<string, unknown>): Promise<void> {
  const r = currentRequest();
  const caseRef = typeof detail?.case === 'string' ? detail.case : subject !== null && CaseReference.safeParse(subject).success ? subject : null;
  await tx.query(
    `INSERT INTO audit_log (actor, action, subject, detail, account_id, role, request_id, address, case_ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [actor, action, subject, detail ? JSON.stringify(detail) : null, r?.principal?.accountId ?? null, r?.role ?? null, r?.requestId ?? null, r?.address ?? null, caseRef],
  );
}
