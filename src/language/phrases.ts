/**
 * Phrase patterns: the small language rule data is written in. Editors can
 * read and extend it from config without writing regular expressions, and
 * every pattern compiles to a regular expression that cannot backtrack
 * catastrophically (no nested unbounded quantifiers).
 *
 * Syntax (case-insensitive, whole words):
 *   push through the pain        literal words
 *   (sharp|joint|chest) pain     alternatives (each may be several words)
 *   [the] pain                   optional words ([a|an|the]: optional alternatives)
 *   {symptom}                    a named word list (lexicon)
 *   detox*                       a word starting with `detox`
 *   *                            any one word
 *   ~N                           up to N words (N ≤ 8) inside a clause (no punctuation)
 *   +N, ...                      up to N (three) words, across commas but not ; : . ! ?
 *   #                            a number (`400`, `1,200`, `2.5`)
 *   doctor-patient               a hyphen also matches a space or nothing
 * Straight and curly apostrophes are the same; text is matched after curly
 * quotes were normalised.
 */

export type Lexicons = Record<string, string[]>

export class PhraseSyntaxError extends Error {
  constructor(phrase: string, problem: string) {
    super(`invalid phrase \`${phrase}\`: ${problem}`)
    this.name = 'PhraseSyntaxError'
  }
}

const WORD = String.raw`[\p{L}\p{N}'’]+(?:[-.][\p{L}\p{N}'’]+)*`
const ANY_WORD = String.raw`[^\s]+`
const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Compile one phrase to regular expression source (no flags, no anchors). */
export function phraseToSource(phrase: string, lexicons: Lexicons = {}, depth = 0): string {
  if (depth > 4) throw new PhraseSyntaxError(phrase, 'lexicons nest too deeply')
  const tokens = tokenize(phrase)
  if (tokens.length === 0) throw new PhraseSyntaxError(phrase, 'empty phrase')
  let position = 0

  const sequence = (stop: string[]): string[] => {
    const parts: string[] = []
    while (position < tokens.length && !stop.includes(tokens[position])) {
      parts.push(atom())
    }

    return parts
  }

  const atom = (): string => {
    const token = tokens[position++]
    if (token === '(' || token === '[') {
      const close = token === '(' ? ')' : ']'
      const alternatives: string[] = []
      for (;;) {
        const parts = sequence(['|', close])
        if (parts.length === 0) throw new PhraseSyntaxError(phrase, 'empty alternative')
        alternatives.push(join(parts))
        const next = tokens[position++]
        if (next === close) break
        if (next !== '|') throw new PhraseSyntaxError(phrase, `unclosed \`${token}\``)
      }

      const group = alternatives.length === 1 ? alternatives[0] : '(?:' + alternatives.join('|') + ')'
      // Optional groups are marked; `join` attaches the following space inside.
      return token === '(' ? '(?:' + alternatives.join('|') + ')' : '\u0000OPT' + group
    }

    if (token === ')' || token === ']' || token === '|') {
      throw new PhraseSyntaxError(phrase, `unexpected \`${token}\``)
    }

    if (token.startsWith('{') && token.endsWith('}')) {
      const name = token.slice(1, -1)
      const list = lexicons[name]
      if (!list) throw new PhraseSyntaxError(phrase, `unknown word list \`{${name}}\``)
      return (
        '(?:' +
        list
          .map((entry) => phraseToSource(entry, lexicons, depth + 1))
          .sort((a, b) => b.length - a.length)
          .join('|') +
        ')'
      )
    }

    if (token === '*') return ANY_WORD
    if (token === '...' || token === '…') return '\u0000WIDE3'
    if (/^~[1-8]$/.test(token)) return '\u0000GAP' + token.slice(1)
    if (/^\+[1-8]$/.test(token)) return '\u0000WIDE' + token.slice(1)
    if (token === '#') return '\u0000NUM'
    return literal(token)
  }

  const parts = sequence([])
  if (position < tokens.length) throw new PhraseSyntaxError(phrase, `unexpected \`${tokens[position]}\``)
  return join(parts)
}

/**
 * Separator between two atoms: white space, a hyphen (`cola colored`
 * matches `cola-colored`), or nothing next to punctuation (`education, not`
 * matches `education (,|and) not`).
 */
const SEP = String.raw`(?:\s+|\s*-\s*|(?=[,;:.!?])|(?<=[,;:.!?])\s*)`

