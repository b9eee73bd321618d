import type { CaseReceipt, FamilySearchInput, RelativeLeadInput } from '../../contract/index.js';
import type { Transport, WriteOptions } from '../transport.js';
import { registerFamilySearch, submitLead } from '../../contract/routes.public.js';

/**
 * The two-way relative search's write side. Both carry personal data and answer only with a
 * case reference; nothing submitted can be read back through the public API.
 */
export function relativesResource(t: Transport) {
  return {
    /** "I may be family / I have a clue" about a published martyr. */
    submitLead: (input: RelativeLeadInput, opts?: WriteOptions): Promise<CaseReceipt> => t.call(submitLead, { body: input }, opts),

    /** A family's search for a martyr they could not find in the roll. */
    registerFamilySearch: (input: FamilySearchInput, opts?: WriteOptions): Promise<CaseReceipt> => t.call(registerFamilySearch, { body: input }, opts),
  };
}
export type RelativesResource = ReturnType<typeof relativesResource>;
