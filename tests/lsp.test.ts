/**
 * The language server over stdio, as an editor sees it: spawn
 * `node dist/src/lsp/bin.js --stdio`, speak JSON-RPC, check what comes back.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {LspClient, ROOT, SERVER, applyEdits, editsOf, fileUri, makeWorkspace, type Diagnostic} from './fixtures-lsp/client.js'

const FIXTURE = path.join(ROOT, 'tests/fixtures-lsp/workout.md')
const ARTICLE = fs.readFileSync(FIXTURE, 'utf8')
const DISCLAIMER = 'This article is general information, not medical advice.'
const DOCS = 'https://github.com/fitlint/fitlint/blob/main/rules/medical-disclaimer/README.md'

/**
 * These tests follow one rule, medical-disclaimer; every other rule is
 * turned off through the server's settings so that rules added later (and
 * their messages on the fixture) do not change what is asserted here.
 */
const OTHERS_OFF: Record<string, string> = Object.fromEntries(
  builtinRules.filter((rule) => rule.id !== 'medical-disclaimer').map((rule) => [rule.id, 'off'])
)

const clients: LspClient[] = []
const temps: string[] = []

function client(...args: ConstructorParameters<typeof LspClient>): LspClient {
  const created = new LspClient(...args)
  clients.push(created)
  return created
}

/** A temp workspace with `files` (path → content). */
function workspace(files: Record<string, string> = {}): string {
  return makeWorkspace('fitlint-lsp-', temps, files)
}

/** Start a server on a workspace and wait until it is initialized. */
async function started(root: string, initializationOptions: Record<string, unknown> = {}, capabilities?: unknown) {
  const server = client(['--stdio'], {cwd: root})
  const rules = {...OTHERS_OFF, ...(initializationOptions.rules as Record<string, string> | undefined)}
  const result = await server.initialize({rootPath: root, initializationOptions: {debounce: 0, ...initializationOptions, rules}, capabilities})
  return {server, result}
}

const disclaimerDiagnostic = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === 'medical-disclaimer')

beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error('Build first: npm run build (missing ' + SERVER + ')')
})

afterEach(async () => {
  await Promise.all(clients.splice(0).map((each) => each.stop()))
})

afterAll(() => {
  for (const folder of temps) fs.rmSync(folder, {recursive: true, force: true})
})

describe('lifecycle', () => {
  test('initialize announces sync, code actions and hover', async () => {
    const {result} = await started(workspace())
    expect(result.serverInfo.name).toBe('fitlint-language-server')
    expect(result.capabilities.textDocumentSync).toMatchObject({openClose: true, change: 2})
    expect(result.capabilities.codeActionProvider).toEqual({codeActionKinds: ['quickfix']})
    expect(result.capabilities.hoverProvider).toBe(true)
  })

  test('shutdown then exit ends the process with code 0', async () => {
    const {server} = await started(workspace())
    expect(await server.request('shutdown')).toBeNull()
    server.notify('exit')
    expect(await server.exited).toBe(0)
  })

  test('registers file watchers for config and ignore files when the client can', async () => {
    const {server} = await started(workspace())
    await expect.poll(() => server.serverRequests.find((request) => request.method === 'client/registerCapability')).toBeTruthy()
    const registration = server.serverRequests.find((request) => request.method === 'client/registerCapability')
    expect(registration?.params.registrations[0].method).toBe('workspace/didChangeWatchedFiles')
    expect(registration?.params.registrations[0].registerOptions.watchers.map((watcher: {globPattern: string}) => watcher.globPattern)).toEqual([
      '**/.fitlintrc*',
      '**/.fitlintignore',
      '**/package.json'
    ])
  })

  test('--version and --help do not start a server', async () => {
    const {execFileSync} = await import('node:child_process')
    expect(execFileSync(process.execPath, [SERVER, '--version'], {encoding: 'utf8'})).toMatch(/^\d+\.\d+\.\d+/)
    expect(execFileSync(process.execPath, [SERVER, '--help'], {encoding: 'utf8'})).toContain('--stdio')
  })
})

