/**
 * Trust and language-server resilience that tests/lsp.test.ts does not
 * already cover:
 *
 * - nothing in fitlint makes network requests: the CLI (every format and
 *   reporter, cache, worker threads, stdin) and the language server run with a
 *   preload that blocks and records every network API
 *   (tests/data/hostile/no-network.cjs);
 * - an untrusted workspace never runs JavaScript reached through `extends`
 *   from a JSON or YAML config;
 * - hostile documents in the language server: each gets its own diagnostics
 *   (or one error), ranges stay inside the document in LSP terms (UTF-16
 *   characters, CRLF/CR lines), and the server keeps serving other documents.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {builtinRules} from '../rules/index.js'
import {LspClient, SERVER, fileUri, makeWorkspace, type Diagnostic} from './fixtures-lsp/client.js'
import {ROOT, runCli} from './helpers.js'
import {ADVICE, DEEP} from './data/hostile/cases.js'

const GUARD = path.join(ROOT, 'tests/data/hostile/no-network.cjs')
const temps: string[] = []
const clients: LspClient[] = []

function workspace(files: Record<string, string> = {}): string {
  return makeWorkspace('fitlint-trust-', temps, files)
}

interface GuardEntry {
  event: 'loaded' | 'network'
  thread: number
  api?: string
  target?: string[]
  stack?: string[]
}

/** Env for a child process under the network guard, and a reader for its log. */
function guarded(root: string) {
  const log = path.join(root, '.network.log')
  return {
    env: {NODE_OPTIONS: `--require=${GUARD}`, FITLINT_NETWORK_LOG: log},
    entries(): GuardEntry[] {
      if (!fs.existsSync(log)) return []
      return fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as GuardEntry)
    }
  }
}

beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error('Build first: npm run build')
})

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()))
})

afterAll(() => {
  for (const root of temps) fs.rmSync(root, {recursive: true, force: true})
})

/** Articles full of links (affiliate, study, shop, bare) in every format. */
const LINKY = {
  'posts/a.md': '---\ntitle: Leg day\nauthor: Sam\n---\n# Leg day\n\nBuy it at https://amzn.to/abc or [here](https://www.amazon.com/dp/B0?tag=x-20). A [study](https://pubmed.ncbi.nlm.nih.gov/123/) shows creatine works. See <https://example.com/x> and www.example.org.\n\n![chart](https://example.com/chart.png)\n',
  'posts/b.mdx': 'import Chart from "https://esm.sh/chart"\n\n# Leg day\n\n<Product href="https://shop.example.com/go/whey" src="https://cdn.example.com/x.png" />\n\nCreatine cures diabetes, says https://example.com/claim.\n',
  'posts/c.html': '<!doctype html><html><head><link rel="stylesheet" href="https://cdn.example.com/a.css"><script src="https://cdn.example.com/a.js"></script><meta property="og:image" content="https://example.com/og.png"></head><body><h1>Leg day</h1><p>Shop <a rel="sponsored" href="https://www.amazon.com/dp/B1?tag=y-20">the belt</a>. <img src="https://example.com/x.png"> Creatine cures diabetes <a href="https://doi.org/10.1000/182">[1]</a>.</p><iframe src="https://www.youtube.com/embed/x"></iframe></body></html>',
  'posts/d.txt': 'Leg day\n\nBuy it at https://amzn.to/abc. Creatine cures diabetes (https://pubmed.ncbi.nlm.nih.gov/1/).\n',
  '.fitlintrc.json': JSON.stringify({
    $schema: 'https://example.com/fitlint.schema.json',
    extends: ['recommended', './base.fitlintrc.yaml'],
    overrides: [{files: 'posts/*.html', rules: {'source-quality': 'warn'}}],
    customRules: [{id: 'house/bro', phrases: ['bro science'], message: 'No “{match}”.'}]
  }),
  'base.fitlintrc.yaml': 'rules:\n  uncited-claim: warn\n'
}

