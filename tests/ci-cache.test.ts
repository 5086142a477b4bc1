/**
 * `--cache` / `--cache-location`, through the built CLI: unchanged files are
 * replayed from the cache (identically), changed content, config, version or
 * date invalidate them, broken caches are rebuilt, writes are atomic.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from './helpers.js'
import {ADVICE, SAFE, UNSAFE_LINE, articles} from './ci-helpers.js'

const REVIEWED =
  '---\ntitle: Leg day\nauthor: Sam Lee, DPT\npublished: 2023-01-01\nlast_reviewed: 2023-06-01\n---\n\n# Leg day\n\nThis is general information, not medical advice.\n\nSquat twice a week. Take creatine every day.\n'

async function timed(...args: Parameters<typeof runCli>) {
  const start = performance.now()
  const result = await runCli(...args)
  return {...result, ms: performance.now() - start}
}

function readCache(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

describe('--cache', () => {
  it('reruns an unchanged 120-file folder in well under half the time, with identical output', async () => {
    const cwd = articles(120, 3000, 'ci-cache')
    // Big reports go through files: runCli's stdout is not for 100s of KB.
    const report = (name: string) => fs.readFileSync(path.join(cwd, name), 'utf8')
    const plain = await runCli(['articles', '--format', 'json', '--output-file', 'plain.json'], {cwd})
    const first = await timed(['articles', '--cache', '--format', 'json', '--output-file', 'first.json'], {cwd})
    const second = await timed(['articles', '--cache', '--format', 'json', '--output-file', 'second.json'], {cwd})
    expect(first.stderr).toBe('')
    expect(second.stderr).toBe('')
    expect(JSON.parse(report('first.json'))).toHaveLength(120)
    expect(report('first.json')).toBe(report('plain.json'))
    expect(report('second.json')).toBe(report('first.json'))
    expect(second.code).toBe(first.code)
    expect(first.code).toBe(plain.code)
    expect(second.ms, `first ${Math.round(first.ms)} ms, rerun ${Math.round(second.ms)} ms`).toBeLessThan(first.ms / 2)
    expect(fs.readdirSync(cwd).sort()).toEqual(['.fitlintcache', 'articles', 'first.json', 'plain.json', 'second.json'])
  }, 120_000)

  it('replays stored messages, and lints again when the content or config changes', async () => {
    const cwd = tempDir({
      'a.md': ADVICE,
      'b.md': SAFE + '\n' + UNSAFE_LINE + '\n',
      'broken.mdx': '# Hi\n\n<Callout>\nunclosed\n',
      'info.md': SAFE + '\nResearch shows creatine boosts strength by 20% in eight weeks.\n',
      '.fitlintrc.json': JSON.stringify({rules: {'uncited-claim': 'info'}})
    })
    const args = ['.', '--cache', '--format', 'json']
    const first = await runCli(args, {cwd})
    expect(first.code).toBe(1)
    const report = JSON.parse(first.stdout)
    const fatal = report.flatMap((file: {messages: Array<{fatal?: boolean}>}) => file.messages.map((message) => message.fatal))
    expect(fatal).toEqual(expect.arrayContaining([true, false, undefined]))
    const again = await runCli(args, {cwd})
    expect(again.stdout).toBe(first.stdout)
    expect(again.code).toBe(1)

    // Prove the replay: a doctored cache entry is what gets reported.
    const cacheFile = path.join(cwd, '.fitlintcache')
    const cache = readCache(cacheFile)
    const index = cache.strings.findIndex((text: string) => text.startsWith('Health page has no medical disclaimer'))
    expect(index).toBeGreaterThan(-1)
    cache.strings[index] = 'FROM THE CACHE'
    fs.writeFileSync(cacheFile, JSON.stringify(cache))
    expect((await runCli(['a.md', '--cache'], {cwd})).stdout).toContain('FROM THE CACHE')

    // New content: linted again.
    fs.appendFileSync(path.join(cwd, 'a.md'), '\nRest on Sundays.\n')
    const edited = await runCli(['a.md', '--cache'], {cwd})
    expect(edited.stdout).not.toContain('FROM THE CACHE')
    expect(edited.stdout).toContain('Health page has no medical disclaimer')

    // New config: linted again.
    fs.writeFileSync(path.join(cwd, '.fitlintrc.json'), JSON.stringify({rules: {'uncited-claim': 'info', 'medical-disclaimer': 'error'}}))
    const strict = await runCli(['a.md', '--cache'], {cwd})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('error Health page has no medical disclaimer')
  })

  it('ignores and rebuilds a corrupt or other-version cache', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const cacheFile = path.join(cwd, '.fitlintcache')
    const expected = (await runCli(['a.md', '--format', 'json'], {cwd})).stdout
    for (const broken of ['{not json', '[]', JSON.stringify({format: 'fitlint-cache', schema: 1, version: '0.0.0-old', strings: ['OLD'], files: {}}), '\u0000\u0001']) {
      fs.writeFileSync(cacheFile, broken)
      const result = await runCli(['a.md', '--cache', '--format', 'json'], {cwd})
      expect(result.stdout).toBe(expected)
      expect(result.stderr).toBe('')
      const rebuilt = readCache(cacheFile)
      expect(rebuilt.format).toBe('fitlint-cache')
      expect(rebuilt.version).toMatch(/^\d+\.\d+\.\d+/)
      expect(rebuilt.version).not.toBe('0.0.0-old')
      expect(Object.keys(rebuilt.files)).toEqual([path.join(cwd, 'a.md')])
    }

    // An entry from another fitlint version is not replayed.
    const cache = readCache(cacheFile)
    cache.version = '0.0.0-old'
    cache.strings = cache.strings.map((text: string) => (text.startsWith('Health page') ? 'STALE' : text))
    fs.writeFileSync(cacheFile, JSON.stringify(cache))
    expect((await runCli(['a.md', '--cache'], {cwd})).stdout).not.toContain('STALE')
    expect(fs.readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('writes to --cache-location (a file, or a folder), and keys date-dependent results by day', async () => {
    const cwd = tempDir({'a.md': ADVICE, 'r.md': REVIEWED, 'cache-folder/.keep': ''})
    expect((await runCli(['a.md', '--cache', '--cache-location', 'build/lint/cache.json'], {cwd})).code).toBe(0)
    expect(readCache(path.join(cwd, 'build/lint/cache.json')).format).toBe('fitlint-cache')
    expect((await runCli(['a.md', '--cache', '--cache-location', 'cache-folder'], {cwd})).code).toBe(0)
    expect(readCache(path.join(cwd, 'cache-folder/.fitlintcache')).format).toBe('fitlint-cache')
    expect(fs.existsSync(path.join(cwd, '.fitlintcache'))).toBe(false)

    // review-metadata judges dates against today: a new day is a new key.
    const stale = await runCli(['r.md', '--cache'], {cwd, env: {SOURCE_DATE_EPOCH: '1767225600'}})
    expect(stale.stdout).toContain('more than 24 months ago')
    const earlier = await runCli(['r.md', '--cache'], {cwd, env: {SOURCE_DATE_EPOCH: '1704067200'}})
    expect(earlier.stdout).toContain('r.md: no issues found')
  })

  it('is not used for --stdin', async () => {
    const cwd = tempDir()
    const result = await runCli(['--stdin', '--stdin-filename', 'a.md', '--cache'], {cwd, stdin: ADVICE})
    expect(result.stdout).toContain('Health page has no medical disclaimer')
    expect(fs.existsSync(path.join(cwd, '.fitlintcache'))).toBe(false)
  })
})
