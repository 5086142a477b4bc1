/**
 * The phrase-pattern language rule data is written in.
 */
import {describe, expect, it} from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import {allMatches, compilePhrases, compileTagged, parsePhrase, tokenize, type PhraseMatcher} from '../src/language/phrases.js'
import {startArticle} from '../src/language/text-cache.js'
import {checkPatternSafety} from '../src/language/safe-regex.js'

const texts = (phrases: string[], text: string, lexicons = {}) =>
  allMatches(compilePhrases(phrases, lexicons), text).map((match) => match.text)

const ROOT = path.resolve(import.meta.dirname, '..')

describe('phrases', () => {
  it('matches words, alternatives, optional parts, lists, prefixes, gaps and numbers', () => {
    const lexicons = {doc: ['doctor', 'health care (provider|professional)']}
    expect(texts(['talk (to|with) [your] {doc} before'], 'Talk with your health care provider before it.', lexicons)).toEqual([
      'Talk with your health care provider before'
    ])
    expect(texts(['detox*'], 'Detoxing and detoxes, not retox.')).toEqual(['Detoxing', 'detoxes'])
    expect(texts(['a ... study'], 'a small recent pilot study; a study')).toEqual(['a small recent pilot study', 'a study'])
    expect(texts(['# mg [of] caffeine'], 'Take 400mg caffeine or 1,200 mg of caffeine.')).toEqual(['400mg caffeine', '1,200 mg of caffeine'])
    expect(texts(["don't skip"], 'Don’t skip it. Don\'t skip.')).toEqual(['Don’t skip', "Don't skip"])
    expect(texts(['doctor-patient'], 'a doctor patient bond, a doctor-patient one')).toEqual(['doctor patient', 'doctor-patient'])
    expect(texts(['general education (and|,) not'], 'general education, not advice')).toEqual(['general education, not'])
  })

  it('matches an alternative that starts with a literal number inside a sequence, as well as `#`', () => {
    expect(texts(['off your (5K|10K|# minute) (time|mile)'], 'off your 10K time, off your 5K time, off your 8 minute mile')).toEqual([
      'off your 10K time',
      'off your 5K time',
      'off your 8 minute mile'
    ])
    expect(texts(['call (911|999) now'], 'Call 911 now or call 999 now.')).toEqual(['Call 911 now', 'call 999 now'])
  })

  it('a hyphenated word that starts with a number matches as a whole, never its number alone', () => {
    expect(texts(['2-aminoisoheptane'], 'tendon rupture [2]; 2-aminoisoheptane, 2 aminoisoheptane')).toEqual(['2-aminoisoheptane', '2 aminoisoheptane'])
    expect(texts(['24-hour fast'], 'a 24 week plan and a 24-hour fast')).toEqual(['24-hour fast'])
  })

  it('matches whole words only, not after a hyphen inside a compound', () => {
    expect(texts(['fat'], 'fatigue and fat.')).toEqual(['fat'])
    expect(texts(['pregnancy'], 'pre-pregnancy weights; pregnancy')).toEqual(['pregnancy'])
    expect(texts(["it's just"], 'It’s just cramp.')).toEqual(['It’s just'])
    expect(texts(['# (percent|%) of'], 'about 40% of lifters and 12 percent of runners')).toEqual(['40% of', '12 percent of'])
    expect(texts(['(a|an) # hour fast'], 'a 72-hour fast and a three hour fast')).toEqual(['a 72-hour fast', 'a three hour fast'])
  })

  it('tokenizes clitics, numbers with units and hyphenated words', () => {
    expect(tokenize("Don't take 400mg — it's 1,200 mg pre-workout.").map((token) => token.norm)).toEqual([
      'do', "n't", 'take', '400', 'mg', '—', 'it', "'s", '1,200', 'mg', 'pre', 'workout', '.'
    ])
  })

  it('rejects malformed phrases with a clear message', () => {
    expect(() => parsePhrase('(a|b')).toThrow('invalid phrase `(a|b`: unclosed `(`')
    expect(() => parsePhrase('a ]')).toThrow('unexpected `]`')
    expect(() => parsePhrase('{nope}')).toThrow('unknown word list `{nope}`')
    expect(() => parsePhrase('a () b')).toThrow('empty alternative')
    expect(() => parsePhrase('a @ b')).toThrow('only letters, digits and simple punctuation')
  })

  it('gives the same matches whatever order matchers and texts are asked about (shared vocabulary and caches)', () => {
    const lexicons = {doc: ['doctor', 'physio*', 'health care (provider|professional)'], symptom: ['numbness', 'chest pain', 'tingl*']}
    const lists = [
      ['push through [the] pain', 'keep (going|running|lifting) ~3 pain', '{symptom} ~6 (down|into) ~3 (arm|leg)'],
      ['not (intended|meant) (as|to)', '# (mg|g) [of] caffeine', 'see [your|a] {doc}'],
      ['detox*', '~2 cleanse', '* is a myth'],
      ['(sharp|stabbing) pain', '{symptom}', 'studies (show|prove)'],
      ['it is', 'you should', ', not']
    ]
    const fixtures = path.join(import.meta.dirname, '..', 'fixtures')
    const texts: string[] = []
    for (const file of fs.readdirSync(fixtures, {recursive: true, encoding: 'utf8'}).sort()) {
      if (!/\.(?:md|txt)$/.test(file)) continue
      for (const line of fs.readFileSync(path.join(fixtures, file), 'utf8').split(/(?<=[.!?])\s+|\n/)) if (line.trim()) texts.push(line)
    }

    expect(texts.length).toBeGreaterThan(200)
    const answers = new Map<string, string>()
    /** Ask every matcher about a text, a clause-like half of it and a tail of it; answers must never change. */
    const ask = (matchers: Array<PhraseMatcher | undefined>, text: string) => {
      for (const piece of [text, text.slice(0, Math.floor(text.length / 2)), text.slice(Math.floor(text.length / 3))]) {
        for (const [which, matcher] of matchers.entries()) {
          if (!matcher) continue
          const key = `${which}\u0000${piece}`
          const answer = JSON.stringify([matcher.first(piece), matcher.all(piece), matcher.firstPerTag(piece), matcher.first(piece, 3)])
          expect(answers.get(key) ?? answer, key).toBe(answer)
          answers.set(key, answer)
        }
      }
    }

    const compile = (which: number) => (which < lists.length ? compilePhrases(lists[which], lexicons) : compileTagged(lists, lexicons))
    // All matchers compiled first, texts in order, a new article now and then.
    const upfront = lists.map((_, which) => compile(which)).concat(compile(lists.length))
    for (const [index, text] of texts.entries()) {
      ask(upfront, text)
      if (index % 7 === 0) startArticle()
    }

    // New matchers compiled while texts are being looked at (texts seen before
    // are cached, some with what was worked out before the matcher existed).
    const late: Array<PhraseMatcher | undefined> = []
    const order = texts.map((_, index) => index).sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101))
    for (const [step, index] of order.entries()) {
      if (step % 3 === 0 && late.length <= lists.length) late.push(compile(late.length))
      ask(late, texts[index])
      if (step % 11 === 0) startArticle()
    }

    for (const text of texts.slice(-40)) ask(late, text)
    expect(late.length).toBe(lists.length + 1)
  })

  it('finds the phrases of a matcher compiled after a text was looked at', () => {
    const text = 'Push through the pain, it is not meant as medical advice.'
    expect(compilePhrases(['medical advice']).first(text)?.text).toBe('medical advice')
    expect(compilePhrases(['push through [the] pain']).first(text)?.text).toBe('Push through the pain')
    expect(compileTagged([['meant as'], ['not meant']]).firstPerTag(text).map((match) => match?.text)).toEqual(['meant as', 'not meant'])
    expect(allMatches(compilePhrases(['(it|the) *']), text).map((match) => match.text)).toEqual(['the pain', 'it is'])
  })

  it('never backtracks catastrophically on adversarial text', () => {
    const re = compilePhrases(['a ~8 b', '(x|x y) [z] ... w', '# # # %', '~8 ~8 ~8 q'])
    const adversarial = ['a '.repeat(20000), 'x y '.repeat(20000) + 'z', '1 '.repeat(30000), ' '.repeat(50000) + 'a', 'q '.repeat(5000)]
    for (const text of adversarial) {
      const start = performance.now()
      allMatches(re, text)
      expect(performance.now() - start).toBeLessThan(500)
    }
  })
})

