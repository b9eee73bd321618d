import type { ExampleList } from '../shared/examples.js';

/**
 * `<memorial-provider>` renders nothing of its own, so its examples show what it wraps. The
 * element issues add examples of their elements inside a provider to their own lists.
 */
export const providerExamples: ExampleList = {
  tag: 'memorial-provider',
  title: '<memorial-provider>',
  examples: [
    {
      name: 'api-base',
      description: 'One API address for every element inside; the provider lays out as if it were not there.',
      state: 'idle',
      html: (ctx) => `<memorial-provider api-base="${ctx.apiBase}">
  <p>缅怀英烈 · 致敬英雄</p>
</memorial-provider>`,
    },
    {
      name: 'locale',
      description: 'An explicit locale (any BCP 47 tag: zh-TW and zh-HK mean 繁體) for every element inside.',
      state: 'variant',
      variant: 'zh-Hant',
      html: (ctx) => `<memorial-provider api-base="${ctx.apiBase}" locale="zh-TW">
  <p lang="zh-Hant">緬懷英烈 · 致敬英雄</p>
</memorial-provider>`,
    },
    {
      name: 'elder-mode',
      description: 'Elder mode (适老化) for every element inside: larger text and targets.',
      state: 'variant',
      variant: 'elder-mode',
      html: (ctx) => `<memorial-provider api-base="${ctx.apiBase}" elder-mode>
  <p>缅怀英烈 · 致敬英雄</p>
</memorial-provider>`,
    },
    {
      name: 'api-down',
      description: 'A provider whose API cannot be reached: the page content still shows.',
      state: 'api-down',
      expect: null,
      html: (ctx) => `<memorial-provider api-base="${ctx.unreachableApiBase}">
  <p>缅怀英烈 · 致敬英雄</p>
</memorial-provider>`,
    },
  ],
};
