/**
 * Cross-site-scripting payloads for the hostile-host tests. Each one, if it ever ran as script,
 * calls the canary `__xss(id)` (or `parent.__xss(id)` from a nested document such as an
 * iframe's srcdoc); the host pages define the canary and record every call.
 *
 * Every payload is valid free text for the contract (no C0/C1 controls, no lone surrogates),
 * so the same list goes through the roll import, the message API and the campaign calendar,
 * and must come back on screen exactly as written. Pure data: imported by the browser tests
 * and, in Node, by xss-seed.ts.
 */

export interface XssPayload {
  /** 1-based; the argument of the canary call inside the text. */
  id: number;
  category: string;
  text: string;
}

type Make = (call: string, parentCall: string, id: number) => string;

/** `&#60;` for every character. */
const dec = (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
/** `\u005f` for every character: valid in a JavaScript identifier. */
const uEsc = (s: string) => [...s].map((c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`).join('');

const MAKERS: readonly (readonly [string, Make])[] = [
  // script elements
  ['script', (c) => `<script>${c}</script>`],
  ['script', (c) => `<SCRIPT>${c}</SCRIPT>`],
  ['script', (c) => `<script src="data:text/javascript,${c}"></script>`],
  ['script', (c) => `<script/src=data:,${c}></script>`],
  ['script', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`],
  ['script', (c) => `<<script>${c};//<</script>`],
  ['script', (c) => `<script type="module">${c}</script>`],
  ['script', (c) => `<script>/*</script><script>*/${c}</script>`],
  ['script', (c) => `<script\n>${c}</script\n>`],
  ['script', (c) => `<script\t>${c}</script>`],
  // event-handler attributes
  ['handler', (c) => `<img src=x onerror=${c}>`],
  ['handler', (c) => `<img src="x" onerror="${c}">`],
  ['handler', (c) => `<img/src/onerror=${c}>`],
  ['handler', (c) => `<img src=x onerror\t=${c}>`],
  ['handler', (c) => `<img src=x onerror=\n${c}>`],
  ['handler', (_c, _p, id) => `<img src=x onerror="window['__xss'](${id})">`],
  ['handler', (c) => `<body onload=${c}>`],
  ['handler', (c) => `<body/onpageshow=${c}>`],
  ['handler', (c) => `<svg onload=${c}>`],
  ['handler', (c) => `<svg/onload=${c}//`],
  ['handler', (c) => `<input autofocus onfocus=${c}>`],
  ['handler', (c) => `<select autofocus onfocus=${c}></select>`],
  ['handler', (c) => `<textarea autofocus onfocus=${c}></textarea>`],
  ['handler', (c) => `<details open ontoggle=${c}>`],
  ['handler', (c) => `<video><source onerror=${c}></video>`],
  ['handler', (c) => `<audio src=x onerror=${c}>`],
  ['handler', (c) => `<input type=image src=x onerror=${c}>`],
  ['handler', (c) => `<marquee onstart=${c}>纪念</marquee>`],
  ['handler', (c) => `<div onpointerover=${c}>悬停</div>`],
  ['handler', (c) => `<a href="#" onclick="${c};return false">点击</a>`],
  ['handler', (c) => `<x contenteditable autofocus onfocus=${c}>`],
  ['handler', (c) => `<style onload=${c}></style>`],
  ['handler', (c) => `<link rel=stylesheet href=x onerror=${c}>`],
  ['handler', (c) => `<object data=x onerror=${c}></object>`],
  ['handler', (c) => `<iframe onload=${c}></iframe>`],
  ['handler', (_c, _p, id) => `<img src=x onerror=__xss&#40;${id}&#41;>`],
  // javascript: and other dangerous URLs
  ['url', (c) => `<a href="javascript:${c}">中华英烈网</a>`],
  ['url', (c) => `<a href="JaVaScRiPt:${c}">链接</a>`],
  ['url', (c) => `<a href=" javascript:${c}">链接</a>`],
  ['url', (c) => `<a href="jav&#x09;ascript:${c}">链接</a>`],
  ['url', (c) => `<a href="&#106;avascript:${c}">链接</a>`],
  ['url', (c) => `javascript:${c}`],
  ['url', (c) => `javascript://%0a${c}`],
  ['url', (c) => `<a href="vbscript:${c}">链接</a>`],
  ['url', (_c, p) => `<a href="data:text/html,<script>${p}</script>">链接</a>`],
  ['url', (c) => `<form action="javascript:${c}"><button>提交</button></form>`],
  ['url', (c) => `<form><button formaction=javascript:${c}>提交</button></form>`],
  ['url', (_c, p) => `<iframe src="javascript:${p}"></iframe>`],
  ['url', (c) => `<embed src="javascript:${c}">`],
  ['url', (c) => `<object data="javascript:${c}"></object>`],
  ['url', (c) => `<base href="javascript:${c}//">`],
  ['url', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`],
  ['url', (c) => `<img src="javascript:${c}">`],
  ['url', (c) => `<video poster=javascript:${c}//></video>`],
  ['url', (c) => `<isindex action=javascript:${c} type=image>`],
  // SVG and MathML
  ['svg-math', (c) => `<svg><script>${c}</script></svg>`],
  ['svg-math', (c) => `<svg><script href="data:,${c}"/></svg>`],
  ['svg-math', (c) => `<svg><a xlink:href="javascript:${c}"><text y="20">x</text></a></svg>`],
  ['svg-math', (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>`],
  ['svg-math', (c) => `<svg><set attributeName=onmouseover to=${c}>`],
  ['svg-math', (c) => `<svg><foreignObject><img src=x onerror=${c}></foreignObject></svg>`],
  ['svg-math', (c) => `<svg><style>@import'javascript:${c}';</style></svg>`],
  ['svg-math', (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`],
  ['svg-math', (c) => `<math href="javascript:${c}">数学</math>`],
  ['svg-math', (c) => `<math><maction actiontype="statusline" xlink:href="javascript:${c}">x</maction></math>`],
  ['svg-math', (_c, p) => `<svg><use href="data:image/svg+xml,<svg id=x><image href=1 onerror=${p} /></svg>#x">`],
  // nested documents, templates and raw-text elements
  ['nested', (_c, p) => `<iframe srcdoc="<script>${p}</script>"></iframe>`],
  ['nested', (_c, p) => `<iframe srcdoc="&lt;img src=x onerror=${p}&gt;"></iframe>`],
  ['nested', (_c, p) => `<iframe src="data:text/html,<script>${p}</script>"></iframe>`],
  ['nested', (_c, p) => `<object data="data:text/html,<script>${p}</script>"></object>`],
  ['nested', (_c, p) => `<embed src="data:image/svg+xml,<svg onload=${p}>">`],
  ['nested', (c) => `<template><img src=x onerror=${c}></template>`],
  ['nested', (c) => `<template shadowrootmode="open"><img src=x onerror=${c}></template>`],
  ['nested', (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`],
  ['nested', (c) => `<xmp><img src=x onerror=${c}></xmp>`],
  ['nested', (c) => `<plaintext><img src=x onerror=${c}>`],
  ['nested', (c) => `<!--<img src="--><img src=x onerror=${c}//">`],
  ['nested', (c) => `<![CDATA[<script>${c}</script>]]>`],
  ['nested', (c) => `<?xml-stylesheet href="javascript:${c}"?>`],
  ['nested', (c) => `</textarea><script>${c}</script>`],
  ['nested', (c) => `</title><script>${c}</script>`],
  ['nested', (c) => `</style><script>${c}</script>`],
  // entities and other encodings
  ['encoding', (c) => `&lt;script&gt;${c}&lt;/script&gt;`],
  ['encoding', (c) => `&#60;img src=x onerror=${c}&#62;`],
  ['encoding', (c) => `&#x3C;svg onload=${c}&#x3E;`],
  ['encoding', (c) => `%3Cscript%3E${c}%3C%2Fscript%3E`],
  ['encoding', (c) => `\\u003cscript\\u003e${c}\\u003c/script\\u003e`],
  ['encoding', (c) => `\\x3cimg src=x onerror=${c}\\x3e`],
  ['encoding', (c) => `<img src=x onerror=${dec(c)}>`],
  ['encoding', (c) => `+ADw-script+AD4-${c}+ADw-/script+AD4-`],
  ['encoding', (c) => `<img src=x onerror=eval(atob('${btoa(c)}'))>`],
  ['encoding', (_c, _p, id) => `<img src=x onerror=eval('\\x5f\\x5fxss(${id})')>`],
  ['encoding', (_c, _p, id) => `<img src=x onerror=${uEsc('__xss')}(${id})>`],
  // CSS injection
  ['css', (c) => `<div style="background:url(javascript:${c})">纪念</div>`],
  ['css', (c) => `<style>*{background:url("javascript:${c}")}</style>`],
  ['css', (c) => `<style>@import "data:text/css,*{x:expression(${c})}";</style>`],
  ['css', (c) => `<div style="width:expression(${c})">纪念</div>`],
  ['css', (c) => `<style>:host{display:none}</style><img src=x onerror=${c}>`],
  ['css', (c) => `<link rel=stylesheet href="data:text/css,*{display:none}"><svg onload=${c}>`],
  ['css', (c) => `}*{background:url(javascript:${c})}`],
  ['css', (c) => `<div style="-moz-binding:url(data:,${c});behavior:url(x.htc)">纪念</div>`],
  // template and Lit lookalikes
  ['template', (c) => `<!--?lit$1234567890$--><img src=x onerror=${c}>`],
  ['template', (c) => `lit$1234567890$<svg onload=${c}>`],
  ['template', (c) => `<p lit$1234567890$="" onclick=${c}>纪念</p>`],
  ['template', (c) => `<?lit$1234567890$>${c}`],
  ['template', (c) => `$lit$<img src=x onerror=${c}>`],
  ['template', (c) => `{{constructor.constructor('${c}')()}}`],
  ['template', (c) => `{{$on.constructor('${c}')()}}`],
  ['template', (c) => `\${${c}}`],
  ['template', (c) => `#{${c}}`],
  ['template', (c) => `<%= ${c} %>`],
  ['template', (c) => `[[${c}]]`],
  ['template', (c) => `{{{${c}}}}`],
  // bidi, zero-width and rare characters
  ['unicode', (c) => `\u202E<img src=x onerror=${c}>\u202C`],
  ['unicode', (c) => `\u2066<svg onload=${c}>\u2069`],
  ['unicode', (c) => `<im\u200Bg src=x one\u200Brror=${c}>`],
  ['unicode', (c) => `<script>\uFEFF${c}</script>\uFEFF`],
  ['unicode', (c) => `＜script＞${c}＜/script＞`],
  ['unicode', (c) => `<ſcript>${c}</ſcript>`],
  ['unicode', (c) => `𠀋<img src=x onerror=${c}>𠀋`],
  ['unicode', (c) => `𪚥𠮷 <svg onload=${c}>`],
  ['unicode', (c) => `👨‍👩‍👧 <img src=x onerror=${c}>`],
  ['unicode', (c) => `<scrıpt>${c}</scrıpt>`],
  ['unicode', (c) => `<img src=x onerror=${c}>\u0301`],
  ['unicode', (c) => `\u2028<script>${c}</script>\u2029`],
  ['unicode', (c) => `<img\u00A0src=x\u00A0onerror=${c}>`],
  ['unicode', (c) => `\u180E<svg onload=${c}>`],
  ['unicode', (c) => `<i\u034Fmg src=x onerror=${c}>`],
  // breaking out of attributes, strings and comments
  ['breakout', (c) => `"><script>${c}</script>`],
  ['breakout', (c) => `'><img src=x onerror=${c}>`],
  ['breakout', (c) => `" onmouseover="${c}" x="`],
  ['breakout', (c) => `' onfocus='${c}' autofocus='`],
  ['breakout', (c) => `"-${c}-"`],
  ['breakout', (c) => `';${c};//`],
  ['breakout', (c) => `\\";${c};//`],
  ['breakout', (c) => `--><script>${c}</script><!--`],
  ['breakout', (c) => `]]><script>${c}</script>`],
  ['breakout', (c) => `{"__proto__":{"innerHTML":"<img src=x onerror=${c}>"}}`],
  ['breakout', (c) => `constructor[prototype][innerHTML]=<img src=x onerror=${c}>`],
  // polyglots (longer than a name or a campaign title may be)
  ['polyglot', (c) => `javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${c}//'>`],
  [
    'polyglot',
    (c) => `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */${c} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${c}//>\\x3e`,
  ],
];

export const XSS_PAYLOADS: readonly XssPayload[] = MAKERS.map(([category, make], i) => {
  const id = i + 1;
  return { id, category, text: make(`__xss(${id})`, `parent.__xss(${id})`, id) };
});

/** Length as the contract counts it (code points). */
export const chars = (s: string): number => [...s].length;

/** Unit shared by every payload martyr, so one relative search finds them all. */
export const XSS_UNIT = '某部防注入测试连';

/** A field's value when the payload fits the contract's limit for it, else null. */
const fit = (p: XssPayload, max: number): string | null => (chars(p.text) <= max ? p.text : null);

/**
 * The roll record (JSON import format, contract field names) that carries a payload in every
 * free-text field whose limit it fits. Names are at most 64 characters: a longer payload gets a
 * plain stand-in name and still fills the other fields.
 */
export function payloadRecord(p: XssPayload) {
  const place = fit(p, 100);
  return {
    sourceId: `xss-${p.id}`,
    name: fit(p, 64) ?? `防注入测试 ${p.id}`,
    ethnicity: fit(p, 20),
    nativePlace: place === null ? null : { text: place, code: null },
    birthDate: '1920',
    deathDate: '1950',
    unit: XSS_UNIT,
    post: place,
    deathPlace: fit(p, 200),
    burial: place === null ? null : { cemetery: place, section: null, row: null, number: null },
    biography: p.text,
    approval: place === null ? null : { authority: place, date: '1951' },
    seekingRelatives: true,
    sample: true,
  };
}
export type PayloadRecord = ReturnType<typeof payloadRecord>;

/**
 * The campaign whose title carries a payload (titles are at most 100 characters; longer
 * payloads get none). A payload short enough to be a theme word (≤ 40) is the theme too, so the
 * banner's theme/title split is exercised: title = theme + "·清明祭英烈".
 */
export function payloadCampaign(p: XssPayload, startDate: string, endDate: string) {
  const themed = chars(p.text) <= 40;
  const title = themed ? `${p.text}·清明祭英烈` : fit(p, 100);
  if (title === null) return undefined;
  return {
    id: `xss-${p.id}`,
    kind: 'other' as const,
    title,
    theme: themed ? p.text : null,
    startDate,
    endDate,
    url: `https://www.chinamartyrs.gov.cn/?xss=${p.id}`,
    partnerLinks: [],
  };
}

/** The signature a payload message is signed with: the payload when it is a valid signature the server keeps as is (≤ 40, nothing trimmed). */
export const payloadSignature = (p: XssPayload): string | null => (chars(p.text) <= 40 && p.text.trim() === p.text ? p.text : null);

/** What xss-seed.ts put on the isolated reference server. */
export interface XssSetup {
  /** Origin of the isolated server (CORS open, like the reference server). */
  baseUrl: string;
  /** Payload id → id of the imported martyr carrying it. */
  martyrs: Record<number, string>;
  /** Martyrs whose walls hold the approved payload messages, and the payloads on each. */
  walls: { martyrId: string; payloadIds: number[] }[];
  /** Payload id → id of the active campaign titled with it. */
  campaigns: Record<number, string>;
}
