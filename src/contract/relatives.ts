import * as z from 'zod/mini';
import { PartialDate, text } from './common.js';
import { DivisionCode, PeriodId } from './martyr.js';

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True when an 18-digit resident ID number has a real birth date and a correct ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1850 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

export const Relationship = z.enum(['child', 'grandchild', 'sibling', 'sibling-descendant', 'spouse', 'parent', 'other-relative', 'comrade', 'other']);
export type Relationship = z.infer<typeof Relationship>;

export const Mobile = z.string().check(z.regex(MOBILE_PATTERN, 'must be an 11-digit mainland mobile number'));
export const IdNumber = z.string().check(z.refine(isValidIdNumber, { message: 'is not a valid 18-digit ID number' }));

const contactShape = {
  claimantName: text(1, 40),
  relationship: Relationship,
  mobile: Mobile,
  /** Given only with its own consent (`idNumberConsent`). */
  idNumber: z.optional(z.nullable(IdNumber)),
  idNumberConsent: z.optional(z.boolean()),
  /** The plain statement of purpose and retention was shown and accepted. */
  consent: z.literal(true),
};
const idNeedsConsent = z.refine<{ idNumber?: string | null | undefined; idNumberConsent?: boolean | undefined }>(
  (v) => !v.idNumber || v.idNumberConsent === true,
  { message: 'an ID number may only be given with its own consent', path: ['idNumberConsent'] },
);

/** "I may be family / I have a clue" about a published martyr. */
export const RelativeLeadInput = z.object({
  ...contactShape,
  martyrId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  /** What the claimant knows. */
  knowledge: text(1, 2000),
}).check(idNeedsConsent);
export type RelativeLeadInput = z.input<typeof RelativeLeadInput>;

/** A family's registered search for a martyr they could not find. */
export const FamilySearchInput = z.object({
  ...contactShape,
  martyrName: text(1, 64),
  nativePlace: z.optional(z.nullable(text(1, 100))),
  nativePlaceCode: z.optional(z.nullable(DivisionCode)),
  period: z.optional(z.nullable(PeriodId)),
  deathDate: z.optional(z.nullable(PartialDate)),
  unit: z.optional(z.nullable(text(1, 200))),
  knowledge: text(1, 2000),
}).check(idNeedsConsent);
export type FamilySearchInput = z.input<typeof FamilySearchInput>;

/** All a public caller ever gets back: a reference number to quote. */
export const CaseReceipt = z.object({
  reference: z.string().check(z.regex(/^[LF]\d{8}-[A-Z0-9]{6}$/)),
});
export type CaseReceipt = z.infer<typeof CaseReceipt>;
