import * as z from 'zod/mini';
import { Cursor, Id, Limit, page, text } from './common.js';

/**
 * Named staff accounts. A person holds one or more roles, each for everything or scoped to a
 * GB/T 2260 region prefix (a county bureau sees its county's cases) or to one cemetery.
 */
export const STAFF_ROLES = ['admin', 'moderator', 'caseworker', 'cemetery', 'campaigns', 'auditor'] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** `32`, `3205` or `320505`: a province, a city or a county. */
export const RegionPrefix = z.string().check(z.regex(/^\d{2}(\d{2}){0,2}$/, 'must be a GB/T 2260 prefix of 2, 4 or 6 digits'));

export const StaffGrant = z.object({
  role: StaffRole,
  /** Only cases, graves and requests in this region; null or absent: everywhere. */
  region: z.optional(z.nullable(RegionPrefix)),
  /** Only this cemetery; null or absent: every cemetery. At most one of region and cemetery. */
  cemetery: z.optional(z.nullable(Id)),
});
export type StaffGrant = z.input<typeof StaffGrant>;

const Grants = z.array(StaffGrant).check(
  z.minLength(1),
  z.maxLength(50),
  z.refine((gs) => gs.every((g) => !(g.region && g.cemetery)), { message: 'a role is scoped to a region or to a cemetery, not both' }),
);

/** Lower-case ASCII, as typed at a sign-in prompt; the display name carries the person's name. */
export const StaffLogin = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'must be 2–40 lower-case letters, digits, ".", "_" or "-"'));

/** Checked for length here; the server also refuses common passwords and ones containing the login. */
export const NewPassword = z.string().check(z.minLength(12, 'must be at least 12 characters'), z.maxLength(256));

export const SignInRequest = z.object({
  login: z.string().check(z.minLength(1), z.maxLength(40)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
  /** A 6-digit code from the authenticator app, or one unused recovery code. */
  totp: z.optional(z.string().check(z.regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/, 'must be a 6-digit code or a recovery code'))),
});
export type SignInRequest = z.input<typeof SignInRequest>;

export const StaffMe = z.object({
  id: Id,
  login: StaffLogin,
  displayName: z.string(),
  roles: z.array(StaffGrant),
  totpEnabled: z.boolean(),
  /** Admins must use a second factor; until it is enrolled the session may only enrol it. */
  totpRequired: z.boolean(),
  /** How this request was authenticated. */
  via: z.enum(['session', 'token', 'break-glass', 'operator']),
  /** False on a session opened without the second factor its holder must have. */
  secondFactor: z.boolean(),
});
export type StaffMe = z.infer<typeof StaffMe>;

export const SignInResult = z.object({
  /** Send as `X-CSRF-Token` on every request that changes something. */
  csrfToken: z.string(),
  /** The session ends then at the latest (absolute timeout). */
  expiresAt: z.iso.datetime({ offset: true }),
  /** Minutes without a request after which the session ends (idle timeout). */
  idleMinutes: z.number(),
  me: StaffMe,
});
export type SignInResult = z.infer<typeof SignInResult>;

export const SignedOut = z.object({ ok: z.literal(true), sessionsEnded: z.number().check(z.int(), z.gte(0)) });

export const TotpEnrolment = z.object({
  /** Base32, for manual entry. */
  secret: z.string(),
  /** `otpauth://totp/…`, for a QR code. */
  uri: z.string(),
});
export const TotpConfirm = z.object({ code: z.string().check(z.regex(/^\d{6}$/, 'must be a 6-digit code')) });
export const RecoveryCodes = z.object({
  /** Each works once instead of a TOTP code; shown only now, stored only as hashes. */
  codes: z.array(z.string()),
});
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const PasswordChange = z.object({ current: z.string().check(z.maxLength(256)), next: NewPassword });

/** The first admin on a fresh install, from the one-time link the server printed. */
export const StaffSetupRequest = z.object({
  setupToken: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)),
  login: StaffLogin,
  displayName: text(1, 60),
  password: NewPassword,
});

export const StaffAccount = z.object({
  id: Id,
  login: StaffLogin,
  displayName: z.string(),
  roles: z.array(StaffGrant),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StaffAccount = z.infer<typeof StaffAccount>;
export const StaffAccountPage = page(StaffAccount);
export const StaffListQuery = z.object({ cursor: z.optional(Cursor), limit: z.optional(Limit) });

export const StaffAccountInput = z.object({
  login: StaffLogin,
  displayName: text(1, 60),
  password: NewPassword,
  roles: Grants,
});
export type StaffAccountInput = z.input<typeof StaffAccountInput>;
export const StaffRolesInput = z.object({ roles: Grants });
export type StaffRolesInput = z.input<typeof StaffRolesInput>;
export const StaffIdParam = z.object({ id: Id });

export const StaffTokenInput = z.object({ label: text(1, 80) });
export const StaffTokenInfo = z.object({
  id: Id,
  label: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.nullable(z.iso.datetime({ offset: true })),
  revokedAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type StaffTokenInfo = z.infer<typeof StaffTokenInfo>;
/** The token itself is shown once; the server keeps only its hash. */
export const StaffTokenCreated = z.object({ ...StaffTokenInfo.shape, token: z.string() });
export type StaffTokenCreated = z.infer<typeof StaffTokenCreated>;
export const StaffTokenList = z.object({ items: z.array(StaffTokenInfo) });
export const StaffTokenParam = z.object({ id: Id, tokenId: Id });
