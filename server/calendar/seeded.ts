import { CampaignOverrideInput, CampaignRule } from '../../src/contract/index.js';
import { seedCampaignOverrides, seedCampaignRules } from '../seed/campaigns.js';
import { CampaignCalendar } from './calendar.js';
import { overrideOf } from './rules.js';

/** The seed's calendar without a database (tests, previews): what a fresh server answers. */
export function seededCalendar(): CampaignCalendar {
  const overrides = seedCampaignOverrides();
  return new CampaignCalendar(
    seedCampaignRules().map((input) => {
      const rule = CampaignRule.parse(input);
      return { ...rule, overrides: overrides.filter(([id]) => id === rule.id).map(([, year, o]) => overrideOf(year, CampaignOverrideInput.parse(o))) };
    }),
    [],
  );
}
