import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SyntaxValidator } from 'fast-xml-validator';
import { element, escapeXml, textElement } from './xml.ts';

test('escapes the five XML special characters', () => {
  assert.equal(escapeXml(`<a href="x">Tom & 'Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
});

test('keeps every script and astral character, drops what XML 1.0 cannot hold', () => {
  assert.equal(escapeXml('पुतिन بوتين Путин 🇧🇾\t\n'), 'पुतिन بوتين Путин 🇧🇾\t\n');
  assert.equal(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f\uDC00g'), 'abcdefg');
});

test('escapes entity-looking text instead of passing it through', () => {
  assert.equal(escapeXml('&amp; &#x3C;'), '&amp;amp; &amp;#x3C;');
});

test('elements escape attributes and text, leave out undefined attributes and close empty ones', () => {
  assert.equal(element('link', { rel: 'self', href: '/a?b=1&c="2"', hreflang: undefined }), '<link rel="self" href="/a?b=1&amp;c=&quot;2&quot;"/>');
  assert.equal(textElement('title', { 'xml:lang': 'ar' }, '</title><x>'), '<title xml:lang="ar">&lt;/title&gt;&lt;x&gt;</title>');
  assert.equal(element('author', {}, [textElement('name', {}, 'A & B')]), '<author><name>A &amp; B</name></author>');
});

test('hostile text always yields well-formed XML', () => {
  const hostile = ']]><!--<?xml?><![CDATA[&#0;\u0001"\'</feed>';
  const xml = element('feed', { title: hostile }, [textElement('title', {}, hostile)]);
  assert.equal(SyntaxValidator.validate(xml, { invalidCharSequence: { tagValue: true, attrLt: true } }), true);
});
