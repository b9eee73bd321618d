/**
 * Type tests for `memorial-elements/react` (type-checked by `npm run typecheck:demos`, never
 * bundled). Each `@ts-expect-error` must meet an error: if the types stopped constraining
 * (or the augmentation went missing), the directive itself becomes the error.
 */
import { useRef } from 'react';
import type { Martyr, MemorialErrorEvent, MemorialMartyrCard, MemorialTributeEvent } from 'memorial-elements';

declare const martyr: Martyr;

export function Accepted() {
  const card = useRef<MemorialMartyrCard>(null);
  return (
    <memorial-provider apiBase="https://memorial.example.gov.cn" elderMode onmemorial-error={(e: MemorialErrorEvent) => e.detail.retryable}>
      <memorial-martyr-card ref={card} martyr={martyr} variant="compact" headingLevel={2} relativeSearchHref="/search#{id}">
        <memorial-tribute-button slot="actions" martyrId={martyr.id} kind="candle" onmemorial-tribute={(e) => e.detail.summary.total.candle} />
      </memorial-martyr-card>
      {/* attribute spellings stay allowed */}
      <memorial-martyr-card martyr-id="sample-0001" variant="full" />
      <memorial-message-wall martyrId={martyr.id} pageSize={5} noForm onmemorial-message-submit={(e) => e.detail.receipt.status} />
      <memorial-campaign-banner campaign="qingming-2020" variant="strip" now={new Date()} onmemorial-campaign-click={(e) => e.preventDefault()} />
      <memorial-relative-search q="张" pageSize={10} onmemorial-search={(e) => e.detail.resultCount} onmemorial-lead-submit={(e) => e.detail.receipt} />
    </memorial-provider>
  );
}

export function Rejected() {
  const onTribute = (e: MemorialTributeEvent) => e.detail.kind;
  return (
    <>
      {/* @ts-expect-error variant is 'compact' | 'full' */}
      <memorial-martyr-card variant="wide" />
      {/* @ts-expect-error martyr is a Martyr record, not its id */}
      <memorial-martyr-card martyr="sample-0001" />
      {/* @ts-expect-error martyr needs the whole record */}
      <memorial-martyr-card martyr={{ name: '张三' }} />
      {/* @ts-expect-error kind is one of flower, bow, candle, sweep */}
      <memorial-tribute-button kind="rose" />
      {/* @ts-expect-error detail has no `kindd` (misspelled) */}
      <memorial-tribute-button onmemorial-tribute={(e) => e.detail.kindd} />
      {/* @ts-expect-error memorial-tribute carries a MemorialTributeEvent, not an error event */}
      <memorial-tribute-button onmemorial-tribute={(e: MemorialErrorEvent) => e.detail.retryable} />
      <memorial-tribute-button onmemorial-tribute={onTribute} />
      {/* @ts-expect-error pageSize is a number */}
      <memorial-message-wall pageSize="5" />
      {/* @ts-expect-error record is read-only (a getter): not a prop */}
      <memorial-martyr-card record={martyr} />
      {/* @ts-expect-error methods are not props */}
      <memorial-martyr-card recover={() => undefined} />
      {/* @ts-expect-error unknown tag */}
      <memorial-martyr-cards />
      {/* @ts-expect-error the ref is typed with the element class */}
      <memorial-martyr-card ref={useRef<HTMLInputElement>(null)} />
    </>
  );
}
