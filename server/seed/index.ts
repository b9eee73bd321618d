/** Deterministic seed data for the reference server: sample roll, campaigns, history periods. */
export { sampleMartyrs, SAMPLE_MARKER, SAMPLE_CEMETERIES, DEFAULT_SAMPLE_COUNT, type MartyrFieldsInput } from './sample-martyrs.js';
export { seedCampaignRules, seedCampaignOverrides, NATIONAL_PLATFORM_URL, QINGMING_THEMES } from './campaigns.js';
export { seedPeriods, PeriodSeed, PERIOD_DEATH_SPANS } from './periods.js';
export { ASTRAL_NAMES, NEAR_NAME_PAIRS, COMPOUND_SURNAMES, type NearNameKind } from './names.js';
