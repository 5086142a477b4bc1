/**
 * Rule fixtures: `fixtures/<rule>/ok/*` must give no message from that rule;
 * `fixtures/<rule>/not-ok/*` must give exactly the messages listed in the
 * file's `.expected` sibling (positions, severity, reason).
 * Run with UPDATE_FIXTURES=1 to write missing `.expected` files (review them!).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {format, lintText, ROOT} from './helpers.js'

const FIXTURES = path.join(ROOT, 'fixtures')
const EXTENSIONS = /\.(md|mdx|html|txt)$/

for (const rule of builtinRules) {
  const folder = path.join(FIXTURES, rule.id)
  describe(`fixtures: ${rule.id}`, () => {
    it('has ok and not-ok fixtures in every format', () => {
      for (const kind of ['ok', 'not-ok']) {
        const files = fs.readdirSync(path.join(folder, kind)).filter((name) => EXTENSIONS.test(name))
        const extensions = new Set(files.map((name) => path.extname(name)))
        expect([...extensions].sort(), `${rule.id}/${kind}`).toEqual(['.html', '.md', '.mdx', '.txt'])
      }
    })

    for (const kind of ['ok', 'not-ok']) {
      const dir = path.join(folder, kind)
      if (!fs.existsSync(dir)) continue
      for (const name of fs.readdirSync(dir).filter((entry) => EXTENSIONS.test(entry))) {
        it(`${kind}/${name}`, async () => {
          const file = path.join(dir, name)
          const result = await lintText(fs.readFileSync(file, 'utf8'), file, [rule.id])
          const lines = format(result).filter((line) => line.endsWith(`(${rule.id})`))
          if (kind === 'ok') {
            expect(lines).toEqual([])
            return
          }

          const expectedFile = file + '.expected'
          if (!fs.existsSync(expectedFile) && process.env.UPDATE_FIXTURES) {
            fs.writeFileSync(expectedFile, lines.join('\n') + '\n')
          }

          const expected = fs.readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean)
          expect(lines).toEqual(expected)
          expect(lines.length).toBeGreaterThan(0)
        })
      }
    }
  })
}
