#!/usr/bin/env node
/**
 * Summarise a V8 CPU profile (`node --cpu-prof`): the functions with the
 * most self time, and self time per package / source folder.
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof dist/src/cli/bin.js <corpus>/articles --format json --output-file /tmp/report.json
 *   node scripts/bench/top-frames.mjs /tmp/prof/*.cpuprofile [--top 25]
 */
import fs from 'node:fs'
import process from 'node:process'
import {parseArgs} from 'node:util'

const {values, positionals} = parseArgs({allowPositionals: true, options: {top: {type: 'string', default: '25'}}})
if (positionals.length === 0) {
  process.stderr.write('Usage: node scripts/bench/top-frames.mjs <file.cpuprofile...> [--top N]\n')
  process.exit(2)
}

const top = Number(values.top)
const byFunction = new Map()
const byGroup = new Map()
let total = 0

/** `node_modules/<package>` or the project folder (dist/src/article, …) of a script URL. */
function group(url) {
  if (!url) return '(native / V8)'
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0]
  const modules = url.lastIndexOf('/node_modules/')
  if (modules !== -1) {
    const rest = url.slice(modules + 14).split('/')
    return rest[0].startsWith('@') ? rest[0] + '/' + rest[1] : rest[0]
  }

  const dist = url.indexOf('/dist/')
  if (dist !== -1) return url.slice(dist + 1).split('/').slice(0, 3).join('/')
  return url.replace(/^file:\/\//, '')
}

for (const file of positionals) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'))
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000
    self.set(profile.samples[index], (self.get(profile.samples[index]) ?? 0) + delta)
  }

  for (const [id, ms] of self) {
    const {callFrame} = nodes.get(id)
    total += ms
    const url = callFrame.url
    let functionName = callFrame.functionName || '(anonymous)'
    if (functionName.length > 120) functionName = functionName.slice(0, 120) + '…'
    const name = `${functionName}  ${url ? url.replace(/^.*\/(node_modules|dist)\//, '$1/') + ':' + (callFrame.lineNumber + 1) : ''}`.trimEnd()
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
    const key = callFrame.functionName.startsWith('RegExp: ')
      ? '(regular expressions)'
      : callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : callFrame.functionName === '(program)' || callFrame.functionName === '(idle)' ? callFrame.functionName : group(url)
    byGroup.set(key, (byGroup.get(key) ?? 0) + ms)
  }
}

const print = (title, map, count) => {
  process.stdout.write(`\n${title}\n`)
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}\n`)
  }
}

process.stdout.write(`total sampled: ${(total / 1000).toFixed(2)} s`)
print('self time by package / folder', byGroup, top)
print('self time by function', byFunction, top)
