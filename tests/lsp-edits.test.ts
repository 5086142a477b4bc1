/**
 * The language server's text placement (quick-fix insertions, control
 * comments), hover excerpts and settings parsing, as units.
 */
import {describe, expect, it} from 'vitest'
import {
  contentStart,
  disableFile,
  disableLine,
  frontMatterEnd,
  insertAfterBlock,
  insertAtDocumentStart,
  insertBeforeBlock,
  type Splice
} from '../src/lsp/edits.js'
import {readmeExcerpt} from '../src/lsp/hover.js'
import {DEFAULT_SETTINGS, mergeSettings} from '../src/lsp/settings.js'

const apply = (text: string, splice: Splice | undefined) => {
  if (!splice) throw new Error('no splice')
  return text.slice(0, splice.start) + splice.newText + text.slice(splice.end)
}

const at = (text: string, needle: string) => {
  const index = text.indexOf(needle)
  if (index === -1) throw new Error('not found: ' + needle)
  return index
}

describe('front matter and content start', () => {
  it('skips YAML and TOML front matter, BOM and blank lines', () => {
    expect(frontMatterEnd('---\ntitle: x\n---\n# A\n')).toBe(17)
    expect(frontMatterEnd('+++\ntitle = "x"\n+++\n# A\n')).toBe(20)
    expect(frontMatterEnd('---\n---\nText')).toBe(8)
    expect(frontMatterEnd('# No front matter\n---\n')).toBe(0)
    expect(frontMatterEnd('\uFEFF# A')).toBe(1)
    const text = '---\na: 1\n---\n\n\n# Title\n'
    expect(text.slice(contentStart(text, 'markdown'))).toBe('# Title\n')
  })

  it('skips MDX import/export blocks', () => {
    const text = "import {A} from './a.js'\nimport {\n  B\n} from './b.js'\n\nexport const meta = {}\n\n# Title\n"
    expect(text.slice(contentStart(text, 'mdx'))).toBe('# Title\n')
    expect(text.slice(contentStart(text, 'markdown'))).toBe(text)
  })
})

