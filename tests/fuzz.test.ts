/**
 * Property and fuzz tests (fast-check) over every format, through the
 * library API with no config files. For arbitrary strings, token soups of
 * markup and health phrases, and mutated fixture articles:
 *
 * - `lint` never throws (with `noConfig` a ConfigError cannot happen either);
 * - every message position lies inside the file and its line/column agree
 *   with its offset in the text;
 * - results are deterministic: the same text linted again in this process
 *   (after another file), or with a fresh resolver, gives the same messages;
 * - a `Uint8Array` of the UTF-8 bytes gives the same messages as the string.
 *
 * The seed is fixed so CI runs are reproducible; explore more with
 * `FITLINT_FUZZ_SEED=<n> FITLINT_FUZZ_SCALE=<k> npx vitest run tests/fuzz.test.ts`.
 * A failure prints the seed, the path and the shrunk input.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {createResolver, lint} from '../src/index.js'
import {
  EXTENSIONS,
  HEALTH_SENTENCES,
  HEALTH_WORDS,
  HOSTILE_TOKENS,
  fixtureArticles,
  positionProblems,
  snapshot,
  type Extension
} from './data/hostile/check.js'

const SEED = Number(process.env.FITLINT_FUZZ_SEED ?? 20_260_101)
const SCALE = Number(process.env.FITLINT_FUZZ_SCALE ?? 1)
const runs = (n: number) => Math.max(1, Math.round(n * SCALE))

const resolver = createResolver({noConfig: true})
const fixtures = fixtureArticles()
const byExtension = (extension: Extension) => fixtures.filter((fixture) => fixture.extension === extension)

/** Lint, failing with the input when lint throws. */
async function lintOrFail(text: string | Uint8Array, filePath: string, own = resolver) {
  try {
    return await lint(text, {filePath, resolver: own})
  } catch (error) {
    throw new Error(`lint threw on ${filePath}: ${(error as Error)?.stack ?? String(error)}`)
  }
}

/**
 * Every property of one input. `distractor` is another article of the same
 * format, linted between the two runs of `text` to catch state that leaks
 * from one file into the next.
 */
let checkedMessages = 0

async function checkInput(text: string, extension: Extension, options: {bytes?: boolean} = {}) {
  const filePath = `fuzz.${extension}`
  const first = await lintOrFail(text, filePath)
  checkedMessages += first.messages.filter((message) => message.place).length
  const problems = positionProblems(text, first)
  if (problems.length > 0) {
    throw new Error(`positions outside or inconsistent with the text:\n${problems.slice(0, 5).join('\n')}\ninput: ${JSON.stringify(text.slice(0, 2000))}`)
  }

  const firstSnapshot = snapshot(first)
  const distractor = byExtension(extension)[text.length % byExtension(extension).length]
  await lintOrFail(distractor.text, filePath)
  expect(snapshot(await lintOrFail(text, filePath)), 'same text linted again in this process').toEqual(firstSnapshot)
  expect(snapshot(await lintOrFail(text, filePath, createResolver({noConfig: true}))), 'fresh resolver').toEqual(firstSnapshot)

  // Bytes: the decoder drops a leading BOM and replaces lone surrogates, so
  // compare only well-formed text without one.
  if (options.bytes && text.isWellFormed() && !text.startsWith('\uFEFF')) {
    const fromBytes = await lintOrFail(new TextEncoder().encode(text), filePath)
    expect(snapshot(fromBytes), 'UTF-8 bytes and the string give the same messages').toEqual(firstSnapshot)
  }
}

/** Any UTF-16 code units, lone surrogates, NULs and controls included. */
const codeUnits = fc
  .array(
    fc.oneof(
      {weight: 3, arbitrary: fc.integer({min: 0x20, max: 0x7e})},
      {weight: 1, arbitrary: fc.integer({min: 0, max: 0x1f})},
      {weight: 1, arbitrary: fc.integer({min: 0xd800, max: 0xdfff})},
      {weight: 1, arbitrary: fc.integer({min: 0x80, max: 0xffff})}
    ),
    {maxLength: 300}
  )
  .map((units) => String.fromCharCode(...units))

const anyText = fc.oneof(codeUnits, fc.string({unit: 'binary', maxLength: 200}), fc.string({unit: 'grapheme', maxLength: 200}))

/**
 * Markup tokens, health phrases and spaces: reaches the rules, not just the
 * parser. Whole health sentences (after a space or a line break) make rules
 * fire even when the markup around them is broken.
 */
const tokenSoup = fc
  .array(
    fc.oneof(
      {weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TOKENS)},
      {weight: 4, arbitrary: fc.constantFrom(...HEALTH_WORDS)},
      {weight: 2, arbitrary: fc.tuple(fc.constantFrom(' ', '\n', '\n\n'), fc.constantFrom(...HEALTH_SENTENCES)).map(([before, sentence]) => before + sentence + ' ')},
      {weight: 4, arbitrary: fc.constantFrom(' ', ' ', '. ', '\n', '\n\n')},
      {weight: 1, arbitrary: fc.string({maxLength: 6})}
    ),
    {maxLength: 120}
  )
  .map((parts) => parts.join(''))

type Mutation =
  | {kind: 'insert'; at: number; token: string; times: number}
  | {kind: 'delete'; at: number; length: number}
  | {kind: 'duplicate'; at: number; length: number; to: number}
  | {kind: 'eol'; style: '\r' | '\r\n'}
  | {kind: 'truncate'; at: number}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {weight: 6, arbitrary: fc.record({kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...HOSTILE_TOKENS), times: fc.integer({min: 1, max: 6})})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({min: 1, max: 40})})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({min: 1, max: 300}), to: fc.nat()})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('eol' as const), style: fc.constantFrom('\r' as const, '\r\n' as const)})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('truncate' as const), at: fc.nat()})}
)

