/**
 * Inline control comments in Markdown, MDX and HTML.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createResolver, lint} from '../src/index.js'
import {format, tempDir} from './helpers.js'

const CONFIG = JSON.stringify({
  rules: {'medical-disclaimer': 'off'},
  customRules: [{id: 'house/bro', phrases: ['bro science'], message: 'Avoid “{match}”.', severity: 'warn'}]
})

async function check(name: string, text: string, config = CONFIG): Promise<string[]> {
  const cwd = tempDir({'.fitlintrc.json': config})
  const file = await lint(text, {filePath: path.join(cwd, name), resolver: createResolver({cwd})})
  return format(file)
}

describe('inline control', () => {
  it('disable-next-line silences the next line only (Markdown)', async () => {
    const text = 'Bro science one.\n\n<!-- fitlint-disable-next-line house/bro -- quoting a reader -->\nBro science two.\nBro science three.\n'
    expect(await check('a.md', text)).toEqual([
      '1:1-1:12 warning Avoid “Bro science”. (house/bro)',
      '5:1-5:12 warning Avoid “Bro science”. (house/bro)'
    ])
  })

  it('disable and enable ranges; all rules when none is named', async () => {
    const text = '<!-- fitlint-disable house/bro -->\n\nBro science one.\n\n<!-- fitlint-enable house/bro -->\n\nBro science two.\n\n<!-- fitlint-disable -->\n\nBro science three.\n'
    expect(await check('a.md', text)).toEqual(['7:1-7:12 warning Avoid “Bro science”. (house/bro)'])
  })

  it('disable-line silences its own line', async () => {
    const text = 'Bro science one. <!-- fitlint-disable-line house/bro -->\nBro science two.\n'
    expect(await check('a.md', text)).toEqual(['2:1-2:12 warning Avoid “Bro science”. (house/bro)'])
  })

  it('works with MDX comments', async () => {
    const text = "import X from './x'\n\n{/* fitlint-disable-next-line house/bro */}\nBro science one.\n\nBro science two.\n"
    expect(await check('a.mdx', text)).toEqual(['6:1-6:12 warning Avoid “Bro science”. (house/bro)'])
  })

  it('works with HTML comments', async () => {
    const text = '<p>Bro science one.</p>\n<!-- fitlint-disable-next-line house/bro -->\n<p>Bro science two.</p>\n'
    expect(await check('a.html', text)).toEqual(['1:4-1:15 warning Avoid “Bro science”. (house/bro)'])
  })

  it('silences a document-level rule from anywhere in the file', async () => {
    const advice = '# Legs\n\nSquat twice a week. Take creatine every day. Eat more protein.\n'
    const on = JSON.stringify({rules: {'medical-disclaimer': 'warn'}})
    expect(await check('a.md', advice, on)).toHaveLength(1)
    expect(await check('a.md', advice + '\n<!-- fitlint-disable medical-disclaimer -->\n', on)).toEqual([])
  })

  it('reports unknown rule ids in comments', async () => {
    const text = '<!-- fitlint-disable-next-line house/brp -->\nBro science.\n'
    expect(await check('a.md', text)).toEqual([
      '1:1-1:45 warning Unknown rule `house/brp` in `fitlint-disable-next-line` comment. (directive)',
      '2:1-2:12 warning Avoid “Bro science”. (house/bro)'
    ])
  })
})
