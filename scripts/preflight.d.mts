// Types of preflight.mjs, for TypeScript callers (test/node/system-packages.test.ts).
type Env = Record<string, string | undefined>;
export interface PackageCheck {
  apt: string;
  why: string;
  /** the first file of the package that is not there; undefined when it is installed */
  missingFile: string | undefined;
  /** the missing file is the package's own (not a path an environment variable chose) */
  installable: boolean;
}
export declare const PG_COMMAND: string;
export declare function neededParts(env?: Env): { parts: string[]; postgres: 'required' | 'optional' | 'none' };
export declare function checkSystemPackages(options: { parts: string[]; env?: Env; root?: string }): PackageCheck[];
export declare function aptInstallLine(missing: PackageCheck[]): string;
export declare function missingLine(missing: PackageCheck[]): string;
export declare function preflight(options?: {
  env?: Env;
  all?: boolean;
  install?: boolean;
  root?: string;
  isRoot?: boolean;
  run?: (aptGetArgs: string[], logFile: string) => number;
  log?: (line: string) => void;
  error?: (line: string) => void;
}): { ok: boolean; installed: string[]; note: string | undefined };
