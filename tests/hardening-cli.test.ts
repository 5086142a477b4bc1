/**
 * The built CLI on hostile folders: a folder mixing pathological and normal
 * articles is linted file by file (one clear message for a file that cannot
 * be linted, the rest goes on); files are never changed; no stack traces;
 * reports are written atomically or not at all; unreadable files, symlink
 * loops and bad --output-file paths get clear errors and the documented exit
 * codes (0 clean, 1 lint errors, 2 usage/config error or crash).
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {BIN, runCli, tempDir, type CliResult} from './helpers.js'
import {ADVICE, DEEP, HOSTILE} from './data/hostile/cases.js'

const temps: string[] = []
function folder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir()
  temps.push(dir)
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), content)
  }

  return dir
}

/** Paths under `dir`, not following symlinks (`readdirSync` with `recursive` follows them, and these folders have loops). */
function walk(dir: string, prefix = ''): string[] {
  const names: string[] = []
  for (const entry of fs.readdirSync(path.join(dir, prefix), {withFileTypes: true})) {
    const name = path.join(prefix, entry.name)
    names.push(name)
    if (entry.isDirectory()) {
      try {
        names.push(...walk(dir, name))
      } catch {}
    }
  }

  return names.sort()
}

afterAll(() => {
  for (const dir of temps) {
    // Undo chmods so the folder can be removed.
    try {
      fs.chmodSync(dir, 0o755)
      for (const name of walk(dir)) if (!fs.lstatSync(path.join(dir, name)).isSymbolicLink()) fs.chmodSync(path.join(dir, name), 0o755)
    } catch {}

    fs.rmSync(dir, {recursive: true, force: true})
  }
})

const STACK = /\n\s+at [^\n]*:\d+:\d+|\bat file:\/\//

function expectNoStack(result: CliResult) {
  expect(result.stdout, 'stdout has no stack trace').not.toMatch(STACK)
  expect(result.stderr, 'stderr has no stack trace').not.toMatch(STACK)
}

interface JsonFile {
  path: string
  messages: Array<{ruleId?: string; reason: string; fatal?: boolean | null; line?: number; column?: number}>
}

