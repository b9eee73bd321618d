/**
 * Puppeteer is only used to drive the system Firefox ESR (apt `firefox-esr`) through
 * @web/test-runner-puppeteer. Never download a browser: this machine and CI have no network
 * beyond the package registries, and the postinstall download would fail `npm ci`.
 * @type {import('puppeteer').Configuration}
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
