import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { STAFF_ROLES, type StaffRole } from '../../src/contract/index.js';
import type { Database } from '../db/database.js';
import { accountById, grantsOf, needsSecondFactor, type Grant } from '../staff/accounts.js';
import { sameSecret, sha256 } from '../staff/secrets.js';
import { liveSession, type SessionPolicy } from '../staff/sessions.js';
import { FailureThrottle } from '../staff/throttle.js';
import { tokenAccount } from '../staff/tokens.js';
import { ApiError } from './api-error.js';
import { currentRequest, type Principal, type RequestState } from './request-context.js';

export const SESSION_COOKIE = 'memorial_staff';
export const CSRF_HEADER = 'x-csrf-token';

export interface StaffAuthOptions {
  db: Database;
  now: () => Date;
  sessions: SessionPolicy;
  /** The break-glass bearer token (MEMORIAL_ADMIN_TOKEN with MEMORIAL_BREAK_GLASS=1); undefined: off. */
  breakGlassToken?: string | undefined;
}

/** Throttles shared by sign-in and by every authenticated route of one app. */
export interface StaffThrottles {
  /** Failed sign-ins per login. */
  account: FailureThrottle;
  /** Failed sign-ins and failed authentication per client address, on every method. */
  address: FailureThrottle;
}

export function createThrottles(now: () => Date, enabled = true): StaffThrottles {
  const clock = () => now().getTime();
  return {
    // 5 free tries per account in 15 minutes, then 1 s, 2 s, 4 s … up to 15 minutes between tries.
    account: new FailureThrottle({ free: 5, windowMs: 15 * 60_000, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 }, clock, enabled),
    // An address may fail more (a shared office NAT), but not the 1,100 guesses a second of old.
    address: new FailureThrottle({ free: 20, windowMs: 15 * 60_000, baseDelayMs: 1000, maxDelayMs: 15 * 60_000 }, clock, enabled),
  };
}

export const tooManyAttempts = (seconds: number) =>
  new ApiError(429, 'rate_limited', `Too many failed attempts; try again in ${seconds} s`, undefined, { 'Retry-After': String(seconds) });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a session still owing its second factor may do: see itself, enrol TOTP, sign out. */
const ENROLMENT_PATHS = /\/staff\/(me|me\/totp|me\/totp\/confirm|session)$/;

export const state = (): RequestState => {
  const s = currentRequest();
  if (!s) throw new Error('staff-auth used outside a request');
  return s;
};

const ALL_GRANTS: Grant[] = STAFF_ROLES.map((role) => ({ role, region: null, cemetery: null }));

export async function loadPrincipal(db: Database, accountId: string, via: Principal['via']): Promise<Principal | null> {
  const row = await accountById(db, accountId);
  if (!row || row.disabled_at !== null) return null;
  return { accountId: row.id, login: row.login, displayName: row.display_name, grants: await grantsOf(db, row.id), via, totpEnabled: row.totp_enabled };
}

/**
 * Authenticates every staff request: a personal API token (`Authorization: Bearer mat_…`), the
 * break-glass token when switched on, or the session cookie (then `X-CSRF-Token` on every
 * state-changing method). Failures are throttled per address on every method, and every
 * answer, success or failure, carries `Cache-Control: no-store`.
 */
