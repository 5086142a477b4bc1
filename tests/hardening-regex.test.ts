/**
 * No regular expression in fitlint can backtrack catastrophically, and the
 * phrase matcher stays fast on adversarial text:
 *
 * - every regex literal in src/ and rules/ (found with the TypeScript parser)
 *   and every regex built at run time while linting the fixtures (rule data,
 *   lexicons) runs on 2,000-character pumped near-matches in a worker thread;
 *   one that never finishes is named, one over the bound is listed;
 * - phrase patterns with stacked gaps, optionals and wildcards, and text made
 *   of the rules' own phrase words, under a time bound;
 * - end to end: long runs of the characters the slowest regexes stumble on,
 *   inside sentences, through `lint`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import ts from 'typescript'
import {beforeAll, describe, expect, it} from 'vitest'
import {createResolver, lint} from '../src/index.js'
import {allMatches, compilePhrases} from '../src/language/phrases.js'
import {fixtureArticles} from './data/hostile/check.js'
import {ROOT} from './helpers.js'

interface RegexEntry {
  where: string
  source: string
  flags: string
}

/** Regex literals in the TypeScript sources of src/ and rules/. */
function regexLiterals(): RegexEntry[] {
  const found: RegexEntry[] = []
  for (const folder of ['src', 'rules']) {
    for (const name of (fs.readdirSync(path.join(ROOT, folder), {recursive: true}) as string[]).filter((file) => file.endsWith('.ts')).sort()) {
      const file = path.join(ROOT, folder, name)
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(source)
          const slash = text.lastIndexOf('/')
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
          found.push({where: `${folder}/${name}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1)})
        }

        ts.forEachChild(node, visit)
      }

      visit(source)
    }
  }

  return found
}

/** Per exec on a 2,000-character string; quadratic regexes stay far below, exponential and cubic ones far above. */
const BOUND_MS = 250
const AUDIT_TIMEOUT_MS = 90_000

describe('regular expressions', () => {
  it('no regex (literal or built from data) backtracks catastrophically on pumped near-matches', async () => {
    const literals = regexLiterals()
    expect(literals.length).toBeGreaterThan(100)
    const fixtures = fixtureArticles().map((fixture) => ({name: path.basename(fixture.name), text: fixture.text}))
    const worker = new Worker(new URL('./data/hostile/regex-audit.mjs', import.meta.url), {
      workerData: {literals, root: new URL('file://' + ROOT + '/').href, length: 2000, fixtures}
    })
    let last: {started: RegexEntry; index: number; total: number} | undefined
    const outcome = await new Promise<{done: true; results: Array<RegexEntry & {worst: {ms: number; input: string}}>; built: number; literals: number}>((resolve, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate()
        reject(new Error(`regex audit did not finish in ${AUDIT_TIMEOUT_MS} ms; stuck on ${JSON.stringify(last)}`))
      }, AUDIT_TIMEOUT_MS)
      worker.on('message', (message) => {
        if (message.done) {
          clearTimeout(timer)
          resolve(message)
        } else last = message
      })
      worker.on('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
    })
    await worker.terminate()

    expect(outcome.built, 'regexes built at run time were recorded').toBeGreaterThan(5)
    expect(outcome.results.length).toBeGreaterThan(outcome.literals)
    const slow = outcome.results
      .filter((entry) => entry.worst.ms > BOUND_MS)
      .map((entry) => `${entry.where}: /${entry.source}/${entry.flags} took ${entry.worst.ms.toFixed(0)} ms on ${entry.worst.input}`)
    expect(slow).toEqual([])
  }, AUDIT_TIMEOUT_MS + 30_000)
})

describe('phrase matcher', () => {
  const patterns = [
    '~8 ~8 ~8 ~8 ~8 ~8 ~8 ~8 pain',
    '+8 +8 +8 +8 +8 +8 +8 +8 pain',
    '... ... ... ... ... ... ... ... pain',
    '* * * * * * * * * * * * * * * * pain',
    '[a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] pain',
    '[a|a a|a a a] [a|a a|a a a] [a|a a|a a a] [a|a a|a a a] [a|a a|a a a] [a|a a|a a a] pain',
    '(a (a (a (a (a (a (a (a b|c)|c)|c)|c)|c)|c)|c)|c)',
    'a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a pain',
    'a* a* a* a* a* a* a* a* a* a* pain',
    '# # # # # # # # # pain',
    '[#] [#] [#] [#] [#] [#] ~8 pain'
  ]
  const texts: Record<string, (n: number) => string> = {
    'a a a…': (n) => 'a '.repeat(n),
    'a, a, a…': (n) => 'a, '.repeat(n),
    '1 1 1…': (n) => '1 '.repeat(n),
    'a-a-a…': (n) => 'a-'.repeat(n) + 'a'
  }

  const time = (fn: () => void) => {
    const start = performance.now()
    fn()
    return performance.now() - start
  }

  // User phrases (customRules, phrases.add) are compiled by the same matcher,
  // so stacked gaps and optionals must not make it blow up: time grows
  // linearly with the text (double the words, at most ~double the time).
  it.each(patterns)('`%s` compiles fast and scans near-matching words in linear time', (pattern) => {
    let matcher: ReturnType<typeof compilePhrases> | undefined
    expect(time(() => (matcher = compilePhrases([pattern], {}, 'iu')))).toBeLessThan(200)
    for (const [name, make] of Object.entries(texts)) {
      const small = make(3000)
      const large = make(6000)
      allMatches(matcher!, small)
      const t1 = Math.min(time(() => allMatches(matcher!, small)), time(() => allMatches(matcher!, small)))
      const t2 = Math.min(time(() => allMatches(matcher!, large)), time(() => allMatches(matcher!, large)))
      expect(t2, `${name}: 3,000 words ${t1.toFixed(1)} ms, 6,000 words ${t2.toFixed(1)} ms`).toBeLessThan(3 * t1 + 25)
      expect(t2, name).toBeLessThan(2000)
    }
  })

  it('the rules’ own phrase words, shuffled into long sentences, lint within the budget', async () => {
    const words = new Set<string>()
    for (const name of fs.readdirSync(path.join(ROOT, 'rules'), {recursive: true}) as string[]) {
      if (!name.endsWith('.yml')) continue
      for (const word of fs.readFileSync(path.join(ROOT, 'rules', name), 'utf8').toLowerCase().match(/[a-z][a-z'-]{1,}/g) ?? []) words.add(word)
    }

    const list = [...words].sort()
    expect(list.length).toBeGreaterThan(500)
    // Deterministic shuffle, sentences of ~1,100 characters (the sentence cap is 1,200).
    let seed = 42
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const sentences: string[] = []
    for (let sentence = 0; sentence < 60; sentence++) {
      let text = ''
      while (text.length < 1100) text += list[Math.floor(next() * list.length)] + (next() < 0.1 ? ', ' : ' ')
      sentences.push(text.trim() + '.')
    }

    const resolver = createResolver({noConfig: true})
    await lint('warm up', {filePath: 'warm.md', resolver})
    for (const [name, text] of [['words.md', sentences.join(' ')], ['words.txt', sentences.join('\n\n')], ['words.html', '<p>' + sentences.join('</p><p>') + '</p>']]) {
      const start = performance.now()
      const file = await lint(text, {filePath: name, resolver})
      const ms = performance.now() - start
      expect(ms, `${name} (${text.length} characters) took ${ms.toFixed(0)} ms`).toBeLessThan(2000)
      expect(file.messages.filter((message) => message.fatal)).toEqual([])
    }
  }, 30_000)
})

describe('adversarial runs inside sentences, end to end', () => {
  const resolver = createResolver({noConfig: true})
  beforeAll(async () => {
    for (const name of ['w.md', 'w.txt', 'w.html']) await lint('Take creatine daily.', {filePath: name, resolver})
  })

  // Units the slowest regexes stumble on (found by the audit at 20,000
  // characters), repeated to fill a 1,100-character sentence, 80 times.
  const units: Record<string, string> = {
    capitals: 'Creatine improves strength per the ' + 'A'.repeat(1050) + '.',
    capitalWords: 'Creatine improves strength per the ' + 'Ab '.repeat(350) + "Ab's guidelines.",
    spaces: 'Creatine improves strength this' + ' '.repeat(1050) + 'x.',
    questionMarks: '"Creatine improves strength' + '?'.repeat(1050) + 'a',
    semicolons: 'Creatine improves strength' + ';'.repeat(1050) + 'a.',
    digits: 'Fast for ' + '1'.repeat(1050) + ' days.',
    emDashes: 'Push through the pain ' + '—'.repeat(1050) + ' a.',
    commas: 'Take creatine' + ', '.repeat(520) + 'and rest.',
    hyphens: 'Take creatine ' + '-a'.repeat(520) + ' daily.'
  }

  it.each(Object.entries(units))('%s: 80 such sentences lint in under 2 s in every format', async (_name, unit) => {
    for (const [extension, text] of [['md', (unit + '\n\n').repeat(80)], ['txt', (unit + '\n\n').repeat(80)], ['html', ('<p>' + unit + '</p>').repeat(80)]]) {
      const start = performance.now()
      const file = await lint(text, {filePath: 'adversarial.' + extension, resolver})
      const ms = performance.now() - start
      expect(ms, `${extension}: ${ms.toFixed(0)} ms`).toBeLessThan(2000)
      expect(file.messages.filter((message) => message.fatal)).toEqual([])
    }
  }, 30_000)
})