describe('pattern safety', () => {
  it('flags nested quantifiers, back-references and ambiguous alternation', () => {
    expect(checkPatternSafety('(a+)+')).toMatch(/nested quantifiers/)
    expect(checkPatternSafety('(\\w*x)*')).toMatch(/nested quantifiers/)
    expect(checkPatternSafety('(a|ab)*')).toMatch(/alternatives/)
    expect(checkPatternSafety('(a)\\1')).toMatch(/back-references/)
    expect(checkPatternSafety('(?=a)')).toMatch(/lookaround/)
    expect(checkPatternSafety('bro ?science')).toBeUndefined()
    expect(checkPatternSafety('\\b(?:keto|paleo) (?:diet|plan)s?\\b')).toBeUndefined()
    expect(checkPatternSafety('[(]+')).toBeUndefined()
  })
})

describe('phrase syntax errors', () => {
  it('rejects the regular-expression optional `(…)?`, which would match a literal "?"', () => {
    expect(() => parsePhrase('stops you (from )?catching colds')).toThrow(/square brackets/)
    expect(() => parsePhrase('stops you [from] catching colds')).not.toThrow()
  })
})

describe('rule data files', () => {
  it('quote every phrase that uses the number placeholder (YAML reads an unquoted " #" as a comment)', () => {
    // "- drop # pounds overnight" unquoted is the phrase "drop": a comment
    // swallows the rest, and the bare verb fires on every sentence with it.
    const files = fs.readdirSync(path.join(ROOT, 'rules'), {recursive: true}).map(String).filter((file) => file.endsWith('.yml'))
    const problems: string[] = []
    for (const file of files) {
      const lines = fs.readFileSync(path.join(ROOT, 'rules', file), 'utf8').split('\n')
      lines.forEach((line, index) => {
        const item = /^\s*-\s+(?!["'#{[])(.*)$/.exec(line)
        if (item && /\s#(?:\s|$|\])/.test(item[1]) && !/^\s*#/.test(item[1])) problems.push(`rules/${file}:${index + 1}: ${line.trim()}`)
      })
    }

    expect(problems).toEqual([])
  })
})