/** Join atoms with separators, handling optional atoms and gaps. */
function join(parts: string[]): string {
  let source = ''
  parts.forEach((part, index) => {
    const last = index === parts.length - 1
    if (part.startsWith('\u0000WIDE')) {
      // Up to N words, crossing commas but not the end of a clause (; : . ! ?).
      source += String.raw`(?:[^\s;:!?()|]*[^\s;:.!?()|]\s+){0,${part.slice(5)}}`
      return
    }

    if (part.startsWith('\u0000GAP')) {
      // Up to N words (each followed by space); `\S+` and `\s+` are
      // disjoint, so this cannot backtrack badly.
      // Gaps stay inside a clause: they do not cross punctuation.
      source += String.raw`(?:[^\s]*[^\s,;:.!?()|]\s+){0,${part.slice(4)}}`
      return
    }

    if (part.startsWith('\u0000OPT')) {
      const inner = part.slice(4)
      source += last ? `(?:${SEP}${inner})?` : `(?:${inner}${SEP})?`
      return
    }

    if (part === '\u0000NUM') {
      // A number may touch its unit: `400mg`, `2x`, `90%`.
      source += NUMBER
      if (!last) source += String.raw`(?:\s*-\s*|\s*)`
      return
    }

    source += part
    if (last) return
    // An optional last part carries its own leading separator.
    const nextIsOptionalLast = index + 1 === parts.length - 1 && parts[index + 1].startsWith('\u0000OPT')
    // A unit sign touches its number: `100%`, `40°`.
    if (/^(?:\(\?:)?[%°]/.test(parts[index + 1])) source += String.raw`\s*`
    else if (!nextIsOptionalLast) source += SEP
  })

  return source
}

function literal(token: string): string {
  let prefix = false
  let word = token
  if (word.endsWith('*') && word.length > 1) {
    prefix = true
    word = word.slice(0, -1)
  }

  if (!/^[\p{L}\p{N}'’%$°&+/.,:;!?"<>=#-]+$/u.test(word)) {
    throw new PhraseSyntaxError(token, 'only letters, digits and simple punctuation are allowed in words')
  }

  let source = ''
  for (const char of word) {
    if (char === "'" || char === '’') source += "['’]"
    else if (char === '-') source += String.raw`[-\s]?`
    else source += escape(char)
  }

  if (prefix) source += String.raw`[\p{L}\p{N}'’-]*`
  return source
}

function tokenize(phrase: string): string[] {
  const tokens: string[] = []
  const re = /(\(|\)|\[|\]|\||\{[\w-]+\}|\.\.\.|…|[~+][1-8]\b|[^\s()[\]|]+)|(\S)/gu
  let match: RegExpExecArray | null
  while ((match = re.exec(phrase))) {
    if (match[2]) throw new PhraseSyntaxError(phrase, `unexpected \`${match[2]}\``)
    tokens.push(match[1])
  }

  return tokens
}

/** Word boundaries that also work next to non-ASCII letters. */
export const BEFORE = String.raw`(?<![\p{L}\p{N}_]|[\p{L}\p{N}]-)`
export const AFTER = String.raw`(?![\p{L}\p{N}_])`

/**
 * Compile a list of phrases into one case-insensitive regular expression.
 * With `capture`, each phrase is its own capture group (to know which one
 * matched).
 */
export function compilePhrases(
  phrases: string[],
  lexicons: Lexicons = {},
  flags = 'giu'
): RegExp {
  if (phrases.length === 0) return /(?!)/gu
  const sources = phrases.map((phrase) => phraseToSource(phrase, lexicons))
  return new RegExp(BEFORE + '(?:' + sources.join('|') + ')' + AFTER, flags)
}

export interface PhraseMatch {
  start: number
  end: number
  text: string
}

/** All non-overlapping matches of `re` in `text`. */
export function allMatches(re: RegExp, text: string): PhraseMatch[] {
  const found: PhraseMatch[] = []
  re.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = re.exec(text))) {
    if (match[0].length === 0) {
      re.lastIndex++
      continue
    }

    found.push({start: match.index, end: match.index + match[0].length, text: match[0]})
  }

  return found
}

/** First match of `re` in `text`, if any. */
export function firstMatch(re: RegExp, text: string, from = 0): PhraseMatch | undefined {
  re.lastIndex = from
  const match = re.exec(text)
  if (!match) return undefined
  return {start: match.index, end: match.index + match[0].length, text: match[0]}
}

export {WORD}
