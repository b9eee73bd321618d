import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, readJson } from '../http/validate.js';
import { encryptField } from '../personal-data.js';
import { matchFamilySearch } from '../relatives/matching.js';
import { sealContact } from '../relatives/sealed-fields.js';
import { queryInitial } from '../search/name-keys.js';
import { shanghaiDay } from '../time.js';
import { martyrExists } from './tributes.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A reference a family can quote on the phone: kind letter, day, six unambiguous characters. */
function reference(kind: 'L' | 'F', at: Date): string {
  const bytes = randomBytes(6);
  const tail = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${kind}${shanghaiDay(at).replaceAll('-', '')}-${tail}`;
}

/** Public intake only: these endpoints store personal data and answer with nothing but a reference. */
export function relativeRoutes({ db, now, dataKey }: AppDeps) {
  const app = new Hono();

  app.post('/relative-leads', async (c) => {
    const body = await readJson(c);
    const input = parseWith(routes.submitLead.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      if (!(await martyrExists(tx, input.martyrId))) throw notFound('Martyr');
      const ref = reference('L', now());
      const sealed = sealContact(dataKey, input.claimantName, input.mobile);
      await tx.query(
        `INSERT INTO relative_leads (id, reference, martyr_id, claimant_name_enc, relationship, mobile_enc, mobile_hash, id_number_enc, knowledge)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [randomUUID(), ref, input.martyrId, sealed.claimantNameEnc, input.relationship, sealed.mobileEnc, sealed.mobileHash,
          input.idNumber ? encryptField(dataKey, input.idNumber) : null, input.knowledge],
      );
      return { status: 201, body: { reference: ref } };
    });
  });

  app.post('/family-searches', async (c) => {
    const body = await readJson(c);
    const input = parseWith(routes.registerFamilySearch.body, body, 'body');
    return runWrite(db, c, body, async (tx) => {
      const ref = reference('F', now());
      const id = randomUUID();
      const sealed = sealContact(dataKey, input.claimantName, input.mobile);
      await tx.query(
        `INSERT INTO family_searches (id, reference, martyr_name, native_place_text, native_place_code, period, death_date, unit,
                                      claimant_name_enc, relationship, mobile_enc, mobile_hash, id_number_enc, knowledge, name_initial)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [id, ref, input.martyrName, input.nativePlace ?? null, input.nativePlaceCode ?? null, input.period ?? null,
          input.deathDate ?? null, input.unit ?? null, sealed.claimantNameEnc, input.relationship, sealed.mobileEnc, sealed.mobileHash,
          input.idNumber ? encryptField(dataKey, input.idNumber) : null, input.knowledge, queryInitial(input.martyrName)],
      );
      // Matched at once against the martyrs seeking relatives; staff see the candidates, the family only its reference.
      await matchFamilySearch(tx, {
        id, martyrName: input.martyrName, period: input.period ?? null, nativePlaceCode: input.nativePlaceCode ?? null,
        nativePlaceText: input.nativePlace ?? null, deathDate: input.deathDate ?? null,
      });
      return { status: 201, body: { reference: ref } };
    });
  });

  return app;
}