describe('inserting a paragraph', () => {
  const paragraph = 'Not medical advice.'

  it('after an ATX heading, even with text right under it', () => {
    expect(apply('# Title\n\nBody.\n', insertAfterBlock('# Title\n\nBody.\n', 'markdown', 2, 7, paragraph))).toBe('# Title\n\nNot medical advice.\n\nBody.\n')
    expect(apply('# Title\nBody.\n', insertAfterBlock('# Title\nBody.\n', 'markdown', 2, 7, paragraph))).toBe('# Title\n\nNot medical advice.\n\nBody.\n')
  })

  it('after the whole paragraph or list, not mid-way', () => {
    const text = 'Line one of\nthe paragraph.\n\n- a\n- b\n\nEnd.'
    expect(apply(text, insertAfterBlock(text, 'markdown', 0, 5, paragraph))).toBe('Line one of\nthe paragraph.\n\nNot medical advice.\n\n- a\n- b\n\nEnd.')
    expect(apply(text, insertAfterBlock(text, 'markdown', at(text, 'a\n'), at(text, 'a\n') + 1, paragraph))).toBe('Line one of\nthe paragraph.\n\n- a\n- b\n\nNot medical advice.\n\nEnd.')
    expect(apply(text, insertAfterBlock(text, 'markdown', at(text, 'End'), text.length, paragraph))).toBe(text + '\n\nNot medical advice.')
  })

  it('after a setext heading, keeping its underline', () => {
    const text = 'Title\n=====\n\nBody.\n'
    expect(apply(text, insertAfterBlock(text, 'markdown', 0, 5, paragraph))).toBe('Title\n=====\n\nNot medical advice.\n\nBody.\n')
  })

  it('keeps CRLF line endings', () => {
    const text = '# Title\r\n\r\nBody.\r\n'
    expect(apply(text, insertAfterBlock(text, 'markdown', 2, 7, paragraph))).toBe('# Title\r\n\r\nNot medical advice.\r\n\r\nBody.\r\n')
  })

  it('HTML: a <p> after the closing tag, outside lists, never in <head>', () => {
    const html = '<body>\n  <h1>Title</h1>\n  <ul><li>Squat &amp; lunge</li></ul>\n</body>'
    expect(apply(html, insertAfterBlock(html, 'html', at(html, 'Title'), at(html, 'Title') + 5, 'A & B <C>'))).toBe(
      '<body>\n  <h1>Title</h1>\n  <p>A &amp; B &lt;C&gt;</p>\n  <ul><li>Squat &amp; lunge</li></ul>\n</body>'
    )
    expect(apply(html, insertAfterBlock(html, 'html', at(html, 'Squat'), at(html, 'Squat') + 5, paragraph))).toBe(
      '<body>\n  <h1>Title</h1>\n  <ul><li>Squat &amp; lunge</li></ul>\n  <p>Not medical advice.</p>\n</body>'
    )
    const page = '<html><head><title>Title</title></head>\n<body>\n  <p>Text</p>\n</body></html>'
    expect(apply(page, insertAfterBlock(page, 'html', at(page, 'Title'), at(page, 'Title') + 5, paragraph))).toBe(
      '<html><head><title>Title</title></head>\n<body>\n  <p>Not medical advice.</p>\n  <p>Text</p>\n</body></html>'
    )
  })

  it('plain text: after the blank-line paragraph, or after the line on one-line-per-paragraph pages', () => {
    const wrapped = 'Squat deep and keep your heels on the floor when\nyou stand up from the bottom.\n\nNext.\n'
    expect(apply(wrapped, insertAfterBlock(wrapped, 'text', 0, 5, paragraph))).toBe(
      'Squat deep and keep your heels on the floor when\nyou stand up from the bottom.\n\nNot medical advice.\n\nNext.\n'
    )
    const scraped = 'How to Start\nGo cold turkey on day one.\nSalt your food to taste.\nADVERTISEMENT\n'
    expect(apply(scraped, insertAfterBlock(scraped, 'text', at(scraped, 'Go'), at(scraped, 'Go') + 2, paragraph))).toBe(
      'How to Start\nGo cold turkey on day one.\nNot medical advice.\nSalt your food to taste.\nADVERTISEMENT\n'
    )
    expect(apply(scraped, insertBeforeBlock(scraped, 'text', at(scraped, 'Salt'), paragraph))).toBe(
      'How to Start\nGo cold turkey on day one.\nNot medical advice.\nSalt your food to taste.\nADVERTISEMENT\n'
    )
  })

  it('before a block', () => {
    const text = '# Title\nFirst line\nsecond line.\n'
    expect(apply(text, insertBeforeBlock(text, 'markdown', at(text, 'second'), paragraph))).toBe('# Title\nNot medical advice.\n\nFirst line\nsecond line.\n')
    const html = '<body>\n  <p>Text</p>\n</body>'
    expect(apply(html, insertBeforeBlock(html, 'html', at(html, 'Text'), paragraph))).toBe('<body>\n  <p>Not medical advice.</p>\n  <p>Text</p>\n</body>')
  })

  it('at the start of the page', () => {
    expect(apply('---\na: 1\n---\n# T\n', insertAtDocumentStart('---\na: 1\n---\n# T\n', 'markdown', paragraph))).toBe('---\na: 1\n---\nNot medical advice.\n\n# T\n')
    expect(apply('', insertAtDocumentStart('', 'markdown', paragraph))).toBe('Not medical advice.\n')
    expect(apply('Text', insertAtDocumentStart('Text', 'text', paragraph))).toBe('Not medical advice.\n\nText')
    expect(apply('<html><body>\n  <p>x</p>', insertAtDocumentStart('<html><body>\n  <p>x</p>', 'html', paragraph))).toBe('<html><body>\n  <p>Not medical advice.</p>\n  <p>x</p>')
  })
})

