// Type-checks the React example (`npm run typecheck:demos`, a stage of `npm test`):
//   1. demo/react/tsconfig.json must pass: the app and src/types.typetest.tsx, whose
//      @ts-expect-error lines prove that wrong props and event details are rejected;
//   2. the same app without the `memorial-elements/react` types must FAIL, on the memorial-*
//      tags: so the passing check is owed to the package's types and not to loose JSX typing.
// Needs the built declarations in dist/types (`rollup -c`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const run = (project) => {
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit', '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

const ok = run('demo/react/tsconfig.json');
if (ok.code !== 0) {
  process.stderr.write(ok.out);
  console.error('✖ demo/react: type-check failed');
  process.exit(1);
}

const bare = run('demo/react/tsconfig.unaugmented.json');
// Every memorial-* tag the app and the type tests use is then unknown to JSX.
const unknownTags = new Set([...bare.out.matchAll(/Property '(memorial-[a-z-]+)' does not exist on type 'JSX\.IntrinsicElements'/g)].map((m) => m[1]));
if (bare.code === 0 || unknownTags.size < 6) {
  process.stderr.write(bare.out);
  console.error(`✖ demo/react: without memorial-elements/react the type-check should fail on all six memorial-* tags; it failed on ${unknownTags.size}`);
  process.exit(1);
}
const errors = bare.out.split('\n').filter((line) => line.includes('error TS')).length;
console.log(`demo/react: types ok; without memorial-elements/react: ${errors} errors (${unknownTags.size} tags unknown to JSX), as expected`);
