/**
 * Tested snippets in the docs. A fenced code block is "tested" when the line right before its
 * opening fence is `<!-- tested -->`; the tests (test/node/getting-started.test.ts,
 * test/browser/docs/getting-started.test.ts) run exactly these blocks, so a page cannot show a
 * snippet as working without a test running it. Plain string work: runs in Node and browsers.
 */
export const TESTED_MARK = '<!-- tested -->';

export interface Snippet {
  /** The fence's info string's first word (`js`, `html`, `sh`…), or '' when it has none. */
  lang: string;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** Every fenced block marked `<!-- tested -->`, in page order. */
export function testedSnippets(markdown: string): Snippet[] {
  const lines = markdown.split(/\r?\n/);
  const out: Snippet[] = [];
  for (let i = 1; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open || lines[i - 1]!.trim() !== TESTED_MARK) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.startsWith(fence)) body.push(lines[j++]!);
    if (j >= lines.length) throw new Error(`line ${i + 1}: tested snippet has no closing fence`);
    out.push({ lang: open[2] ?? '', code: body.join('\n') + '\n', line: i + 1 });
    i = j;
  }
  return out;
}
