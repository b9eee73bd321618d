// Type-checks the React and Vue examples (`npm run typecheck:demos`, a stage of `npm test`).
// For each app:
//   1. its tsconfig.json must pass: the app and its type tests (src/types.typetest.tsx,
//      src/TypeTests.vue), whose expect-error lines prove that wrong props, unknown props and
//      event details are rejected;
//   2. the same app without the package's framework types (tsconfig.unaugmented.json) must
//      FAIL on all six memorial-* tags: so the passing check is owed to memorial-elements/react
//      and memorial-elements/vue, not to loose JSX or template typing.
// Needs the built declarations in dist/types (`rollup -c`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APPS = [
  {
    app: 'react',
    checker: 'node_modules/typescript/bin/tsc',
    // without the types, each tag is unknown to JSX
    unknownTag: /Property '(memorial-[a-z-]+)' does not exist on type 'JSX\.IntrinsicElements'/g,
  },
  {
    app: 'vue',
    checker: 'node_modules/vue-tsc/bin/vue-tsc.js',
    // without the types, each tag is an unknown component under strictTemplates
    unknownTag: /Property '(memorial-[a-z-]+)' does not exist on type '\{\}'/g,
  },
];

const run = (checker, project) => {
  const r = spawnSync(process.execPath, [path.join(root, checker), '-p', project, '--noEmit', '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

for (const { app, checker, unknownTag } of APPS) {
  const ok = run(checker, `demo/${app}/tsconfig.json`);
  if (ok.code !== 0) {
    process.stderr.write(ok.out);
    console.error(`✖ demo/${app}: type-check failed`);
    process.exit(1);
  }
  const bare = run(checker, `demo/${app}/tsconfig.unaugmented.json`);
  const unknownTags = new Set([...bare.out.matchAll(unknownTag)].map((m) => m[1]));
  if (bare.code === 0 || unknownTags.size < 6) {
    process.stderr.write(bare.out);
    console.error(`✖ demo/${app}: without memorial-elements/${app} the type-check should fail on all six memorial-* tags; it failed on ${unknownTags.size}`);
    process.exit(1);
  }
  const errors = bare.out.split('\n').filter((line) => line.includes('error TS')).length;
  console.log(`demo/${app}: types ok; without memorial-elements/${app}: ${errors} errors (${unknownTags.size} tags unknown), as expected`);
}
