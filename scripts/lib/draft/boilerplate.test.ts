import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findReadAlso, loadBoilerplateRules, removeBoilerplate } from './boilerplate.ts';

const rules = loadBoilerplateRules();

// Lines from the seed captures: each must be recognised by the named rule.
const cases: [string, string, string?][] = [
  ['Source link', 'source-link'],
  ['Leave a Comment', 'leave-a-comment'],
  ['Go to accessibility shortcutsشارك هذا المقالمحادثة مواضيع إضافية', 'share-widget'],
  ['كلمات دلالية: روسيا دونالد ترامب بشار الأسد', 'tag-cloud'],
  ['Relatedعود على بدء.. بيلاروس تحدد موعد الانتخابات الرئاسية', 'related-links'],
  ['Artikel ini disediakan oleh pembekal kandungan pihak ketiga. SeaPRwire (https://www.seaprwire.com/) tidak memberi sebarang waranti', 'wire-disclaimer'],
  ['Sektor: Top Story, Berita Harian', 'wire-sector'],
  ['SeaPRwire menyampaikan edaran siaran akhbar secara masa nyata untuk syarikat dan institusi', 'seaprwire-promo', 'seaprwire'],
  ['المصدر: euronews', 'source-credit'],
  ['ناشر | وكالة أنباء فارس |', 'publisher-footer'],
  ['|', 'separator'],
  ['IMAGE SOURCE: KREMLIN', 'image-credit'],
  ['लेखक', 'byline-label'],
  ['लेख रूस और बेलारूस ने सैन्य समझौते पर हस्ताक्षर किए पर प्रकाशित किया गया था न्यूज़आईटी .', 'republication-footer'],
];
for (const [line, rule, source] of cases) {
  test(`"${line.slice(0, 40)}" is boilerplate [${rule}]`, () => {
    const { kept, removals } = removeBoilerplate([line], rules, source);
    assert.deepEqual(kept, []);
    assert.equal(removals[0]?.rule, rule);
    assert.ok(removals[0]!.reason.length > 10);
  });
}

test('article text is kept, with its line numbers', () => {
  const lines = ['بوتين: التجارة بين روسيا وإيران تسجل نموا مستمرا', '', 'Pemimpin Rusia dan Belarus bertemu Isnin untuk membincangkan cara', 'Source link'];
  const { kept, removals } = removeBoilerplate(lines, rules);
  assert.deepEqual(kept.map((k) => k.line), [1, 3]);
  assert.deepEqual(removals.map((r) => r.line), [4]);
});

test('a source-specific rule applies only to that source', () => {
  const promo = 'SeaPRwire menyampaikan edaran siaran akhbar secara masa nyata';
  assert.equal(removeBoilerplate([promo], rules).removals.length, 0);
  assert.equal(removeBoilerplate([promo], rules, 'seaprwire').removals.length, 1);
});

test('a "read also" heading is found on its line', () => {
  assert.equal(findReadAlso(['نص', 'إقرأ أيضاً:', 'بوتين: التجارة'], rules), 2);
  assert.equal(findReadAlso(['Baca juga', 'x'], rules), 1);
  assert.equal(findReadAlso(['no heading here'], rules), undefined);
});