function parseJson(result: CliResult): JsonFile[] {
  try {
    return JSON.parse(result.stdout) as JsonFile[]
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout.slice(0, 500)}\n${result.stderr.slice(0, 500)}`)
  }
}

/** Hash of every file under `dir` (names and bytes), to prove nothing changed. */
function tree(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const name of walk(dir)) {
    const full = path.join(dir, name)
    const stats = fs.lstatSync(full)
    result[name] = stats.isFile() ? createHash('sha256').update(fs.readFileSync(full)).digest('hex') : stats.isSymbolicLink() ? 'link' : 'dir'
  }

  return result
}

const NORMAL: Record<string, string> = {
  'normal/leg-day.md': '# Leg day\n\nThis article is general information, not medical advice.\n\nSquat twice a week. ' + ADVICE + '\n',
  'normal/leg-day.html': '<h1>Leg day</h1><p>Squat twice a week. Take 5000 mg of vitamin C daily.</p>',
  'normal/leg-day.txt': 'Leg day\n\nSquat twice a week. Creatine cures diabetes.\n'
}

/** Hostile cases small enough for a CLI run in CI, plus two big ones. */
const CLI_CASES = HOSTILE.filter((hostile) => {
  const content = hostile.content()
  return content.length < 50_000 || hostile.name === 'word-500k.md' || hostile.name === 'line-words-1m.txt'
})

describe('a folder mixing hostile and normal articles', () => {
  let cwd: string
  let before: Record<string, string>
  let runs: CliResult[]

  beforeAll(async () => {
    const files: Record<string, string | Uint8Array> = {...NORMAL}
    for (const hostile of CLI_CASES) files['hostile/' + hostile.name] = hostile.content()
    cwd = folder(files)
    before = tree(cwd)
    runs = await Promise.all([
      runCli(['.', '--format', 'json'], {cwd}),
      runCli(['.', '--format', 'json', '--concurrency', '2'], {cwd})
    ])
  }, 120_000)

  it('exits 1 (some files cannot be linted), reports every file, prints no stack trace', () => {
    for (const result of runs) {
      expectNoStack(result)
      expect(result.stderr).toBe('')
      expect(result.code).toBe(1)
      const report = parseJson(result)
      expect(report.map((file) => file.path).sort()).toEqual(
        [...Object.keys(NORMAL), ...CLI_CASES.map((hostile) => 'hostile/' + hostile.name)].sort()
      )
    }
  })

  it('each hostile file gets a sensible result or exactly one clear fatal message', () => {
    const report = parseJson(runs[0])
    for (const hostile of CLI_CASES) {
      const file = report.find((entry) => entry.path === 'hostile/' + hostile.name)!
      const fatal = file.messages.filter((message) => message.fatal === true)
      for (const message of file.messages) expect(message.reason, hostile.name).not.toMatch(/Internal error|Maximum call stack/)
      if (hostile.expect.kind === 'fatal') {
        expect(file.messages, hostile.name).toHaveLength(1)
        expect(fatal[0]?.reason, hostile.name).toMatch(hostile.expect.reason)
      } else {
        expect(fatal, hostile.name).toEqual([])
        const encoding = file.messages.filter((message) => message.ruleId === 'encoding')
        expect(encoding.length, hostile.name).toBe(hostile.expect.kind === 'encoding' ? 1 : 0)
      }

      const ids = file.messages.map((message) => message.ruleId)
      for (const id of hostile.still ?? []) expect(ids, `${hostile.name} still reports ${id}`).toContain(id)
    }
  })

  it('normal files get the same messages as when linted alone', async () => {
    const alone = parseJson(await runCli(['normal', '--format', 'json'], {cwd}))
    const report = parseJson(runs[0])
    for (const file of alone) {
      expect(file.messages.length, file.path).toBeGreaterThan(0)
      expect(report.find((entry) => entry.path === file.path)?.messages, file.path).toEqual(file.messages)
    }
  })

  it('results do not depend on the run or on --concurrency', () => {
    expect(runs[1].stdout).toBe(runs[0].stdout)
  })

  it('no file is changed, added or removed', () => {
    expect(tree(cwd)).toEqual(before)
  })
})

describe.concurrent('symlinks', () => {
  it('a loop to a parent folder (`ln -s .. loop`) is not followed: each file is linted once, under its real path', async () => {
    const cwd = folder({'posts/a.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('..', path.join(cwd, 'posts/loop'))
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expectNoStack(result)
    expect(result.code).toBe(0)
    expect(parseJson(result).map((file) => file.path)).toEqual(['posts/a.md'])
  })

  it('a symlinked article is linted under its link name; the article is not changed', async () => {
    const cwd = folder({'real/a.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('real/a.md', path.join(cwd, 'posts-a.md'))
    const before = tree(cwd)
    const result = await runCli(['posts-a.md', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    expect(parseJson(result)[0].messages.some((message) => message.ruleId === 'unsafe-advice')).toBe(true)
    expect(tree(cwd)).toEqual(before)
  })

  it('a loop through symlinks ends, exit 0, no stack trace', async () => {
    const cwd = folder({'posts/a.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('..', path.join(cwd, 'posts/loop'))
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expectNoStack(result)
    expect(result.code).toBe(0)
    expect(parseJson(result).every((file) => /^posts\/(?:loop\/posts\/)*a\.md$/.test(file.path))).toBe(true)
  })

  it('a loop to the same folder (`ln -s . self`) is not followed: each file is linted once', async () => {
    const cwd = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('.', path.join(cwd, 'self'))
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    expect(parseJson(result).map((file) => file.path)).toEqual(['a.md'])
  })

  it('a dangling symlink in a folder is skipped with a warning; the rest is linted', async () => {
    const cwd = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('missing.md', path.join(cwd, 'dangling.md'))
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expect(result.stderr).not.toContain('no files match')
    expect(parseJson(result).some((file) => file.path === 'a.md')).toBe(true)
    expect(result.stderr).toBe('fitlint: skipped `dangling.md`: a symlink to `missing.md`, which does not exist\n')
    expect(result.code).toBe(0)
  })

  it('two symlink loops (`self -> .` and `sub/up -> ..`) are not followed: the walk ends fast, each file once', async () => {
    const cwd = folder({'sub/a.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('.', path.join(cwd, 'self'))
    fs.symlinkSync('..', path.join(cwd, 'sub/up'))
    const timed = await runWithTimeout(['.', '--format', 'json'], cwd, 30_000)
    expect(timed.timedOut).toBe(false)
    expect(timed.code).toBe(0)
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expect(parseJson(result).map((file) => file.path)).toEqual(['sub/a.md'])
  }, 60_000)

  it('a file reached through a symlinked folder and directly is linted once, under its real path', async () => {
    const cwd = folder({'real/a.md': '# Leg day\n\n' + ADVICE + '\n', 'other/b.md': '# Leg day\n'})
    // `a-link` sorts before `real`, and is still not the name reported.
    fs.symlinkSync('real', path.join(cwd, 'a-link'))
    fs.symlinkSync('../real/a.md', path.join(cwd, 'other/a.md'))
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    expect(parseJson(result).map((file) => file.path)).toEqual(['other/b.md', 'real/a.md'])
  })

  it('globs find files as a folder walk does: a dangling link is skipped with one warning, a FIFO is not read, a file is linted once under its own path', async () => {
    const cwd = folder({'sub/b.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('missing.md', path.join(cwd, 'dangling.md'))
    fs.symlinkSync('sub/b.md', path.join(cwd, 'link.md'))
    const {execFileSync} = await import('node:child_process')
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')])
    const timed = await runWithTimeout(['*.md', '**/*.md'], cwd, 15_000)
    expect(timed.timedOut).toBe(false)
    const result = await runCli(['*.md', '**/*.md', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('fitlint: skipped `dangling.md`: a symlink to `missing.md`, which does not exist\n')
    expect(parseJson(result).map((file) => file.path)).toEqual(['sub/b.md'])
  }, 60_000)

  it('a link to a parent of the folder given is not followed (files outside it are not linted)', async () => {
    const cwd = folder({'posts/a.md': '# Leg day\n\n' + ADVICE + '\n', 'other/b.md': '# Leg day\n'})
    fs.symlinkSync('..', path.join(cwd, 'posts/loop'))
    const result = await runCli(['posts', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    expect(parseJson(result).map((file) => file.path)).toEqual(['posts/a.md'])
  })

  it('a symlinked folder outside the walk is linted under its link name', async () => {
    const outside = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n'})
    const cwd = folder({'b.md': '# Leg day\n'})
    fs.symlinkSync(outside, path.join(cwd, 'shared'))
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    expect(parseJson(result).map((file) => file.path)).toEqual(['b.md', 'shared/a.md'])
  })
})

describe('a closed pipe', () => {
  it('`fitlint … | head` (the reader closes stdout early): the run stops quietly, no EPIPE stack trace', async () => {
    const {spawn} = await import('node:child_process')
    // 60 articles of JSON messages: far more than a pipe buffer holds.
    const files: Record<string, string> = {}
    for (let index = 0; index < 60; index++) files[`a${index}.md`] = ADVICE.repeat(20)
    const cwd = folder(files)
    const child = spawn(process.execPath, [BIN, '.', '--format', 'json'], {cwd, stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /)
    expect([0, 1]).toContain(code)
  }, 60_000)
})

describe.concurrent.skipIf(process.platform === 'win32')('FIFOs', () => {
  it('a FIFO named *.md in a folder is skipped (only regular files are linted); the run ends', async () => {
    const cwd = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n'})
    const {execFileSync} = await import('node:child_process')
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')])
    const timed = await runWithTimeout(['.', '--format', 'json'], cwd, 15_000)
    expect(timed.timedOut).toBe(false)
    expect(timed.code).toBe(0)
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expect(parseJson(result).map((file) => file.path)).toEqual(['a.md'])
  }, 60_000)

  it('a FIFO named .fitlintignore (in the folder or above it) is a clear error with exit 2, not a hang', async () => {
    const cwd = folder({'sub/a.md': '# Leg day\n\n' + ADVICE + '\n'})
    const {execFileSync} = await import('node:child_process')
    execFileSync('mkfifo', [path.join(cwd, '.fitlintignore')])
    for (const target of ['.', 'sub/a.md']) {
      const timed = await runWithTimeout([target, '--format', 'json'], cwd, 15_000)
      expect(timed.timedOut).toBe(false)
      expect(timed.code).toBe(2)
      expect(timed.stderr).toContain('fitlint: cannot read ignore file .fitlintignore: not a regular file')
    }
  }, 60_000)

  it('a FIFO named on the command line is read, like --stdin (`fitlint <(cat draft.md)`)', async () => {
    const cwd = folder({})
    const {execFileSync} = await import('node:child_process')
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')])
    const running = runCli(['pipe.md', '--format', 'json'], {cwd})
    // Opening for writing waits for the reader (the CLI).
    await fs.promises.writeFile(path.join(cwd, 'pipe.md'), '# Leg day\n\n' + ADVICE + '\n')
    const result = await running
    expectNoStack(result)
    expect(result.code).toBe(0)
    const report = parseJson(result)
    expect(report.map((file) => file.path)).toEqual(['pipe.md'])
    expect(report[0].messages.some((message) => message.ruleId === 'unsafe-advice')).toBe(true)
  }, 60_000)
})

describe.concurrent('unreadable files', () => {
  const isRoot = process.getuid?.() === 0

  it.skipIf(isRoot || process.platform === 'win32')('chmod 000: one fatal message for that file, the rest is linted, exit 1', async () => {
    const cwd = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n', 'secret.md': ADVICE})
    fs.chmodSync(path.join(cwd, 'secret.md'), 0o000)
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expectNoStack(result)
    expect(result.code).toBe(1)
    const report = parseJson(result)
    expect(report.find((file) => file.path === 'a.md')?.messages.some((message) => message.ruleId === 'unsafe-advice')).toBe(true)
    const secret = report.find((file) => file.path === 'secret.md')!
    expect(secret.messages).toHaveLength(1)
    expect(secret.messages[0].fatal).toBe(true)
  })

  it.skipIf(isRoot || process.platform === 'win32')('an unreadable sub-folder does not stop the run', async () => {
    const cwd = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n', 'locked/b.md': ADVICE})
    fs.chmodSync(path.join(cwd, 'locked'), 0o000)
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expectNoStack(result)
    expect(parseJson(result).some((file) => file.path === 'a.md')).toBe(true)
  })

  it('a `.fitlintignore` that cannot be read (a folder): exit 2 naming it, no stack trace, no report', async () => {
    const cwd = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n', 'sub/b.md': ADVICE, 'sub/.fitlintignore/x': ''})
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expectNoStack(result)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('fitlint: cannot read ignore file sub/.fitlintignore: EISDIR\n')
    expect(result.stdout).toBe('')
  })

  // Root reads anything, so a read error is made with a link to /proc/self/mem (EIO at offset 0).
  const canFakeEio = process.platform === 'linux' && fs.existsSync('/proc/self/mem')

  it.runIf(canFakeEio)('a read error (EIO) is one fatal message for that file; the rest is linted; exit 1', async () => {
    const cwd = folder({'a.md': '# Leg day\n\n' + ADVICE + '\n'})
    fs.symlinkSync('/proc/self/mem', path.join(cwd, 'broken.md'))
    const result = await runCli(['.', '--format', 'json'], {cwd})
    expectNoStack(result)
    expect(result.code).toBe(1)
    const report = parseJson(result)
    expect(report.find((file) => file.path === 'a.md')?.messages.some((message) => message.ruleId === 'unsafe-advice')).toBe(true)
    const broken = report.find((file) => file.path === 'broken.md')!
    expect(broken.messages).toHaveLength(1)
    expect(broken.messages[0].fatal).toBe(true)
  })

  it.runIf(canFakeEio)('a read error says what went wrong (`Cannot read file: EIO: …`), with source `fitlint`', async () => {
    const cwd = folder({})
    fs.symlinkSync('/proc/self/mem', path.join(cwd, 'broken.md'))
    const [message] = parseJson(await runCli(['.', '--format', 'json'], {cwd}))[0].messages as Array<JsonFile['messages'][number] & {source?: string}>
    expect(message.reason).toMatch(/EIO|i\/o error|cannot read/i)
    expect(message.source).toBe('fitlint')
    expect(message.reason).toBe('Cannot read file: EIO: i/o error, read')
    expect(message.fatal).toBe(true)
  })
})

describe.concurrent('--output-file', () => {
  const article = {'a.md': '# Leg day\n\n' + ADVICE + '\n'}

  /** Files in `dir` other than the article: reports and temporary files. */
  const extra = (dir: string) => walk(dir).filter((name) => name !== 'a.md' && !name.startsWith('sub'))

  it('writes the whole report and leaves no temporary file', async () => {
    const cwd = folder(article)
    const stdout = await runCli(['a.md', '--format', 'json'], {cwd})
    const result = await runCli(['a.md', '--format', 'json', '--output-file', 'report.json'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(fs.readFileSync(path.join(cwd, 'report.json'), 'utf8').trim()).toBe(stdout.stdout.trim())
    expect(extra(cwd)).toEqual(['report.json'])
  })

  it('replaces an existing report (same inode never half-written)', async () => {
    const cwd = folder({...article, 'report.json': 'old report'})
    const result = await runCli(['a.md', '--format', 'json', '-o', 'report.json'], {cwd})
    expect(result.code).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'report.json'), 'utf8'))[0].path).toBe('a.md')
    expect(extra(cwd)).toEqual(['report.json'])
  })

  const cases: Array<[string, (cwd: string) => string, (cwd: string) => string]> = [
    ['a missing folder', () => 'missing/deeper/report.json', (cwd) => `fitlint: cannot write --output-file \`${path.join(cwd, 'missing/deeper/report.json')}\`: folder \`${path.join(cwd, 'missing/deeper')}\` does not exist`],
    ['a folder', (cwd) => (fs.mkdirSync(path.join(cwd, 'sub')), 'sub'), (cwd) => `fitlint: cannot write --output-file \`${path.join(cwd, 'sub')}\`: it is a folder`],
    ['a path through a file', () => 'a.md/report.json', (cwd) => `fitlint: cannot write --output-file \`${path.join(cwd, 'a.md/report.json')}\`: \`${path.join(cwd, 'a.md')}\` is not a folder`]
  ]

  it.each(cases)('into %s: exit 2, a clear message, nothing written', async (_name, target, message) => {
    const cwd = folder(article)
    const output = target(cwd)
    const before = tree(cwd)
    const result = await runCli(['a.md', '-o', output], {cwd})
    expectNoStack(result)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message(cwd))
    expect(result.stdout).toBe('')
    expect(tree(cwd)).toEqual(before)
  })

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('into a read-only folder: exit 2, a clear message, no temporary file', async () => {
    const cwd = folder(article)
    fs.mkdirSync(path.join(cwd, 'ro'))
    fs.chmodSync(path.join(cwd, 'ro'), 0o555)
    const result = await runCli(['a.md', '-o', 'ro/report.json'], {cwd})
    expectNoStack(result)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/cannot write --output-file .*EACCES/)
    expect(fs.readdirSync(path.join(cwd, 'ro'))).toEqual([])
  })

  it('a broken config: exit 2 and no report file', async () => {
    const cwd = folder({...article, '.fitlintrc.json': '{"rules": {"nope": "warn"}}'})
    const result = await runCli(['a.md', '-o', 'report.json'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`rules.nope`: unknown rule id `nope`')
    expect(extra(cwd)).toEqual(['.fitlintrc.json'])
  })
})

