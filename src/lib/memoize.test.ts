import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoize, memoizeWeak } from './memoize.ts';

test('a memoized function computes each key once', () => {
  const calls: string[] = [];
  const upper = memoize((key: string) => {
    calls.push(key);
    return key.toUpperCase();
  });
  assert.equal(upper('a'), 'A');
  assert.equal(upper('a'), 'A');
  assert.equal(upper('b'), 'B');
  assert.deepEqual(calls, ['a', 'b']);
});

test('a function memoized by object computes each object\'s value once, and tells equal objects apart', () => {
  const calls: (readonly number[])[] = [];
  const total = memoizeWeak((list: readonly number[]) => {
    calls.push(list);
    return list.reduce((sum, n) => sum + n, 0);
  });
  const list = [1, 2];
  assert.equal(total(list), 3);
  assert.equal(total(list), 3);
  assert.equal(total([1, 2]), 3);
  assert.equal(calls.length, 2, 'the same list once, an equal list on its own');
});
