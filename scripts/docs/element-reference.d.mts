// Types of element-reference.mjs, for TypeScript callers (the docs test). The manifest schema
// is custom-elements-manifest 1.0.0, a dependency of @custom-elements-manifest/analyzer.
import type { Package } from 'custom-elements-manifest/schema';

export declare function escapeHtml(value: unknown): string;
export declare function elementTags(manifest: Package): string[];
export declare function elementReferenceHtml(manifest: Package, tagName: string, options?: { headingLevel?: number }): string;