describe.concurrent('--cache survives a damaged cache file', () => {
  const damaged: Array<[string, string]> = [
    ['garbage', 'not json at all \u0000\u0001'],
    ['truncated', '{"format":"fitlint-cache","schema":1,"version":"0.1.0","strings":["a"'],
    ['wrong shapes', '{"format":"fitlint-cache","schema":1,"version":"0.1.0","strings":5,"files":[1,2,3]}']
  ]
  const files = {'a.md': '# Leg day\n\n' + ADVICE + '\n', 'b.html': '<p>Creatine cures diabetes.</p>'}
  let plain: CliResult

  beforeAll(async () => {
    plain = await runCli(['.', '--format', 'json'], {cwd: folder(files)})
    expect(plain.code).toBe(1)
  })

  it.each(damaged)('%s: ignored and rebuilt, same report as without a cache', async (_name, content) => {
    const cwd = folder(files)
    fs.writeFileSync(path.join(cwd, '.fitlintcache'), content)
    const cached = await runCli(['.', '--format', 'json', '--cache'], {cwd})
    expectNoStack(cached)
    expect(cached.code).toBe(plain.code)
    // Reports carry their folder (`cwd`): compare without it.
    const same = (result: CliResult) => parseJson(result).map(({path, messages}) => ({path, messages}))
    expect(same(cached)).toEqual(same(plain))
    // Rebuilt: valid JSON now, and a second run replays the same report.
    expect(() => JSON.parse(fs.readFileSync(path.join(cwd, '.fitlintcache'), 'utf8'))).not.toThrow()
    const replay = await runCli(['.', '--format', 'json', '--cache'], {cwd})
    expect(same(replay)).toEqual(same(plain))
  })
})