describe('nothing in fitlint makes network requests', () => {
  it('the guard works: it blocks and records network calls, in the main thread and in workers', () => {
    const root = workspace()
    const guard = guarded(root)
    const script = [
      'const attempts = [() => fetch("https://example.com"), () => require("node:http").get("http://example.com"), () => require("node:https").request("https://example.com"), () => require("node:dns").lookup("example.com", () => {}), () => require("node:net").connect(80, "example.com"), () => require("node:dns").promises.resolve4("example.com")]',
      'for (const attempt of attempts) { try { const result = attempt(); result?.catch?.(() => {}) } catch {} }',
      'const {Worker} = require("node:worker_threads")',
      'new Worker("try { fetch(\\"https://example.com\\") } catch {}", {eval: true})'
    ].join('\n')
    const result = spawnSync(process.execPath, ['-e', script], {env: {...process.env, ...guard.env}, encoding: 'utf8', timeout: 20_000})
    expect(result.status, result.stderr).toBe(0)
    const entries = guard.entries()
    expect(entries.filter((entry) => entry.event === 'loaded').map((entry) => entry.thread).sort()).toEqual([0, 1])
    expect(entries.filter((entry) => entry.event === 'network').map((entry) => entry.api).sort()).toEqual([
      'dns.promises.resolve4',
      'fetch',
      'fetch',
      'node:dns.lookup',
      'node:http.get',
      'node:https.request',
      'node:net.connect'
    ])
  })

  it('the CLI, in every format and reporter, with cache, worker threads, stdin, --explain and --print-config', async () => {
    const root = workspace(LINKY)
    const guard = guarded(root)
    const runs = [
      ['.', '--format', 'json', '--verbose'],
      ['.', '--format', 'sarif', '--cache', '--cache-location', 'cache-1'],
      ['.', '--format', 'github', '--cache', '--cache-location', 'cache-2'],
      ['.', '--concurrency', '2', '--output-file', 'report.txt'],
      ['--explain', 'source-quality'],
      ['--print-config', 'posts/c.html']
    ]
    const results = await Promise.all([
      ...runs.map((args) => runCli(args, {cwd: root, env: guard.env})),
      runCli(['--stdin', '--stdin-filename', 'posts/e.md'], {cwd: root, env: guard.env, stdin: LINKY['posts/a.md']})
    ])
    for (const [index, result] of results.entries()) {
      const label = (runs[index] ?? ['--stdin']).join(' ')
      expect(result.stderr, label).not.toMatch(/network access blocked/)
      expect([0, 1], `${label}: ${result.stderr}`).toContain(result.code)
    }

    const entries = guard.entries()
    expect(entries.filter((entry) => entry.event === 'network')).toEqual([])
    // The guard was in every process, and in the worker threads of --concurrency.
    expect(entries.filter((entry) => entry.event === 'loaded' && entry.thread === 0).length).toBe(runs.length + 1)
    expect(entries.some((entry) => entry.event === 'loaded' && entry.thread > 0)).toBe(true)
  }, 60_000)

  it('the language server: open, change, hover, code actions, config reload', async () => {
    const root = workspace(LINKY)
    const guard = guarded(root)
    const server = new LspClient(['--stdio'], {cwd: root, env: {...process.env, ...guard.env}})
    clients.push(server)
    await server.initialize({rootPath: root, initializationOptions: {debounce: 0}})
    const languages: Record<string, string> = {md: 'markdown', mdx: 'mdx', html: 'html', txt: 'plaintext'}
    for (const name of ['posts/a.md', 'posts/b.mdx', 'posts/c.html', 'posts/d.txt'] as const) {
      const uri = fileUri(path.join(root, name))
      server.open(uri, LINKY[name], languages[name.split('.').pop()!])
      const {diagnostics} = await server.diagnostics(uri, {version: 1})
      expect(diagnostics.length, name).toBeGreaterThan(0)
      await server.request('textDocument/hover', {textDocument: {uri}, position: diagnostics[0].range.start})
      await server.request('textDocument/codeAction', {textDocument: {uri}, range: diagnostics[0].range, context: {diagnostics}})
    }

    server.notify('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri(path.join(root, '.fitlintrc.json')), type: 2}]})
    await server.request('shutdown')
    const entries = guard.entries()
    expect(entries.filter((entry) => entry.event === 'network')).toEqual([])
    expect(entries.some((entry) => entry.event === 'loaded')).toBe(true)
  }, 60_000)
})

/** Every built-in rule except `keep` off, so assertions follow one rule. */
const only = (keep: string[]) => Object.fromEntries(builtinRules.filter((rule) => !keep.includes(rule.id)).map((rule) => [rule.id, 'off']))

async function server(root: string, initializationOptions: Record<string, unknown> = {}) {
  const client = new LspClient(['--stdio'], {cwd: root})
  clients.push(client)
  await client.initialize({rootPath: root, initializationOptions: {debounce: 0, ...initializationOptions}})
  return client
}

describe('untrusted workspaces never run JavaScript reached through extends', () => {
  const evil = (marker: string) => `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'executed')\nmodule.exports = {rules: {'unsafe-advice': 'off'}}\n`

  it.each([
    ['.fitlintrc.json', (target: string) => JSON.stringify({extends: target})],
    ['.fitlintrc.yaml', (target: string) => `extends: ${target}\n`],
    ['package.json', (target: string) => JSON.stringify({name: 'site', fitlint: {extends: [target]}})]
  ])('%s extending a .cjs file: not executed, and the document says why', async (configName, config) => {
    const root = workspace()
    const marker = path.join(root, 'executed.txt')
    fs.writeFileSync(path.join(root, 'evil.cjs'), evil(marker))
    fs.writeFileSync(path.join(root, configName), config('./evil.cjs'))
    const client = await server(root, {trusted: false})
    const uri = fileUri(path.join(root, 'post.md'))
    client.open(uri, '# Leg day\n\n' + ADVICE + '\n')
    const {diagnostics} = await client.diagnostics(uri, {version: 1})
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].code).toBe('config')
    expect(diagnostics[0].message).toMatch(/not trusted/)
    expect(diagnostics[0].message).toContain('evil.cjs')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(fs.existsSync(marker)).toBe(false)
  })
})