describe('diagnostics', () => {
  test('open: exact range, code, severity, source, docs link and note', async () => {
    const root = workspace({'workout.md': ARTICLE})
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const published = await server.diagnostics(uri, {version: 1})
    expect(published.diagnostics).toHaveLength(1)
    const [diagnostic] = published.diagnostics
    // `# Your first full-body workout` on line 5 (0-based 4): the heading text.
    expect(diagnostic.range).toEqual({start: {line: 4, character: 2}, end: {line: 4, character: 30}})
    expect(diagnostic.code).toBe('medical-disclaimer')
    expect(diagnostic.severity).toBe(2)
    expect(diagnostic.source).toBe('fitlint')
    expect(diagnostic.codeDescription).toEqual({href: DOCS})
    const [reason, note] = diagnostic.message.split('\n')
    expect(reason).toMatch(/^Health page has no medical disclaimer\./)
    expect(note).toMatch(/This page gives health advice/)
  })

  test('change: the diagnostic goes once a disclaimer is added; close clears', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics).toHaveLength(1)

    server.change(uri, 2, ARTICLE + '\n' + DISCLAIMER + '\n')
    expect((await server.diagnostics(uri, {version: 2})).diagnostics).toEqual([])

    server.change(uri, 3, ARTICLE)
    expect((await server.diagnostics(uri, {version: 3})).diagnostics).toHaveLength(1)

    const since = server.notifications.length
    server.close(uri)
    const cleared = await server.diagnostics(uri, {since})
    expect(cleared.diagnostics).toEqual([])
  })

  test('incremental changes are applied', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    await server.diagnostics(uri, {version: 1})
    const lines = ARTICLE.split('\n').length
    server.notify('textDocument/didChange', {
      textDocument: {uri, version: 2},
      contentChanges: [{range: {start: {line: lines - 1, character: 0}, end: {line: lines - 1, character: 0}}, text: '\n' + DISCLAIMER + '\n'}]
    })
    expect((await server.diagnostics(uri, {version: 2})).diagnostics).toEqual([])
  })

  test('rapid edits with a debounce publish only the newest version', async () => {
    const root = workspace()
    const {server} = await started(root, {debounce: 150})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    await server.diagnostics(uri, {version: 1})
    const since = server.notifications.length
    for (let version = 2; version <= 20; version++) {
      server.change(uri, version, version % 2 === 0 ? ARTICLE : ARTICLE + '\n' + DISCLAIMER + '\n')
    }

    const last = await server.diagnostics(uri, {version: 20, since})
    expect(last.diagnostics).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 400))
    const published = server.notifications
      .slice(since)
      .filter((message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri)
    // Debounced: far fewer runs than edits, and nothing older after the newest.
    expect(published.length).toBeLessThan(5)
    expect(published.at(-1)?.params.version).toBe(20)
    const versions = published.map((message) => message.params.version as number)
    expect([...versions].sort((a, b) => a - b)).toEqual(versions)
  })

  test('each format: markdown, mdx, html, plain text', async () => {
    const root = workspace()
    const {server} = await started(root)
    const cases: Array<[string, string, string]> = [
      ['a.mdx', 'mdx', ARTICLE],
      ['a.html', 'html', '<!doctype html>\n<html><body>\n<h1>Squat day</h1>\n<p>Squat three times a week. Keep your heels down and push your knees out. Add 2.5 kg each week.</p>\n</body></html>\n'],
      ['a.txt', 'plaintext', 'Squat three times a week. Keep your heels down and push your knees out. Add 2.5 kg each week.\n\nWarm up for ten minutes. Stretch your hips after.\n']
    ]
    for (const [name, language, text] of cases) {
      const uri = fileUri(path.join(root, name))
      server.open(uri, text, language)
      const published = await server.diagnostics(uri, {version: 1})
      expect(disclaimerDiagnostic(published.diagnostics), name).toHaveLength(1)
    }
  })

  test('documents fitlint does not lint get no diagnostics', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'LICENSE'))
    server.open(uri, ARTICLE, 'plaintext')
    expect((await server.diagnostics(uri, {version: 1})).diagnostics).toEqual([])
    const json = fileUri(path.join(root, 'data.json'))
    server.open(json, '{}', 'json')
    expect((await server.diagnostics(json, {version: 1})).diagnostics).toEqual([])
  })

  test('unsaved (untitled) markdown is linted by language id', async () => {
    const {server} = await started(workspace())
    server.open('untitled:Untitled-1', ARTICLE, 'markdown')
    expect(disclaimerDiagnostic((await server.diagnostics('untitled:Untitled-1', {version: 1})).diagnostics)).toHaveLength(1)
  })
})

