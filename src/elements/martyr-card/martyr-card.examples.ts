import type { Martyr } from '../../contract/index.js';
import type { MemorialProvider } from '../provider/provider.js';
import { failingClient, hangingClient, sampleClient, SAMPLE_MARTYR } from '../shared/example-support.js';
import type { ExampleList } from '../shared/examples.js';
import type { MemorialMartyrCard } from './martyr-card.js';

const provider = (root: HTMLElement) => root.querySelector('memorial-provider') as MemorialProvider;
const card = (root: HTMLElement) => root.querySelector('memorial-martyr-card') as MemorialMartyrCard;

/** A fictional record whose name has characters outside the BMP (𫖯, 𠀋): shown exactly as stored. */
export const RARE_NAME_MARTYR: Martyr = {
  ...SAMPLE_MARTYR,
  id: 'sample-rare-name',
  name: '陈𫖯𠀋',
  biography: '（示例数据，人物虚构）姓名含有基本多文种平面以外的生僻字。',
  seekingRelatives: false,
};

/** A fictional record as incomplete as many in the roll: only the name, a year of death and the period. */
export const SPARSE_MARTYR: Martyr = {
  id: 'sample-sparse',
  name: '王利远',
  sex: null,
  ethnicity: null,
  nativePlace: null,
  birthDate: null,
  enlistmentDate: null,
  unit: null,
  post: null,
  deathDate: '1944',
  deathPlace: null,
  period: null,
  burial: { cemetery: null, section: null, row: null, number: null },
  photoUrl: null,
  biography: null,
  approval: { authority: null, date: null },
  seekingRelatives: false,
  sample: true,
  updatedAt: '2025-01-01T00:00:00+08:00',
};

/** A grave photo drawn here (a grey stone), so the example needs no image from elsewhere. */
const PHOTO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 200"><rect width="160" height="200" fill="#d9d8d0"/><path d="M40 190V70a40 40 0 0 1 80 0v120z" fill="#8d8c84"/><rect x="20" y="186" width="120" height="14" fill="#6f6e67"/></svg>',
  );

const cardHtml = (attrs: string) => `<memorial-provider><memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}"${attrs}></memorial-martyr-card></memorial-provider>`;

/** Every state and variant of `<memorial-martyr-card>`. All people shown are fictional. */
export const martyrCardExamples: ExampleList = {
  tag: 'memorial-martyr-card',
  title: '<memorial-martyr-card>',
  examples: [
    {
      name: 'loading',
      description: 'Waiting for the API: a skeleton of the card’s final size.',
      state: 'loading',
      html: cardHtml(''),
      setup: (root) => {
        provider(root).client = hangingClient();
      },
    },
    {
      name: 'full',
      description: 'The full record: every field the record has, the life story, and the “seeking relatives” link.',
      state: 'loaded',
      expectEvent: 'memorial-load',
      html: cardHtml(''),
      setup: (root) => {
        provider(root).client = sampleClient();
      },
    },
    {
      name: 'compact',
      description: 'The compact variant: name, dates, period, 籍贯, unit and cemetery.',
      state: 'variant',
      variant: 'compact',
      html: cardHtml(' variant="compact"'),
      setup: (root) => {
        provider(root).client = sampleClient();
      },
    },
    {
      name: 'with-tribute-buttons',
      description: 'The four tribute buttons in the card’s actions slot; they share one summary request.',
      state: 'loaded',
      html: `<memorial-provider>
  <memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}">
    <memorial-tribute-button slot="actions" martyr-id="${SAMPLE_MARTYR.id}" kind="flower"></memorial-tribute-button>
    <memorial-tribute-button slot="actions" martyr-id="${SAMPLE_MARTYR.id}" kind="bow"></memorial-tribute-button>
    <memorial-tribute-button slot="actions" martyr-id="${SAMPLE_MARTYR.id}" kind="candle"></memorial-tribute-button>
    <memorial-tribute-button slot="actions" martyr-id="${SAMPLE_MARTYR.id}" kind="sweep"></memorial-tribute-button>
  </memorial-martyr-card>
</memorial-provider>`,
      setup: (root) => {
        provider(root).client = sampleClient();
      },
    },
    {
      name: 'rare-characters',
      description: 'A name with characters outside the Basic Multilingual Plane, shown exactly as stored (given as the .martyr property: no request).',
      state: 'loaded',
      html: `<memorial-martyr-card></memorial-martyr-card>`,
      setup: (root) => {
        card(root).martyr = RARE_NAME_MARTYR;
      },
    },
    {
      name: 'sparse',
      description: 'A record with almost every field missing: the missing ones are simply left out.',
      state: 'loaded',
      html: `<memorial-martyr-card></memorial-martyr-card>`,
      setup: (root) => {
        card(root).martyr = SPARSE_MARTYR;
      },
    },
    {
      name: 'photo',
      description: 'A grave photo: loaded lazily, with alt text.',
      state: 'loaded',
      html: `<memorial-martyr-card></memorial-martyr-card>`,
      setup: (root) => {
        card(root).martyr = { ...SAMPLE_MARTYR, photoUrl: PHOTO };
      },
    },
    {
      name: 'heading-and-link',
      description: 'heading-level="2" for a page whose outline needs it, and relative-search-href with the {id} placeholder.',
      state: 'variant',
      variant: 'heading-level',
      html: cardHtml(' heading-level="2" relative-search-href="/xunqin?martyr={id}"'),
      setup: (root) => {
        provider(root).client = sampleClient();
      },
    },
    {
      name: 'not-found',
      description: 'No record with this id: a notice of its own, no retry.',
      state: 'error',
      expectEvent: 'memorial-error',
      html: `<memorial-provider><memorial-martyr-card martyr-id="no-such-martyr"></memorial-martyr-card></memorial-provider>`,
      setup: (root) => {
        provider(root).client = sampleClient();
      },
    },
    {
      name: 'error',
      description: 'The API answers 500: a localized error with a retry button.',
      state: 'error',
      expectEvent: 'memorial-error',
      html: cardHtml(''),
      setup: (root) => {
        provider(root).client = failingClient(500);
      },
    },
    {
      name: 'api-down',
      description: 'Nothing answers at the API address: the light-DOM fallback (the name as plain text and a link) is shown.',
      state: 'api-down',
      expectEvent: 'memorial-error',
      html: (ctx) => `<memorial-martyr-card api-base="${ctx.unreachableApiBase}" martyr-id="${SAMPLE_MARTYR.id}">
  <p>${SAMPLE_MARTYR.name} · <a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a></p>
</memorial-martyr-card>`,
    },
    {
      name: 'reference-server',
      description: 'A sample record from the reference server (fictional).',
      state: 'loaded',
      html: (ctx) => `<memorial-martyr-card api-base="${ctx.apiBase}" martyr-id="sample-0013"></memorial-martyr-card>`,
    },
  ],
};
