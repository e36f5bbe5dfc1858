import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partitionPasses } from './writers.ts';

test('partitions are cut, in order, into passes of at most the limit of rows', () => {
  assert.deepEqual(partitionPasses([['a', 6n], ['b', 5n], ['c', 4n]], 10), [['a', 'a'], ['b', 'c']]);
  assert.deepEqual(partitionPasses([['a', 1], ['b', 2], ['c', 3]], 10), [['a', 'c']]);
  assert.deepEqual(partitionPasses([['a', 3], ['big', 50], ['c', 3]], 10), [['a', 'a'], ['big', 'big'], ['c', 'c']], 'a partition larger than the limit has a pass of its own');
  assert.deepEqual(partitionPasses([], 10), []);
});