describe('code actions', () => {
  async function actionsFor(server: LspClient, uri: string, diagnostic: Diagnostic) {
    return server.request<any[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [diagnostic], only: ['quickfix']}
    })
  }

  /** Apply the action titled `title`, send the result, return the new text and diagnostics. */
  async function apply(server: LspClient, uri: string, text: string, version: number, title: RegExp) {
    const [diagnostic] = disclaimerDiagnostic((await server.diagnostics(uri, {version: version - 1})).diagnostics)
    const actions = await actionsFor(server, uri, diagnostic)
    const action = actions.find((candidate) => title.test(candidate.title))
    expect(action, `no action ${title}; got ${actions.map((each) => each.title).join(', ')}`).toBeTruthy()
    expect(action.edit.documentChanges[0].textDocument.version).toBe(version - 1)
    const next = applyEdits(text, editsOf(action, uri))
    server.change(uri, version, next)
    const published = await server.diagnostics(uri, {version})
    return {text: next, diagnostics: published.diagnostics, action}
  }

  test('offers the fix, disable for the line and for the file', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const [diagnostic] = (await server.diagnostics(uri, {version: 1})).diagnostics
    const actions = await actionsFor(server, uri, diagnostic)
    expect(actions.map((action) => action.title)).toEqual([
      'Insert “This article is general information, not medica…”',
      'Disable medical-disclaimer for this line',
      'Disable medical-disclaimer in this file'
    ])
    expect(actions[0]).toMatchObject({kind: 'quickfix', isPreferred: true})
    expect(actions[0].diagnostics[0].code).toBe('medical-disclaimer')

    // Not asked for quick fixes: none.
    const source = await server.request('textDocument/codeAction', {
      textDocument: {uri},
      range: diagnostic.range,
      context: {diagnostics: [], only: ['source.organizeImports']}
    })
    expect(source).toEqual([])
    // Nowhere near a diagnostic: none.
    const elsewhere = await server.request('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 8, character: 0}, end: {line: 8, character: 3}},
      context: {diagnostics: []}
    })
    expect(elsewhere).toEqual([])
  })

  test('the quick fix inserts the disclaimer after the title and the diagnostic goes', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const {text, diagnostics} = await apply(server, uri, ARTICLE, 2, /^Insert/)
    expect(text).toContain(
      '# Your first full-body workout\n\nThis article is general information, not medical advice. Check with your doctor before starting a new exercise or diet plan.\n\nTrain three'
    )
    expect(diagnostics).toEqual([])
  })

  test('disable for this line: a comment above the line, then no diagnostic', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const {text, diagnostics} = await apply(server, uri, ARTICLE, 2, /for this line/)
    expect(text).toContain('---\n\n<!-- fitlint-disable-next-line medical-disclaimer -->\n# Your first full-body workout\n')
    expect(diagnostics).toEqual([])
  })

  test('disable in this file: a comment after the front matter, then no diagnostic', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const {text, diagnostics} = await apply(server, uri, ARTICLE, 2, /in this file/)
    expect(text.startsWith("---\ntitle: A beginner's full-body workout\n---\n\n<!-- fitlint-disable medical-disclaimer -->\n\n# Your first")).toBe(true)
    expect(diagnostics).toEqual([])
  })

  test('MDX gets {/* */} comments; the fix works there too', async () => {
    const root = workspace()
    const {server} = await started(root)
    const mdx = "import {Callout} from './callout.js'\n\n" + ARTICLE.replace(/^---[\s\S]*?---\n\n/, '')
    const uri = fileUri(path.join(root, 'workout.mdx'))
    server.open(uri, mdx, 'mdx')
    const line = await apply(server, uri, mdx, 2, /for this line/)
    expect(line.text).toContain('\n{/* fitlint-disable-next-line medical-disclaimer */}\n# Your first')
    expect(line.diagnostics).toEqual([])

    server.change(uri, 3, mdx)
    const file = await apply(server, uri, mdx, 4, /in this file/)
    expect(file.text.startsWith("import {Callout} from './callout.js'\n\n{/* fitlint-disable medical-disclaimer */}\n\n# Your first")).toBe(true)
    expect(file.diagnostics).toEqual([])

    server.change(uri, 5, mdx)
    const fix = await apply(server, uri, mdx, 6, /^Insert/)
    expect(fix.diagnostics).toEqual([])
  })

  test('HTML: the disclaimer goes in a <p> after the heading; disable comments with the line indentation', async () => {
    const root = workspace()
    const {server} = await started(root)
    const html =
      '<!doctype html>\n<html>\n<head><title>Squat day</title></head>\n<body>\n  <h1>Squat day</h1>\n  <p>Squat three times a week. Keep your heels down and push your knees out. Add 2.5 kg each week.</p>\n</body>\n</html>\n'
    const uri = fileUri(path.join(root, 'squat.html'))
    server.open(uri, html, 'html')
    const fix = await apply(server, uri, html, 2, /^Insert/)
    expect(fix.text).toContain('  <h1>Squat day</h1>\n  <p>This article is general information, not medical advice.')
    expect(fix.diagnostics).toEqual([])

    server.change(uri, 3, html)
    const line = await apply(server, uri, html, 4, /for this line/)
    expect(line.text).toContain('<body>\n  <!-- fitlint-disable-next-line medical-disclaimer -->\n  <h1>Squat day</h1>')
    expect(line.diagnostics).toEqual([])

    server.change(uri, 5, html)
    const file = await apply(server, uri, html, 6, /in this file/)
    expect(file.text.startsWith('<!doctype html>\n<!-- fitlint-disable medical-disclaimer -->\n<html>')).toBe(true)
    expect(file.diagnostics).toEqual([])
  })

  test('plain text has no comment syntax: only the fix is offered', async () => {
    const root = workspace()
    const {server} = await started(root)
    const text = 'Squat three times a week. Keep your heels down and push your knees out. Add 2.5 kg each week.\n\nWarm up for ten minutes. Stretch your hips after.\n'
    const uri = fileUri(path.join(root, 'plan.txt'))
    server.open(uri, text, 'plaintext')
    const [diagnostic] = (await server.diagnostics(uri, {version: 1})).diagnostics
    const actions = await actionsFor(server, uri, diagnostic)
    expect(actions.map((action) => action.title)).toEqual(['Insert “This article is general information, not medica…”'])
    const fixed = applyEdits(text, editsOf(actions[0], uri))
    server.change(uri, 2, fixed)
    expect((await server.diagnostics(uri, {version: 2})).diagnostics).toEqual([])
  })

  test('clients without documentChanges get plain `changes`', async () => {
    const root = workspace()
    const {server} = await started(root, {}, {workspace: {}, textDocument: {}})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const [diagnostic] = (await server.diagnostics(uri, {version: 1})).diagnostics
    const actions = await actionsFor(server, uri, diagnostic)
    expect(actions[0].edit.changes[uri]).toHaveLength(1)
  })
})

