import * as z from 'zod/mini';
import { Id } from './common.js';

/**
 * One entry per REST operation. The server validates with these schemas, the SDK validates
 * responses with them, and the OpenAPI document is generated from them: a shape is never
 * written twice.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path under /api/v1, e.g. `/martyrs/{id}`. */
  path: string;
  /**
   * The OpenAPI summary. Public routes keep theirs in route-summaries.ts (joined in `routes`) so
   * the text never ships in browser code.
   */
  summary?: string;
  tag: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.core.$ZodType;
  /** A multipart/form-data upload instead of a JSON body: the file field and the types it takes. */
  multipart?: { field: string; accept: readonly string[] };
  response: z.core.$ZodType;
  /** The success status; POSTs that may answer a replay say so in `alsoStatus`. */
  status: 200 | 201 | 202 | 204;
  alsoStatus?: readonly number[];
  /** Needs `Authorization: Bearer <admin token>`. */
  admin?: boolean;
  /** Staff routes outside /admin: `public` (sign-in) or `session` (cookie + CSRF only). */
  auth?: 'public' | 'session';
}

export const IdParam = z.object({ id: Id });
export const Acknowledged = z.object({ ok: z.literal(true) });
