/**
 * `npm run bench` end to end on a small corpus: the table prints every row
 * and every ratio is a number. The targets themselves are not asserted here
 * (shared machines are noisy); `npm run bench` reports them.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, describe, expect, test} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fitlint-bench-test-'))

afterAll(() => {
  fs.rmSync(scratch, {recursive: true, force: true})
})

describe('npm run bench', () => {
  test('--quick --runs 1 prints all rows and numeric ratios', async () => {
    const json = path.join(scratch, 'bench.json')
    const {stdout} = await promisify(execFile)(
      process.execPath,
      ['scripts/bench.mjs', '--quick', '--runs', '1', '--dir', path.join(scratch, 'corpus'), '--json', json],
      {cwd: root, timeout: 110_000, maxBuffer: 1 << 24}
    )

    for (const row of [
      'floor: read + remark/rehype + ParseEnglish, no rules',
      'fitlint: all rules, --format json',
      'alex 11',
      'fitlint on N = 12 files',
      'fitlint on 2N = 24 files',
      'node -e 0',
      'fitlint cold start: one file',
      're-lint in process'
    ]) {
      expect(stdout).toContain(row)
    }

    const number = (label: string) => {
      const line = stdout.split('\n').find((line) => line.startsWith(label))
      expect(line, label).toBeDefined()
      const match = /\s(\d+(?:\.\d+)?)(×| ms| s)\s/.exec(line! + ' ')
      expect(match, line).not.toBeNull()
      return Number(match![1])
    }

    for (const label of [
      'fitlint / floor (wall)',
      'alex / fitlint (wall)',
      '2N / N files: time',
      '2N / N files: peak RSS',
      'cold start, one file',
      're-lint 3,000 words, median'
    ]) {
      expect(number(label)).toBeGreaterThan(0)
    }

    expect(stdout).not.toContain('errors (the numbers above are not trustworthy)')

    const report = JSON.parse(fs.readFileSync(json, 'utf8'))
    for (const key of ['fitlintOverFloor', 'alexOverFitlint', 'linearTime', 'linearMemory', 'coldStartMs', 'relintMedianMs']) {
      expect(typeof report.ratios[key], key).toBe('number')
      expect(Number.isFinite(report.ratios[key]), key).toBe(true)
    }

    expect(report.corpus.files).toBe(24)
    expect(report.targets.map((target: {result: string}) => target.result)).not.toContain('n/a')
  }, 120_000)
})
