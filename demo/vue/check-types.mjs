// Type-checks the Vue example with vue-tsc (`npm run typecheck:demos`, a stage of `npm test`):
//   1. demo/vue/tsconfig.json must pass: the app and src/TypeTests.vue, whose
//      @vue-expect-error lines prove that wrong props, unknown props and event details are rejected;
//   2. the same app without the `memorial-elements/vue` types must FAIL, on the memorial-* tags
//      (unknown components under strictTemplates): so the passing check is owed to the
//      package's types and not to loose template typing.
// Needs the built declarations in dist/types (`rollup -c`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vueTsc = path.join(root, 'node_modules/vue-tsc/bin/vue-tsc.js');
const run = (project) => {
  const r = spawnSync(process.execPath, [vueTsc, '-p', project, '--noEmit', '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

const ok = run('demo/vue/tsconfig.json');
if (ok.code !== 0) {
  process.stderr.write(ok.out);
  console.error('✖ demo/vue: type-check failed');
  process.exit(1);
}

const bare = run('demo/vue/tsconfig.unaugmented.json');
// Every memorial-* tag the app and the type tests use is then an unknown component.
const unknownTags = new Set([...bare.out.matchAll(/Property '(memorial-[a-z-]+)' does not exist on type '\{\}'/g)].map((m) => m[1]));
if (bare.code === 0 || unknownTags.size < 6) {
  process.stderr.write(bare.out);
  console.error(`✖ demo/vue: without memorial-elements/vue the type-check should fail on all six memorial-* tags; it failed on ${unknownTags.size}`);
  process.exit(1);
}
const errors = bare.out.split('\n').filter((line) => line.includes('error TS')).length;
console.log(`demo/vue: types ok; without memorial-elements/vue: ${errors} errors (${unknownTags.size} tags unknown), as expected`);
