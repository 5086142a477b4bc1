/**
 * Rule fixtures: `fixtures/<rule>/ok/*` must give no message from that rule;
 * `fixtures/<rule>/not-ok/*` must give exactly the messages listed in the
 * file's `.expected` sibling (positions, severity, reason).
 * A folder in `ok/` or `not-ok/` is a small project: its articles are linted
 * with the config file in that folder (rule options and settings).
 * Run with UPDATE_FIXTURES=1 to write missing `.expected` files (review them!).
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {lint, createResolver} from '../src/index.js'
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
      const cases = fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
        entry.isDirectory()
          ? fs
              .readdirSync(path.join(dir, entry.name))
              .filter((name) => EXTENSIONS.test(name))
              .map((name) => ({name: `${entry.name}/${name}`, project: true}))
          : EXTENSIONS.test(entry.name)
            ? [{name: entry.name, project: false}]
            : []
      )
      for (const {name, project} of cases) {
        it(`${kind}/${name}`, async () => {
          const file = path.join(dir, name)
          const text = fs.readFileSync(file, 'utf8')
          const only = Object.fromEntries(builtinRules.map((other) => [other.id, other.id === rule.id ? 'on' : 'off'] as const))
          const result = project
            ? await lint(text, {filePath: file, resolver: createResolver({cwd: path.dirname(file), rules: only})})
            : await lintText(text, file, [rule.id])
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