describe.concurrent('no crash in a CLI run: deep nesting, a bad custom rule phrase', () => {
  it('a deeply nested file gets one clear fatal message (nested too deeply) and the run exits 1; other files are linted', async () => {
    const cwd = folder({'deep.md': DEEP.blockquote5000(), 'deep.html': DEEP.divs10000(), 'ok.md': '# Leg day\n\n' + ADVICE + '\n'})
    const result = await runCli(['.', '--format', 'json'], {cwd})
    const report = parseJson(result)
    expect(report.find((file) => file.path === 'ok.md')?.messages.length).toBeGreaterThan(0)
    for (const file of report) {
      for (const message of file.messages) expect(message.reason).not.toMatch(/Internal error|Maximum call stack/)
    }

    expect(result.code).toBe(1)
  })

  it('a custom rule phrase with bad syntax is a config error at load time: exit 2, the file, the key and a hint; no "Internal error"', async () => {
    const cwd = folder({
      'a.md': '# Leg day\n\n' + ADVICE + '\n',
      '.fitlintrc.json': JSON.stringify({customRules: [{id: 'house/x', phrases: ['(unclosed'], message: 'm'}]})
    })
    const result = await runCli(['a.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`fitlint: config error in ${path.join(cwd, '.fitlintrc.json')}: \`customRules[0].phrases`)
    expect(result.stderr).toContain('invalid phrase `(unclosed`')
    expect(result.stderr).toContain('\n  hint: ')
    expect(result.stdout).not.toContain('Internal error')
  })
})

describe('memory', () => {
  it('12,000 links in one paragraph fit in a 512 MB heap: every file is reported', async () => {
    const {SLOW} = await import('./data/hostile/cases.js')
    const cwd = folder({'links.md': SLOW.linkFarm12k(), 'ok.md': '# Leg day\n\n' + ADVICE + '\n'})
    const result = await runCli(['.', '--format', 'json'], {cwd, env: {NODE_OPTIONS: '--max-old-space-size=512'}})
    expect(result.stderr).not.toContain('heap out of memory')
    expect(parseJson(result).map((file) => file.path).sort()).toEqual(['links.md', 'ok.md'])
  }, 120_000)
})

async function runWithTimeout(args: string[], cwd: string, ms: number): Promise<{code: number | null; timedOut: boolean; stderr: string}> {
  const {spawn} = await import('node:child_process')
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {cwd, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve({code: null, timedOut: true, stderr})
    }, ms)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, timedOut: false, stderr})
    })
  })
}

