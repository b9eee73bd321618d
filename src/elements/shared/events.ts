import type { CaseReceipt } from '../../contract/relatives.js';
import type { MessageReceipt } from '../../contract/message.js';
import type { TributeKind, TributeSummary } from '../../contract/tribute.js';
import type { ErrorKind } from './errors.js';

/**
 * Every event an element fires: lowercase kebab-case, `bubbles` and `composed` (so it crosses
 * shadow roots up to the page), one small class each with a typed `detail`, and an entry in
 * `GlobalEventHandlersEventMap` so `el.addEventListener('memorial-tribute', e => e.detail.kind)`
 * is typed. They extend `CustomEvent` so frameworks that read `event.detail` work unchanged.
 */
abstract class MemorialEvent<D> extends CustomEvent<D> {
  constructor(type: string, detail: D, cancelable = false) {
    super(type, { detail, bubbles: true, composed: true, cancelable });
  }
}

export interface MemorialLoadDetail<T = unknown> {
  /** What was loaded, as the element will render it. */
  data: T;
  /** True when the answer was valid but had nothing to show. */
  empty: boolean;
}
/** `memorial-load`: an element's data arrived (or was given as a property) and is shown. */
export class MemorialLoadEvent<T = unknown> extends MemorialEvent<MemorialLoadDetail<T>> {
  static readonly eventName = 'memorial-load' as const;
  constructor(detail: MemorialLoadDetail<T>) {
    super(MemorialLoadEvent.eventName, detail);
  }
}

export interface MemorialErrorDetail {
  kind: ErrorKind;
  /** The original error (an SDK `MemorialError` subclass for API failures). */
  error: unknown;
  status?: number;
  code?: string;
  retryable: boolean;
  /** `load`: fetching the element's data; `action`: something the reader did; `lifecycle`: a bug while rendering. */
  phase: 'load' | 'action' | 'lifecycle';
}
/** `memorial-error`: something failed. The element shows a localized error state (and its fallback) itself. */
export class MemorialErrorEvent extends MemorialEvent<MemorialErrorDetail> {
  static readonly eventName = 'memorial-error' as const;
  constructor(detail: MemorialErrorDetail) {
    super(MemorialErrorEvent.eventName, detail);
  }
}

export interface MemorialTributeDetail {
  martyrId: string;
  kind: TributeKind;
  /** False when this visitor had already offered this kind today. */
  counted: boolean;
  summary: TributeSummary;
}
/** `memorial-tribute`: a tribute (献花, 鞠躬, 点烛, 擦拭墓碑) was offered. */
export class MemorialTributeEvent extends MemorialEvent<MemorialTributeDetail> {
  static readonly eventName = 'memorial-tribute' as const;
  constructor(detail: MemorialTributeDetail) {
    super(MemorialTributeEvent.eventName, detail);
  }
}

export interface MemorialMessageSubmitDetail {
  martyrId: string;
  /** The message is held for moderation: `receipt.status` is `pending`. */
  receipt: MessageReceipt;
}
/** `memorial-message-submit`: a message (感念寄语) was accepted for moderation. */
export class MemorialMessageSubmitEvent extends MemorialEvent<MemorialMessageSubmitDetail> {
  static readonly eventName = 'memorial-message-submit' as const;
  constructor(detail: MemorialMessageSubmitDetail) {
    super(MemorialMessageSubmitEvent.eventName, detail);
  }
}

export interface MemorialSearchDetail {
  /** `martyr`: searching the roll; `family`: registering a family's search. */
  mode: 'martyr' | 'family';
  /** The filters searched with (never personal data). */
  query: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Hits on the first page. */
  resultCount: number;
}
/** `memorial-search`: a relative search ran. */
export class MemorialSearchEvent extends MemorialEvent<MemorialSearchDetail> {
  static readonly eventName = 'memorial-search' as const;
  constructor(detail: MemorialSearchDetail) {
    super(MemorialSearchEvent.eventName, detail);
  }
}

export interface MemorialLeadSubmitDetail {
  /** `lead`: a claim or clue about a published martyr; `family-search`: a family's registered search. */
  type: 'lead' | 'family-search';
  /** The reference number to quote; the personal data sent is deliberately not in the event. */
  receipt: CaseReceipt;
}
/** `memorial-lead-submit`: a relative lead or family search was registered. */
export class MemorialLeadSubmitEvent extends MemorialEvent<MemorialLeadSubmitDetail> {
  static readonly eventName = 'memorial-lead-submit' as const;
  constructor(detail: MemorialLeadSubmitDetail) {
    super(MemorialLeadSubmitEvent.eventName, detail);
  }
}

export interface MemorialCampaignClickDetail {
  campaignId: string;
  url: string;
}
/** `memorial-campaign-click`: the reader followed the campaign link. Cancelable: `preventDefault()` stops the navigation. */
export class MemorialCampaignClickEvent extends MemorialEvent<MemorialCampaignClickDetail> {
  static readonly eventName = 'memorial-campaign-click' as const;
  constructor(detail: MemorialCampaignClickDetail) {
    super(MemorialCampaignClickEvent.eventName, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'memorial-load': MemorialLoadEvent;
    'memorial-error': MemorialErrorEvent;
    'memorial-tribute': MemorialTributeEvent;
    'memorial-message-submit': MemorialMessageSubmitEvent;
    'memorial-search': MemorialSearchEvent;
    'memorial-lead-submit': MemorialLeadSubmitEvent;
    'memorial-campaign-click': MemorialCampaignClickEvent;
  }
}
