import { define } from '../shared/define.js';
import { MemorialCampaignBanner } from './campaign-banner.js';

define('memorial-campaign-banner', MemorialCampaignBanner);

declare global {
  interface HTMLElementTagNameMap {
    'memorial-campaign-banner': MemorialCampaignBanner;
  }
}

export { MemorialCampaignBanner };
