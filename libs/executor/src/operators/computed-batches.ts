// The batches of an operator that computes its whole result before producing (a vector
// top-k ranks all candidates first), as a plain iterator object instead of an async generator:
// V8 allocates generator objects in the old generation, so a generator per execution keeps its
// scope (the query vector, the ranked rows) alive through every young-generation collection
// until the next full one (exec/paced.ts). `produce` runs at the first next().
import type { Row } from '../exec/exec-context';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export class ComputedBatches implements AsyncGenerator<Row[]> {
  private batches: Row[][] | undefined;
  private i = 0;
  private closed = false;

  constructor(private readonly produce: () => Promise<Row[][]>) {}

  async next(): Promise<IteratorResult<Row[]>> {
    if (this.closed) return DONE;
    try {
      this.batches ??= await this.produce();
    } catch (e) {
      this.closed = true;
      throw e;
    }
    if (this.i >= this.batches.length) return this.close();
    return { done: false, value: this.batches[this.i++] };
  }

  async return(value?: unknown): Promise<IteratorResult<Row[]>> {
    this.close();
    return { done: true, value: value as undefined };
  }

  async throw(e?: unknown): Promise<IteratorResult<Row[]>> {
    this.close();
    throw e;
  }

  [Symbol.asyncIterator](): AsyncGenerator<Row[]> {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }

  private close(): IteratorReturnResult<undefined> {
    this.closed = true;
    this.batches = undefined;
    return DONE;
  }
}
