import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Resolves `memorial-elements` and its subpaths the way an installed copy would, through the
 * package's own `exports` map (Node's self-reference from inside the package): the example apps
 * use the BUILT files in dist/, exactly what npm users get. Run `npm run build` (rollup) first.
 */
export function memorialElementsFromDist(): Plugin {
  return {
    name: 'memorial-elements-from-dist',
    enforce: 'pre',
    resolveId(id) {
      if (id !== 'memorial-elements' && !id.startsWith('memorial-elements/')) return null;
      return fileURLToPath(import.meta.resolve(id));
    },
  };
}
