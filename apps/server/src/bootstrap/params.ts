// Parameter type inference for the extended protocol, after PostgreSQL's variable-parameter
// hooks: a type given in Parse wins; otherwise the first context that needs a type (a cast
// `$1::int4`, an INSERT target column, a function argument) assigns it; a parameter referenced
// with no context becomes text (unknown -> text, as in a SELECT list); an unreferenced gap
// below the highest one is 42P18.
import { indeterminateDatatype, undefinedParameter } from '@vecgres/errors';
import { TYPE_OID } from '@vecgres/pg-types';

const UNKNOWN = 0;

export class ParamTypes {
  private readonly types: number[];
  private readonly referenced = new Set<number>();

  /** declared: Parse's parameter type OIDs (0 = unspecified). */
  constructor(declared: readonly number[]) {
    this.types = [...declared];
  }

  /** Registers a reference to $n (1-based); 42P02 for $0 or beyond the protocol's limit. */
  reference(n: number, position?: number): void {
    if (n < 1 || n > 65535) {
      throw undefinedParameter(`there is no parameter $${n}`, position === undefined ? {} : { position });
    }
    this.referenced.add(n);
    while (this.types.length < n) this.types.push(UNKNOWN);
  }

  /** The type of $n so far (0 = not yet known). */
  typeOf(n: number): number {
    return this.types[n - 1] ?? UNKNOWN;
  }

  /** The type of $n once analysis is complete (unknown -> text). */
  resolvedType(n: number): number {
    const t = this.typeOf(n);
    return t === UNKNOWN || t === TYPE_OID.unknown ? TYPE_OID.text : t;
  }

  /** A context wants $n to be `oid`: assign it when still open; returns the parameter's type. */
  infer(n: number, oid: number): number {
    const t = this.typeOf(n);
    if (t === UNKNOWN || t === TYPE_OID.unknown) {
      this.types[n - 1] = oid;
      return oid;
    }
    return t;
  }

  /** The final ParameterDescription types. */
  finalize(): number[] {
    return this.types.map((t, i) => {
      if (t !== UNKNOWN && t !== TYPE_OID.unknown) return t;
      if (!this.referenced.has(i + 1)) {
        throw indeterminateDatatype(`could not determine data type of parameter $${i + 1}`);
      }
      return TYPE_OID.text;
    });
  }
}
