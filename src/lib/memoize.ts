/**
 * A function of a string key that computes each value once. Intl objects are
 * costly to construct (tens of microseconds each), and a build asks for the
 * same few thousands of times.
 * @example const upper = memoize((s: string) => s.toUpperCase()); upper('a') // "A", computed once
 */
export function memoize<A extends string, R>(make: (key: A) => R): (key: A) => R {
  const cache = new Map<A, R>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}
