import { AsyncLocalStorage } from 'node:async_hooks';
import type { StaffRole } from '../../src/contract/index.js';
import type { Grant } from '../staff/accounts.js';

/** Who is behind a staff request, however they authenticated. */
export interface Principal {
  accountId: string | null;
  login: string;
  displayName: string;
  grants: Grant[];
  via: 'session' | 'token' | 'break-glass' | 'operator';
  totpEnabled: boolean;
  /** The session's hash and whether it was opened with the second factor (sessions only). */
  session?: { tokenHash: string; secondFactor: boolean };
}

/** Per-request facts the audit log records without every caller passing them along. */
export interface RequestState {
  requestId: string;
  address: string;
  principal?: Principal;
  /** The role `authorize` admitted the request under, and that role's grants. */
  role?: StaffRole;
  grants?: Grant[];
  /** Set by `authorize`: a route that never called it is open to admins only. */
  authorized?: boolean;
}

const storage = new AsyncLocalStorage<RequestState>();

export const runWithRequest = <T>(state: RequestState, fn: () => Promise<T>) => storage.run(state, fn);

/** The current request's state, or undefined outside a request (start-up, scheduled purge, CLI). */
export const currentRequest = () => storage.getStore();
