/**
 * The bin's startup snapshot (scripts/snapshot.mjs, src/cli/snapshot.ts,
 * scripts/bin-loader.js): the build writes one for this Node, the bin starts
 * from it, and whatever way the bin starts, a run gives the same output.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {BIN, ROOT, runCli, tempDir} from './helpers.js'

const CLI = path.join(ROOT, 'dist/src/cli')
const BLOB = path.join(CLI, 'fitlint.blob')
const USUAL = {FITLINT_NO_SNAPSHOT: '1'}
const ADVICE = '# Leg day\n\nPush through the pain. Studies show squats cure back pain.\n\nNumbness in your arm is normal.\n'

/** Runs that must be the same through the snapshot and the usual start. */
const CASES: Array<{name: string; args: string[]; stdin?: string; files?: Record<string, string>}> = [
  {name: 'the fixtures, JSON', args: ['fixtures', '--no-config', '--format', 'json']},
  {name: 'stylish report, exit 1', args: ['a.md'], files: {'a.md': ADVICE}},
  {name: 'stdin', args: ['--stdin', '--stdin-filename', 'x.mdx'], stdin: ADVICE},
  {name: 'a JavaScript (ES module) config', args: ['a.md'], files: {'a.md': ADVICE, '.fitlintrc.mjs': "export default {rules: {'unsafe-advice': 'off'}}\n"}},
  {name: 'a CommonJS config', args: ['a.md'], files: {'a.md': ADVICE, '.fitlintrc.cjs': "module.exports = {rules: {'overclaim': 'info'}}\n"}},
  {name: 'worker threads', args: ['.', '--concurrency', '2', '--format', 'json'], files: {'a.md': ADVICE, 'b.md': ADVICE, 'c.txt': ADVICE}},
  {name: 'a usage error (exit 2)', args: ['--format', 'nope', 'a.md']},
  {name: '--version', args: ['--version']},
  {name: '--help', args: ['--help']},
  {name: '--explain', args: ['--explain', 'unsafe-advice']}
]

describe('startup snapshot', () => {
  it('is written by the build for this Node, machine and folder', () => {
    const stamp = JSON.parse(fs.readFileSync(BLOB + '.json', 'utf8'))
    const {size, mtimeMs} = fs.statSync(BLOB)
    expect(stamp).toEqual({node: process.version, arch: process.arch, platform: process.platform, dir: CLI, size, mtimeMs})
    expect(size).toBeGreaterThan(1_000_000)
  })

  it.runIf(process.platform === 'linux')('is what the bin starts from', async () => {
    // The bin waits on stdin; meanwhile its child must be a snapshot start.
    const child = spawn(process.execPath, [BIN, '--stdin'], {env: {...process.env, NODE_OPTIONS: ''}})
    let children = ''
    for (let attempt = 0; attempt < 100 && !children.includes('--snapshot-blob'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      children = fs
        .readdirSync(`/proc/${child.pid}/task`)
        .flatMap((task) => fs.readFileSync(`/proc/${child.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean))
        .map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '))
        .join('\n')
    }

    child.stdin.end('Push through the pain.\n')
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(children).toContain(`--snapshot-blob ${BLOB} `)
    expect(code).toBe(0)
  })

  for (const {name, args, stdin, files} of CASES) {
    it(`gives the same output as the usual start: ${name}`, async () => {
      const cwd = files ? tempDir(files) : ROOT
      const fast = await runCli(args, {cwd, stdin, env: {NODE_OPTIONS: ''}})
      const usual = await runCli(args, {cwd, stdin, env: USUAL})
      expect(fast).toEqual(usual)
      expect(fast.stdout.length + fast.stderr.length).toBeGreaterThan(0)
    })
  }

  it('falls back to the usual start when the snapshot does not fit', async () => {
    // Copies of dist/ with a blob that is not the one the stamp describes
    // (Node would abort on it) and with a stamp for another Node version:
    // the bin starts as usual.
    const copy = tempDir()
    fs.cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), {recursive: true, filter: (source) => !source.endsWith('.blob')})
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'))
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
    const cli = path.join(copy, 'dist/src/cli')
    const blob = path.join(cli, 'fitlint.blob')
    fs.writeFileSync(blob, 'not a snapshot')
    const stamp = {node: process.version, arch: process.arch, platform: process.platform, dir: cli, size: 1000, mtimeMs: fs.statSync(blob).mtimeMs}
    const cwd = tempDir({'a.md': ADVICE})
    const run = (bin: string, env: Record<string, string>) =>
      new Promise<{code: number | null; stdout: string}>((resolve) => {
        const child = spawn(process.execPath, [bin, 'a.md', '--format', 'json'], {cwd, env: {...process.env, NO_COLOR: '1', ...env}})
        let stdout = ''
        child.stdout.on('data', (chunk) => (stdout += chunk))
        child.on('close', (code) => resolve({code, stdout}))
      })
    const usual = await run(BIN, USUAL)
    expect(usual.code).toBe(1)
    for (const wrong of [{size: 1000}, {node: 'v0.0.1', size: fs.statSync(blob).size}]) {
      fs.writeFileSync(blob + '.json', JSON.stringify({...stamp, ...wrong}))
      expect(await run(path.join(cli, 'bin.js'), {NODE_OPTIONS: ''})).toEqual(usual)
    }

    fs.unlinkSync(path.join(copy, 'node_modules'))
  })
})