/** The LSP position of string offset `offset`: lines split at CRLF, LF, CR; characters in UTF-16 units. */
function lspPosition(text: string, offset: number): {line: number; character: number} {
  let line = 0
  let start = 0
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index)
    if (code === 13 && text.charCodeAt(index + 1) === 10) continue
    if (code === 10 || code === 13) {
      line++
      start = index + 1
    }
  }

  return {line, character: offset - start}
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length
}

function rangeInside(text: string, diagnostic: Diagnostic): boolean {
  const lines = text.split(/\r\n|\r|\n/)
  const ok = (position: {line: number; character: number}) =>
    position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line].length
  return ok(diagnostic.range.start) && ok(diagnostic.range.end)
}

describe('hostile documents in the language server', () => {
  it('emoji, lone surrogates, CRLF and lone CR: the range covers the flagged sentence in UTF-16 characters', async () => {
    const root = workspace()
    const client = await server(root, {rules: only(['unsafe-advice'])})
    const variants: Record<string, string> = {
      'emoji.md': '# Leg day 💪🏽\n\n💪 Warm up 👟 first. ' + ADVICE + '\n',
      'surrogate.md': '# Leg \uD800day\n\n\uDC00 Warm up. ' + ADVICE + '\n',
      'crlf.md': '# Leg day\r\n\r\n👟 Warm up.\r\n' + ADVICE + '\r\n',
      'cr.md': '# Leg day\r\r👟 Warm up.\r' + ADVICE + '\r',
      'mixed.txt': 'Leg day\r\n\r👟 Warm up.\n\n' + ADVICE + '\r\n'
    }
    for (const [name, text] of Object.entries(variants)) {
      const uri = fileUri(path.join(root, name))
      client.open(uri, text, name.endsWith('.txt') ? 'plaintext' : 'markdown')
      const {diagnostics} = await client.diagnostics(uri, {version: 1})
      const flagged = diagnostics.filter((diagnostic) => diagnostic.code === 'unsafe-advice')
      expect(flagged, name).toHaveLength(1)
      const start = text.indexOf(ADVICE)
      expect(flagged[0].range, name).toEqual({start: lspPosition(text, start), end: lspPosition(text, start + ADVICE.length)})
    }
  })

  it('deeply nested, binary, broken and huge documents: each gets its own diagnostics; the others are unaffected', async () => {
    const root = workspace()
    const client = await server(root, {rules: only(['unsafe-advice'])})
    const normal = fileUri(path.join(root, 'normal.md'))
    const hostile: Record<string, [string, string]> = {
      'deep.md': [DEEP.blockquote5000(), 'markdown'],
      'deep.html': [DEEP.divs10000(), 'html'],
      'binary.md': ['\u0000'.repeat(50) + ADVICE, 'markdown'],
      'broken.mdx': ['# Leg day\n\n<Callout>\n\n' + ADVICE + '\n', 'mdx'],
      'brackets.md': ['['.repeat(10_000) + ADVICE, 'markdown'],
      'word.txt': ['a'.repeat(300_000) + ' ' + ADVICE, 'plaintext']
    }
    for (const [name, [text, language]] of Object.entries(hostile)) client.open(fileUri(path.join(root, name)), text, language)
    client.open(normal, '# Leg day\n\n' + ADVICE + '\n')

    for (const [name, [text]] of Object.entries(hostile)) {
      const {diagnostics} = await client.diagnostics(fileUri(path.join(root, name)), {version: 1, timeout: 20_000})
      for (const diagnostic of diagnostics) {
        expect(rangeInside(text, diagnostic), `${name}: ${JSON.stringify(diagnostic.range)} (${lineCount(text)} lines)`).toBe(true)
        expect(diagnostic.message, name).not.toMatch(/\n\s+at .*:\d+:\d+/)
      }
    }

    const broken = await client.diagnostics(fileUri(path.join(root, 'broken.mdx')), {version: 1})
    expect(broken.diagnostics).toEqual([expect.objectContaining({severity: 1, range: {start: {line: 2, character: 0}, end: expect.anything()}})])
    const binary = await client.diagnostics(fileUri(path.join(root, 'binary.md')), {version: 1})
    expect(binary.diagnostics).toHaveLength(1)
    expect(binary.diagnostics[0].message).toMatch(/binary file/)

    // The normal document is linted as usual and the server still answers.
    expect((await client.diagnostics(normal, {version: 1})).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['unsafe-advice'])
    client.change(normal, 2, '# Leg day\n\nRest today.\n')
    expect((await client.diagnostics(normal, {version: 2})).diagnostics).toEqual([])
    expect(client.child.exitCode).toBeNull()
  }, 60_000)

  it('a 5,000-deep blockquote gets one clear diagnostic (nested too deeply), not an internal error', async () => {
    const root = workspace()
    const client = await server(root, {rules: only(['unsafe-advice'])})
    const uri = fileUri(path.join(root, 'deep.md'))
    client.open(uri, DEEP.blockquote5000())
    const {diagnostics} = await client.diagnostics(uri, {version: 1, timeout: 20_000})
    for (const diagnostic of diagnostics) {
      expect(diagnostic.code).not.toBe('internal-error')
      expect(diagnostic.message).not.toMatch(/Maximum call stack/)
    }

    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([expect.stringMatching(/nested deeper than 1000 levels/)])
  }, 30_000)
})
