import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownToText } from '../export/plain-text.ts';
import { renderBody, renderMarkdown } from './render.ts';

describe('renderMarkdown', () => {
  test('renders paragraphs, headings and quotes without smart punctuation', async () => {
    const html = await renderMarkdown('## उपशीर्षक\n\n"quoted" -- text\n\n> اقتباس\n');
    // Most letters are Latin here, so the Hindi heading and the Arabic quotation are each marked (see below).
    assert.match(html, /<h2 id="[^"]*"><span lang="hi" dir="ltr">उपशीर्षक<\/span><\/h2>/);
    assert.match(html, /<p>"quoted" -- text<\/p>/);
    assert.match(html, /<blockquote>\s*<p><span lang="ar" dir="rtl">اقتباس<\/span><\/p>\s*<\/blockquote>/);
  });

  test('keeps a language-marked caption', async () => {
    const html = await renderMarkdown('<figure lang="en" dir="ltr"><figcaption>Caption</figcaption></figure>\n');
    assert.equal(html.trim(), '<figure lang="en" dir="ltr"><figcaption>Caption</figcaption></figure>');
  });

  const hostile: [string, string][] = [
    ['a script element', '<script>alert(1)</script>'],
    ['an event handler', '<p onclick="alert(1)">x</p>'],
    ['an image error handler', '<img src=x onerror="alert(1)">'],
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['a javascript: link in HTML', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['an iframe', '<iframe src="https://example.org"></iframe>'],
    ['an SVG with script', '<svg><script>alert(1)</script></svg>'],
    ['an SVG onload', '<svg onload="alert(1)"></svg>'],
    ['a style element', '<style>body{display:none}</style>'],
    ['an object', '<object data="x.swf"></object>'],
    ['a form', '<form action="https://evil.example"><input name=a></form>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ['a data: URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an entity-encoded javascript: URL', '<a href="&#106;avascript:alert(1)">x</a>'],
  ];
  for (const [what, markdown] of hostile) {
    test(`removes ${what}`, async () => {
      const html = await renderMarkdown(`Text\n\n${markdown}\n`);
      assert.doesNotMatch(html, /<script|<iframe|<object|<style|<form|<meta|<svg|<img|\son\w+=|javascript:|data:/i, html);
    });
  }
});

describe('renderBody', () => {
  test('gives the plain text with the HTML, from the same parse', async () => {
    const body = await renderBody('## उपशीर्षक\n\nकुछ और *पाठ* यहाँ।\n\n> اقتباس [رابط](https://example.org)\n\n<figure lang="en" dir="ltr"><figcaption>Caption</figcaption></figure>\n');
    assert.equal(body.text, 'उपशीर्षक\n\nकुछ और पाठ यहाँ।\n\nاقتباس رابط\n\nCaption');
    assert.match(body.html, /<em>पाठ<\/em>/);
  });

  test('the plain text is what markdownToText reads', async () => {
    const markdown = 'Para one with `code` and **bold**.\n\n- item\n- item two\n\n### Head\n';
    assert.equal((await renderBody(markdown)).text, markdownToText(markdown));
  });
});

describe('quotations in another script', () => {
  test('an Arabic or Devanagari stretch in an English body is a span in its own language and direction', async () => {
    const html = await renderMarkdown('The Hindi text says "आज" and the Arabic one "المناطق." at the end.\n');
    assert.equal(html.trim(), '<p>The Hindi text says "<span lang="hi" dir="ltr">आज</span>" and the Arabic one "<span lang="ar" dir="rtl">المناطق</span>." at the end.</p>');
  });

  test('a body in Hindi or Arabic keeps its own text and its Latin names as they are, and marks the other script', async () => {
    assert.equal((await renderMarkdown('पुतिन (Putin) ने कहा कि बातचीत अच्छी रही।\n')).trim(), '<p>पुतिन (Putin) ने कहा कि बातचीत अच्छी रही।</p>');
    assert.equal((await renderMarkdown('قال بوتين إن المحادثات كانت جيدة، وفق RT.\n')).trim(), '<p>قال بوتين إن المحادثات كانت جيدة، وفق RT.</p>');
    assert.equal((await renderMarkdown('रूस और बेलारूस के नेताओं ने कहा कि लुकाशेंको (لوكاشينكو) आएँगे।\n')).trim(), '<p>रूस और बेलारूस के नेताओं ने कहा कि लुकाशेंको (<span lang="ar" dir="rtl">لوكاشينكو</span>) आएँगे।</p>');
  });

  test('an element that says its language sets the script its text is read against; code is left alone', async () => {
    const html = await renderMarkdown('English text around it.\n\n<p lang="ar" dir="rtl">نص عربي كامل</p>\n\nAnd `المناطق` in code.\n');
    assert.match(html, /<p lang="ar" dir="rtl">نص عربي كامل<\/p>/);
    assert.match(html, /<code>المناطق<\/code>/);
  });
});
