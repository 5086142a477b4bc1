#!/usr/bin/env node
/**
 * In-process re-lint: what the language server pays per edit. Loads the
 * library API from dist/, lints the article once (cold: module loading and
 * lazy parser loading included), once more to warm up, then lints it `runs`
 * times, each time with a one-word edit at a different place in the text
 * (so nothing can be served from a cache keyed on the text).
 *
 * Usage: node scripts/bench/relint.mjs <article.md> [runs] [path/to/dist/src/index.js]
 * Prints JSON: {words, runs, firstMs, timesMs, medianMs, p95Ms, messages}.
 */
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {median, percentile} from './measure.mjs'

const [file, runsArgument = '50', distIndex] = process.argv.slice(2)
if (!file) {
  process.stderr.write('Usage: node scripts/bench/relint.mjs <article.md> [runs] [dist/src/index.js]\n')
  process.exit(2)
}

const runs = Number(runsArgument)
const filePath = path.resolve(file)
const text = fs.readFileSync(filePath, 'utf8')

let start = performance.now()
const {lint, createResolver} = await import(
  distIndex ? pathToFileURL(path.resolve(distIndex)).href : new URL('../../dist/src/index.js', import.meta.url).href
)
const importMs = performance.now() - start
const resolver = createResolver({cwd: path.dirname(filePath)})

start = performance.now()
await lint(text, {filePath, resolver})
const firstMs = performance.now() - start
await lint(text, {filePath, resolver})

// Edit points: sentence ends in the body (after the front matter).
const bodyStart = text.startsWith('---') || text.startsWith('+++') ? text.indexOf('\n', text.indexOf(text.slice(0, 3), 3)) : 0
const points = []
for (const match of text.slice(bodyStart).matchAll(/[a-z]\. /g)) points.push(bodyStart + match.index + 1)
if (points.length === 0) points.push(text.length)

const timesMs = []
let messages = 0
for (let index = 0; index < runs; index++) {
  const at = points[Math.floor((index * points.length) / runs)]
  const edited = text.slice(0, at) + ' really' + text.slice(at)
  start = performance.now()
  const result = await lint(edited, {filePath, resolver})
  timesMs.push(performance.now() - start)
  messages = result.messages.length
}

const words = (text.match(/[A-Za-z0-9][\w'’-]*/g) ?? []).length
process.stdout.write(
  JSON.stringify({words, runs, importMs, firstMs, timesMs, medianMs: median(timesMs), p95Ms: percentile(timesMs, 95), messages}) + '\n'
)