describe('disable comments', () => {
  it('own line above, with the line’s indentation and blockquote markers', () => {
    const text = '# Title\n\n> Quoted claim.\n\n  - nested\n'
    expect(apply(text, disableLine(text, 'markdown', 2, 'rule'))).toBe('<!-- fitlint-disable-next-line rule -->\n# Title\n\n> Quoted claim.\n\n  - nested\n')
    expect(apply(text, disableLine(text, 'markdown', at(text, 'Quoted'), 'rule'))).toBe('# Title\n\n> <!-- fitlint-disable-next-line rule -->\n> Quoted claim.\n\n  - nested\n')
    expect(apply(text, disableLine(text, 'markdown', at(text, 'nested'), 'rule'))).toBe('# Title\n\n> Quoted claim.\n\n  <!-- fitlint-disable-next-line rule -->\n  - nested\n')
  })

  it('Markdown: at the end of the line above when that keeps a paragraph or list whole', () => {
    const paragraph = 'One line\nclaim here.\n'
    expect(apply(paragraph, disableLine(paragraph, 'markdown', at(paragraph, 'claim'), 'rule'))).toBe('One line <!-- fitlint-disable-next-line rule -->\nclaim here.\n')
    const list = '- a\n- b\n'
    expect(apply(list, disableLine(list, 'markdown', at(list, 'b'), 'rule'))).toBe('- a <!-- fitlint-disable-next-line rule -->\n- b\n')
    // Not after a heading, a hard break or a fence.
    const heading = '# Title\nclaim\n'
    expect(apply(heading, disableLine(heading, 'markdown', at(heading, 'claim'), 'rule'))).toBe('# Title\n<!-- fitlint-disable-next-line rule -->\nclaim\n')
    const hard = 'line  \nclaim\n'
    expect(apply(hard, disableLine(hard, 'markdown', at(hard, 'claim'), 'rule'))).toBe('line  \n<!-- fitlint-disable-next-line rule -->\nclaim\n')
    const frontMatter = '---\na: 1\n---\nclaim\n'
    expect(apply(frontMatter, disableLine(frontMatter, 'markdown', at(frontMatter, 'claim'), 'rule'))).toBe('---\na: 1\n---\n<!-- fitlint-disable-next-line rule -->\nclaim\n')
  })

  it('Markdown tables: disable-line inside the cell', () => {
    const table = '| a | b |\n| --- | --- |\n| claim | x |\n'
    expect(apply(table, disableLine(table, 'markdown', at(table, 'claim'), 'rule'))).toBe('| a | b |\n| --- | --- |\n| <!-- fitlint-disable-line rule --> claim | x |\n')
  })

  it('MDX uses {/* */}; HTML keeps indentation; plain text has none', () => {
    const mdx = 'One line\nclaim here.\n'
    expect(apply(mdx, disableLine(mdx, 'mdx', at(mdx, 'claim'), 'rule'))).toBe('One line\n{/* fitlint-disable-next-line rule */}\nclaim here.\n')
    const html = '<body>\n    <p>claim</p>\n</body>'
    expect(apply(html, disableLine(html, 'html', at(html, 'claim'), 'rule'))).toBe('<body>\n    <!-- fitlint-disable-next-line rule -->\n    <p>claim</p>\n</body>')
    expect(disableLine('claim', 'text', 0, 'rule')).toBeUndefined()
    expect(disableFile('claim', 'text', 'rule')).toBeUndefined()
  })

  it('disable in this file: after front matter, MDX imports, or the doctype', () => {
    expect(apply('---\na: 1\n---\n\n# T\n', disableFile('---\na: 1\n---\n\n# T\n', 'markdown', 'rule'))).toBe('---\na: 1\n---\n\n<!-- fitlint-disable rule -->\n\n# T\n')
    expect(apply("import A from './a.js'\n\n# T\n", disableFile("import A from './a.js'\n\n# T\n", 'mdx', 'rule'))).toBe("import A from './a.js'\n\n{/* fitlint-disable rule */}\n\n# T\n")
    expect(apply('<!DOCTYPE html>\n<html>', disableFile('<!DOCTYPE html>\n<html>', 'html', 'rule'))).toBe('<!DOCTYPE html>\n<!-- fitlint-disable rule -->\n<html>')
    expect(apply('<p>x</p>', disableFile('<p>x</p>', 'html', 'rule'))).toBe('<!-- fitlint-disable rule -->\n<p>x</p>')
    expect(apply('', disableFile('', 'markdown', 'rule'))).toBe('<!-- fitlint-disable rule -->\n')
  })
})

describe('hover excerpt of a rule README', () => {
  const readme = [
    '# some-rule',
    '',
    'What it catches, in one paragraph.',
    '',
    '| | |',
    '| --- | --- |',
    '| Default severity | warning |',
    '',
    '## Examples',
    '',
    'Long examples.',
    '',
    '## Why',
    '',
    'Because [the guideline](../../docs/guide.md) says so.',
    '',
    '## Sources',
    '',
    '- [S1](https://example.org/s1)',
    ''
  ].join('\n')

  it('keeps the intro, why and sources; drops tables; resolves relative links', () => {
    const excerpt = readmeExcerpt(readme, 'https://github.com/fitlint/fitlint/blob/main/rules/some-rule/README.md')
    expect(excerpt).toContain('What it catches, in one paragraph.')
    expect(excerpt).not.toContain('Default severity')
    expect(excerpt).not.toContain('Long examples')
    expect(excerpt).toContain('#### Why')
    expect(excerpt).toContain('[the guideline](https://github.com/fitlint/fitlint/blob/main/docs/guide.md)')
    expect(excerpt).toContain('[S1](https://example.org/s1)')
  })

  it('falls back to the first section and caps the length', () => {
    const plain = '# r\n\n## Usage\n\nUse it.\n\n## More\n\nMore.\n'
    expect(readmeExcerpt(plain)).toBe('#### Usage\n\nUse it.\n\n#### More\n\nMore.')
    const long = '# r\n\n' + 'Word '.repeat(2000)
    expect(readmeExcerpt(long).length).toBeLessThan(2600)
  })
})

describe('settings', () => {
  it('merges valid values and reports bad ones', () => {
    const warnings: string[] = []
    const settings = mergeSettings(
      DEFAULT_SETTINGS,
      {enable: 'yes', rules: {'uncited-claim': 'warning', 'medical-disclaimer': 2, bad: 'loud'}, trace: {server: 'verbose'}, debounce: -1, maxFileSize: 10},
      (message) => warnings.push(message)
    )
    expect(settings).toEqual({...DEFAULT_SETTINGS, rules: {'uncited-claim': 'warn', 'medical-disclaimer': 'error'}, trace: 'verbose', maxFileSize: 10})
    expect(warnings).toHaveLength(3)
    expect(mergeSettings(DEFAULT_SETTINGS, 'nonsense', () => undefined)).toEqual(DEFAULT_SETTINGS)
  })
})
