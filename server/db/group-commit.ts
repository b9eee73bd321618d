/**
 * Group commit: requests that arrive while a transaction is being written wait for the next
 * one, so under load many requests share one transaction (one WAL flush, one round of locks)
 * while a lone request still goes at once. Each request is answered only after the transaction
 * holding it has committed.
 *
 * `run` gets a batch and answers every item (a value, or an Error for that item alone). If it
 * throws, the batch is retried once when the database asked for it (deadlock, serialization),
 * then split: every item runs on its own, so one bad item never fails its neighbours.
 */
export class GroupCommit<I, O> {
  readonly #queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  #inFlight = 0;
  #scheduled = false;
  /** Batches written and items in them, for the bench and the docs. */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  constructor(
    private readonly run: (items: I[]) => Promise<(O | Error)[]>,
    private readonly opts: { maxBatch: number; maxInFlight: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.opts.maxInFlight || this.#queue.length === 0) return;
    this.#scheduled = true;
    // setImmediate, not a timer: everything that arrived in this turn of the event loop joins.
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#inFlight < this.opts.maxInFlight && this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.opts.maxBatch);
        this.#inFlight++;
        void this.#execute(batch).finally(() => {
          this.#inFlight--;
          this.#schedule();
        });
      }
    });
  }

  async #execute(batch: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[]): Promise<void> {
    this.stats.batches++;
    this.stats.items += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    const items = batch.map((b) => b.item);
    let answers: (O | Error)[] | undefined;
    try {
      answers = await this.run(items);
    } catch (first) {
      let err = first;
      const retryable = ['40P01', '40001'].includes((first as { code?: string }).code ?? '');
      if (retryable) {
        try {
          answers = await this.run(items);
        } catch (again) {
          err = again;
        }
      }
      if (!answers) {
        if (batch.length === 1) return batch[0]!.reject(err);
        for (const b of batch) {
          try {
            const [one] = await this.run([b.item]);
            if (one instanceof Error) b.reject(one);
            else b.resolve(one!);
          } catch (e) {
            b.reject(e);
          }
        }
        return;
      }
    }
    batch.forEach((b, i) => {
      const a = answers![i];
      if (a instanceof Error) b.reject(a);
      else b.resolve(a!);
    });
  }
}
