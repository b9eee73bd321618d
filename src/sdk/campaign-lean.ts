import type { CalendarCampaign } from '../contract/campaign.js';
import { validateCalendarCampaign, validateCampaignIdParam } from '../contract/generated/validators.js';
import { MemorialArgumentError, MemorialValidationError } from './errors.js';
import { getJson, type GetJsonOptions } from './get-json.js';

/** The contract's `getCampaign` path (routes.public.ts; test/node/sdk.campaigns.test.ts keeps them equal). */
export const CAMPAIGN_PATH = '/campaigns/{id}';

/**
 * `GET {apiRoot}campaigns/{id}` without ky or zod: what `client.campaigns.get` does, for the
 * banner's budget. Checked with the validators generated from the contract's `CalendarCampaign` and
 * `CampaignIdParam` schemas; fails with the SDK's error classes, by the SDK's retry rules.
 */
export async function getCampaignLean(apiRoot: string, id: string, opts: GetJsonOptions = {}): Promise<CalendarCampaign> {
  // As the client: a malformed id never reaches the network (and `..` cannot walk the path).
  if (validateCampaignIdParam({ id }).issues) throw new MemorialArgumentError(`memorial-elements: invalid path parameter for ${CAMPAIGN_PATH}: ${JSON.stringify(id)}`, 'path');
  const data = await getJson(apiRoot + CAMPAIGN_PATH.slice(1).replace('{id}', encodeURIComponent(id)), opts);
  const checked = validateCalendarCampaign(data);
  if (checked.issues) throw new MemorialValidationError(checked.issues);
  return checked.data;
}
