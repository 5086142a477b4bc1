/**
 * Selecting files for CI: `--changed-since REF`, `--changed-lines` and
 * `--shard K/N`, through the built CLI, in temporary git repositories.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from './helpers.js'
import {ADVICE, SAFE, UNSAFE_LINE, git, gitRepo, write} from './ci-helpers.js'

async function paths(args: string[], cwd: string): Promise<string[]> {
  const result = await runCli([...args, '--format', 'json'], {cwd})
  expect(result.stderr).toBe('')
  expect(result.code).toBeLessThan(2)
  return JSON.parse(result.stdout).map((file: {path: string}) => file.path)
}

describe('--changed-since', () => {
  it('lints files changed since a ref: committed, staged, unstaged and untracked', async () => {
    const cwd = gitRepo({
      'posts/committed.md': SAFE,
      'posts/staged.md': SAFE,
      'posts/unstaged.md': SAFE,
      'posts/same.md': SAFE,
      'posts/deleted.md': SAFE,
      'posts/renamed.md': SAFE + '\nSleep well.\n',
      'posts/ignored.md': SAFE,
      '.fitlintignore': 'posts/ignored.md\n'
    })
    git(cwd, 'switch', '-q', '-c', 'feature')
    write(cwd, 'posts/committed.md', SAFE + '\n' + UNSAFE_LINE + '\n')
    git(cwd, 'rm', '-q', 'posts/deleted.md')
    git(cwd, 'mv', 'posts/renamed.md', 'posts/moved.md')
    git(cwd, 'commit', '-q', '-am', 'edit')
    write(cwd, 'posts/staged.md', SAFE + '\nStaged line.\n')
    git(cwd, 'add', 'posts/staged.md')
    write(cwd, 'posts/unstaged.md', SAFE + '\nUnstaged line.\n')
    write(cwd, 'posts/new.md', ADVICE)
    write(cwd, 'posts/ignored.md', ADVICE)
    write(cwd, 'notes.json', '{}')

    expect(await paths(['posts', '--changed-since', 'main'], cwd)).toEqual([
      'posts/committed.md',
      'posts/moved.md',
      'posts/new.md',
      'posts/staged.md',
      'posts/unstaged.md'
    ])
    // Patterns still apply: a folder, a glob.
    expect(await paths(['posts/new.md', '--changed-since', 'main'], cwd)).toEqual(['posts/new.md'])
    expect(await paths(['posts/*ed.md', '--changed-since', 'main'], cwd)).toEqual(['posts/committed.md', 'posts/moved.md', 'posts/staged.md', 'posts/unstaged.md'])
    // From a subfolder, paths stay relative to the working folder.
    expect(await paths(['committed.md', 'new.md', 'same.md', '--changed-since', 'main'], path.join(cwd, 'posts'))).toEqual([
      'committed.md',
      'new.md'
    ])
  })

  it('compares with the merge base, so later commits on the ref do not count', async () => {
    const cwd = gitRepo({'a.md': SAFE, 'b.md': SAFE})
    git(cwd, 'switch', '-q', '-c', 'feature')
    write(cwd, 'a.md', SAFE + '\nMine.\n')
    git(cwd, 'commit', '-q', '-am', 'feature work')
    git(cwd, 'switch', '-q', 'main')
    write(cwd, 'b.md', SAFE + '\nTheirs.\n')
    git(cwd, 'commit', '-q', '-am', 'main moved on')
    git(cwd, 'switch', '-q', 'feature')
    expect(await paths(['.', '--changed-since', 'main'], cwd)).toEqual(['a.md'])
  })

  it('reports only added or edited lines with --changed-lines, but document-level rules for the whole file', async () => {
    const old = ADVICE + '\n' + UNSAFE_LINE + '\n\nKeep going.\n'
    const cwd = gitRepo({'a.md': old, 'b.md': ADVICE})
    git(cwd, 'switch', '-q', '-c', 'feature')
    write(cwd, 'a.md', old.replace('Keep going.', 'Keep going.\n\nPush through the pain on every rep.'))
    const result = await runCli(['.', '--changed-since', 'main', '--changed-lines', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    const [file] = JSON.parse(result.stdout)
    expect(file.path).toBe('a.md')
    const messages = file.messages.map((message: {ruleId: string; line: number}) => `${message.line} ${message.ruleId}`)
    // The old unsafe line (5) is not reported; the new one (9) is; the
    // missing disclaimer (a document-level rule, on line 1) still is.
    expect(messages).toEqual(['1 medical-disclaimer', '9 unsafe-advice'])
    const all = await runCli(['.', '--changed-since', 'main', '--format', 'json'], {cwd})
    expect(JSON.parse(all.stdout)[0].messages.map((message: {line: number}) => message.line)).toEqual([1, 5, 9])

    // Untracked files: every line is new.
    write(cwd, 'c.md', SAFE + '\n' + UNSAFE_LINE + '\n')
    const untracked = await runCli(['c.md', '--changed-since', 'main', '--changed-lines', '--format', 'json'], {cwd})
    expect(JSON.parse(untracked.stdout)[0].messages.map((message: {ruleId: string}) => message.ruleId)).toEqual(['unsafe-advice'])
  })

  it('works from a folder reached through a symlink', async () => {
    const cwd = gitRepo({'posts/a.md': SAFE, 'posts/b.md': SAFE})
    write(cwd, 'posts/b.md', SAFE + '\n' + UNSAFE_LINE + '\n')
    const link = path.join(tempDir(), 'link')
    fs.symlinkSync(cwd, link)
    expect(await paths(['posts', '--changed-since', 'HEAD'], link)).toEqual(['posts/b.md'])
    const lines = await runCli(['posts', '--changed-since', 'HEAD', '--changed-lines', '--format', 'sarif'], {cwd: link})
    const [result] = JSON.parse(lines.stdout).runs[0].results
    expect(result.ruleId).toBe('unsafe-advice')
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('posts/b.md')
  })

  it('exits 0 with nothing to lint when nothing changed', async () => {
    const cwd = gitRepo({'a.md': ADVICE})
    const result = await runCli(['.', '--changed-since', 'HEAD'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('fitlint: no changed files to lint since `HEAD`\n')
    const sarif = await runCli(['.', '--changed-since', 'HEAD', '--format', 'sarif', '--quiet'], {cwd})
    expect(sarif.stderr).toBe('')
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([])
  })

  it('exits 2 outside a git repository, for a bad ref, and for --changed-lines alone', async () => {
    const outside = tempDir({'a.md': ADVICE})
    const notRepo = await runCli(['.', '--changed-since', 'main'], {cwd: outside, env: {GIT_CEILING_DIRECTORIES: path.dirname(outside)}})
    expect(notRepo.code).toBe(2)
    expect(notRepo.stderr).toContain('--changed-since needs a git repository')
    const cwd = gitRepo({'a.md': ADVICE})
    const bad = await runCli(['.', '--changed-since', 'no-such-branch'], {cwd})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('`no-such-branch` is not a commit, branch or tag in this repository')
    const lines = await runCli(['.', '--changed-lines'], {cwd})
    expect(lines.code).toBe(2)
    expect(lines.stderr).toContain('--changed-lines needs --changed-since REF')
  })
})

describe('--stdin-filename', () => {
  it('skips stdin quietly when .fitlintignore lists its path', async () => {
    const cwd = tempDir({'.fitlintignore': 'drafts/\n'})
    const ignored = await runCli(['--stdin', '--stdin-filename', 'drafts/b.md'], {cwd, stdin: ADVICE})
    expect(ignored).toEqual({code: 0, stdout: '', stderr: ''})
    const linted = await runCli(['--stdin', '--stdin-filename', 'posts/b.md'], {cwd, stdin: ADVICE})
    expect(linted.stdout).toContain('Health page has no medical disclaimer')
  })
})

describe('--shard', () => {
  it('puts every file in exactly one shard, the same way from any folder', async () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 30; index++) files[`posts/${index % 3}/article-${index}.md`] = SAFE
    const cwd = gitRepo(files)
    const all = await paths(['posts'], cwd)
    expect(all).toHaveLength(30)
    const shards = [await paths(['posts', '--shard', '1/3'], cwd), await paths(['posts', '--shard', '2/3'], cwd), await paths(['posts', '--shard', '3/3'], cwd)]
    expect(shards.flat().sort()).toEqual([...all].sort())
    for (const shard of shards) expect(shard.length).toBeGreaterThan(3)
    // Output order within a shard follows the full run's order.
    for (const shard of shards) expect(shard).toEqual(all.filter((file) => shard.includes(file)))
    // Stable: hashed on the path from the repository root, whatever the working folder.
    const fromSub = await paths(['.', '--shard', '2/3'], path.join(cwd, 'posts'))
    expect(fromSub.map((file) => 'posts/' + file)).toEqual(shards[1])
    expect(await paths(['posts', '--shard', '2/3'], cwd)).toEqual(shards[1])
    expect(await paths(['posts', '--shard', '1/1'], cwd)).toEqual(all)
  })

  it('rejects bad values with exit 2', async () => {
    const cwd = tempDir({'a.md': SAFE})
    for (const value of ['0/3', '4/3', '1/0', 'a/b', '2', '-1/3']) {
      const result = await runCli(['a.md', `--shard=${value}`], {cwd})
      expect(result.code, value).toBe(2)
      expect(result.stderr, value).toContain('--shard')
    }

    const stdin = await runCli(['--stdin', '--shard', '1/2'], {cwd, stdin: SAFE})
    expect(stdin.code).toBe(2)
    expect(fs.existsSync(path.join(cwd, '.fitlintcache'))).toBe(false)
  })
})
