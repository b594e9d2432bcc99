/**
 * JSON that keeps every double. Plain JSON silently turns ±Infinity and NaN into null, −0 into 0 and
 * typed arrays into index-keyed objects; a chunk task that crossed a queue that way would start from
 * the wrong field and give wrong numbers without an error. Here those values travel as one-key tagged
 * objects, and every finite double keeps its exact bits (JSON's shortest round-trip form).
 *
 * Tags: `{"$num": "Infinity" | "-Infinity" | "NaN" | "-0"}`, `{"$typed": name, "values": [...]}`,
 * and `{"$plain": {...}}` for a plain object that happens to look like a tag.
 */

const typedArrays = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedArrayName = keyof typeof typedArrays;
type AnyTypedArray = InstanceType<(typeof typedArrays)[TypedArrayName]>;

const tagKeys = new Set(['$num', '$typed', '$plain']);
const specialNumbers = new Map<string, number>([
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['NaN', NaN],
  ['-0', -0],
]);

function typedArrayName(value: object): TypedArrayName | null {
  for (const [name, ctor] of Object.entries(typedArrays)) if (value instanceof ctor) return name as TypedArrayName;
  return null;
}

function looksLikeTag(object: Record<string, unknown>): boolean {
  return Object.keys(object).some((key) => tagKeys.has(key));
}

/** An own property even for the key `__proto__`, which plain assignment would treat as the prototype. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function encodeNumber(value: number): unknown {
  if (Number.isFinite(value) && !Object.is(value, -0)) return value;
  return { $num: Number.isNaN(value) ? 'NaN' : Object.is(value, -0) ? '-0' : value > 0 ? 'Infinity' : '-Infinity' };
}

/** The JSON-safe form of `value`: only finite numbers, strings, booleans, null, arrays and plain objects. */
export function toExactJson(value: unknown): unknown {
  if (typeof value === 'number') return encodeNumber(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toExactJson);
  if (typeof value === 'object') {
    const name = ArrayBuffer.isView(value) ? typedArrayName(value) : null;
    if (name !== null) return { $typed: name, values: Array.from(value as AnyTypedArray, encodeNumber) };
    if (ArrayBuffer.isView(value)) throw new TypeError('exact JSON: unsupported binary view');
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`exact JSON: cannot encode an instance of ${(value as object).constructor?.name ?? 'a class'}`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v !== undefined) setOwn(out, key, toExactJson(v));
    }
    return looksLikeTag(out) ? { $plain: out } : out;
  }
  throw new TypeError(`exact JSON: cannot encode a ${typeof value}`);
}

/** The inverse of toExactJson. */
export function fromExactJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromExactJson);
  const object = value as Record<string, unknown>;
  if ('$num' in object) {
    const n = specialNumbers.get(String(object.$num));
    if (n === undefined) throw new TypeError(`exact JSON: unknown number tag ${JSON.stringify(object.$num)}`);
    return n;
  }
  if ('$typed' in object) {
    const ctor = typedArrays[object.$typed as TypedArrayName];
    if (ctor === undefined || !Array.isArray(object.values)) throw new TypeError('exact JSON: malformed typed array');
    return ctor.from(object.values.map((v) => fromExactJson(v) as number));
  }
  const plain = '$plain' in object ? (object.$plain as Record<string, unknown>) : object;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(plain)) setOwn(out, key, fromExactJson(v));
  return out;
}

export function stringifyExact(value: unknown): string {
  return JSON.stringify(toExactJson(value));
}

export function parseExact(text: string): unknown {
  return fromExactJson(JSON.parse(text));
}