export function authenticate(opts: StaffAuthOptions, throttles: StaffThrottles): MiddlewareHandler {
  const fail = (s: RequestState, message: string): never => {
    throttles.address.fail(s.address);
    throw new ApiError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' });
  };
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const s = state();
    const wait = throttles.address.retryAfter(s.address);
    if (wait > 0) throw tooManyAttempts(wait);
    const now = opts.now();
    const header = c.req.header('authorization') ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (bearer) {
      if (opts.breakGlassToken && sameSecret(bearer, opts.breakGlassToken)) {
        // Loud on purpose: the shared key bypasses named accounts and exists for emergencies only.
        console.warn(`[${s.requestId}] BREAK-GLASS: the shared MEMORIAL_ADMIN_TOKEN was used from ${s.address} for ${c.req.method} ${new URL(c.req.url).pathname}`);
        s.principal = { accountId: null, login: 'break-glass', displayName: 'break-glass', grants: ALL_GRANTS, via: 'break-glass', totpEnabled: false };
      } else {
        const accountId = bearer.startsWith('mat_') ? await tokenAccount(opts.db, bearer, now) : null;
        const principal = accountId ? await loadPrincipal(opts.db, accountId, 'token') : null;
        if (!principal) fail(s, 'This API token is unknown, revoked, or its account is disabled');
        s.principal = principal!;
      }
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      const session = cookie ? await liveSession(opts.db, cookie, now, opts.sessions) : null;
      if (!session) {
        if (cookie) deleteCookie(c, SESSION_COOKIE, { path: '/api/v1' });
        fail(s, cookie ? 'The session has ended (signed out, idle or too old); sign in again' : 'Sign in, or send a staff API token as a Bearer token');
      }
      const principal = await loadPrincipal(opts.db, session!.accountId, 'session');
      if (!principal) fail(s, 'This account is disabled');
      if (!SAFE_METHODS.has(c.req.method)) {
        const given = c.req.header(CSRF_HEADER) ?? '';
        if (!given || !sameSecret(sha256(given), session!.csrfHash)) {
          throw new ApiError(403, 'forbidden', 'The X-CSRF-Token header is missing or does not match this session');
        }
      }
      principal!.session = { tokenHash: session!.tokenHash, secondFactor: session!.secondFactor };
      s.principal = principal!;
      if (needsSecondFactor(principal!.grants) && !session!.secondFactor && !ENROLMENT_PATHS.test(new URL(c.req.url).pathname)) {
        throw new ApiError(403, 'second_factor_required', 'Admins must enrol an authenticator app (TOTP) before doing anything else');
      }
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    // Deny by default: a read that never declared its role was for admins only.
    if (!s.authorized && c.res.status < 400 && !s.principal?.grants.some((g) => g.role === 'admin')) {
      c.res = new Response(JSON.stringify({ code: 'forbidden', message: 'This route is for admins only', requestId: s.requestId }), {
        status: 403,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    }
  };
}

/** Where a single record lives, for a scope check. */
export interface ScopeTarget {
  region?: string | null;
  cemetery?: string | null;
}

const covers = (g: Grant, t: ScopeTarget) =>
  (g.region === null && g.cemetery === null) ||
  (g.region !== null && typeof t.region === 'string' && t.region.startsWith(g.region)) ||
  (g.cemetery !== null && t.cemetery === g.cemetery);

/**
 * The one role check every staff route makes. `role` (or any of several) must be held; with
 * `scope`, one of that role's grants must also cover the record the request is about.
 * `authorize()` with no role admits any signed-in person (their own session, TOTP, sign-out).
 */
export function authorize(role?: StaffRole | readonly StaffRole[], scope?: (c: Context) => ScopeTarget | Promise<ScopeTarget>): MiddlewareHandler {
  const wanted = role === undefined ? [] : typeof role === 'string' ? [role] : role;
  return async (c, next) => {
    const s = state();
    const p = s.principal;
    if (!p) throw new ApiError(401, 'unauthorized', 'Sign in first');
    if (wanted.length) {
      const held = wanted.find((r) => p.grants.some((g) => g.role === r));
      if (!held) throw new ApiError(403, 'forbidden', `This needs the ${wanted.join(' or ')} role`);
      s.role = held;
      s.grants = p.grants.filter((g) => g.role === held);
      if (scope) assertInScope(await scope(c));
    }
    s.authorized = true;
    await next();
  };
}

/** Refuses a record outside the authorized role's scope as not found, so scopes do not reveal what exists elsewhere. */
export function assertInScope(target: ScopeTarget, what = 'Record'): void {
  const grants = state().grants ?? [];
  if (!grants.some((g) => covers(g, target))) throw new ApiError(404, 'not_found', `${what} was not found`);
}

/**
 * A SQL condition limiting a list to the authorized role's regions: '' when a grant covers
 * everything, `AND false` when none covers any region. `expr` is a region-code column.
 */
export function regionCondition(expr: string, params: unknown[]): string {
  const grants = state().grants ?? [];
  if (grants.some((g) => g.region === null && g.cemetery === null)) return '';
  const prefixes = grants.flatMap((g) => (g.region ? [g.region] : []));
  if (!prefixes.length) return 'AND false';
  return `AND (${prefixes.map((p) => `${expr} LIKE $${params.push(`${p}%`)}`).join(' OR ')})`;
}

/** The same for cemetery ids; null when every cemetery is allowed. */
export function allowedCemeteries(): string[] | null {
  const grants = state().grants ?? [];
  if (grants.some((g) => g.region === null && g.cemetery === null)) return null;
  return grants.flatMap((g) => (g.cemetery ? [g.cemetery] : []));
}

/**
 * The person acting, as recorded beside decisions (`decided_by`, `moderated_by`) and in the
 * audit log. A route that never called `authorize` acts only for admins.
 */
export function actorOf(_c?: Context): string {
  const s = state();
  if (!s.principal) throw new ApiError(401, 'unauthorized', 'Sign in first');
  if (!s.authorized) {
    if (!s.principal.grants.some((g) => g.role === 'admin')) throw new ApiError(403, 'forbidden', 'This route is for admins only');
    s.role = 'admin';
    s.authorized = true;
  }
  return s.principal.login;
}

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/api/v1',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    maxAge: Math.floor(maxAgeSeconds),
  });
}

export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, { path: '/api/v1' });
