/**
 * The Article model, per format: prose only, sentences with their context,
 * positions that map back to the original file.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {buildArticle} from '../src/article/build.js'
import type {Article, Format} from '../src/article/types.js'
import {loadParser} from '../src/parse/index.js'

async function build(text: string, format: Format): Promise<Article> {
  await loadParser(format)
  return buildArticle(text, format)
}

/** Every sentence's source slice must read as its text (modulo markup). */
function expectPositions(article: Article): void {
  for (const sentence of article.sentences) {
    const slice = article.source.slice(sentence.start, sentence.end).replace(/["'“”‘’]/g, '')
    const text = sentence.text.replace(/["']/g, '')
    expect(slice.startsWith(text.slice(0, 2)), `${slice} ~ ${text}`).toBe(true)
    expect(slice.endsWith(text.slice(-1)), `${slice} ~ ${text}`).toBe(true)
  }
}

describe('markdown', () => {
  const text = [
    '---',
    'title: "Squats"',
    'disclaimer: true',
    '---',
    '',
    '# Squat better',
    '',
    'Squats build your legs [1]. Studies show they help (Smith et al., 2019). Is that true?',
    '',
    '> "Never skip leg day." Said every coach.',
    '',
    'Try this:',
    '',
    '- Brace your core.',
    '- Sit back. See [the guide](https://example.com/guide?tag=x-20).',
    '',
    '## When to see a doctor',
    '',
    '| Symptom | Action |',
    '| --- | --- |',
    '| Chest pain | Call 911 |',
    '',
    'Eat `2 g` of protein per kg.[^1] Then rest &amp; recover.',
    '',
    '```js',
    'console.log("code is not prose")',
    '```',
    '',
    '[^1]: Jones, 2020. Protein needs.',
    ''
  ].join('\n')

  it('a link that opens a sentence cites that sentence, not the one before (md, html)', async () => {
    for (const [source, format] of [
      ['Some intro. [A 2003 review](https://example.org/r) found more weight loss. Then more.\n', 'markdown'],
      ['<p>Some intro. <a href="https://example.org/r">A 2003 review</a> found more weight loss. Then more.</p>', 'html']
    ] as const) {
      const article = await build(source, format)
      expect(article.sentences.map((sentence) => [sentence.text, sentence.citations.length]), format).toEqual([
        ['Some intro.', 0],
        ['A 2003 review found more weight loss.', 1],
        ['Then more.', 0]
      ])
    }
  })

  it('reads front matter, sections, kinds, passages and citations', async () => {
    const article = await build(text, 'markdown')
    expect(article.frontmatter?.data).toEqual({title: 'Squats', disclaimer: true})
    expect(article.sentences.map((s) => [s.kind, s.text])).toEqual([
      ['heading', 'Squat better'],
      ['paragraph', 'Squats build your legs [1].'],
      ['paragraph', 'Studies show they help (Smith et al., 2019).'],
      ['paragraph', 'Is that true?'],
      ['blockquote', '"Never skip leg day."'],
      ['blockquote', 'Said every coach.'],
      ['paragraph', 'Try this:'],
      ['listItem', 'Brace your core.'],
      ['listItem', 'Sit back.'],
      ['listItem', 'See the guide.'],
      ['heading', 'When to see a doctor'],
      ['tableCell', 'Symptom'],
      ['tableCell', 'Action'],
      ['tableCell', 'Chest pain'],
      ['tableCell', 'Call 911'],
      ['paragraph', 'Eat 2 g of protein per kg.'],
      ['paragraph', 'Then rest & recover.']
    ])
    const byText = (needle: string) => article.sentences.find((s) => s.text.includes(needle))!
    expect(byText('Squats build').citations.map((i) => article.citations[i].kind)).toEqual(['bracket'])
    expect(byText('Studies show').citations.map((i) => article.citations[i].kind)).toEqual(['author-year'])
    expect(byText('Eat 2 g').citations.map((i) => article.citations[i].kind)).toEqual(['footnote'])
    expect(byText('Is that true').isQuestion).toBe(true)
    expect(byText('Never skip').isQuoted).toBe(true)
    expect(byText('See the guide').links).toHaveLength(1)
    expect(article.links[0]).toMatchObject({url: 'https://example.com/guide?tag=x-20', text: 'the guide', origin: 'markdown'})
    // The list belongs to the paragraph that introduces it.
    expect(byText('Brace').passage).toBe(byText('Try this').passage)
    expect(byText('Chest pain').section).toBe(byText('When to see').section)
    expect(article.sections[byText('Chest pain').section].path).toEqual(['Squat better', 'When to see a doctor'])
    expect(article.footnotes).toEqual([expect.objectContaining({label: '1', text: 'Jones, 2020. Protein needs.'})])
    // Inline code is literal.
    const eat = article.blocks[byText('Eat 2 g').block]
    expect(eat.literal).toHaveLength(1)
    expectPositions(article)
  })

  it('maps positions across character references and escapes', async () => {
    const article = await build('Rest &amp; recover \\*daily\\*. Then lift.\n', 'markdown')
    const [first, second] = article.sentences
    expect(first.text).toBe('Rest & recover *daily*.')
    expect(article.source.slice(first.start, first.end)).toBe('Rest &amp; recover \\*daily\\*.')
    expect(article.source.slice(second.start, second.end)).toBe('Then lift.')
  })

  it('reports broken front matter without throwing', async () => {
    const article = await build('---\ntitle: [unclosed\n---\n\nText here.\n', 'markdown')
    expect(article.frontmatter?.data).toBeUndefined()
    expect(article.problems[0].reason).toMatch(/^Cannot parse YAML front matter/)
    expect(article.sentences.map((s) => s.text)).toEqual(['Text here.'])
  })

  it('reads TOML front matter', async () => {
    const article = await build('+++\ntitle = "x"\nymyl = true\n+++\n\nHi.\n', 'markdown')
    expect(article.frontmatter).toMatchObject({kind: 'toml', data: {title: 'x', ymyl: true}})
  })

  it('keeps offsets after a byte order mark', async () => {
    const article = await build('\uFEFF---\na: 1\n---\n\nHello there.\n', 'markdown')
    expect(article.frontmatter?.data).toEqual({a: 1})
    const [sentence] = article.sentences
    expect(article.source.slice(sentence.start, sentence.end)).toBe('Hello there.')
  })

  it('splits sentences after numbers and keeps abbreviations', async () => {
    const article = await build('Do 4 sets of 10. Add lunges. Eat after 8 p.m. turns to fat, e.g. rice.\n', 'markdown')
    expect(article.sentences.map((s) => s.text)).toEqual([
      'Do 4 sets of 10.',
      'Add lunges.',
      'Eat after 8 p.m. turns to fat, e.g. rice.'
    ])
  })

  it('splits sentences after a number and its unit, not after a unit inside a sentence', async () => {
    const article = await build('An add-on kit takes it to 90 lb. Changing weight takes 4 sec. Walk 2 mi. then rest.\n', 'markdown')
    expect(article.sentences.map((s) => s.text)).toEqual([
      'An add-on kit takes it to 90 lb.',
      'Changing weight takes 4 sec.',
      'Walk 2 mi. then rest.'
    ])
  })
})

describe('mdx', () => {
  it('skips ESM and expressions, reads JSX children and JSX hrefs', async () => {
    const text = [
      "import {Callout} from './Callout'",
      'export const meta = {title: "x"}',
      '',
      '<Callout type="info">',
      'Check with your doctor first.',
      '</Callout>',
      '',
      '{/* fitlint-disable-next-line unsafe-advice -- quoted on purpose */}',
      'Inline <Tip>jsx text</Tip> here {1 + 1}.',
      '',
      '<ProductCard name="Sauna" href="https://example.com/go/sauna" />',
      ''
    ].join('\n')
    const article = await build(text, 'mdx')
    expect(article.sentences.map((s) => s.text)).toEqual(['Check with your doctor first.', 'Inline jsx text here .'])
    expect(article.blocks[0].containers).toEqual(['jsx:Callout'])
    expect(article.links).toEqual([expect.objectContaining({url: 'https://example.com/go/sauna', text: 'Sauna', origin: 'jsx'})])
    expect(article.directives).toEqual([
      expect.objectContaining({keyword: 'disable-next-line', ruleIds: ['unsafe-advice'], reason: 'quoted on purpose'})
    ])
  })
})

describe('html', () => {
  it('reads the article prose only, with links and rel', async () => {
    const text = `<!doctype html><html><head><title>T</title><script>var x = "Studies show";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a></nav><header class="site-header">Site</header>
<article><header><h1>Whey &amp; you</h1></header>
<p>Whey builds muscle (<a href="https://pubmed.ncbi.nlm.nih.gov/1" rel="nofollow">Smith, 2019</a>).</p>
<div class="share-buttons">Share this</div>
<blockquote><p>Quoted text here.</p></blockquote>
<ul><li>Item one.</li><li><a href="https://amzn.to/x" rel="sponsored">Buy</a></li></ul>
<figure><figcaption>A caption.</figcaption></figure>
<!-- fitlint-disable overclaim -->
</article><footer>Copyright</footer></body></html>`
    const article = await build(text, 'html')
    expect(article.sentences.map((s) => [s.kind, s.text])).toEqual([
      ['heading', 'Whey & you'],
      ['paragraph', 'Whey builds muscle (Smith, 2019).'],
      ['blockquote', 'Quoted text here.'],
      ['listItem', 'Item one.'],
      ['listItem', 'Buy'],
      ['caption', 'A caption.']
    ])
    expect(article.links.map((link) => [link.url, link.rel])).toEqual([
      ['https://pubmed.ncbi.nlm.nih.gov/1', 'nofollow'],
      ['https://amzn.to/x', 'sponsored']
    ])
    expect(article.directives).toHaveLength(1)
    expect(article.sentences[4].inLink).toBe(true)
    const heading = article.sentences[0]
    expect(article.source.slice(heading.start, heading.end)).toBe('Whey &amp; you')
    // The site footer is not prose, but kept as a site note (for a site-wide disclaimer).
    expect(article.siteNotes?.map((note) => [note.text, article.source.slice(note.start, note.end)])).toEqual([['Copyright', '<footer>Copyright</footer>']])
  })

  it('keeps footers and fine print outside <main> as site notes, and sidebar links as site links, with source positions', async () => {
    const text = `<html><body><main><h1>Posing</h1><p>Practise every day.</p></main>
<aside class="sidebar"><h2>Kit</h2><ul><li><a href="https://amzn.to/robe">Robe</a></li></ul><nav><a href="/">Home</a></nav></aside>
<div class="site-disclaimer">Not medical advice.</div>
<footer><p class="fineprint">Always consult your doctor first.</p></footer></body></html>`
    const article = await build(text, 'html')
    expect(article.sentences.map((s) => s.text)).toEqual(['Posing', 'Practise every day.'])
    expect(article.siteNotes?.map((note) => note.text)).toEqual(['Not medical advice.', 'Always consult your doctor first.'])
    for (const note of article.siteNotes ?? []) expect(article.source.slice(note.start, note.end)).toContain(note.text)
    expect(article.siteLinks?.map((link) => [link.url, link.text, article.source.slice(link.start, link.end)])).toEqual([
      ['https://amzn.to/robe', 'Robe', '<a href="https://amzn.to/robe">Robe</a>']
    ])
  })
})

describe('html chrome', () => {
  it('reads an <article> or <main> whatever its class (a newsletter issue), and still skips chrome inside it', async () => {
    const text = `<html><body><main class="newsletter-main"><article class="newsletter">
<h1>Issue 87</h1><p>Yard Wars is back.</p>
<div class="newsletter-signup"><p>Subscribe for more.</p></div>
<ol class="comment-list"><li>Great issue!</li></ol>
</article></main></body></html>`
    const article = await build(text, 'html')
    expect(article.sentences.map((s) => s.text)).toEqual(['Issue 87', 'Yard Wars is back.'])
  })
})

describe('text', () => {
  it('treats each line of a scraped page as a paragraph', async () => {
    const article = await build('Home » Blog\nWhy squats work\nSquats build legs. They are hard.\nMore text here, and it ends well.\n', 'text')
    expect(article.sentences.map((s) => [s.kind, s.text])).toEqual([
      ['heading', 'Home " Blog'],
      ['heading', 'Why squats work'],
      ['paragraph', 'Squats build legs.'],
      ['paragraph', 'They are hard.'],
      ['paragraph', 'More text here, and it ends well.']
    ])
    expect(new Set(article.sentences.map((s) => s.passage)).size).toBe(4)
  })

  it('reads a line ending in a footnote marker as prose, not a title', async () => {
    const article = await build('Sleep stack\nMagnesium supports relaxation.*\nZinc supports immunity.†\nFish oil supports heart health [1]\n', 'text')
    expect(article.sentences.map((s) => s.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'heading'])
  })

  it('joins hard-wrapped paragraphs', async () => {
    const text = 'This is a long paragraph that was wrapped by hand at\nseventy characters so it continues on the next line and\nends here.\n\nA second paragraph.\n'
    const article = await build(text, 'text')
    expect(article.sentences.map((s) => s.text)).toEqual([
      'This is a long paragraph that was wrapped by hand at seventy characters so it continues on the next line and ends here.',
      'A second paragraph.'
    ])
    expect(article.sentences[0].passage).not.toBe(article.sentences[1].passage)
  })

  it('splits a 20 KB single-line page into sentences', async () => {
    const seed = path.resolve(import.meta.dirname, '../../shared/corpus/seed/deadlift-back-pain.txt')
    const text = fs.existsSync(seed)
      ? fs.readFileSync(seed, 'utf8')
      : 'One sentence here. '.repeat(1000)
    const article = await build(text, 'text')
    expect(article.sentences.length).toBeGreaterThan(100)
    for (const sentence of article.sentences) {
      expect(sentence.end - sentence.start).toBeLessThanOrEqual(1300)
    }

    expectPositions(article)
  })
})
