/**
 * Writing reports and caches atomically must not replace what the path is:
 * a symlink stays a symlink, and a FIFO or device (`/dev/null`,
 * `/dev/stdout`) is written to, never renamed over.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from './helpers.js'
import {ADVICE} from './ci-helpers.js'

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0

describe('--output-file and the cache on special paths', () => {
  it.skipIf(!hasMkfifo)('writes into a FIFO instead of replacing it', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const fifo = path.join(cwd, 'report.fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const reader = spawn('cat', [fifo])
    let read = ''
    reader.stdout.on('data', (chunk) => (read += chunk))
    const closed = new Promise((resolve) => reader.on('close', resolve))
    const timer = setTimeout(() => reader.kill(), 20_000)
    const result = await runCli(['a.md', '--format', 'json', '--output-file', 'report.fifo'], {cwd})
    await closed
    clearTimeout(timer)
    expect(result.code).toBe(0)
    expect(JSON.parse(read)[0].path).toBe('a.md')
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true)
    expect(fs.readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('follows a symlink and keeps it', async () => {
    const cwd = tempDir({'a.md': ADVICE, 'out/real.json': '[]', 'cache/real-cache': ''})
    fs.symlinkSync(path.join(cwd, 'out/real.json'), path.join(cwd, 'report.json'))
    fs.symlinkSync(path.join(cwd, 'cache/real-cache'), path.join(cwd, 'linked-cache'))
    const result = await runCli(['a.md', '--format', 'json', '--output-file', 'report.json', '--cache', '--cache-location', 'linked-cache'], {cwd})
    expect(result.code).toBe(0)
    expect(fs.lstatSync(path.join(cwd, 'report.json')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'out/real.json'), 'utf8'))[0].path).toBe('a.md')
    expect(fs.lstatSync(path.join(cwd, 'linked-cache')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'cache/real-cache'), 'utf8')).format).toBe('fitlint-cache')
  })
})
