import { useEffect, useMemo, useState } from 'react';
import type { MemorialErrorEvent, MemorialTributeEvent } from 'memorial-elements';
import { createMemorialClient, type Martyr } from 'memorial-elements/sdk';

interface AppProps {
  /** Where the API is: the page's own origin when served by the reference server. */
  apiBase: string;
  martyrId: string;
}

/**
 * One martyr's page: the record fetched with the SDK and handed to the card as a property, a
 * tribute button whose event updates React state shown outside the element, the message wall
 * and the relative search. Every element shares the provider's client.
 */
export function App({ apiBase, martyrId }: AppProps) {
  const client = useMemo(() => createMemorialClient({ baseUrl: apiBase }), [apiBase]);
  const [martyr, setMartyr] = useState<Martyr>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [offers, setOffers] = useState(0);
  const [flowersToday, setFlowersToday] = useState<number>();
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    setMartyr(undefined);
    setLoadFailed(false);
    client.martyrs.get(martyrId, { signal: abort.signal }).then(setMartyr, (error: unknown) => {
      if (!abort.signal.aborted) {
        console.warn('could not load the martyr', error);
        setLoadFailed(true);
      }
    });
    return () => abort.abort();
  }, [client, martyrId]);

  const onTribute = (event: MemorialTributeEvent) => {
    setOffers((n) => n + 1);
    setFlowersToday(event.detail.summary.today.flower);
  };
  // Every element's failures bubble up to the provider.
  const onError = (event: MemorialErrorEvent) => {
    setErrors((list) => [...list, `${(event.target as Element).localName}: ${event.detail.kind}`]);
  };

  return (
    <memorial-provider apiBase={apiBase} locale="zh-Hans" onmemorial-error={onError}>
      <header className="masthead">
        <h1>网上祭扫 · React 19 示例</h1>
        <p className="note">示例数据（人物虚构）。</p>
      </header>
      <main>
        <section aria-labelledby="record-title" className="record">
          <h2 id="record-title" className="visually-hidden">
            烈士信息
          </h2>
          {martyr ? (
            <memorial-martyr-card martyr={martyr} variant="full" headingLevel={3}>
              <memorial-tribute-button slot="actions" martyrId={martyr.id} kind="flower" onmemorial-tribute={onTribute} />
            </memorial-martyr-card>
          ) : (
            <p role="status">{loadFailed ? '未能载入烈士信息。' : '正在载入…'}</p>
          )}
          <p className="tally" role="status">
            {offers === 0 ? (
              '您还未献花。'
            ) : (
              <>
                您已献花 <span className="offers">{offers}</span> 次；今日共 <span className="flowers-today">{flowersToday}</span> 人献花。
              </>
            )}
          </p>
        </section>
        {martyr && <memorial-message-wall martyrId={martyr.id} pageSize={5} headingLevel={2} />}
        <memorial-relative-search headingLevel={2} />
        {errors.length > 0 && (
          <ul className="errors" role="alert">
            {errors.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        )}
      </main>
    </memorial-provider>
  );
}
