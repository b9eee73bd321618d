import type { TributeKind } from '../../contract/index.js';
import type { MemorialClient } from '../../sdk/index.js';
import type { MemorialProvider } from '../provider/provider.js';
import { failingClient, hangingClient, json, sampleClient, stubClient, SAMPLE_MARTYR, SAMPLE_TRIBUTES } from '../shared/example-support.js';
import type { ExampleList } from '../shared/examples.js';
import type { MemorialTributeButton } from './tribute-button.js';

const provider = (root: HTMLElement) => root.querySelector('memorial-provider') as MemorialProvider;

const buttonHtml = (kind: TributeKind, martyrId = SAMPLE_MARTYR.id) =>
  `<memorial-provider><memorial-tribute-button martyr-id="${martyrId}" kind="${kind}"></memorial-tribute-button></memorial-provider>`;

/**
 * A client that loads the sample counts but refuses every offer with `status` (and headers,
 * e.g. `Retry-After`): what a reader sees when the server says no.
 */
export function refusingClient(status: number, code: string, headers: Record<string, string> = {}): MemorialClient & { readonly requests: URL[] } {
  return stubClient((url, request) => {
    if (request.method === 'GET' && url.pathname.endsWith(`/martyrs/${SAMPLE_MARTYR.id}/tributes`)) return json({ ...SAMPLE_TRIBUTES, offeredToday: [] });
    return new Response(JSON.stringify({ code, message: 'stub refusal', requestId: 'stub' }), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
}

/** Presses the button once its counts are shown (in examples: the press has to happen after loading). */
function pressWhenLoaded(root: HTMLElement): void {
  root.addEventListener(
    'memorial-load',
    (e) => {
      const target = e.composedPath()[0];
      if (target instanceof HTMLElement && target.localName === 'memorial-tribute-button') void (target as MemorialTributeButton).offer();
    },
    { once: true },
  );
}

const kinds: { kind: TributeKind; description: string }[] = [
  { kind: 'flower', description: '献花: the action, the all-time count and today’s.' },
  { kind: 'bow', description: '鞠躬.' },
  { kind: 'candle', description: '点烛.' },
  { kind: 'sweep', description: '擦拭墓碑.' },
];

/** Every state of `<memorial-tribute-button>`. */
export const tributeButtonExamples: ExampleList = {
  tag: 'memorial-tribute-button',
  title: '<memorial-tribute-button>',
  examples: [
    {
      name: 'loading',
      description: 'Waiting for the counts: the button holds its place and cannot be pressed yet.',
      state: 'loading',
      html: buttonHtml('flower'),
      setup: (root) => {
        provider(root).client = hangingClient();
      },
    },
    ...kinds.map(({ kind, description }) => ({
      name: kind,
      description,
      state: 'loaded' as const,
      expectEvent: 'memorial-load' as const,
      html: buttonHtml(kind),
      setup: (root: HTMLElement) => {
        provider(root).client = sampleClient();
      },
    })),
    {
      name: 'offered-today',
      description: 'This visitor has already laid flowers today: pressed (aria-pressed="true"), reading “已献花”.',
      state: 'variant',
      variant: 'pressed',
      html: buttonHtml('flower'),
      setup: (root) => {
        provider(root).client = sampleClient({ tributes: { ...SAMPLE_TRIBUTES, offeredToday: ['flower', 'candle'] } });
      },
    },
    {
      name: 'in-step',
      description: 'Two buttons for one martyr and one kind: one summary request, and a press shows on both.',
      state: 'loaded',
      html: `<memorial-provider>
  <memorial-tribute-button martyr-id="${SAMPLE_MARTYR.id}" kind="flower"></memorial-tribute-button>
  <memorial-tribute-button martyr-id="${SAMPLE_MARTYR.id}" kind="flower"></memorial-tribute-button>
</memorial-provider>`,
      setup: (root) => {
        provider(root).client = sampleClient();
      },
    },
    {
      name: 'refused',
      description: 'The server refuses the offer (500): the count goes back and the reason is shown and announced.',
      state: 'error',
      expect: 'loaded',
      expectEvent: 'memorial-error',
      html: buttonHtml('flower'),
      setup: (root) => {
        provider(root).client = refusingClient(500, 'internal_error');
        pressWhenLoaded(root);
      },
    },
    {
      name: 'rate-limited',
      description: 'Too many requests (429 with Retry-After: 20): the count goes back, and the reader is told when to try again.',
      state: 'error',
      expect: 'loaded',
      expectEvent: 'memorial-error',
      html: buttonHtml('candle'),
      setup: (root) => {
        provider(root).client = refusingClient(429, 'rate_limited', { 'retry-after': '20' });
        pressWhenLoaded(root);
      },
    },
    {
      name: 'error',
      description: 'The counts cannot be loaded (500): a localized error with a retry button.',
      state: 'error',
      expectEvent: 'memorial-error',
      html: buttonHtml('flower'),
      setup: (root) => {
        provider(root).client = failingClient(500);
      },
    },
    {
      name: 'not-found',
      description: 'No martyr with this id: a notice, no retry.',
      state: 'error',
      expectEvent: 'memorial-error',
      html: buttonHtml('flower', 'no-such-martyr'),
      setup: (root) => {
        provider(root).client = sampleClient();
      },
    },
    {
      name: 'api-down',
      description: 'Nothing answers at the API address: the light-DOM fallback is shown.',
      state: 'api-down',
      expectEvent: 'memorial-error',
      html: (ctx) =>
        `<memorial-tribute-button api-base="${ctx.unreachableApiBase}" martyr-id="${SAMPLE_MARTYR.id}" kind="flower"><a href="https://www.chinamartyrs.gov.cn/">到中华英烈网献花</a></memorial-tribute-button>`,
    },
    {
      name: 'reference-server',
      description: 'Live counts from the reference server (a fictional sample martyr).',
      state: 'loaded',
      html: (ctx) => `<memorial-tribute-button api-base="${ctx.apiBase}" martyr-id="sample-0013" kind="flower"></memorial-tribute-button>`,
    },
  ],
};
