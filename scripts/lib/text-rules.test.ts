import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleText } from './text-rules.ts';

test('sampleText keeps a short text whole and samples a long one evenly, end included', () => {
  assert.equal(sampleText('short', 10), 'short');
  const long = `${'अ'.repeat(5000)}${'b'.repeat(5000)}`;
  const sample = sampleText(long, 400);
  assert.ok(sample.length <= 403);
  assert.ok(sample.startsWith('अ'));
  assert.ok(sample.endsWith('b'));
  assert.ok(sample.includes('अ') && sample.includes('b'));
});
