/**
 * Worker for tests/hardening-regex.test.ts: time every regular expression of
 * fitlint against pumped near-match strings.
 *
 * workerData: {literals: [{where, source, flags}], root, length, fixtures: [{name, text}]}
 *
 * 1. Regular expressions built at run time (`new RegExp(...)` from rule data,
 *    config, lexicons) are recorded by a Proxy on the global RegExp while the
 *    built library lints every fixture article.
 * 2. Every regex (literal or built) runs on strings made of a repeated unit
 *    (characters, pairs, and the words of the regex itself), with and without
 *    one of its words in front, then a character that makes it fail.
 *
 * Before each regex it posts {started}; at the end {done, results}. A regex
 * that backtracks catastrophically never finishes: the test terminates the
 * worker and reports the last one started.
 */
import {parentPort, workerData} from 'node:worker_threads'

const {literals, root, length, fixtures} = workerData

// 1. Record regexes built at run time.
const built = new Map()
const NativeRegExp = RegExp
globalThis.RegExp = new Proxy(NativeRegExp, {
  construct(target, args, newTarget) {
    const result = Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget)
    record(result)
    return result
  },
  apply(target, thisArg, args) {
    const result = Reflect.apply(target, thisArg, args)
    record(result)
    return result
  }
})

function record(regex) {
  const key = regex.source + '/' + regex.flags
  if (!built.has(key)) built.set(key, {where: 'built at run time', source: regex.source, flags: regex.flags})
}

const {lint, createResolver} = await import(new URL('dist/src/index.js', root).href)
const resolver = createResolver({noConfig: true})
for (const fixture of fixtures) await lint(fixture.text, {filePath: fixture.name, resolver})
globalThis.RegExp = NativeRegExp

// 2. Pump.
const UNITS = [' ', '\t', '\n', 'a', 'A', '1', '.', ',', ';', ':', '-', '—', "'", '’', '"', '/', '(', ')', '[', ']', '<', '>', '=', '_', '*', '#', '|', '!', '?', '&', '{', '}', '\\', '%', '+', 'é', '\u00A0', 'a ', 'A ', '1,', '1.', '1 ', 'a-', 'a.', 'a,', 'a\'', 'ab', 'a b', '. ', ', ', ' -', 'A.', '<a', 'a/', 'a:', '//']
const SUFFIXES = ['', '!', '\u0000']

/** Words a regex mentions (its literal letters), to build near-matches. */
function wordsOf(source) {
  const cleaned = source.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]|\\./g, ' ')
  return [...new Set(cleaned.match(/[A-Za-z]{2,}/g) ?? [])].slice(0, 10)
}

const all = [...literals, ...built.values()]
const results = []
for (const [index, entry] of all.entries()) {
  let regex
  try {
    regex = new NativeRegExp(entry.source, entry.flags)
  } catch {
    continue
  }

  parentPort.postMessage({started: entry, index, total: all.length})
  const words = wordsOf(entry.source)
  const units = [...UNITS, ...words.flatMap((word) => [word, word + ' ', word + '-', word.toUpperCase() + ' '])]
  let worst = {ms: 0, input: ''}
  for (const unit of units) {
    const body = unit.repeat(Math.ceil(length / unit.length))
    for (const prefix of ['', ...words.slice(0, 2).map((word) => word + ' ')]) {
      for (const suffix of SUFFIXES) {
        const input = prefix + body + suffix
        regex.lastIndex = 0
        const start = performance.now()
        regex.exec(input)
        const ms = performance.now() - start
        if (ms > worst.ms) worst = {ms, input: `${JSON.stringify(prefix)} + ${JSON.stringify(unit)} × ${Math.ceil(length / unit.length)} + ${JSON.stringify(suffix)}`}
      }
    }
  }

  results.push({...entry, worst})
}

parentPort.postMessage({done: true, results, built: built.size, literals: literals.length})
