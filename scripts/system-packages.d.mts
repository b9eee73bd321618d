// Types of system-packages.mjs, for TypeScript callers (test/node/system-packages.test.ts).
export type SystemPaths = Record<'chromium' | 'firefox' | 'webkitDriver' | 'miniBrowser' | 'xvfb' | 'xauth' | 'cjkFont' | 'postgresLib', string>;
export interface SystemPackage {
  apt: string;
  why: string;
  for: string[];
  files: (paths: SystemPaths) => string[];
}
export declare const BROWSERS: string[];
export declare const SYSTEM_PACKAGES: SystemPackage[];
export declare function systemPaths(env?: Record<string, string | undefined>, root?: string): SystemPaths;
export declare function postgresBin(paths?: SystemPaths): string | undefined;
export declare function selectedBrowsers(value?: string): string[];
