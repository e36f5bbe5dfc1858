import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eachConcurrently } from './concurrency.ts';

test('every item is worked on once, never more than `concurrency` at a time', async () => {
  const items = Array.from({ length: 50 }, (_, i) => i);
  const done: number[] = [];
  let running = 0;
  let most = 0;
  await eachConcurrently(items, async (item) => {
    running++;
    most = Math.max(most, running);
    await sleep(item % 3);
    done.push(item);
    running--;
  }, 4);
  assert.deepEqual(done.sort((a, b) => a - b), items);
  assert.equal(most, 4);
});

test('the first error rejects; no items, nothing runs', async () => {
  await assert.rejects(eachConcurrently([1, 2, 3], async (item) => {
    if (item === 2) throw new Error('item 2');
  }), /item 2/);
  await eachConcurrently([], async () => assert.fail('no work'));
});
