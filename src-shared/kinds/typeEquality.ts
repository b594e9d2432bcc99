/** `true` only when A and B are the same type; used to tie a schema's output type to a config type. */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Fails to compile unless T is `true`. */
export function assertType<T extends true>(): T | void {}
