import * as z from 'zod/mini';
import type { RouteDef } from './route-def.js';
import {
  PasswordChange, RecoveryCodes, SignedOut, SignInRequest, SignInResult, StaffAccount, StaffAccountInput, StaffAccountPage, StaffIdParam,
  StaffListQuery, StaffMe, StaffRolesInput, StaffSetupRequest, StaffTokenCreated, StaffTokenInput, StaffTokenList, StaffTokenParam,
  TotpConfirm, TotpEnrolment,
} from './staff.js';

const Ok = z.object({ ok: z.literal(true) });
const NoBody = z.object({});

/**
 * Staff sign-in and account management. `auth` says how each operation is secured (the
 * OpenAPI document declares it): `public`, `session` (the session cookie, plus `X-CSRF-Token`
 * on writes) or, for `admin: true`, either a session or a personal API token.
 */
export const staffRoutes = {
  staffSignIn: {
    method: 'POST', path: '/staff/session', tag: 'staff', auth: 'public',
    summary: 'Sign in: sets the HttpOnly session cookie and answers the CSRF token',
    body: SignInRequest, response: SignInResult, status: 200,
  },
  staffSignOut: {
    method: 'DELETE', path: '/staff/session', tag: 'staff', auth: 'session',
    summary: 'Sign out this session', response: SignedOut, status: 200,
  },
  staffSignOutEverywhere: {
    method: 'DELETE', path: '/staff/sessions', tag: 'staff', admin: true,
    summary: "End every one of the caller's sessions (API tokens stay; revoke them separately)", response: SignedOut, status: 200,
  },
  staffMe: {
    method: 'GET', path: '/staff/me', tag: 'staff', admin: true,
    summary: 'Who is signed in, with roles and scopes', response: StaffMe, status: 200,
  },
  staffChangePassword: {
    method: 'PUT', path: '/staff/me/password', tag: 'staff', auth: 'session',
    summary: 'Change my password; every other session ends', body: PasswordChange, response: Ok, status: 200,
  },
  staffBeginTotp: {
    method: 'POST', path: '/staff/me/totp', tag: 'staff', auth: 'session',
    summary: 'Start enrolling an authenticator app (replaces an unconfirmed secret)', body: NoBody, response: TotpEnrolment, status: 200,
  },
  staffConfirmTotp: {
    method: 'POST', path: '/staff/me/totp/confirm', tag: 'staff', auth: 'session',
    summary: 'Confirm the authenticator with a first code; answers fresh recovery codes', body: TotpConfirm, response: RecoveryCodes, status: 200,
  },
  staffNewRecoveryCodes: {
    method: 'POST', path: '/staff/me/recovery-codes', tag: 'staff', auth: 'session',
    summary: 'Replace my recovery codes (needs a session opened with the second factor)', body: NoBody, response: RecoveryCodes, status: 200,
  },
  staffSetup: {
    method: 'POST', path: '/staff/setup', tag: 'staff', auth: 'public',
    summary: 'Create the first admin with the one-time link printed at first start',
    body: StaffSetupRequest, response: StaffAccount, status: 201,
  },

  adminListStaff: {
    method: 'GET', path: '/admin/staff', tag: 'admin', admin: true, summary: 'Staff accounts with their roles (admin)',
    query: StaffListQuery, response: StaffAccountPage, status: 200,
  },
  adminCreateStaff: {
    method: 'POST', path: '/admin/staff', tag: 'admin', admin: true, summary: 'Create a staff account (admin)',
    body: StaffAccountInput, response: StaffAccount, status: 201,
  },
  adminSetStaffRoles: {
    method: 'PUT', path: '/admin/staff/{id}/roles', tag: 'admin', admin: true, summary: "Replace a person's roles and scopes (admin)",
    params: StaffIdParam, body: StaffRolesInput, response: StaffAccount, status: 200,
  },
  adminDisableStaff: {
    method: 'POST', path: '/admin/staff/{id}/disable', tag: 'admin', admin: true,
    summary: 'Disable an account: its sessions end and its tokens stop working (admin)',
    params: StaffIdParam, body: NoBody, response: StaffAccount, status: 200,
  },
  adminEnableStaff: {
    method: 'POST', path: '/admin/staff/{id}/enable', tag: 'admin', admin: true, summary: 'Enable a disabled account again (admin)',
    params: StaffIdParam, body: NoBody, response: StaffAccount, status: 200,
  },
  adminSignOutStaff: {
    method: 'POST', path: '/admin/staff/{id}/sign-out', tag: 'admin', admin: true, summary: "End every session of a person (admin)",
    params: StaffIdParam, body: NoBody, response: SignedOut, status: 200,
  },
  adminListStaffTokens: {
    method: 'GET', path: '/admin/staff/{id}/tokens', tag: 'admin', admin: true, summary: "A person's API tokens, without their values (admin)",
    params: StaffIdParam, response: StaffTokenList, status: 200,
  },
  adminCreateStaffToken: {
    method: 'POST', path: '/admin/staff/{id}/tokens', tag: 'admin', admin: true,
    summary: 'Issue a labelled API token that acts as that person; shown once (admin)',
    params: StaffIdParam, body: StaffTokenInput, response: StaffTokenCreated, status: 201,
  },
  adminRevokeStaffToken: {
    method: 'DELETE', path: '/admin/staff/{id}/tokens/{tokenId}', tag: 'admin', admin: true, summary: 'Revoke an API token (admin)',
    params: StaffTokenParam, response: StaffTokenList, status: 200,
  },
} as const satisfies Record<string, RouteDef>;
