/**
 * Writing XML by hand, safely: text and attribute values are escaped, and
 * characters that XML 1.0 cannot carry at all are dropped (they cannot be escaped).
 */

/** Characters outside XML 1.0's `Char` production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML content or a quoted attribute value.
 * @example escapeXml('Tom & "Jerry" <3') // "Tom &amp; &quot;Jerry&quot; &lt;3"
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Attributes of an element; undefined values are left out. */
export type XmlAttributes = Readonly<Record<string, string | undefined>>;

function attributes(attrs: XmlAttributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

/**
 * An element around `children`, which are XML already (from `element`/`textElement`); empty when there are none.
 * @example element('link', { href: '/a?b&c' }) // '<link href="/a?b&amp;c"/>'
 */
export function element(name: string, attrs: XmlAttributes = {}, children: readonly string[] = []): string {
  return children.length === 0 ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}

/**
 * An element holding escaped text.
 * @example textElement('title', { 'xml:lang': 'en' }, 'A < B') // '<title xml:lang="en">A &lt; B</title>'
 */
export function textElement(name: string, attrs: XmlAttributes, text: string): string {
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}
