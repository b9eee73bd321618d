import type { RouteDef } from './routes.js';
import { ThrottledPage, ThrottledQuery, VisitorGrant, VisitorRequest } from './visitor.js';

/** Fair limits (issue 16): minting visitors, and what staff see of the budgets. Spread into `routes`. */
export const visitorRoutes = {
  mintVisitor: {
    method: 'POST', path: '/visitors', tag: 'tributes',
    summary:
      'Mint a signed visitor id (send it as `visitorId` with tributes); each network address may mint a few hundred an hour, past that 429 with Retry-After',
    body: VisitorRequest, response: VisitorGrant, status: 201,
  },
  adminThrottled: {
    method: 'GET', path: '/admin/throttled', tag: 'admin',
    summary: 'Addresses whose visitor, tribute or minting budget was spent, per budget and hour, newest first (kept 30 days)',
    query: ThrottledQuery, response: ThrottledPage, status: 200, admin: true,
  },
} as const satisfies Record<string, RouteDef>;
