/**
 * Rule docs cannot drift from behaviour: every example in a rule's README
 * fenced as `fitlint-fail` must trigger the rule, every `fitlint-pass`
 * example must not. Each rule has a README with both kinds.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {lintText, ROOT} from './helpers.js'

const EXTENSION: Record<string, string> = {markdown: '.md', md: '.md', mdx: '.mdx', html: '.html', text: '.txt', txt: '.txt'}

function examples(markdown: string): Array<{lang: string; expect: 'pass' | 'fail'; code: string; line: number}> {
  const found: Array<{lang: string; expect: 'pass' | 'fail'; code: string; line: number}> = []
  const re = /^```(\w+) fitlint-(pass|fail)\n([\s\S]*?)^```$/gm
  let match: RegExpExecArray | null
  while ((match = re.exec(markdown))) {
    found.push({
      lang: match[1],
      expect: match[2] as 'pass' | 'fail',
      code: match[3],
      line: markdown.slice(0, match.index).split('\n').length
    })
  }

  return found
}

for (const rule of builtinRules) {
  describe(`docs: ${rule.id}`, () => {
    const file = path.join(ROOT, 'rules', rule.id, 'README.md')
    const markdown = fs.readFileSync(file, 'utf8')
    const list = examples(markdown)

    it('has passing and failing examples, and the standard sections', () => {
      expect(list.some((example) => example.expect === 'fail')).toBe(true)
      expect(list.some((example) => example.expect === 'pass')).toBe(true)
      for (const heading of ['## What it reports', '## Why', '## Examples', '## Options', '## How to silence']) {
        expect(markdown).toContain(heading)
      }
    })

    for (const example of list) {
      it(`README.md:${example.line} ${example.expect}s`, async () => {
        const extension = EXTENSION[example.lang]
        expect(extension, `unknown fence language ${example.lang}`).toBeDefined()
        const result = await lintText(example.code, `example${extension}`, [rule.id])
        const hits = result.messages.filter((message) => message.ruleId === rule.id)
        if (example.expect === 'fail') expect(hits.length).toBeGreaterThan(0)
        else expect(hits.map((message) => message.reason)).toEqual([])
      })
    }
  })
}
