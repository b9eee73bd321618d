import type { FieldIssue } from '../contract/index.js';

/**
 * Marks every SDK error. `instanceof` fails when a page loads two copies of the SDK (the CDN
 * file next to a bundled app), so `isMemorialError` checks this registry symbol instead.
 */
const BRAND = Symbol.for('memorial-elements.error');

/**
 * Base class of every error the SDK produces. Aborts are not among them: an aborted call
 * rejects with the signal's own reason, exactly as `fetch` does.
 *
 * Each class sets `name` explicitly because minifiers rename classes.
 */
export class MemorialError extends Error {
  override name: string = 'MemorialError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Not a declared property: declaration files cannot name a module-private symbol.
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** No response arrived: connection refused or dropped, DNS failure, CORS refusal, offline. */
export class MemorialNetworkError extends MemorialError {
  override name: string = 'MemorialNetworkError';
}

/** An attempt took longer than the client's `timeout`. */
export class MemorialTimeoutError extends MemorialError {
  override name: string = 'MemorialTimeoutError';

  constructor(
    /** The per-attempt limit that was exceeded, in milliseconds. */
    readonly timeout: number,
    options?: { cause?: unknown },
  ) {
    super(`The server did not answer within ${timeout} ms`, options);
  }
}

export interface MemorialHttpErrorInit {
  status: number;
  code: string;
  serverMessage?: string | undefined;
  requestId?: string | undefined;
  issues?: FieldIssue[] | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

/**
 * The server answered with a non-2xx status (after any retries). `code` is the stable,
 * machine-readable reason to branch on; `serverMessage` is for people and may change.
 */
export class MemorialHttpError extends MemorialError {
  override name: string = 'MemorialHttpError';
  readonly status: number;
  /**
   * One of the contract's `ERROR_CODES`. When the body was not our error body (a proxy's or
   * gateway's page) it is guessed from the status, falling back to `http_<status>`.
   */
  readonly code: string;
  readonly serverMessage: string | undefined;
  /** Quote it when reporting a problem; also sent as the `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** Which input fields were refused, for `validation_failed`. */
  readonly issues: FieldIssue[] | undefined;
  /** Seconds the server asked us to wait (`Retry-After`), when it said so. */
  readonly retryAfter: number | undefined;

  constructor(init: MemorialHttpErrorInit) {
    super(`${init.serverMessage ?? 'Request failed'} (HTTP ${init.status} ${init.code})`, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.requestId = init.requestId;
    this.issues = init.issues;
    this.retryAfter = init.retryAfter;
  }
}

/**
 * A successful response whose body does not match the contract. The data is never passed
 * on: rendering half-understood data about a named martyr is worse than rendering nothing.
 */
export class MemorialValidationError extends MemorialError {
  override name: string = 'MemorialValidationError';

  constructor(
    readonly issues: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(`The server's response does not match the API contract: ${describe(issues)}`, options);
  }
}

function describe(issues: FieldIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => (i.path ? `${i.path} ${i.message}` : i.message));
  return shown.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
}

/** True for any error the SDK produced, even one from another copy of the SDK on the page. */
export function isMemorialError(e: unknown): e is MemorialError {
  return typeof e === 'object' && e !== null && (e as { [BRAND]?: unknown })[BRAND] === true;
}

/**
 * A call the SDK refuses before any request: a path parameter that fails the contract (an id
 * like `..`; nothing by that id can exist) or a `baseUrl` that is not an http(s) URL. A
 * `TypeError`, as a bad argument is; elements tell the two apart by `argument`, never by the
 * message text.
 */
export class MemorialArgumentError extends TypeError {
  override name: string = 'MemorialArgumentError';

  constructor(
    message: string,
    readonly argument: 'path' | 'baseUrl',
  ) {
    super(message);
  }
}