describe('hover', () => {
  test('on the flagged range: rule, summary, why and docs link; elsewhere nothing', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    await server.diagnostics(uri, {version: 1})
    const result = await server.request('textDocument/hover', {textDocument: {uri}, position: {line: 4, character: 10}})
    expect(result.contents.kind).toBe('markdown')
    expect(result.contents.value).toContain('`medical-disclaimer`')
    expect(result.contents.value).toContain('says it is not medical advice')
    expect(result.contents.value).toContain(`[Rule documentation](${DOCS})`)
    expect(result.contents.value).toMatch(/Google/)
    expect(result.range).toEqual({start: {line: 4, character: 2}, end: {line: 4, character: 30}})

    expect(await server.request('textDocument/hover', {textDocument: {uri}, position: {line: 8, character: 4}})).toBeNull()
  })
})

describe('config', () => {
  test('a new .fitlintrc.json turning the rule off clears diagnostics after didChangeWatchedFiles', async () => {
    const root = workspace({'workout.md': ARTICLE})
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics).toHaveLength(1)

    const rc = path.join(root, '.fitlintrc.json')
    fs.writeFileSync(rc, JSON.stringify({rules: {'medical-disclaimer': 'off'}}))
    let since = server.notifications.length
    server.notify('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri(rc), type: 1}]})
    expect((await server.diagnostics(uri, {since})).diagnostics).toEqual([])

    fs.rmSync(rc)
    since = server.notifications.length
    server.notify('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri(rc), type: 3}]})
    expect((await server.diagnostics(uri, {since})).diagnostics).toHaveLength(1)
  })

  test('dependency package.json changes (npm install) do not reload; a burst of events reloads once', async () => {
    const root = workspace()
    const {server} = await started(root, {trace: 'verbose'})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    await server.diagnostics(uri, {version: 1})
    const since = server.notifications.length
    server.notify('workspace/didChangeWatchedFiles', {
      changes: Array.from({length: 50}, (_, index) => ({uri: fileUri(path.join(root, `node_modules/dep${index}/package.json`)), type: 1}))
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(server.notifications.slice(since).filter((message) => message.method === 'textDocument/publishDiagnostics')).toEqual([])

    for (let index = 0; index < 10; index++) {
      server.notify('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri(path.join(root, '.fitlintrc.json')), type: 2}]})
    }

    await server.diagnostics(uri, {since})
    await new Promise((resolve) => setTimeout(resolve, 300))
    const reloads = server.notifications.slice(since).filter((message) => message.method === 'window/logMessage' && /^reloading config/.test(message.params.message))
    expect(reloads).toHaveLength(1)
  })

  test('package.json#fitlint and overrides apply as in the CLI', async () => {
    const root = workspace({
      'package.json': JSON.stringify({name: 'site', fitlint: {overrides: [{files: 'drafts/**', rules: {'medical-disclaimer': 'error'}}]}})
    })
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'drafts/workout.md'))
    server.open(uri, ARTICLE)
    const [diagnostic] = (await server.diagnostics(uri, {version: 1})).diagnostics
    expect(diagnostic.severity).toBe(1)
  })

  test('a broken config gives one clear error naming the file and key; the server keeps serving', async () => {
    const root = workspace({'.fitlintrc.json': JSON.stringify({rules: {'medical-disclaimer': 'sometimes'}})})
    const {server} = await started(root)
    const first = fileUri(path.join(root, 'one.md'))
    const second = fileUri(path.join(root, 'two.md'))
    server.open(first, ARTICLE)
    server.open(second, ARTICLE)
    for (const uri of [first, second]) {
      const {diagnostics} = await server.diagnostics(uri, {version: 1})
      expect(diagnostics).toHaveLength(1)
      expect(diagnostics[0]).toMatchObject({code: 'config', severity: 1, source: 'fitlint'})
      expect(diagnostics[0].message).toContain(path.join(root, '.fitlintrc.json'))
      expect(diagnostics[0].message).toContain('`rules.medical-disclaimer`')
      expect(diagnostics[0].message).toMatch(/invalid severity/)
    }

    // Shown once, not once per document or per keystroke.
    server.change(first, 2, ARTICLE + '\n')
    await server.diagnostics(first, {version: 2})
    const shown = server.notifications.filter((message) => message.method === 'window/showMessage')
    expect(shown).toHaveLength(1)
    expect(shown[0].params.type).toBe(1)
    expect(shown[0].params.message).toContain('.fitlintrc.json')

    // Fixing it brings lint back.
    fs.writeFileSync(path.join(root, '.fitlintrc.json'), JSON.stringify({rules: {'medical-disclaimer': 'error'}}))
    const since = server.notifications.length
    server.notify('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri(path.join(root, '.fitlintrc.json')), type: 2}]})
    const fixed = await server.diagnostics(first, {since})
    expect(fixed.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['medical-disclaimer', 1]])
  })

  test('invalid JSON in the config: one error with the position', async () => {
    const root = workspace({'.fitlintrc': '{"rules": {'})
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const {diagnostics} = await server.diagnostics(uri, {version: 1})
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].message).toMatch(/\.fitlintrc: invalid JSON/)
    expect(await server.request('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 0}})).toBeNull()
  })

  test('.fitlintignore: ignored documents get no diagnostics; editing the ignore file re-lints', async () => {
    const root = workspace({'.fitlintignore': 'drafts/\n'})
    const {server} = await started(root)
    const ignored = fileUri(path.join(root, 'drafts/workout.md'))
    const linted = fileUri(path.join(root, 'posts/workout.md'))
    server.open(ignored, ARTICLE)
    server.open(linted, ARTICLE)
    expect((await server.diagnostics(ignored, {version: 1})).diagnostics).toEqual([])
    expect((await server.diagnostics(linted, {version: 1})).diagnostics).toHaveLength(1)

    fs.writeFileSync(path.join(root, '.fitlintignore'), 'posts/\n')
    const since = server.notifications.length
    server.notify('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri(path.join(root, '.fitlintignore')), type: 2}]})
    expect((await server.diagnostics(ignored, {since})).diagnostics).toHaveLength(1)
    expect((await server.diagnostics(linted, {since})).diagnostics).toEqual([])
  })
})

describe('.fitlintignore in a sub-folder', () => {
  test('its patterns are relative to its own folder, not the workspace folder (as .gitignore)', async () => {
    const root = workspace({'site/.fitlintignore': 'drafts/\n/top.md\n'})
    const {server} = await started(root)
    const ignored = fileUri(path.join(root, 'site/drafts/workout.md'))
    const anchored = fileUri(path.join(root, 'site/top.md'))
    const nested = fileUri(path.join(root, 'site/posts/top.md'))
    const outside = fileUri(path.join(root, 'drafts/workout.md'))
    for (const uri of [ignored, anchored, nested, outside]) server.open(uri, ARTICLE)
    expect((await server.diagnostics(ignored, {version: 1})).diagnostics).toEqual([])
    expect((await server.diagnostics(anchored, {version: 1})).diagnostics).toEqual([])
    expect((await server.diagnostics(nested, {version: 1})).diagnostics).toHaveLength(1)
    expect((await server.diagnostics(outside, {version: 1})).diagnostics).toHaveLength(1)
  })
})

describe('settings', () => {
  test('rule severity overrides from initializationOptions and didChangeConfiguration; enable', async () => {
    const root = workspace()
    const {server} = await started(root, {rules: {'medical-disclaimer': 'error'}})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics[0].severity).toBe(1)

    let since = server.notifications.length
    server.notify('workspace/didChangeConfiguration', {settings: {fitlint: {rules: {...OTHERS_OFF, 'medical-disclaimer': 'info'}}}})
    expect((await server.diagnostics(uri, {since})).diagnostics[0].severity).toBe(3)

    since = server.notifications.length
    server.notify('workspace/didChangeConfiguration', {settings: {fitlint: {rules: {...OTHERS_OFF, 'medical-disclaimer': 'off'}}}})
    expect((await server.diagnostics(uri, {since})).diagnostics).toEqual([])

    since = server.notifications.length
    server.notify('workspace/didChangeConfiguration', {settings: {fitlint: {enable: false, rules: OTHERS_OFF}}})
    await new Promise((resolve) => setTimeout(resolve, 300))
    server.notify('workspace/didChangeConfiguration', {settings: {fitlint: {enable: true, rules: OTHERS_OFF}}})
    expect((await server.diagnostics(uri, {since, test: (params) => params.diagnostics.length === 1})).diagnostics[0].severity).toBe(2)
  })

  test('settings pulled with workspace/configuration when the client supports it', async () => {
    const root = workspace()
    const server = client(['--stdio'], {cwd: root})
    server.configuration = {fitlint: {rules: {...OTHERS_OFF, 'medical-disclaimer': 'error'}, debounce: 0}}
    await server.initialize({rootPath: root, capabilities: {workspace: {configuration: true}}, initializationOptions: {debounce: 0, rules: OTHERS_OFF}})
    const uri = fileUri(path.join(root, 'workout.md'))
    await expect.poll(() => server.serverRequests.some((request) => request.method === 'workspace/configuration')).toBe(true)
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {test: (params) => params.diagnostics[0]?.severity === 1})).diagnostics).toHaveLength(1)
  })
})

