/** The part of Map and WeakMap a memoized function keeps its values in. */
interface Cache<A, R> {
  get(key: A): R | undefined;
  set(key: A, value: R): unknown;
}

function memoizeIn<A, R>(cache: Cache<A, R>, make: (key: A) => R): (key: A) => R {
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * A function of a string key that computes each value once. Intl objects are
 * costly to construct (tens of microseconds each), and a build asks for the
 * same few thousands of times.
 * @example const upper = memoize((s: string) => s.toUpperCase()); upper('a') // "A", computed once
 */
export function memoize<A extends string, R>(make: (key: A) => R): (key: A) => R {
  return memoizeIn(new Map<A, R>(), make);
}

/**
 * As memoize, for a function of an object (one of the archive's lists): each value is computed once while the
 * object lives.
 */
export function memoizeWeak<A extends object, R>(make: (key: A) => R): (key: A) => R {
  return memoizeIn(new WeakMap<A, R>(), make);
}
