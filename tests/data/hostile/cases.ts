/**
 * Hostile inputs, generated at test time (nothing huge is committed). Each
 * case is a file name (its extension picks the format) and its content as a
 * string or raw bytes, with what fitlint should do with it:
 *
 * - `lint`: linted like any article (maybe with messages), no fatal message;
 * - `fatal`: exactly one fatal message (rule id `parse`) whose reason
 *   matches, and nothing else;
 * - `encoding`: linted, with the non-fatal "not valid UTF-8" message.
 */

export interface HostileCase {
  name: string
  /** What the case is about, for test titles and docs. */
  about: string
  content: () => string | Uint8Array
  expect: {kind: 'lint'} | {kind: 'fatal'; reason: RegExp} | {kind: 'encoding'}
  /** Rule ids that must still be reported (the rest of the file is linted). */
  still?: string[]
}

const PROSE = 'Squat deep and keep your heels down. '
const ADVICE = 'Push through the pain.'

/** Nested HTML elements. */
const nested = (tag: string, depth: number, inner: string) => `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth)

export const HOSTILE: HostileCase[] = [
  // Nesting
  {name: 'blockquote-1000.md', about: '1,000-deep blockquote', content: () => '>'.repeat(1000) + ' ' + ADVICE + '\n', expect: {kind: 'lint'}},
  {name: 'list-700.md', about: '700-deep list on one line', content: () => '- '.repeat(700) + ADVICE + '\n', expect: {kind: 'lint'}},
  {name: 'divs-1000.html', about: '1,000 nested divs', content: () => nested('div', 1000, `<p>${ADVICE}</p>`), expect: {kind: 'lint'}},
  {name: 'spans-unclosed-1000.html', about: '1,000 unclosed inline elements', content: () => '<p>' + '<b>'.repeat(1000) + ADVICE, expect: {kind: 'lint'}},
  {name: 'jsx-500.mdx', about: '500 nested JSX elements', content: () => '# Title\n\n' + '<Box>'.repeat(500) + ADVICE + '</Box>'.repeat(500) + '\n', expect: {kind: 'lint'}},
  {name: 'blockquote-lines.md', about: '2,000 lines of blockquotes 1–40 deep', content: () => Array.from({length: 2000}, (_, index) => '>'.repeat((index % 40) + 1) + ' line ' + index).join('\n'), expect: {kind: 'lint'}},

  // Long lines and words
  {name: 'word-500k.md', about: 'a 500 KB word (Markdown)', content: () => 'a'.repeat(500_000), expect: {kind: 'lint'}},
  {name: 'word-500k.txt', about: 'a 500 KB word (plain text)', content: () => 'A'.repeat(500_000), expect: {kind: 'lint'}},
  {name: 'word-500k.html', about: 'a 500 KB word (HTML)', content: () => '<p>' + 'x'.repeat(500_000) + '</p>', expect: {kind: 'lint'}},
  {name: 'spaces-500k.md', about: '500 KB of spaces inside a sentence', content: () => 'Push' + ' '.repeat(500_000) + 'through the pain.', expect: {kind: 'lint'}},
  {name: 'line-words-1m.txt', about: 'a 1 MB single line of words with no punctuation', content: () => 'squat '.repeat(170_000), expect: {kind: 'lint'}},

  // Brackets, markup characters
  {name: 'brackets-10k.md', about: '10,000 `[`', content: () => '['.repeat(10_000), expect: {kind: 'lint'}},
  {name: 'parens-10k.md', about: '10,000 `(`', content: () => 'Squat ' + '('.repeat(10_000) + ' deep.', expect: {kind: 'lint'}},
  {name: 'link-openers-5k.md', about: '5,000 `[a](`', content: () => '[a]('.repeat(5000), expect: {kind: 'lint'}},
  {name: 'brackets-balanced.md', about: '3,000 `[[` then 3,000 `]]`', content: () => '[['.repeat(3000) + ']]'.repeat(3000), expect: {kind: 'lint'}},
  {name: 'emphasis-10k.md', about: '10,000 `*` then 10,000 `_`', content: () => '*'.repeat(10_000) + 'a' + '_'.repeat(10_000), expect: {kind: 'lint'}},
  {name: 'braces-10k.mdx', about: '10,000 `{` in MDX', content: () => '# T\n\n' + '{'.repeat(10_000), expect: {kind: 'fatal', reason: /^Cannot parse MDX/}},
  {name: 'lt-10k.html', about: '10,000 `<`', content: () => '<'.repeat(10_000), expect: {kind: 'lint'}},
  {name: 'comment-openers.md', about: '10,000 `<!--`', content: () => '<!--'.repeat(10_000), expect: {kind: 'lint'}},
  {name: 'directives-3k.md', about: '3,000 disable comments', content: () => '<!-- fitlint-disable-next-line -->\nPush through the pain.\n'.repeat(3000), expect: {kind: 'lint'}},
  {name: 'quotes-100k.txt', about: '100,000 `"`', content: () => '"'.repeat(100_000), expect: {kind: 'lint'}},
  {name: 'apostrophes-200k.txt', about: "200,000 `'`", content: () => "'".repeat(200_000), expect: {kind: 'lint'}},
  {name: 'dots-500k.txt', about: '500,000 `.`', content: () => '.'.repeat(500_000), expect: {kind: 'lint'}},
  {name: 'emdash-50k.md', about: '50,000 em dashes in a sentence', content: () => ADVICE + ' ' + '—'.repeat(50_000) + ' a', expect: {kind: 'lint'}},
  {name: 'entities-100k.html', about: '100,000 `&amp;`', content: () => '<p>' + '&amp;'.repeat(100_000) + '</p>', expect: {kind: 'lint'}},

  // Bytes and encodings
  {name: 'nul-binary.md', about: 'NUL bytes (binary)', content: () => 'Hello\u0000\u0000\u0000\u0000world', expect: {kind: 'fatal', reason: /binary file/}},
  {name: 'nul-one.md', about: 'one NUL byte in a long article', content: () => '# Leg day\n\n' + PROSE.repeat(20) + '\u0000' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'bom.md', about: 'UTF-8 BOM', content: () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Leg day\n\n' + ADVICE + '\n')]), expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'crlf.md', about: 'CRLF line endings', content: () => '# Leg day\r\n\r\n' + ADVICE + '\r\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'cr.md', about: 'lone CR line endings', content: () => '# Leg day\r\r' + ADVICE + '\r', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'cr.txt', about: 'lone CR line endings (text)', content: () => 'Leg day\r\r' + ADVICE + '\r', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'latin1.md', about: 'Latin-1 bytes', content: () => Buffer.from('# Caf\u00e9 cr\u00e8me\n\n' + ADVICE + ' Br\u00fbl\u00e9e.\n', 'latin1'), expect: {kind: 'encoding'}, still: ['unsafe-advice']},
  {name: 'cesu-surrogate.md', about: 'an encoded lone surrogate (invalid UTF-8)', content: () => new Uint8Array([...new TextEncoder().encode('# T\n\n' + ADVICE + ' '), 0xed, 0xa0, 0x80, 0x0a]), expect: {kind: 'encoding'}, still: ['unsafe-advice']},
  {name: 'replacement-char.md', about: 'valid UTF-8 that contains U+FFFD itself', content: () => new TextEncoder().encode('# Leg day\n\nThe \uFFFD sign marks a broken character. ' + ADVICE + '\n'), expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'utf16le.md', about: 'UTF-16LE with BOM', content: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Leg day\n\n' + ADVICE + '\n', 'utf16le')]), expect: {kind: 'fatal', reason: /binary file/}},
  {name: 'random-bytes.md', about: '64 KB of random-looking bytes', content: () => Uint8Array.from({length: 65_536}, (_, index) => (index * 2_654_435_761) >>> 24), expect: {kind: 'fatal', reason: /binary file/}},
  {name: 'controls.txt', about: 'C0 control characters (no NUL)', content: () => Array.from({length: 5000}, (_, index) => String.fromCharCode(1 + (index % 31))).join('') + ' ' + ADVICE, expect: {kind: 'lint'}},

  // Empty
  {name: 'empty.md', about: 'empty Markdown', content: () => '', expect: {kind: 'lint'}},
  {name: 'empty.mdx', about: 'empty MDX', content: () => '', expect: {kind: 'lint'}},
  {name: 'empty.html', about: 'empty HTML', content: () => '', expect: {kind: 'lint'}},
  {name: 'empty.txt', about: 'empty text', content: () => '', expect: {kind: 'lint'}},
  {name: 'blank.md', about: 'whitespace-only Markdown', content: () => ' \n\t\n   \n', expect: {kind: 'lint'}},
  {name: 'blank.mdx', about: 'whitespace-only MDX', content: () => '\n\n  \n', expect: {kind: 'lint'}},
  {name: 'blank.html', about: 'whitespace-only HTML', content: () => '   \n ', expect: {kind: 'lint'}},
  {name: 'blank.txt', about: 'whitespace-only text', content: () => '  \r\n \t', expect: {kind: 'lint'}},

  // Front matter
  {name: 'yaml-broken.md', about: 'broken YAML front matter', content: () => '---\ntitle: [unclosed\n  - : :\n---\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['parse', 'unsafe-advice']},
  {name: 'yaml-tabs.md', about: 'YAML front matter indented with tabs', content: () => '---\ntitle: x\n\tauthor: y\n---\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'yaml-unclosed.md', about: 'front matter that never closes', content: () => '---\ntitle: Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}},
  {name: 'yaml-bomb.md', about: 'YAML alias bomb (billion laughs)', content: () => '---\na: &a ["x","x","x","x","x","x","x","x","x"]\n' + Array.from({length: 9}, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [${Array(9).fill('*' + String.fromCharCode(97 + index)).join(',')}]`).join('\n') + '\n---\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'yaml-deep-500.md', about: 'YAML front matter nested 500 deep', content: () => '---\na: ' + '['.repeat(500) + ']'.repeat(500) + '\n---\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'yaml-not-object.md', about: 'YAML front matter that is a list', content: () => '---\n- a\n- b\n---\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'toml-broken.md', about: 'broken TOML front matter', content: () => '+++\ntitle = \n+++\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['parse', 'unsafe-advice']},
  {name: 'toml-deep.md', about: 'TOML front matter nested 10,000 deep', content: () => '+++\na = ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n+++\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'yaml-broken.mdx', about: 'broken YAML front matter in MDX', content: () => '---\ntitle: "unclosed\n---\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['parse', 'unsafe-advice']},

  // Broken MDX
  {name: 'jsx-unclosed.mdx', about: 'unclosed JSX element', content: () => '# Leg day\n\n<Callout type="warning">\n\n' + ADVICE + '\n', expect: {kind: 'fatal', reason: /^Cannot parse MDX: .*closing tag/}},
  {name: 'expression-bad.mdx', about: 'broken JS expression', content: () => '# Leg day\n\n{1 + }\n\n' + ADVICE + '\n', expect: {kind: 'fatal', reason: /^Cannot parse MDX: .*expression/}},
  {name: 'import-bad.mdx', about: 'broken import', content: () => 'import x from\n\n# Leg day\n\n' + ADVICE + '\n', expect: {kind: 'fatal', reason: /^Cannot parse MDX: .*import/}},
  {name: 'html-comment.mdx', about: 'an HTML comment (not allowed in MDX)', content: () => '# Leg day\n\n<!-- note -->\n\n' + ADVICE + '\n', expect: {kind: 'fatal', reason: /^Cannot parse MDX/}},
  {name: 'lt-in-prose.mdx', about: 'a bare `<` before a digit in prose', content: () => '# Leg day\n\nKeep reps <5 and ' + ADVICE + '\n', expect: {kind: 'fatal', reason: /^Cannot parse MDX: Unexpected character `5`/}},
  {name: 'lt-space.mdx', about: 'a `<` followed by a space (text in MDX)', content: () => '# Leg day\n\nKeep reps < 5 and ' + ADVICE + '\n', expect: {kind: 'lint'}, still: ['unsafe-advice']},

  // HTML
  {name: 'scripts-only.html', about: 'HTML with only scripts and styles', content: () => '<html><head><style>' + 'p{color:red}'.repeat(5000) + '</style></head><body><script>' + 'var a = "Push through the pain";'.repeat(5000) + '</script></body></html>', expect: {kind: 'lint'}},
  {name: 'unclosed-script.html', about: 'an unclosed <script>', content: () => '<p>' + ADVICE + '</p><script>' + 'x'.repeat(100_000), expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'table-2000.html', about: 'a 2,000-row HTML table', content: () => '<table>' + '<tr><td>Take 5 g creatine</td><td>daily</td></tr>'.repeat(2000) + '</table>', expect: {kind: 'lint'}},
  {name: 'table-2000.md', about: 'a 2,000-row Markdown table', content: () => '| Dose | When |\n| --- | --- |\n' + '| Take 5 g creatine | daily |\n'.repeat(2000), expect: {kind: 'lint'}},
  {name: 'attributes-10k.html', about: 'an element with 10,000 attributes', content: () => '<p ' + Array.from({length: 10_000}, (_, index) => `a${index}="x"`).join(' ') + '>' + ADVICE + '</p>', expect: {kind: 'lint'}, still: ['unsafe-advice']},
  {name: 'xhtml-cdata.html', about: 'CDATA, processing instructions, doctype junk', content: () => '<!DOCTYPE html [<!ENTITY a "b">]><?xml version="1.0"?><![CDATA[' + ADVICE + ']]><p>' + ADVICE + '</p>', expect: {kind: 'lint'}, still: ['unsafe-advice']}
]

/** The inputs the issue names, at the sizes it names, that fitlint cannot handle yet (see "known bugs"). */
export const DEEP = {
  blockquote5000: () => '>'.repeat(5000) + ' ' + ADVICE + '\n',
  list5000: () => '- '.repeat(5000) + ADVICE + '\n',
  orderedList5000: () => '1. '.repeat(5000) + ADVICE + '\n',
  jsx5000: () => '# T\n\n' + '<Box>'.repeat(5000) + ADVICE + '</Box>'.repeat(5000) + '\n',
  list2000: () => '- '.repeat(2000) + ADVICE + '\n',
  divs10000: () => nested('div', 10_000, `<p>${ADVICE}</p>`),
  divsUnclosed10000: () => '<div>'.repeat(10_000) + ADVICE,
  spansUnclosed5000: () => '<p>' + '<b>'.repeat(5000) + ADVICE,
  hyphenated: () => 'a-'.repeat(200_000) + 'a',
  yamlDeep: () => '---\na: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n---\n# Leg day\n\n' + ADVICE + '\n'
}

/** Inputs that lint, but over the 2 s budget today (times measured warm on a 2-core CI box). */
export const SLOW = {
  /** 1 MB single line of short sentences: ~4 s. */
  proseLine1m: () => PROSE.repeat(28_000),
  /** 400 KB of two-letter sentences in plain text: ~4.7 s (quadratic: 200 KB takes 1.2 s). */
  shortSentences400k: () => 'No. '.repeat(100_000),
  /** 40,000 headings (160 KB): ~6 s (quadratic). */
  headings40k: () => '# h\n'.repeat(40_000),
  /** 20,000 footnote references (200 KB): ~5.5 s (quadratic). */
  footnoteRefs20k: () => 'Text[^1]. '.repeat(20_000) + '\n\n[^1]: A source.\n',
  /** A 20,000-row Markdown table (420 KB): ~4.6 s. */
  table20k: () => '| Dose | When |\n| --- | --- |\n' + '| Take 5000 mg | x |\n'.repeat(20_000),
  /** A list nested 700 deep by indentation (490 KB): ~8.5 s. */
  indentedList700: () => Array.from({length: 700}, (_, index) => '  '.repeat(index) + '- item').join('\n'),
  /** A bare URL followed by 80,000 dots (plain text): ~3 s, quadratic (`/[.,;:!?]+$/` in from-text.ts). */
  urlDots80k: () => 'See http://a.com/' + '.'.repeat(80_000) + 'a',
  /** A <sup> holding 120,000 spaces (HTML): ~5 s, quadratic (isCitationMarker's regex in from-hast.ts). */
  supSpaces120k: () => '<p>Creatine works<sup>' + ' '.repeat(120_000) + 'x</sup></p>',
  /** 12,000 links in one paragraph (450 KB): ~1.7 GB of heap; ~20,000 such links run out of memory. */
  linkFarm12k: () => '[the study on creatine](https://example.com/study) '.repeat(12_000)
}

export {ADVICE, PROSE}
