// Custom elements manifest (`cem analyze`, @custom-elements-manifest/analyzer 0.11) and the editor
// files made from it, all in dist/ (rollup empties dist/ first, so `npm run build:manifest`
// regenerates every one of them; it needs only the sources, not the rollup output):
//
//   dist/custom-elements.json          the manifest (package.json "customElements")
//   dist/vscode.html-custom-data.json  VS Code `html.customData`: tags, attributes, values
//   dist/vscode.css-custom-data.json   VS Code `css.customData`: custom properties and parts
//   dist/web-types.json                JetBrains web-types (package.json "web-types")
//
// The element classes' JSDoc is the source (`@summary`, `@tag`, `@attr`, `@property`, `@fires`,
// `@slot`, `@csspart`, `@cssprop`); the plugins in scripts/cem/plugins.mjs only add what the code already says
// (where each tag is defined, event classes and their `detail` types, token defaults) and take
// out what is not public API. test/node/docs-manifest.test.ts compares the result with the code
// and with docs/elements/*.md.
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import {
  dedupeEditorFilesPlugin,
  defineCallsPlugin,
  eventTypesPlugin,
  expandedTypesPlugin,
  outdir,
  publicApiPlugin,
  pruneModulesPlugin,
  publishedDefineModule,
  sharedTokensPlugin,
  tokenDefaultsPlugin,
} from './scripts/cem/plugins.mjs';

export default {
  globs: ['src/elements/**/*.ts'],
  // examples and their deterministic clients are test and gallery material, not API
  exclude: [
    'src/elements/**/*.examples.ts',
    'src/elements/shared/examples.ts',
    'src/elements/shared/example-support.ts',
    // define() itself: its `customElements.define(tag, ctor)` would read as a definition of a tag named "tag"
    'src/elements/shared/define.ts',
  ],
  outdir,
  litelement: true,
  // package.json's "customElements" is written by hand (other tools edit that file too)
  packagejson: false,
  plugins: [
    defineCallsPlugin(),
    publicApiPlugin(),
    sharedTokensPlugin({ from: 'MemorialElement', to: 'MemorialLeanElement' }),
    tokenDefaultsPlugin(),
    eventTypesPlugin(),
    pruneModulesPlugin(),
    expandedTypesPlugin(),
    customElementVsCodePlugin({
      outdir,
      typesSrc: 'expandedType',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      // every element reads the ~60 shared tokens: listed in each tag's hover they bury the rest;
      // they are completed (with their descriptions) in CSS files instead
      hideCssPropertiesDocs: true,
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({
      outdir,
      webTypesFileName: 'web-types.json',
      typesSrc: 'expandedType',
      hideCssPropertiesDocs: true,
      hideLogs: true,
      packageJson: false,
      modulePathTemplate: (_name, modulePath) => publishedDefineModule(modulePath),
    }),
    dedupeEditorFilesPlugin(),
  ],
};