export function mutate(text: string, mutations: Mutation[]): string {
  let result = text
  for (const step of mutations) {
    const at = step.kind === 'eol' ? 0 : step.at % (result.length + 1)
    switch (step.kind) {
      case 'insert': {
        result = result.slice(0, at) + step.token.repeat(step.times) + result.slice(at)
        break
      }

      case 'delete': {
        result = result.slice(0, at) + result.slice(at + step.length)
        break
      }

      case 'duplicate': {
        const piece = result.slice(at, at + step.length)
        const to = step.to % (result.length + 1)
        result = result.slice(0, to) + piece + result.slice(to)
        break
      }

      case 'eol': {
        result = result.replace(/\r?\n/g, step.style)
        break
      }

      case 'truncate': {
        result = result.slice(0, at)
        break
      }
    }
  }

  return result
}

const options = (numRuns: number) => ({seed: SEED, numRuns: runs(numRuns), endOnFailure: false})

describe('the checks themselves', () => {
  it.each(EXTENSIONS)('every health sentence makes a rule fire on its own in %s', async (extension) => {
    for (const sentence of HEALTH_SENTENCES) {
      const file = await lint(sentence + '\n', {filePath: `a.${extension}`, resolver})
      expect(file.messages.length, sentence).toBeGreaterThan(0)
    }
  })

  it('positionProblems catches points outside the file and line/column that disagree with the offset', async () => {
    const text = '# Leg day\r\n\r\nPush through the pain.\n'
    const file = await lint(text, {filePath: 'a.md', resolver})
    expect(positionProblems(text, file)).toEqual([])
    expect(file.messages.length).toBeGreaterThan(0)
    const message = file.messages.find((each) => each.ruleId === 'unsafe-advice')!
    const good = structuredClone(message.place)
    const bad = (place: unknown) => {
      message.place = place as typeof message.place
      message.line = (place as {start: {line: number}}).start.line
      message.column = (place as {start: {column: number}}).start.column
      return positionProblems(text, file)
    }

    // `# Leg day` is offsets 0–8 and `\r\n\r\n` 9–12, so line 3 starts at offset 13.
    expect(bad({start: {line: 3, column: 1, offset: 13}, end: {line: 3, column: 23, offset: 200}})).toEqual([expect.stringContaining('offset 200 outside')])
    expect(bad({start: {line: 9, column: 1}, end: {line: 9, column: 2}})).toEqual(expect.arrayContaining([expect.stringContaining('line 9 outside')]))
    expect(bad({start: {line: 3, column: 40}, end: {line: 3, column: 41}})).toEqual(expect.arrayContaining([expect.stringContaining('column 40 outside')]))
    expect(bad({start: {line: 2, column: 1, offset: 13}, end: {line: 3, column: 23, offset: 35}})).toEqual([expect.stringContaining('offset 13 is 3:1, message says 2:1')])
    expect(bad({start: {line: 3, column: 5}, end: {line: 3, column: 2}})).toEqual([expect.stringContaining('after end')])
    expect(bad(good)).toEqual([])
  })

  it('mutate applies insertions, deletions, duplications, line endings and truncation', () => {
    expect(mutate('abc\ndef', [{kind: 'insert', at: 1, token: '<', times: 2}])).toBe('a<<bc\ndef')
    expect(mutate('abc\ndef', [{kind: 'delete', at: 1, length: 2}])).toBe('a\ndef')
    expect(mutate('abc\ndef', [{kind: 'duplicate', at: 0, length: 2, to: 7}])).toBe('abc\ndefab')
    expect(mutate('abc\ndef', [{kind: 'eol', style: '\r'}])).toBe('abc\rdef')
    expect(mutate('abc\ndef', [{kind: 'truncate', at: 2}])).toBe('ab')
  })
})

describe.each(EXTENSIONS)('fuzz: %s', (extension) => {
  const articles = byExtension(extension)

  it('has fixture articles to mutate', () => {
    expect(articles.length).toBeGreaterThan(5)
  })

  it('arbitrary strings: never throws, positions inside, deterministic', async () => {
    await fc.assert(fc.asyncProperty(anyText, (text) => checkInput(text, extension)), options(300))
  })

  it('token soups of markup and health phrases', async () => {
    const before = checkedMessages
    await fc.assert(fc.asyncProperty(tokenSoup, (text) => checkInput(text, extension, {bytes: true})), options(200))
    // Not vacuous: the soups make rules fire, so positions are really checked.
    expect(checkedMessages - before).toBeGreaterThan(runs(200) / 2)
  })

  it('mutated fixture articles', async () => {
    const mutated = fc
      .tuple(fc.constantFrom(...articles), fc.array(mutation, {minLength: 1, maxLength: 8}))
      .map(([article, steps]) => mutate(article.text, steps))
    await fc.assert(fc.asyncProperty(mutated, (text) => checkInput(text, extension, {bytes: true})), options(150))
  })

  it('every fixture article itself, and with CRLF and lone CR line endings', async () => {
    for (const article of articles) {
      await checkInput(article.text, extension, {bytes: true})
      await checkInput(article.text.replace(/\r?\n/g, '\r\n'), extension)
      await checkInput(article.text.replace(/\r?\n/g, '\r'), extension)
    }
  })
})
