/**
 * The chunked Markdown parser (re-lint in the editor) must give exactly the
 * tree a full parse gives: for every Markdown fixture and corpus article, for
 * edits of them (the chunk path: most chunks come from the cache), and for
 * generated documents full of constructs that run over blank lines.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {startArticle} from '../src/language/text-cache.js'
import {chunkStarts, parseMarkdownReusing} from '../src/parse/markdown-chunks.js'
import {parseMarkdown} from '../src/parse/markdown.js'

const root = path.join(import.meta.dirname, '..')

function markdownFiles(): string[] {
  const files: string[] = []
  const walk = (folder: string) => {
    if (!fs.existsSync(folder)) return
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(?:md|markdown)$/.test(entry.name)) files.push(full)
    }
  }

  for (const folder of ['fixtures', 'corpus', 'examples', '../shared/corpus']) walk(path.join(root, folder))
  return files.sort()
}

/** Same tree, compared as data (positions included). */
function expectSameTree(text: string): void {
  startArticle()
  const chunked = JSON.parse(JSON.stringify(parseMarkdownReusing(text))) as unknown
  const full = JSON.parse(JSON.stringify(parseMarkdown(text))) as unknown
  expect(chunked).toEqual(full)
}

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

const EDITS = ['', ' really', '\n\n', '\n', '```', '- ', '> ', '[^1]', '[^9]: new note', '[x]: /y', '<!--', '    ', '\r\n', 'A', '|', '---']

describe('chunked Markdown parsing', () => {
  const files = markdownFiles()

  it('cuts long articles into chunks', () => {
    const long = files.map((file) => fs.readFileSync(file, 'utf8')).find((text) => text.length > 8000)
    expect(long).toBeDefined()
    expect(chunkStarts(long!).length).toBeGreaterThan(3)
  })

  it('gives the full parse for every article and for edits of it', () => {
    const next = random(7)
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8')
      expectSameTree(text)
      for (let round = 0; round < 6; round++) {
        const at = Math.floor(next() * text.length)
        const edit = EDITS[Math.floor(next() * EDITS.length)]
        expectSameTree(text.slice(0, at) + edit + text.slice(at + Math.floor(next() * 4)))
      }
    }
  })

  it('an unclosed <!-- that swallows later chunks does not leave them cached empty for the next edit', () => {
    const paragraph = (n: number) => `Paragraph ${n} says something about training at some length, so that the chunks are long enough to cut.`.repeat(4)
    const text = Array.from({length: 12}, (_, n) => paragraph(n)).join('\n\n') + '\n'
    expectSameTree(text)
    const at = text.indexOf('Paragraph 3')
    // Typing "<!--" comments out the rest; the chunks after it are inside the comment.
    expectSameTree(text.slice(0, at) + '<!--' + text.slice(at))
    // The next edit is elsewhere: the unchanged chunks must come back whole.
    const later = text.indexOf('Paragraph 9')
    expectSameTree(text.slice(0, later) + 'Really. ' + text.slice(later))
  })

  it('gives the full parse for documents of blocks that run over blank lines', () => {
    const pieces = [
      'Para with [link][ref], [Ref], [^1] and [^2].',
      'Another paragraph\nwith a lazy line.',
      '- item a\n- item b',
      '- item\n\n  continued',
      '1. one\n2. two',
      '* x\n\n* y',
      '> quote\n> more',
      '```\ncode\n\nmore code\n```',
      '```js\nunclosed',
      '~~~\nx\n~~~',
      '    indented code',
      '    code\n\n    more',
      '<!-- comment\n\nstill -->',
      '<div>\nhtml\n</div>',
      '<script>\nx\n\ny\n</script>',
      '<pre>\n\n</pre>',
      '| a | b |\n| - | - |\n| 1 | 2 |',
      'Heading\n=======',
      'Sub\n---',
      '# ATX',
      '***',
      '[ref]: https://example.com "Title"',
      '[^1]: Footnote text\n\n    more footnote',
      '[^2]: short',
      '> [inner]: /url',
      'Text with [inner] ref.',
      'Email me@example.com and www.example.com',
      'Line with trailing  \nhard break',
      '- [ ] task',
      '<?php\n\n?>',
      'Letter line after the rest, long enough to make a chunk of its own when repeated. '.repeat(6),
      'Final line'
    ]
    const next = random(11)
    for (let round = 0; round < 250; round++) {
      const parts: string[] = []
      const count = 20 + Math.floor(next() * 40)
      for (let index = 0; index < count; index++) {
        parts.push(pieces[Math.floor(next() * pieces.length)], ['\n\n', '\n', '\n\n\n', '\n\nLetter line.\n\n'][Math.floor(next() * 4)])
      }

      let text = (next() < 0.2 ? '---\ntitle: x\n\nauthor: y\n---\n' : '') + parts.join('')
      if (next() < 0.15) text = text.replaceAll('\n', '\r\n')
      expectSameTree(text)
      const at = Math.floor(next() * text.length)
      expectSameTree(text.slice(0, at) + EDITS[Math.floor(next() * EDITS.length)] + text.slice(at + 1))
    }
  })
})
