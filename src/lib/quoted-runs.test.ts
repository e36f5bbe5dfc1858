import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quotedRuns } from './quoted-runs.ts';

test('quoted stretches carry their language and direction; a script left unnamed stays plain text', () => {
  assert.deepEqual(quotedRuns('The word "المناطق" and "आज".', 'Latn', (script) => (script === 'Arab' ? 'ar' : undefined)), [
    'The word "',
    { text: 'المناطق', lang: 'ar', dir: 'rtl' },
    '" and "',
    'आज',
    '".',
  ]);
  assert.deepEqual(quotedRuns('Only English.', 'Latn', () => 'ar'), ['Only English.']);
});
