/**
 * `--format github`: workflow commands and the job summary, through the
 * built CLI.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from './helpers.js'
import {ADVICE, SAFE, UNSAFE_LINE, gitRepo} from './ci-helpers.js'

/** Parse `::level k=v,k=v::message` lines. */
function commands(stdout: string) {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line)
      expect(match, line).not.toBeNull()
      const properties = Object.fromEntries(match![2].split(',').map((pair) => pair.split('=') as [string, string]))
      return {level: match![1], properties, message: match![3]}
    })
}

describe('--format github', () => {
  it('prints one workflow command per message with position, title and escaping', async () => {
    const cwd = gitRepo({
      'site/posts/a,b:c.md': ADVICE,
      'site/posts/b.md': SAFE + '\n' + UNSAFE_LINE + '\n\nThis pre-workout is 100% safe for everyone.\n\nResearch shows creatine boosts strength by 20% in eight weeks.\n'
    })
    const result = await runCli(
      ['posts', '--format', 'github', '--rule', 'uncited-claim=info', '--rule', 'medical-disclaimer=error'],
      {cwd: path.join(cwd, 'site'), env: {GITHUB_STEP_SUMMARY: ''}}
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const list = commands(result.stdout)
    const missing = list.find((command) => command.properties.title === 'fitlint (medical-disclaimer)')!
    expect(missing).toEqual({
      level: 'error',
      properties: {
        file: 'site/posts/a%2Cb%3Ac.md',
        line: '1',
        col: '3',
        endLine: '1',
        endColumn: '10',
        title: 'fitlint (medical-disclaimer)'
      },
      message: expect.stringMatching(/^Health page has no medical disclaimer.*%0Ahttps:\/\/github\.com\/fitlint\/fitlint\/blob\/main\/rules\/medical-disclaimer\/README\.md$/)
    })
    const unsafe = list.find((command) => command.properties.title === 'fitlint (unsafe-advice)')!
    expect(unsafe).toMatchObject({level: 'warning', properties: {file: 'site/posts/b.md', line: '7', col: '1', endLine: '7', endColumn: '44'}})
    expect(list.some((command) => command.level === 'notice' && command.properties.title === 'fitlint (uncited-claim)')).toBe(true)
    expect(list.some((command) => command.properties.title === 'fitlint (overclaim)' && command.message.includes('100%25 safe'))).toBe(true)
    expect(result.stdout).not.toMatch(/[^%]100% /)
  })

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY with counts per rule and the messages', async () => {
    const files: Record<string, string> = {}
    for (let index = 1; index <= 12; index++) files[`posts/p${String(index).padStart(2, '0')}.md`] = ADVICE
    files['posts/unsafe.md'] = SAFE + '\n' + UNSAFE_LINE + '\n'
    const cwd = tempDir(files)
    const summary = path.join(cwd, 'summary.md')
    fs.writeFileSync(summary, '# Earlier step\n\n')
    const result = await runCli(['posts', '--format', 'github'], {
      cwd,
      env: {GITHUB_STEP_SUMMARY: summary, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/articles', GITHUB_SHA: 'abc123'}
    })
    expect(result.code).toBe(0)
    // 13 warnings: GitHub would only show 10 of them as annotations...
    expect(commands(result.stdout).filter((command) => command.level === 'warning')).toHaveLength(13)
    const text = fs.readFileSync(summary, 'utf8')
    // ...the summary has them all.
    expect(text.startsWith('# Earlier step\n\n## fitlint\n')).toBe(true)
    expect(text).toContain('**0 errors, 13 warnings, 0 notices** in 13 files (13 with messages).')
    expect(text).toContain('| Rule | Errors | Warnings | Notices |')
    expect(text).toContain('| [`medical-disclaimer`](https://github.com/fitlint/fitlint/blob/main/rules/medical-disclaimer/README.md) | 0 | 12 | 0 |')
    expect(text).toContain('| [`unsafe-advice`](https://github.com/fitlint/fitlint/blob/main/rules/unsafe-advice/README.md) | 0 | 1 | 0 |')
    expect(text).toContain('- [`posts/p01.md:1`](https://github.com/acme/articles/blob/abc123/posts/p01.md#L1) **warning** Health page has no medical disclaimer')
    expect(text).toContain('- [`posts/unsafe.md:7`](https://github.com/acme/articles/blob/abc123/posts/unsafe.md#L7) **warning** Unsafe advice')
    expect(text).toContain('at most 10 annotations of each level')
  })

  it('prints nothing and summarises a clean run', async () => {
    const cwd = tempDir({'a.md': SAFE})
    const summary = path.join(cwd, 'summary.md')
    const result = await runCli(['a.md', '--format', 'github'], {cwd, env: {GITHUB_STEP_SUMMARY: summary}})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(fs.readFileSync(summary, 'utf8')).toBe('## fitlint\n\n**0 errors, 0 warnings, 0 notices** in 1 file.\n\n')
  })
})
