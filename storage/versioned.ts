/**
 * A stored value with the version it was read at. `version` is opaque (it is the entity's eTag):
 * hand it back unchanged to `replace` so the write fails if someone changed the value meanwhile.
 */
export interface Versioned<T> {
  value: T;
  version: string;
}
