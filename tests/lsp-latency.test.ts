/**
 * Re-lint latency of the language server for a ~3,000-word article, with
 * the debounce off: 50 small edits at different places, each waited for.
 *
 * - in server: the lint time the server logs for each version (trace: verbose);
 * - round trip: didChange written → publishDiagnostics for that version read.
 *
 * Prints p50/p95/max. The budget is p95 ≤ 100 ms in the server;
 * the assertion leaves room for slow CI machines
 * (FITLINT_LSP_P95_BUDGET, in ms, default 300).
 */
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {afterAll, expect, test} from 'vitest'
import {LspClient, ROOT, fileUri} from './fixtures-lsp/client.js'
import {longArticle, wordCount} from './fixtures-lsp/long-article.js'

const EDITS = 50
const WARMUP = 5
const server = new LspClient()

afterAll(async () => {
  await server.stop()
})

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function summary(values: number[]): string {
  return `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`
}

test('re-lint latency for a 3,000-word article (no debounce)', async () => {
  const text = longArticle(3000)
  const words = wordCount(text)
  expect(words).toBeGreaterThanOrEqual(2900)
  await server.initialize({rootPath: ROOT, initializationOptions: {debounce: 0, trace: 'verbose'}})
  const uri = fileUri(path.join(ROOT, 'tests/fixtures-lsp/long-article.md'))
  server.open(uri, text)
  await server.diagnostics(uri, {version: 1, timeout: 20_000})

  const lines = text.split('\n')
  const roundTrips: number[] = []
  let version = 1
  for (let index = 0; index < WARMUP + EDITS; index++) {
    version++
    // Type a word into a different prose line each time.
    let line = (index * 37) % lines.length
    while (!/[a-z]/.test(lines[line]) || lines[line].startsWith('---') || lines[line].startsWith('title:')) line = (line + 1) % lines.length
    const start = performance.now()
    server.notify('textDocument/didChange', {
      textDocument: {uri, version},
      contentChanges: [{range: {start: {line, character: lines[line].length}, end: {line, character: lines[line].length}}, text: ' Really.'}]
    })
    lines[line] += ' Really.'
    await server.diagnostics(uri, {version, timeout: 20_000})
    if (index >= WARMUP) roundTrips.push(performance.now() - start)
  }

  const inServer: number[] = []
  const logged = new RegExp(`^linted ${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} v(\\d+) in ([\\d.]+) ms`)
  for (const message of server.notifications) {
    const match = message.method === 'window/logMessage' ? logged.exec(message.params.message) : null
    if (match && Number(match[1]) > 1 + WARMUP) inServer.push(Number(match[2]))
  }

  expect(inServer).toHaveLength(EDITS)
  const report = [
    `fitlint-language-server re-lint latency, ${words} words, ${EDITS} edits, debounce 0:`,
    `  in server:  ${summary(inServer)}`,
    `  round trip: ${summary(roundTrips)}`
  ].join('\n')
  console.log(report)

  const budget = Number(process.env.FITLINT_LSP_P95_BUDGET ?? 300)
  expect(percentile(inServer, 95)).toBeLessThan(budget)
})
