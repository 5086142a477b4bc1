/**
 * `--concurrency` (worker threads: same results, same order as serial) and
 * progress on a terminal, through the built CLI.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {BIN, runCli, tempDir} from './helpers.js'
import {ADVICE, UNSAFE_LINE, articles, write} from './ci-helpers.js'

function mixedFolder(): string {
  const cwd = articles(40, 2000, 'ci-workers')
  write(cwd, 'articles/broken.mdx', '# Hi\n\n<Callout>\nunclosed\n')
  write(cwd, 'articles/binary.md', 'PK\u0000\u0003\u0004\u0000\u0000\u0000\u0000binary')
  write(cwd, 'articles/house/bro.md', ADVICE + '\nThat is bro science, but ' + UNSAFE_LINE.toLowerCase() + '\n')
  write(
    cwd,
    '.fitlintrc.json',
    JSON.stringify({
      rules: {'uncited-claim': 'info'},
      overrides: [{files: ['articles/house/**'], rules: {'medical-disclaimer': 'error'}}],
      customRules: [{id: 'house/bro-science', phrases: ['bro science'], message: 'Say what the evidence is instead of “{match}”.', severity: 'warn'}]
    })
  )
  return cwd
}

describe('--concurrency', () => {
  it('gives the same report, in the same order, as a serial run', async () => {
    const cwd = mixedFolder()
    // Big reports go through files: runCli's stdout is not for 100s of KB.
    const run = async (name: string, ...args: string[]) => {
      const result = await runCli(['articles', '--output-file', name, ...args], {cwd})
      expect(result.stderr).toBe('')
      return {code: result.code, report: fs.readFileSync(path.join(cwd, name), 'utf8')}
    }

    const serial = await run('serial.json', '--format', 'json')
    expect(JSON.parse(serial.report).length).toBe(43)
    expect(serial.report).toContain('house/bro-science')
    expect(serial.report).toContain('Cannot parse MDX')

    for (const concurrency of ['2', '3', 'auto']) {
      const parallel = await run(`parallel-${concurrency}.json`, '--format', 'json', '--concurrency', concurrency)
      expect(parallel.code).toBe(serial.code)
      expect(parallel.report, `--concurrency ${concurrency}`).toBe(serial.report)
    }

    const sarifSerial = await run('serial.sarif', '--format', 'sarif')
    const sarifParallel = await run('parallel.sarif', '--format', 'sarif', '--concurrency', '2', '--cache')
    expect(sarifParallel.report).toBe(sarifSerial.report)
    // And replayed from the cache the workers filled.
    expect((await run('cached.sarif', '--format', 'sarif', '--cache')).report).toBe(sarifSerial.report)
  }, 120_000)

  it('rejects bad values with exit 2', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    for (const value of ['0', 'x', '1.5', '-2']) {
      const result = await runCli(['a.md', `--concurrency=${value}`], {cwd})
      expect(result.code, value).toBe(2)
      expect(result.stderr, value).toContain('invalid --concurrency')
    }
  })
})

const hasScript = spawnSync('script', ['--version']).status === 0

describe('progress', () => {
  /** Run the CLI with stdout and stderr on a pseudo-terminal (util-linux `script`). */
  function onTerminal(args: string[], cwd: string, env: Record<string, string | undefined>): string {
    const command = [process.execPath, BIN, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ')
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd,
      encoding: 'utf8',
      env: {...process.env, TERM: 'xterm', NO_COLOR: '1', ...env}
    })
    return result.stdout
  }

  it.skipIf(!hasScript)('shows files done / total on a terminal, and never in CI or when piped', async () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 12; index++) files[`posts/p${index}.md`] = ADVICE
    const cwd = tempDir(files)
    const terminal = onTerminal(['posts', '--output-file', 'report.txt'], cwd, {CI: undefined})
    expect(terminal).toContain('fitlint: 1/12 files')
    expect(terminal).toContain('\r\u001B[2Kfitlint: 12/12 files')
    // The line is cleared at the end.
    expect(terminal.endsWith('\r\u001B[2K')).toBe(true)
    expect(fs.readFileSync(path.join(cwd, 'report.txt'), 'utf8')).toContain('12 warnings')

    expect(onTerminal(['posts', '--output-file', 'report.txt'], cwd, {CI: 'true'})).not.toContain('files')
    const piped = await runCli(['posts'], {cwd, env: {CI: ''}})
    expect(piped.stderr).toBe('')
  })
})