describe('workspace trust', () => {
  const jsConfig = (marker: string) =>
    `import fs from 'node:fs'\nfs.writeFileSync(${JSON.stringify(marker)}, 'executed')\nexport default {rules: {'medical-disclaimer': 'off'}}\n`

  test('untrusted: a .fitlintrc.mjs is not executed, and the document says why', async () => {
    const root = workspace()
    const marker = path.join(root, 'executed.txt')
    fs.writeFileSync(path.join(root, '.fitlintrc.mjs'), jsConfig(marker))
    const {server} = await started(root, {trusted: false})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    const {diagnostics} = await server.diagnostics(uri, {version: 1})
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].code).toBe('config')
    expect(diagnostics[0].message).toMatch(/not trusted/)
    expect(diagnostics[0].message).toContain('.fitlintrc.mjs')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(fs.existsSync(marker)).toBe(false)
  })

  test('untrusted: .fitlintrc.js (any JS flavour) is not executed either', async () => {
    const root = workspace({'package.json': JSON.stringify({type: 'module'})})
    const marker = path.join(root, 'executed.txt')
    fs.writeFileSync(path.join(root, '.fitlintrc.js'), jsConfig(marker))
    const {server} = await started(root, {trusted: false})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics[0].code).toBe('config')
    expect(fs.existsSync(marker)).toBe(false)
  })

  test('untrusted: JSON configs still work', async () => {
    const root = workspace({'.fitlintrc.json': JSON.stringify({rules: {'medical-disclaimer': 'error'}})})
    const {server} = await started(root, {trusted: false})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([1])
  })

  test('trusted (the default): the JS config runs (the marker proves the check above is real)', async () => {
    const root = workspace()
    const marker = path.join(root, 'executed.txt')
    fs.writeFileSync(path.join(root, '.fitlintrc.mjs'), jsConfig(marker))
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics).toEqual([])
    expect(fs.existsSync(marker)).toBe(true)
  })

  test('trust cannot be granted by settings', async () => {
    const root = workspace()
    const marker = path.join(root, 'executed.txt')
    fs.writeFileSync(path.join(root, '.fitlintrc.mjs'), jsConfig(marker))
    const {server} = await started(root, {trusted: false})
    server.notify('workspace/didChangeConfiguration', {settings: {fitlint: {trusted: true}}})
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics[0].code).toBe('config')
    expect(fs.existsSync(marker)).toBe(false)
  })
})

