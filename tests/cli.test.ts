/**
 * The built `fitlint` bin, run as a user runs it.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli as run, tempDir} from './helpers.js'

/** Run the CLI; collapse the reporter's column padding for readable asserts. */
async function runCli(...args: Parameters<typeof run>) {
  const result = await run(...args)
  return {...result, stdout: result.stdout.replace(/ {2,}/g, ' ')}
}

const ADVICE = '# Leg day\n\nSquat twice a week. Take creatine every day. Eat more protein and sleep eight hours.\n'
const SAFE = '# Leg day\n\nThis is general information, not medical advice.\n\nSquat twice a week. Take creatine every day.\n'
const MISSING = '1:3-1:10 warning Health page has no medical disclaimer.'

describe('fitlint CLI', () => {
  it('lints a folder of articles in every format and exits 0 on warnings', async () => {
    const cwd = tempDir({
      'posts/a.md': ADVICE,
      'posts/b.mdx': "import X from './x'\n\n" + ADVICE,
      'posts/c.html': '<article><h1>Leg day</h1><p>Squat twice a week. Take creatine every day. Eat more protein.</p></article>',
      'posts/d.txt': 'Leg day\nSquat twice a week. Take creatine every day. Eat more protein.\n',
      'posts/notes.json': '{}',
      'node_modules/pkg/readme.md': ADVICE
    })
    const result = await runCli(['posts'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('posts/a.md\n' + MISSING)
    expect(result.stdout).toContain('posts/b.mdx\n3:3-3:10 warning Health page has no medical disclaimer.')
    expect(result.stdout).toContain('posts/c.html\n1:14-1:21 warning')
    expect(result.stdout).toContain('posts/d.txt\n1:1-1:8 warning')
    expect(result.stdout).not.toContain('node_modules')
    expect(result.stdout).not.toContain('notes.json')
    expect(result.stdout).toContain('⚠ 4 warnings')
  })

  it('prints the vfile-reporter-json shape with --format json', async () => {
    const cwd = tempDir({'a.md': ADVICE, 'b.md': SAFE})
    const result = await runCli(['a.md', 'b.md', '--format', 'json'], {cwd})
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.map((file: {path: string}) => file.path)).toEqual(['a.md', 'b.md'])
    expect(report[1].messages).toEqual([])
    const [message] = report[0].messages
    expect(message).toMatchObject({
      ruleId: 'medical-disclaimer',
      source: 'fitlint',
      fatal: false,
      place: {start: {line: 1, column: 3, offset: 2}, end: {line: 1, column: 10, offset: 9}},
      url: 'https://github.com/fitlint/fitlint/blob/main/rules/medical-disclaimer/README.md'
    })
    expect(message.reason).toMatch(/^Health page has no medical disclaimer/)
    expect(message.note).toMatch(/health advice/)
    expect(message.expected).toEqual([
      'This article is general information, not medical advice. Check with your doctor before starting a new exercise or diet plan.'
    ])
  })

  it('writes the report to --output-file atomically, and fails clearly for a missing folder', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const ok = await runCli(['a.md', '--format', 'json', '--output-file', 'report.json'], {cwd})
    expect(ok.code).toBe(0)
    expect(ok.stdout).toBe('')
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'report.json'), 'utf8'))[0].path).toBe('a.md')
    expect(fs.readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([])

    const bad = await runCli(['a.md', '--output-file', 'missing/report.txt'], {cwd})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('folder `' + path.join(cwd, 'missing') + '` does not exist')
  })

  it('reads --stdin with --stdin-filename', async () => {
    const cwd = tempDir()
    const result = await runCli(['--stdin', '--stdin-filename', 'post.md'], {cwd, stdin: ADVICE})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('post.md\n' + MISSING)
    const html = await runCli(['--stdin', '--stdin-filename', 'post.html', '--format', 'json'], {cwd, stdin: '<p>Squat.</p>'})
    expect(JSON.parse(html.stdout)[0].messages).toEqual([])
  })

  it('turns rules off, on and up with --rule, and errors exit 1', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const off = await runCli(['a.md', '--rule', 'medical-disclaimer=off'], {cwd})
    expect(off.code).toBe(0)
    expect(off.stdout).toContain('a.md: no issues found')
    const error = await runCli(['a.md', '--rule', 'medical-disclaimer=error'], {cwd})
    expect(error.code).toBe(1)
    expect(error.stdout).toContain('1:3-1:10 error Health page')
    const bad = await runCli(['a.md', '--rule', 'medical-disclaimer=loud'], {cwd})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('invalid --rule `medical-disclaimer=loud`')
    const typo = await runCli(['a.md', '--rule', 'medical-disclaimr=off'], {cwd})
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('did you mean `medical-disclaimer`?')
    // Each --rule takes one value: files may follow it.
    const before = await runCli(['--rule', 'medical-disclaimer=off', '--rule=uncited-claim=off', 'a.md'], {cwd})
    expect(before.code).toBe(0)
    expect(before.stdout).toContain('a.md: no issues found')
  })

  it('honours --quiet and --max-warnings', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const quiet = await runCli(['a.md', '--quiet', '--max-warnings', '0'], {cwd})
    expect(quiet.code).toBe(0)
    expect(quiet.stdout).not.toContain('warning')
    const strict = await runCli(['a.md', '--max-warnings', '0'], {cwd})
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('1 warnings; --max-warnings is 0')
    const enough = await runCli(['a.md', '--max-warnings', '1'], {cwd})
    expect(enough.code).toBe(0)
  })

  it('uses .fitlintrc, --config, --no-config and --print-config', async () => {
    const cwd = tempDir({
      'a.md': ADVICE,
      '.fitlintrc.json': JSON.stringify({rules: {'medical-disclaimer': 'error'}}),
      'other.yml': 'rules:\n  medical-disclaimer: off\n'
    })
    expect((await runCli(['a.md'], {cwd})).code).toBe(1)
    const other = await runCli(['a.md', '--config', 'other.yml'], {cwd})
    expect(other.code).toBe(0)
    expect(other.stdout).toContain('no issues found')
    const none = await runCli(['a.md', '--no-config'], {cwd})
    expect(none.code).toBe(0)
    expect(none.stdout).toContain('warning')
    const printed = await runCli(['--print-config', 'a.md'], {cwd})
    expect(printed.code).toBe(0)
    expect(JSON.parse(printed.stdout).rules['medical-disclaimer']).toEqual({severity: 'error', options: {}})
    const missing = await runCli(['a.md', '--config', 'nope.json'], {cwd})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot find config file `nope.json`')
  })

  it('exits 2 with the file, key and a hint for a broken config', async () => {
    const cwd = tempDir({'a.md': ADVICE, '.fitlintrc.json': '{"rules": {"medical-disclaimr": "off"}}'})
    const result = await runCli(['a.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `fitlint: config error in ${path.join(cwd, '.fitlintrc.json')}: \`rules.medical-disclaimr\`: unknown rule id \`medical-disclaimr\`\n  hint: did you mean \`medical-disclaimer\`?\n`
    )
    expect(result.stdout).toBe('')
    fs.writeFileSync(path.join(cwd, '.fitlintrc.json'), '{"rules": ')
    const syntax = await runCli(['a.md'], {cwd})
    expect(syntax.code).toBe(2)
    expect(syntax.stderr).toContain('.fitlintrc.json: invalid JSON: Unexpected end of JSON input')
    fs.writeFileSync(path.join(cwd, '.fitlintrc.json'), '{"rules": {\n  "medical-disclaimer": "off",\n}}')
    const comma = await runCli(['a.md'], {cwd})
    expect(comma.code).toBe(2)
    expect(comma.stderr).toMatch(/\.fitlintrc\.json: invalid JSON: .* at line 3, column 1/)
  })

  it('skips .fitlintignore entries quietly, even when named explicitly', async () => {
    const cwd = tempDir({'a.md': ADVICE, 'drafts/b.md': ADVICE, '.fitlintignore': 'drafts/\n'})
    const named = await runCli(['drafts/b.md'], {cwd})
    expect(named.code).toBe(0)
    expect(named.stdout).toBe('')
    const folder = await runCli(['.'], {cwd})
    expect(folder.stdout).toContain('a.md')
    expect(folder.stdout).not.toContain('drafts')
    const custom = await runCli(['.', '--ignore-path', 'custom-ignore'], {cwd: tempDir({'a.md': ADVICE, 'custom-ignore': 'a.md\n', 'c.md': SAFE})})
    expect(custom.stdout).not.toContain('a.md')
    expect(custom.stdout).toContain('c.md')
  })

  it('.fitlintignore patterns are relative to its own folder (as .gitignore), from any working folder', async () => {
    const cwd = tempDir({
      '.fitlintignore': 'posts/drafts/\n/top.md\n',
      'top.md': ADVICE,
      'posts/a.md': ADVICE,
      'posts/top.md': ADVICE,
      'posts/drafts/b.md': ADVICE
    })
    const sub = path.join(cwd, 'posts')
    const fromSub = await runCli(['.', '--format', 'json'], {cwd: sub})
    expect(fromSub.code).toBe(0)
    // `/top.md` is anchored at the ignore file's folder: posts/top.md is linted.
    expect((JSON.parse(fromSub.stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['a.md', 'top.md'])
    const named = await runCli(['drafts/b.md'], {cwd: sub})
    expect(named).toEqual({code: 0, stdout: '', stderr: ''})
    const stdin = await runCli(['--stdin', '--stdin-filename', 'drafts/c.md'], {cwd: sub, stdin: ADVICE})
    expect(stdin).toEqual({code: 0, stdout: '', stderr: ''})
    const fromTop = await runCli(['.', '--format', 'json'], {cwd})
    expect((JSON.parse(fromTop.stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['posts/a.md', 'posts/top.md'])
  })

  it('--ignore-path patterns are relative to the working folder', async () => {
    const cwd = tempDir({'ignores/site.ignore': '/drafts/\n', 'posts/a.md': ADVICE, 'posts/drafts/b.md': ADVICE, 'drafts/c.md': ADVICE})
    const fromSub = await runCli(['.', '--format', 'json', '--ignore-path', '../ignores/site.ignore'], {cwd: path.join(cwd, 'posts')})
    expect((JSON.parse(fromSub.stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['a.md'])
    const fromTop = await runCli(['.', '--format', 'json', '--ignore-path', 'ignores/site.ignore'], {cwd})
    expect((JSON.parse(fromTop.stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['posts/a.md', 'posts/drafts/b.md'])
  })

  it('exits 2 when a path or glob matches nothing', async () => {
    const cwd = tempDir({'a.md': ADVICE})
    const missing = await runCli(['nope.md'], {cwd})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no files match `nope.md`')
    const glob = await runCli(['posts/**/*.md'], {cwd})
    expect(glob.code).toBe(2)
    expect(glob.stderr).toContain('no files to lint in `posts/**/*.md`')
    const none = await runCli([], {cwd})
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no files given')
  })

  it('reports unreadable, binary and broken files for that file only, without changing them', async () => {
    const cwd = tempDir({
      'good.md': ADVICE,
      'broken.mdx': '# Hi\n\n<Callout>\nunclosed\n',
      'binary.md': 'PK\u0000\u0003\u0004\u0000\u0000\u0000\u0000binary',
      'bad-front.md': '---\ntitle: [oops\n---\n\n' + ADVICE
    })
    const before = Object.fromEntries(fs.readdirSync(cwd).map((name) => [name, fs.readFileSync(path.join(cwd, name))]))
    const result = await runCli(['.'], {cwd})
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('broken.mdx\n3:1 error Cannot parse MDX: Expected a closing tag for `<Callout>` (3:1-3:10)')
    expect(result.stdout).toContain('binary.md\n error Cannot lint: this looks like a binary file, not text')
    expect(result.stdout).toMatch(/bad-front\.md\n1:1-3:4 +warning Cannot parse YAML front matter/)
    expect(result.stdout).toContain('good.md\n' + MISSING)
    expect(result.stdout).not.toMatch(/\n\s+at /)
    for (const [name, content] of Object.entries(before)) {
      expect(fs.readFileSync(path.join(cwd, name)).equals(content), name).toBe(true)
    }
  })

  it('explains a rule, prints version and help', async () => {
    const explain = await runCli(['--explain', 'medical-disclaimer'])
    expect(explain.code).toBe(0)
    expect(explain.stdout).toMatch(/^# medical-disclaimer\n/)
    const unknown = await runCli(['--explain', 'nope'])
    expect(unknown.code).toBe(2)
    const version = await runCli(['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    for (const flag of ['--format', '--output-file', '--stdin', '--stdin-filename', '--quiet', '--max-warnings', '--rule', '--config', '--ignore-path', '--print-config', '--explain']) {
      expect(help.stdout).toContain(flag)
    }
  })

  it('rejects unknown flags and bad values with exit 2', async () => {
    const unknown = await runCli(['a.md', '--frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unknown argument: frobnicate')
    const format = await runCli(['a.md', '--format', 'xml'])
    expect(format.code).toBe(2)
    expect(format.stderr).toContain('Invalid values')
  })
})
