import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inWorkers } from './worker-pool.ts';

const fixture = new URL('./worker-pool.fixture.ts', import.meta.url);
type Answer = { sum: number; threadId: number };

test('every batch is answered once, and the work is shared by the workers', async () => {
  const batches = Array.from({ length: 25 }, (_, i) => [i, i * 10]);
  const answers: Answer[] = [];
  await inWorkers(fixture, batches, 2, (answer: Answer) => answers.push(answer));
  assert.equal(answers.length, 25);
  assert.deepEqual(answers.map((a) => a.sum).sort((a, b) => a - b), batches.map(([a, b]) => a! + b!).sort((a, b) => a - b));
  assert.equal(new Set(answers.map((a) => a.threadId)).size, 2);
});

test('fewer batches than workers hold: each worker still starts with one, and all finish', async () => {
  const answers: Answer[] = [];
  await inWorkers(fixture, [[1], [2]], 2, (answer: Answer) => answers.push(answer));
  assert.deepEqual(answers.map((a) => a.sum).sort(), [1, 2]);
  assert.equal(new Set(answers.map((a) => a.threadId)).size, 2);
});

test('no batches: no worker is started', async () => {
  let answered = 0;
  await inWorkers(fixture, [], 2, () => answered++);
  assert.equal(answered, 0);
});
