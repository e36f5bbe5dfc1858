import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearestId } from './suggest.ts';

const sources = ['euronews', 'fars-news-agency', 'newsit', 'rt', 'seaprwire', 'statecraft'];

test('a slip in an id finds the id meant', () => {
  assert.equal(nearestId('euronew', sources), 'euronews');
  assert.equal(nearestId('fars-new-agency', sources), 'fars-news-agency');
  assert.equal(nearestId('sea-prwire', sources), 'seaprwire');
  assert.equal(nearestId('alexander-lukashenka', ['alexander-lukashenko', 'vladimir-putin']), 'alexander-lukashenko');
});

test('an id cut short finds the one id it begins, and only one', () => {
  const events = ['2024-12-06-minsk-security-guarantees-treaty', '2024-01-29-supreme-state-council-st-petersburg', '2024-01-29-lunch'];
  assert.equal(nearestId('2024-12-06-minsk', events), '2024-12-06-minsk-security-guarantees-treaty');
  assert.equal(nearestId('2024-01-29', events), undefined, 'two begin with it');
  assert.equal(nearestId('fars', ['fars-news-agency', 'rt']), 'fars-news-agency');
});

test('an id unlike every known one finds nothing', () => {
  assert.equal(nearestId('bernama', sources), undefined);
  assert.equal(nearestId('tass', sources), undefined);
  assert.equal(nearestId('x', []), undefined);
});