describe('resilience', () => {
  test('malformed JSON-RPC gets protocol errors and the server keeps serving', async () => {
    const root = workspace()
    const {server} = await started(root)
    server.writeRaw('{"jsonrpc": "2.0", "id": 5, "method": ')
    server.writeRaw('[1, 2, 3]')
    server.writeRaw('{"jsonrpc": "2.0", "id": 6, "method": 42}')
    server.writeRaw('"just a string"')
    server.writeRaw(Buffer.from([0xff, 0xfe, 0x00, 0x7b]))
    await expect.poll(() => server.strayResponses.length).toBeGreaterThanOrEqual(5)
    expect(server.strayResponses.map((response) => [response.id, response.error?.code])).toEqual([
      [null, -32700],
      [null, -32600],
      [6, -32600],
      [null, -32600],
      [null, -32700]
    ])

    // A header without Content-Length, then a good message.
    server.child.stdin.write('X-Nonsense: yes\r\n\r\n')
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics).toHaveLength(1)
    expect(server.child.exitCode).toBeNull()
  })

  test('unknown methods: MethodNotFound for requests, notifications ignored', async () => {
    const {server} = await started(workspace())
    await expect(server.request('fitlint/doesNotExist', {})).rejects.toMatchObject({code: -32601})
    server.notify('fitlint/alsoUnknown', {})
    server.notify('$/unknownProtocolThing', {})
    expect(await server.request('textDocument/hover', {textDocument: {uri: 'file:///nope.md'}, position: {line: 0, character: 0}})).toBeNull()
  })

  test('edits, closes, hovers and code actions for unopened documents are harmless', async () => {
    const root = workspace()
    const {server} = await started(root)
    const ghost = fileUri(path.join(root, 'ghost.md'))
    server.change(ghost, 2, ARTICLE)
    server.notify('textDocument/didChange', {textDocument: {uri: ghost, version: 3}, contentChanges: [{range: {start: {line: 99, character: 0}, end: {line: 99, character: 5}}, text: 'x'}]})
    server.close(ghost)
    server.notify('textDocument/didOpen', {textDocument: {uri: ghost}})
    server.notify('textDocument/didChange', {})
    expect(await server.request('textDocument/codeAction', {textDocument: {uri: ghost}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}})).toEqual([])
    const uri = fileUri(path.join(root, 'workout.md'))
    server.open(uri, ARTICLE)
    expect((await server.diagnostics(uri, {version: 1})).diagnostics).toHaveLength(1)
    expect(server.notifications.some((message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri === ghost && message.params.diagnostics.length > 0)).toBe(false)
  })

  test('rapid open/close: nothing is published for a closed document after its close', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'workout.md'))
    for (let round = 0; round < 25; round++) {
      server.open(uri, ARTICLE, 'markdown', round + 1)
      if (round % 3 === 0) server.change(uri, round + 100, ARTICLE + '\n')
      server.close(uri)
    }

    const other = fileUri(path.join(root, 'other.md'))
    server.open(other, ARTICLE)
    await server.diagnostics(other, {version: 1})
    await new Promise((resolve) => setTimeout(resolve, 500))
    const forUri = server.notifications.filter((message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri)
    expect(forUri.at(-1)?.params.diagnostics).toEqual([])
  })

  test('a huge document gets one information diagnostic, and the server stays responsive', async () => {
    const root = workspace()
    const {server} = await started(root, {maxFileSize: 1_000_000})
    const uri = fileUri(path.join(root, 'huge.md'))
    const huge = ARTICLE + '\n' + 'Squat deep. '.repeat(100_000)
    server.open(uri, huge)
    const {diagnostics} = await server.diagnostics(uri, {version: 1})
    expect(diagnostics).toEqual([expect.objectContaining({code: 'too-large', severity: 3})])
    expect(await server.request('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 0}})).toBeNull()
  })

  test('a 1 MB single-line document under the limit is linted', async () => {
    const root = workspace()
    const {server} = await started(root)
    const uri = fileUri(path.join(root, 'line.md'))
    server.open(uri, '# Leg day\n\n' + 'Squat deep and keep your heels down. '.repeat(28_000))
    const {diagnostics} = await server.diagnostics(uri, {version: 1, timeout: 20_000})
    expect(diagnostics.some((diagnostic) => diagnostic.code === 'medical-disclaimer')).toBe(true)
  })

  test('a crash while linting one document is reported on that document only', async () => {
    // A trusted JS config whose `frontmatterKeys` option passes validation but
    // throws when the rule uses it: a real crash inside a rule, only for
    // documents with front matter.
    const root = workspace({
      'crash/.fitlintrc.mjs': `class Keys extends Array { some() { throw new Error('boom from a rule') } }\nexport default {rules: {'medical-disclaimer': ['warn', {frontmatterKeys: Keys.from(['disclaimer'])}]}}\n`
    })
    const {server} = await started(root)
    const crashing = fileUri(path.join(root, 'crash/with-front-matter.md'))
    const fine = fileUri(path.join(root, 'crash/without.md'))
    server.open(crashing, ARTICLE)
    server.open(fine, ARTICLE.replace(/^---[\s\S]*?---\n/, ''))
    const crashed = await server.diagnostics(crashing, {version: 1})
    expect(crashed.diagnostics).toHaveLength(1)
    expect(crashed.diagnostics[0]).toMatchObject({code: 'internal-error', severity: 1})
    expect(crashed.diagnostics[0].message).toContain('boom from a rule')
    expect(disclaimerDiagnostic((await server.diagnostics(fine, {version: 1})).diagnostics)).toHaveLength(1)
    // Still serving.
    expect(await server.request('textDocument/hover', {textDocument: {uri: crashing}, position: {line: 0, character: 0}})).toBeNull()
    await expect.poll(() => server.notifications.some((message) => message.method === 'window/logMessage' && /boom from a rule/.test(message.params.message))).toBe(true)
  })

  test('stdin closing without shutdown ends the process (code 1)', async () => {
    const {server} = await started(workspace())
    server.child.stdin.end()
    expect(await server.exited).toBe(1)
  })
})
