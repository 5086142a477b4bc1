/**
 * Phrase patterns: the small language rule data is written in. Editors can
 * read and extend it from config without writing regular expressions.
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
 *   #                            a number (`400`, `1,200`, `2.5`), touching its unit or not (`400mg`)
 *   doctor-patient               a hyphen also matches a space or nothing
 *   , ; : % °                    punctuation and unit signs match themselves
 * Straight and curly apostrophes are the same.
 *
 * Patterns are matched over word tokens, not with regular expressions. All
 * compiled matchers share one vocabulary that indexes every phrase under its
 * most selective required word: a text is tokenised once, one pass over its
 * words finds the few phrases (of all rules) whose required words all occur,
 * and a matcher asked about the text tries only its own among those, at the
 * tokens they can start with. Matching explores sets of token positions (no
 * backtracking), so no input can make it slow.
 */

import {textCache} from './text-cache.js'

export type Lexicons = Record<string, string[]>

export class PhraseSyntaxError extends Error {
  constructor(phrase: string, problem: string) {
    super(`invalid phrase \`${phrase}\`: ${problem}`)
    this.name = 'PhraseSyntaxError'
  }
}

// ---------------------------------------------------------------------------
// Tokens

export interface Token {
  /** Lower-case form (apostrophes straightened). */
  norm: string
  /** As written. */
  raw: string
  start: number
  end: number
  kind: 'word' | 'number' | 'punct'
  /** The token follows a hyphen inside a compound ("pre-pregnancy"). */
  afterHyphen: boolean
  /** Ids of the pattern prefixes (`detox*`) the word starts with (set when a matcher looks at the text). */
  prefixIds: number[]
  /** A number or a number word, which `#` matches (set with `prefixIds`). */
  numeric: boolean
}

/** Shared empty list of prefix ids. */
const NO_IDS: number[] = []

const CLITIC = /^(.+?)('s|'re|'ll|'ve|'d|'m|n't)$/
/**
 * Tokens are numbers, words and single punctuation marks, tried in that
 * order at each character that is not white space (as the alternation
 * `number|[\p{L}\p{N}_']+|[^\s\p{L}\p{N}]` would), with sticky expressions
 * that allocate no match arrays.
 */
const NUMBER_AT = /\d[\d,]*\d(?:\.\d+)?|\d+(?:\.\d+)?/y
const WORD_AT = /[\p{L}\p{N}_']+/uy
const SPACE_AT = /\s/uy

/** Split text into word, number and punctuation tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const source = text.includes('’') ? text.replace(/’/g, "'") : text
  let previousHyphenEnd = -1
  let at = 0
  while (at < source.length) {
    const code = source.charCodeAt(at)
    // White space (ASCII quickly, the rest as `\s` has it).
    if (code === 32 || (code >= 9 && code <= 13)) {
      at++
      continue
    }

    if (code > 127) {
      SPACE_AT.lastIndex = at
      if (SPACE_AT.test(source)) {
        at = SPACE_AT.lastIndex
        continue
      }
    }

    const start = at
    const afterHyphen = start === previousHyphenEnd
    if (code >= 48 && code <= 57) {
      NUMBER_AT.lastIndex = start
      NUMBER_AT.test(source)
      const end = NUMBER_AT.lastIndex
      const raw = source.slice(start, end)
      tokens.push({norm: raw, raw, start, end, kind: 'number', afterHyphen, prefixIds: NO_IDS, numeric: false})
      at = end
      continue
    }

    WORD_AT.lastIndex = start
    if (!WORD_AT.test(source)) {
      // One code point of punctuation or a symbol.
      const end = code >= 0xd800 && code <= 0xdbff && start + 1 < source.length && (source.charCodeAt(start + 1) & 0xfc00) === 0xdc00 ? start + 2 : start + 1
      at = end
      // A hyphen joining two words is not a token of its own.
      if (code === 45 /* - */ && start > 0 && /[\p{L}\p{N}]/u.test(source.charAt(start - 1)) && /[\p{L}\p{N}]/u.test(source.charAt(end))) {
        previousHyphenEnd = end
        continue
      }

      const raw = source.slice(start, end)
      tokens.push({norm: raw, raw, start, end, kind: 'punct', afterHyphen, prefixIds: NO_IDS, numeric: false})
      continue
    }

    const end = WORD_AT.lastIndex
    at = end
    const raw = source.slice(start, end)
    // A word (letters, digits, `_` and apostrophes; never starting with an ASCII digit).
    if (raw.charCodeAt(0) === 39 /* ' */) {
      // A clitic on its own ("'s" in a pattern) is one word.
      if (/^'(?:s|re|ll|ve|d|m)$/i.test(raw)) {
        tokens.push({norm: raw.toLowerCase(), raw, start, end, kind: 'word', afterHyphen: false, prefixIds: NO_IDS, numeric: false})
        continue
      }
    }

    // Leading/trailing quote marks are punctuation, not part of the word.
    let word = raw
    let from = start
    while (word.startsWith("'")) {
      tokens.push({norm: "'", raw: "'", start: from, end: from + 1, kind: 'punct', afterHyphen: false, prefixIds: NO_IDS, numeric: false})
      word = word.slice(1)
      from++
    }

    let trailing = 0
    while (word.endsWith("'") && !/[sS]'$/.test(word.slice(-2)) && word.length > 1) {
      word = word.slice(0, -1)
      trailing++
    }

    if (word) pushWord(tokens, word, from, afterHyphen)
    for (let index = 0; index < trailing; index++) {
      const quote = from + word.length + index
      tokens.push({norm: "'", raw: "'", start: quote, end: quote + 1, kind: 'punct', afterHyphen: false, prefixIds: NO_IDS, numeric: false})
    }
  }

  return tokens
}

function pushWord(tokens: Token[], word: string, start: number, afterHyphen: boolean): void {
  const lower = word.toLowerCase()
  // Every clitic has an apostrophe.
  const clitic = lower.includes("'") ? CLITIC.exec(lower) : null
  if (clitic && clitic[1].length > 0 && !/^\d+$/.test(clitic[1])) {
    const stemLength = clitic[1].length
    tokens.push({norm: clitic[1], raw: word.slice(0, stemLength), start, end: start + stemLength, kind: 'word', afterHyphen, prefixIds: NO_IDS, numeric: false})
    tokens.push({norm: clitic[2], raw: word.slice(stemLength), start: start + stemLength, end: start + word.length, kind: 'word', afterHyphen: false, prefixIds: NO_IDS, numeric: false})
    return
  }

  // "400mg": a number touching its unit is two tokens.
  const first = word.charCodeAt(0)
  const unit = first >= 48 && first <= 57 ? /^(\d+(?:\.\d+)?)(\p{L}+)$/u.exec(word) : null
  if (unit) {
    tokens.push({norm: unit[1], raw: unit[1], start, end: start + unit[1].length, kind: 'number', afterHyphen, prefixIds: NO_IDS, numeric: false})
    tokens.push({norm: unit[2].toLowerCase(), raw: unit[2], start: start + unit[1].length, end: start + word.length, kind: 'word', afterHyphen: false, prefixIds: NO_IDS, numeric: false})
    return
  }

  tokens.push({norm: lower, raw: word, start, end: start + word.length, kind: 'word', afterHyphen, prefixIds: NO_IDS, numeric: false})
}

// ---------------------------------------------------------------------------
// Pattern tree

type Node =
  | {type: 'word'; value: string; caseSensitive: boolean}
  | {type: 'prefix'; value: string}
  | {type: 'number'}
  | {type: 'any'}
  | {type: 'punct'; value: string}
  | {type: 'gap'; max: number; commas: boolean}
  | {type: 'seq'; items: Node[]}
  | {type: 'alt'; words: Set<string>; options: Node[]; optional: boolean; index?: AltIndex}

/** Options of an alternative indexed by their first word, for large lists. */
interface AltIndex {
  byWord: Map<string, Node[]>
  /** By prefix id. */
  byPrefix: Map<number, Node[]>
  /** Options that start with `#`. */
  numbers: Node[]
  rest: Node[]
}

function addTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

function parse(phrase: string, lexicons: Lexicons, caseSensitive: boolean, depth: number): Node {
  if (depth > 4) throw new PhraseSyntaxError(phrase, 'word lists nest too deeply')
  // Regular-expression habit: `(from )?` would match a literal "?".
  if (/\)\?/.test(phrase)) throw new PhraseSyntaxError(phrase, '`(…)?` is not phrase syntax: write optional words in square brackets, e.g. `[from]` or `[a|the]`')
  const tokens = splitPattern(phrase)
  if (tokens.length === 0) throw new PhraseSyntaxError(phrase, 'empty phrase')
  let position = 0

  const sequence = (stop: string[]): Node[] => {
    const items: Node[] = []
    while (position < tokens.length && !stop.includes(tokens[position])) items.push(...atom())
    return items
  }

  const atom = (): Node[] => {
    const token = tokens[position++]
    if (token === '(' || token === '[') {
      const close = token === '(' ? ')' : ']'
      const options: Node[] = []
      for (;;) {
        const items = sequence(['|', close])
        if (items.length === 0) throw new PhraseSyntaxError(phrase, 'empty alternative')
        options.push(items.length === 1 ? items[0] : {type: 'seq', items})
        const next = tokens[position++]
        if (next === close) break
        if (next !== '|') throw new PhraseSyntaxError(phrase, `unclosed \`${token}\``)
      }

      return [alternatives(options, token === '[')]
    }

    if (token === ')' || token === ']' || token === '|') throw new PhraseSyntaxError(phrase, `unexpected \`${token}\``)
    if (token.startsWith('{') && token.endsWith('}')) {
      const name = token.slice(1, -1)
      const list = lexicons[name]
      if (!list) throw new PhraseSyntaxError(phrase, `unknown word list \`{${name}}\``)
      return [wordList(list, lexicons, caseSensitive, depth + 1)]
    }

    if (token === '*') return [{type: 'any'}]
    if (token === '...' || token === '…') return [{type: 'gap', max: 3, commas: true}]
    if (/^~[1-8]$/.test(token)) return [{type: 'gap', max: Number(token.slice(1)), commas: false}]
    if (/^\+[1-8]$/.test(token)) return [{type: 'gap', max: Number(token.slice(1)), commas: true}]
    if (token === '#') return [{type: 'number'}]
    return literal(phrase, token, caseSensitive)
  }

  const items = sequence([])
  if (position < tokens.length) throw new PhraseSyntaxError(phrase, `unexpected \`${tokens[position]}\``)
  return items.length === 1 ? items[0] : {type: 'seq', items}
}

/**
 * A word list parsed once per list, case mode and depth: the large shared
 * lists are named by many phrases. The node is shared by every phrase that
 * names the list (nodes are not changed after parsing, except for the
 * option index an alternative builds for itself on first use).
 */
const parsedLists = new WeakMap<string[], Map<string, Node>>()

function wordList(list: string[], lexicons: Lexicons, caseSensitive: boolean, depth: number): Node {
  let byMode = parsedLists.get(list)
  if (!byMode) {
    byMode = new Map()
    parsedLists.set(list, byMode)
  }

  // The depth is part of the key so a list nested too deeply still fails as it did.
  const key = (caseSensitive ? 'c' : 'i') + depth
  let node = byMode.get(key)
  if (!node) {
    node = alternatives(list.map((entry) => parse(entry, lexicons, caseSensitive, depth)), false)
    byMode.set(key, node)
  }

  return node
}

function alternatives(options: Node[], optional: boolean): Node {
  const words = new Set<string>()
  const rest: Node[] = []
  for (const option of options) {
    if (option.type === 'word' && !option.caseSensitive) words.add(option.value)
    else if (option.type === 'alt' && !option.optional) {
      for (const word of option.words) words.add(word)
      rest.push(...option.options)
    } else rest.push(option)
  }

  return {type: 'alt', words, options: rest, optional}
}

/** A written word of a pattern as token nodes ("doctor-patient", "400mg", "don't"). */
function literal(phrase: string, word: string, caseSensitive: boolean): Node[] {
  let prefix = false
  let text = word.replace(/’/g, "'")
  if (text.endsWith('*') && text.length > 1) {
    prefix = true
    text = text.slice(0, -1)
  }

  // Most words are plain letters: one word node, as `tokenize` would give.
  if (/^[a-z]+$/i.test(text)) {
    return [prefix ? {type: 'prefix', value: text.toLowerCase()} : caseSensitive ? {type: 'word', value: text, caseSensitive: true} : {type: 'word', value: text.toLowerCase(), caseSensitive: false}]
  }

  if (!/^[\p{L}\p{N}'%$°&+/.,:;!?"<>=#-]+$/u.test(text)) {
    throw new PhraseSyntaxError(phrase, `only letters, digits and simple punctuation are allowed in words (\`${word}\`)`)
  }

  if (text.includes('-') && text.length > 1 && !/^-|-$/.test(text)) {
    // A hyphen matches a hyphen, a space, or nothing.
    const parts = text.split('-').filter(Boolean)
    const split = parts.flatMap((part) => literal(phrase, part, caseSensitive))
    const joined = literal(phrase, parts.join('') + (prefix ? '*' : ''), caseSensitive)
    if (prefix) split[split.length - 1] = {type: 'prefix', value: parts[parts.length - 1].toLowerCase()}
    // The joined form may itself be several tokens ("2-aminoisoheptane" →
    // "2", "aminoisoheptane"): it is one alternative, a sequence, never
    // each of its tokens alone.
    return [alternatives([{type: 'seq', items: split}, joined.length === 1 ? joined[0] : {type: 'seq', items: joined}], false)]
  }

  const tokens = tokenize(text)
  if (tokens.length === 0) throw new PhraseSyntaxError(phrase, `empty word \`${word}\``)
  const nodes: Node[] = tokens.map((token) => {
    if (token.kind === 'punct') return {type: 'punct', value: token.norm}
    if (token.kind === 'number') return {type: 'word', value: token.norm, caseSensitive: false}
    return caseSensitive ? {type: 'word', value: token.raw, caseSensitive: true} : {type: 'word', value: token.norm, caseSensitive: false}
  })
  if (prefix) {
    const last = nodes[nodes.length - 1]
    if (last.type === 'word') nodes[nodes.length - 1] = {type: 'prefix', value: last.value.toLowerCase()}
  }

  return nodes
}

function splitPattern(phrase: string): string[] {
  const tokens: string[] = []
  const re = /(\(|\)|\[|\]|\||\{[\w-]+\}|\.\.\.|…|[~+][1-8]\b|[^\s()[\]|]+)|(\S)/gu
  let match: RegExpExecArray | null
  while ((match = re.exec(phrase))) {
    if (match[2]) throw new PhraseSyntaxError(phrase, `unexpected \`${match[2]}\``)
    tokens.push(match[1])
  }

  return tokens
}

// ---------------------------------------------------------------------------
// The vocabulary and the per-text scan.
//
// Every compiled matcher registers its phrases, once, in one shared
// vocabulary: each phrase under the words (or word prefixes) of its most
// selective required part, usually a rare word ("numbness", not "your").
// A text is tokenised once, and one pass over its words finds, for all
// matchers at once, the phrases whose required parts all occur in it (the
// others cannot match). A matcher asked about the text then tries only
// those, usually none. Everything computed about a text (tokens, word set,
// those phrases, each matcher's results) lives in one record per text.

const prefixIds = new Map<string, number>()

interface TrieNode {
  id: number
  next: Map<number, TrieNode> | undefined
}

const prefixTrie: TrieNode = {id: -1, next: undefined}

/** Phrases by a word or prefix of their most selective required part. */
const activationByWord = new Map<string, Entry[]>()
const activationByPrefix: Entry[][] = []

/** Changes when a prefix or a matcher is added: what was worked out for a text before is stale. */
let vocabularyVersion = 0
let matcherCount = 0

/** The id of a word prefix (`detox*`), registered on first use. */
function prefixId(prefix: string): number {
  let id = prefixIds.get(prefix)
  if (id !== undefined) return id
  id = prefixIds.size
  prefixIds.set(prefix, id)
  activationByPrefix.push([])
  let node = prefixTrie
  for (let index = 0; index < prefix.length; index++) {
    const code = prefix.charCodeAt(index)
    node.next ??= new Map()
    let child = node.next.get(code)
    if (!child) {
      child = {id: -1, next: undefined}
      node.next.set(code, child)
    }

    node = child
  }

  node.id = id
  vocabularyVersion++
  return id
}

/** Ids of the registered prefixes `word` starts with (shortest first). */
function prefixesOf(word: string): number[] {
  let ids = NO_IDS
  let node: TrieNode | undefined = prefixTrie
  for (let index = 0; index < word.length; index++) {
    node = node.next?.get(word.charCodeAt(index))
    if (!node) break
    if (node.id !== -1) {
      if (ids === NO_IDS) ids = []
      ids.push(node.id)
    }
  }

  return ids
}

/** Pattern nodes whose prefixes are registered (word lists are shared by many phrases). */
const prefixesRegistered = new WeakSet<Node>()

/** Register every prefix used anywhere in a pattern (alternatives are indexed by them lazily). */
function registerPrefixes(node: Node): void {
  if (node.type === 'word' || node.type === 'number' || prefixesRegistered.has(node)) return
  prefixesRegistered.add(node)
  switch (node.type) {
    case 'prefix': {
      prefixId(node.value)
      break
    }

    case 'seq': {
      for (const item of node.items) registerPrefixes(item)
      break
    }

    case 'alt': {
      for (const option of node.options) registerPrefixes(option)
      break
    }

    default:
  }
}

/**
 * Words too common to pick a phrase by (only the choice of which part of a
 * phrase to index it under depends on this; never what matches).
 */
const COMMON_WORDS = new Set(
  `a about after all also an and any are as at be been before but by can could did do does don't each even for from get had has have he her his how i if in into is it its it's just like make may might more most much must my n't no not now of on one only or our out over own really should so some such than that the their them then there these they this those through to too up us very was we were what when where which while who will with without would you your 's 're 'll 've 'd 'm , . ; : ! ? ' "`.split(/\s+/)
)

/**
 * How many phrases (of all matchers registered so far) need each word: a
 * word many phrases need ("pain", "fat") is common in the texts too, so it
 * is a poor word to index a phrase under.
 */
const wordUses = new Map<string, number>()

/** An estimate of how often the anchor occurs in a text (lower: index under it). */
function anchorCost(anchor: CompiledAnchor): number {
  let cost = anchor.prefixes.length * 20
  for (const word of anchor.words) cost += COMMON_WORDS.has(word) ? 1000 : 1 + (wordUses.get(word) ?? 0)
  return cost
}

/** Everything computed about one text: its tokens, their words, results per matcher. */
interface TextScan {
  /** Unique per record. */
  id: number
  tokens: Token[] | undefined
  /** Vocabulary version the tokens were looked up for. */
  version: number
  words: Set<string> | undefined
  /** Prefix ids present in the text, and the vocabulary version they are for. */
  prefixes: Set<number> | undefined
  prefixesVersion: number
  /**
   * The phrases that can match the text (all their required parts occur),
   * per matcher id, and the vocabulary version this is for.
   */
  possible: Map<number, Entry[]> | undefined
  possibleVersion: number
  /** Results per matcher (and per memo), by slot number; only texts a matcher had to scan. */
  results: Map<number, unknown> | undefined
}

const scans = textCache<string, TextScan>()
let slotCount = 0
let scanCount = 0
let lastText: string | undefined
let lastScan: TextScan | undefined

/** The record of `text` (consecutive calls are mostly about the same sentence). */
function scanOf(text: string): TextScan {
  if (text === lastText && lastScan) return lastScan
  let scan = scans.get(text)
  if (!scan) {
    scan = {
      id: scanCount++,
      tokens: undefined,
      version: -1,
      words: undefined,
      prefixes: undefined,
      prefixesVersion: -1,
      possible: undefined,
      possibleVersion: -1,
      results: undefined
    }
    scans.set(text, scan)
  }

  lastText = text
  lastScan = scan
  return scan
}

function tokensIn(text: string, scan: TextScan): Token[] {
  let tokens = scan.tokens
  if (!tokens) {
    tokens = tokenize(text)
    scan.tokens = tokens
  }

  return tokens
}

/** The tokens of a text, each looked up in the current vocabulary. */
function lookedUp(text: string, scan: TextScan): Token[] {
  const tokens = tokensIn(text, scan)
  if (scan.version !== vocabularyVersion) {
    for (const token of tokens) {
      token.prefixIds = prefixesOf(token.norm)
      token.numeric = token.kind === 'number' || (token.kind === 'word' && NUMBER_WORDS.has(token.norm))
    }

    scan.version = vocabularyVersion
  }

  return tokens
}

function wordsIn(scan: TextScan, tokens: Token[]): Set<string> {
  let words = scan.words
  if (!words) {
    words = new Set()
    for (const token of tokens) words.add(token.norm)
    scan.words = words
  }

  return words
}

function prefixesIn(scan: TextScan, tokens: Token[]): Set<number> {
  let prefixes = scan.prefixes
  if (!prefixes || scan.prefixesVersion !== scan.version) {
    prefixes = new Set()
    for (const token of tokens) for (const id of token.prefixIds) prefixes.add(id)
    scan.prefixes = prefixes
    scan.prefixesVersion = scan.version
  }

  return prefixes
}

const NO_POSSIBLE = new Map<number, Entry[]>()
let entryStamp = 0

/**
 * The phrases of all matchers that can match the text: one pass over its
 * words collects the phrases indexed under them, and those whose other
 * required parts occur too are kept, by matcher.
 */
function possibleIn(scan: TextScan, tokens: Token[]): Map<number, Entry[]> {
  if (scan.possible && scan.possibleVersion === vocabularyVersion) return scan.possible
  let possible = NO_POSSIBLE
  const stamp = ++entryStamp
  for (let index = 0; index <= tokens.length; index++) {
    // Each token's word, then each prefix it starts with.
    const token = tokens[index]
    if (!token) break
    let entries = activationByWord.get(token.norm)
    let prefix = 0
    for (;;) {
      if (entries) {
        for (const entry of entries) {
          if (entry.stamp === stamp) continue
          entry.stamp = stamp
          // The first anchor is the one the phrase is indexed under: it occurs.
          const anchors = entry.anchors
          let all = true
          for (let at = 1; at < anchors.length; at++) {
            if (!anchorPresent(anchors[at], scan, tokens)) {
              all = false
              break
            }
          }

          if (!all) continue
          if (possible === NO_POSSIBLE) possible = new Map()
          const list = possible.get(entry.matcher)
          if (list) list.push(entry)
          else possible.set(entry.matcher, [entry])
        }
      }

      if (prefix >= token.prefixIds.length) break
      entries = activationByPrefix[token.prefixIds[prefix++]]
    }
  }

  scan.possible = possible
  scan.possibleVersion = vocabularyVersion
  return possible
}

/** Tokens of `text`, cached: many matchers look at the same sentence. */
export function tokensOf(text: string): Token[] {
  return tokensIn(text, scanOf(text))
}

/**
 * Memoise a function of a text alongside the text's tokens and matches (the
 * same lifetime: the current and the previous article). `compute` must not
 * return undefined.
 */
export function memoByText<V>(compute: (text: string) => V): (text: string) => V {
  const slot = slotCount++
  return (text) => {
    const scan = scanOf(text)
    const results = (scan.results ??= new Map())
    let value = results.get(slot) as V | undefined
    if (value === undefined) {
      value = compute(text)
      results.set(slot, value)
    }

    return value
  }
}

// ---------------------------------------------------------------------------
// Matching: sets of positions.

const EMPTY: number[] = []

/** Shared `[position + 1]` results, so a word match allocates nothing. */
const NEXT: number[][] = Array.from({length: 4096}, (_, index) => [index + 1])

function next(position: number): number[] {
  return position + 1 < NEXT.length ? NEXT[position] : [position + 1]
}

/** Words that `#` matches as well as digits. */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen half'.split(' ')
)

/**
 * Index an alternative's options by the words they can start with, so a
 * long word list is not tried option by option at every word.
 */
function indexAlt(node: Extract<Node, {type: 'alt'}>): AltIndex {
  const index: AltIndex = {byWord: new Map(), byPrefix: new Map(), numbers: [], rest: []}
  for (const option of node.options) {
    const first: FirstSet = {words: new Set(), prefixes: [], number: false, open: false}
    const empty = firstSet(option, first)
    if (empty || first.open) {
      index.rest.push(option)
      continue
    }

    if (first.number) index.numbers.push(option)
    for (const word of first.words) addTo(index.byWord, word, option)
    for (const prefix of first.prefixes) addTo(index.byPrefix, prefixId(prefix), option)
  }

  node.index = index
  return index
}

function step(node: Node, tokens: Token[], position: number): number[] {
  const token = tokens[position]
  switch (node.type) {
    case 'word': {
      if (!token || token.kind === 'punct') return EMPTY
      return (node.caseSensitive ? token.raw === node.value : token.norm === node.value) ? next(position) : EMPTY
    }

    case 'prefix': {
      return token && token.kind === 'word' && token.norm.startsWith(node.value) ? next(position) : EMPTY
    }

    case 'number': {
      return token && token.numeric ? next(position) : EMPTY
    }

    case 'any': {
      return token && token.kind !== 'punct' ? next(position) : EMPTY
    }

    case 'punct': {
      return token && token.kind === 'punct' && token.norm === node.value ? next(position) : EMPTY
    }

    case 'gap': {
      const ends = [position]
      let at = position
      for (let count = 0; count < node.max; count++) {
        const next = tokens[at]
        if (!next) break
        if (next.kind === 'punct') {
          // Unit signs belong to their number ("40%"); commas only in wide gaps.
          if (next.norm === '%' || next.norm === '°') {
            at++
            ends.push(at)
            count--
            continue
          }

          if (!(node.commas && next.norm === ',')) break
          // A comma rides along with the word before it.
          at++
          ends.push(at)
          count--
          continue
        }

        at++
        ends.push(at)
      }

      return ends
    }

    case 'seq': {
      let positions: number[] = EMPTY
      let first = true
      for (const item of node.items) {
        if (first) {
          first = false
          positions = step(item, tokens, position)
          if (positions.length === 0) return EMPTY
          continue
        }

        if (positions.length === 1) {
          positions = step(item, tokens, positions[0])
          if (positions.length === 0) return EMPTY
          continue
        }

        const following: number[] = []
        for (const at of positions) {
          for (const end of step(item, tokens, at)) if (!following.includes(end)) following.push(end)
        }

        if (following.length === 0) return EMPTY
        positions = following
      }

      return positions
    }

    case 'alt': {
      let ends: number[] | undefined
      const add = (end: number) => {
        if (!ends) ends = [end]
        else if (!ends.includes(end)) ends.push(end)
      }

      if (node.optional) add(position)
      if (!token) {
        const index = node.index ?? indexAlt(node)
        for (const option of index.rest) for (const end of step(option, tokens, position)) add(end)
        return ends ?? EMPTY
      }

      if (token.kind !== 'punct' && node.words.has(token.norm)) add(position + 1)
      const index = node.index ?? indexAlt(node)
      // A number token starts both the options written with that number ("10K time") and those with `#`.
      const options = index.byWord.get(token.norm)
      if (options) for (const option of options) for (const end of step(option, tokens, position)) add(end)
      if (index.numbers.length > 0 && token.numeric) {
        for (const option of index.numbers) for (const end of step(option, tokens, position)) add(end)
      }

      if (token.kind === 'word' && index.byPrefix.size > 0) {
        for (const id of token.prefixIds) {
          const prefixed = index.byPrefix.get(id)
          if (prefixed) for (const option of prefixed) for (const end of step(option, tokens, position)) add(end)
        }
      }

      for (const option of index.rest) for (const end of step(option, tokens, position)) add(end)
      return ends ?? EMPTY
    }
  }
}

/** Words (or prefixes) a node can start with; `open` when it can start anywhere. */
interface FirstSet {
  words: Set<string>
  prefixes: string[]
  /** Can start at a number token. */
  number: boolean
  open: boolean
}

function firstSet(node: Node, into: FirstSet): boolean {
  // Returns whether the node can match nothing (so the next one counts too).
  switch (node.type) {
    case 'word': {
      into.words.add(node.caseSensitive ? node.value.toLowerCase() : node.value)
      return false
    }

    case 'prefix': {
      into.prefixes.push(node.value)
      return false
    }

    case 'punct': {
      into.words.add(node.value)
      return false
    }

    case 'number': {
      into.number = true
      return false
    }

    case 'any': {
      into.open = true
      return false
    }

    case 'gap': {
      into.open = true
      return true
    }

    case 'seq': {
      for (const item of node.items) if (!firstSet(item, into)) return false
      return true
    }

    case 'alt': {
      for (const word of node.words) into.words.add(word)
      let empty = node.optional
      for (const option of node.options) if (firstSet(option, into)) empty = true
      return empty
    }
  }
}

/**
 * A set of words of which at least one must occur in the text for the node
 * to match: the most selective required element of a sequence. Used to skip
 * phrases that cannot match a sentence before trying them word by word.
 */
interface Anchor {
  words: Set<string>
  prefixes: string[]
}

/** Anchors of single words and prefixes, shared by every phrase that has them (never modified). */
const wordAnchors = new Map<string, Anchor>()
const prefixAnchors = new Map<string, Anchor>()

function wordAnchor(word: string): Anchor {
  let anchor = wordAnchors.get(word)
  if (!anchor) {
    anchor = {words: new Set([word]), prefixes: []}
    wordAnchors.set(word, anchor)
  }

  return anchor
}

function prefixAnchor(prefix: string): Anchor {
  let anchor = prefixAnchors.get(prefix)
  if (!anchor) {
    anchor = {words: new Set(), prefixes: [prefix]}
    prefixAnchors.set(prefix, anchor)
  }

  return anchor
}

/**
 * An anchor of a sequence or alternative, computed once per node (word lists
 * are shared by many phrases; anchors are read, never changed).
 */
function memoAnchor(cache: WeakMap<Node, Anchor | null>, node: Node, find: (node: Node) => Anchor | undefined): Anchor | undefined {
  if (node.type !== 'alt' && node.type !== 'seq') return find(node)
  let anchor = cache.get(node)
  if (anchor === undefined) {
    anchor = find(node) ?? null
    cache.set(node, anchor)
  }

  return anchor ?? undefined
}

const anchors = new WeakMap<Node, Anchor | null>()

function anchorOf(node: Node): Anchor | undefined {
  return memoAnchor(anchors, node, findAnchor)
}

/** Anchors are read, never changed, so they may be shared. */
function findAnchor(node: Node): Anchor | undefined {
  switch (node.type) {
    case 'word': {
      return wordAnchor(node.caseSensitive ? node.value.toLowerCase() : node.value)
    }

    case 'prefix': {
      return prefixAnchor(node.value)
    }

    case 'punct': {
      return wordAnchor(node.value)
    }

    case 'seq': {
      let best: Anchor | undefined
      for (const item of node.items) {
        const anchor = anchorOf(item)
        if (anchor && (!best || size(anchor) < size(best))) best = anchor
      }

      return best
    }

    case 'alt': {
      if (node.optional) return undefined
      return altAnchor(node, anchorOf)
    }

    default: {
      return undefined
    }
  }
}

/** An alternation's anchor: every option's anchor (by `of`) together; none if an option has none. */
function altAnchor(node: Extract<Node, {type: 'alt'}>, of: (node: Node) => Anchor | undefined): Anchor | undefined {
  const words = new Set(node.words)
  const prefixes: string[] = []
  for (const option of node.options) {
    const anchor = of(option)
    if (!anchor) return undefined
    for (const word of anchor.words) words.add(word)
    prefixes.push(...anchor.prefixes)
  }

  return {words, prefixes}
}

function size(anchor: Anchor): number {
  return anchor.words.size + anchor.prefixes.length * 4
}

/**
 * Anchors of every required element of a sequence (not just the most
 * selective one): all must occur for the phrase to match, so a phrase whose
 * first word occurs but whose later parts do not is skipped without trying
 * it. Only tests that are exact necessary conditions: a case-sensitive word
 * with letters outside ASCII (whose lower case may differ from the token's)
 * gives none.
 */
function requiredAnchors(node: Node, into: Anchor[]): Anchor[] {
  if (node.type === 'seq') {
    for (const item of node.items) requiredAnchors(item, into)
  } else {
    const anchor = strictAnchor(node)
    if (anchor) into.push(anchor)
  }

  return into
}

/** Strict anchors of alternatives and sequences, once per node: entries share them. */
const strictAnchors = new WeakMap<Node, Anchor | null>()

function strictAnchor(node: Node): Anchor | undefined {
  return memoAnchor(strictAnchors, node, strictAnchorOf)
}

function strictAnchorOf(node: Node): Anchor | undefined {
  switch (node.type) {
    case 'word': {
      if (node.caseSensitive && /[^\u0000-\u007f]/.test(node.value)) return undefined
      return wordAnchor(node.caseSensitive ? node.value.toLowerCase() : node.value)
    }

    case 'seq': {
      let best: Anchor | undefined
      for (const item of node.items) {
        const anchor = strictAnchor(item)
        if (anchor && (!best || size(anchor) < size(best))) best = anchor
      }

      return best
    }

    case 'alt': {
      if (node.optional) return undefined
      return altAnchor(node, strictAnchor)
    }

    default: {
      return anchorOf(node)
    }
  }
}

/** An anchor with its prefixes as vocabulary ids. */
interface CompiledAnchor {
  words: Set<string>
  /** The word, when it is one word and no prefix (most anchors). */
  single: string | undefined
  prefixes: number[]
  /** Whether it occurs in the text with this scan id (shared anchors are checked once per text). */
  scan: number
  present: boolean
}

const compiledAnchors = new WeakMap<Anchor, CompiledAnchor>()

/** Phrases registering now, per anchor (turned into `wordUses`). */
const anchorUses = new Map<CompiledAnchor, number>()

/** An anchor with prefix ids (registers its prefixes); once per anchor. */
function compileAnchor(anchor: Anchor): CompiledAnchor {
  let compiled = compiledAnchors.get(anchor)
  if (!compiled) {
    const single = anchor.words.size === 1 && anchor.prefixes.length === 0 ? [...anchor.words][0] : undefined
    compiled = {words: anchor.words, single, prefixes: anchor.prefixes.map((prefix) => prefixId(prefix)), scan: -1, present: false}
    compiledAnchors.set(anchor, compiled)
  }

  return compiled
}

interface Entry {
  node: Node
  id: number
  /** Which phrase list (tag) the entry came from, for tagged matchers. */
  tag: number
  matcher: number
  /** Anchors of every required part (all must occur), most selective first; empty: possible in any text. */
  anchors: CompiledAnchor[]
  /** What the phrase can start with: words (and punctuation), prefix ids, a number. */
  firstWords: Set<string>
  firstPrefixes: number[]
  firstNumber: boolean
  /** Can start at any token (a gap or `*` first, or it can match nothing). */
  open: boolean
  /** The last pass over a text's words that looked at it. */
  stamp: number
}

function anchorPresent(anchor: CompiledAnchor, scan: TextScan, tokens: Token[]): boolean {
  if (anchor.scan === scan.id) return anchor.present
  const present = anchorIn(anchor, scan, tokens)
  anchor.scan = scan.id
  anchor.present = present
  return present
}

function anchorIn(anchor: CompiledAnchor, scan: TextScan, tokens: Token[]): boolean {
  const words = wordsIn(scan, tokens)
  if (anchor.single !== undefined) return words.has(anchor.single)
  // Look the smaller set up in the larger one.
  if (anchor.words.size <= words.size) {
    for (const word of anchor.words) if (words.has(word)) return true
  } else {
    for (const word of words) if (anchor.words.has(word)) return true
  }

  if (anchor.prefixes.length > 0) {
    const prefixes = prefixesIn(scan, tokens)
    for (const id of anchor.prefixes) if (prefixes.has(id)) return true
  }

  return false
}

export interface PhraseMatch {
  start: number
  end: number
  text: string
}

/**
 * Split a phrase into alternatives that can be indexed on their own: a
 * word list at the root, or at the start of a sequence, becomes one entry
 * per option ("{effectVerb} ~6 {bodyObject}" → "increases ~6 {bodyObject}", …).
 */
function distribute(node: Node): Node[] {
  if (node.type === 'alt' && !node.optional) {
    return [
      ...[...node.words].map((word): Node => ({type: 'word', value: word, caseSensitive: false})),
      ...node.options.flatMap(distribute)
    ]
  }

  if (node.type === 'seq' && node.items.length > 1 && node.items[0].type === 'alt') {
    const [head, ...rest] = node.items
    const required = head.optional ? {...head, optional: false, index: undefined} : head
    const withHead = distribute(required).map((option): Node => ({type: 'seq', items: [option, ...rest]}))
    // "[the] pain": one entry with the optional words, one without.
    if (!head.optional) return withHead
    const tail: Node = rest.length === 1 ? rest[0] : {type: 'seq', items: rest}
    return [...withHead, ...distribute(tail)]
  }

  if (node.type === 'alt' && node.optional) return distribute({...node, optional: false, index: undefined})
  return [node]
}

const NO_MATCH = null
const NO_MATCHES: PhraseMatch[] = Object.freeze([]) as unknown as PhraseMatch[]
const NO_ENTRIES: Entry[] = []

/** Whether `entry` can start at `token` (by its first word, prefix or number, or anywhere). */
function startsAt(entry: Entry, token: Token): boolean {
  if (entry.open || entry.firstWords.has(token.norm)) return true
  if (entry.firstNumber && token.numeric) return true
  if (token.kind === 'word' && entry.firstPrefixes.length > 0) {
    for (const id of token.prefixIds) if (entry.firstPrefixes.includes(id)) return true
  }

  return false
}

/** Compiled phrases. */
export class PhraseMatcher {
  private readonly id: number
  private readonly entries: Entry[] = []
  /** Phrases with no required word or prefix: possible in any text. */
  private readonly always: Entry[] = []
  /** Words the phrases can start with (not counting those that can start anywhere). */
  private readonly firstWords = new Set<string>()
  /** Each entry's first words, until the matcher is registered in the vocabulary. */
  private pending: Array<{entry: Entry; first: FirstSet}> | undefined = []
  readonly phrases: string[]

  /** Number of tags (phrase lists) in a tagged matcher. */
  readonly tags: number

  /** Slots in a text's record: first match, all matches, first match per tag. */
  private readonly firstSlot = slotCount++
  private readonly allSlot = slotCount++
  private readonly tagSlot = slotCount++

  constructor(nodes: Node[], phrases: string[], tags?: number[]) {
    this.id = matcherCount++
    this.phrases = phrases
    this.tags = tags ? Math.max(0, ...tags) + 1 : 1
    this.ends = new Int32Array(this.tags).fill(-1)
    const tagged = nodes.flatMap((node, index) => distribute(node).map((part) => [part, tags?.[index] ?? 0] as const))
    for (const [node, tag] of tagged) {
      const first: FirstSet = {words: new Set(), prefixes: [], number: false, open: false}
      const empty = firstSet(node, first)
      const open = first.open || empty
      const entry: Entry = {
        node,
        id: this.entries.length,
        tag,
        matcher: this.id,
        anchors: [],
        firstWords: open ? new Set() : first.words,
        firstPrefixes: [],
        firstNumber: !open && first.number,
        open,
        stamp: 0
      }
      this.entries.push(entry)
      if (!open) for (const word of first.words) this.firstWords.add(word)
      this.pending!.push({entry, first})
    }
  }

  /**
   * Add the phrases to the shared vocabulary, on the first question about
   * a text (a matcher compiled only to check a phrase never is).
   */
  private register(): void {
    const pending = this.pending
    if (!pending) return
    this.pending = undefined
    for (const {entry, first} of pending) {
      registerPrefixes(entry.node)
      if (!entry.open) entry.firstPrefixes = first.prefixes.map((prefix) => prefixId(prefix))
      // Every anchor must occur: the most selective one (as before) and each required part's.
      const found: Anchor[] = []
      const anchor = anchorOf(entry.node)
      if (anchor) found.push(anchor)
      requiredAnchors(entry.node, found)
      entry.anchors = [...new Set(found)].map((item) => compileAnchor(item))
      // Counted per anchor, then per word: anchors such as a symptom list of a
      // hundred words are shared by hundreds of phrases.
      for (const item of entry.anchors) anchorUses.set(item, (anchorUses.get(item) ?? 0) + 1)
    }

    for (const [item, uses] of anchorUses) for (const word of item.words) wordUses.set(word, (wordUses.get(word) ?? 0) + uses)
    anchorUses.clear()

    const costs = new Map<CompiledAnchor, number>()
    const cost = (item: CompiledAnchor) => {
      let value = costs.get(item)
      if (value === undefined) {
        value = anchorCost(item)
        costs.set(item, value)
      }

      return value
    }

    for (const {entry} of pending) {
      if (entry.anchors.length > 1) entry.anchors.sort((a, b) => cost(a) - cost(b))
      const primary = entry.anchors[0]
      if (!primary) {
        this.always.push(entry)
        continue
      }

      for (const word of primary.words) addTo(activationByWord, word, entry)
      for (const id of primary.prefixes) activationByPrefix[id].push(entry)
    }

    // Texts looked at before must see this matcher's phrases.
    vocabularyVersion++
  }

  /** The phrases that can match the text (usually none). */
  private candidates(text: string, scan: TextScan): Entry[] {
    if (this.pending) this.register()
    const tokens = lookedUp(text, scan)
    const possible = possibleIn(scan, tokens).get(this.id)
    if (!possible) return this.always.length > 0 ? this.always : NO_ENTRIES
    return this.always.length > 0 ? [...possible, ...this.always] : possible
  }

  /** False when no phrase can match `text` (no text is scanned for this). */
  mayMatch(text: string): boolean {
    return this.candidates(text, scanOf(text)).length > 0
  }

  /** The longest match starting at token `position`, as an end position. */
  private longestAt(tokens: Token[], position: number, entries: Entry[]): number {
    const token = tokens[position]
    if (token.afterHyphen) return -1
    if (token.kind === 'punct' && !this.firstWords.has(token.norm)) return -1
    let best = -1
    for (const entry of entries) {
      if (!startsAt(entry, token)) continue
      for (const end of step(entry.node, tokens, position)) if (end > best && end > position) best = end
    }

    return best
  }

  /**
   * The first (leftmost, then longest) match of each tag, in one scan of the
   * text: how a rule checks all its phrase groups at once.
   */
  firstPerTag(text: string): Array<PhraseMatch | undefined> {
    const scan = scanOf(text)
    const entries = this.candidates(text, scan)
    if (entries.length === 0) return (this.noTags ??= Object.freeze(new Array(this.tags).fill(undefined)) as Array<PhraseMatch | undefined>)
    const results = (scan.results ??= new Map())
    let result = results.get(this.tagSlot) as Array<PhraseMatch | undefined> | undefined
    if (!result) {
      result = this.scanTags(text, scan.tokens!, entries)
      results.set(this.tagSlot, result)
    }

    return result
  }

  /** The result of `firstPerTag` for a text where nothing can match (shared). */
  private noTags: Array<PhraseMatch | undefined> | undefined

  /** The longest end per tag at the current position; only the tags touched there are reset. */
  private readonly ends: Int32Array
  private readonly touched: number[] = []

  private scanTags(text: string, tokens: Token[], entries: Entry[]): Array<PhraseMatch | undefined> {
    const result: Array<PhraseMatch | undefined> = new Array(this.tags).fill(undefined)
    const ends = this.ends
    const touched = this.touched
    let remaining = this.tags
    for (let position = 0; position < tokens.length && remaining > 0; position++) {
      const token = tokens[position]
      if (token.afterHyphen) continue
      for (const entry of entries) {
        const tag = entry.tag
        if (result[tag] || !startsAt(entry, token)) continue
        for (const end of step(entry.node, tokens, position)) {
          if (end > ends[tag] && end > position) {
            if (ends[tag] === -1) touched.push(tag)
            ends[tag] = end
          }
        }
      }

      if (touched.length === 0) continue
      for (const tag of touched) {
        if (!result[tag]) {
          result[tag] = toMatch(text, tokens, position, ends[tag])
          remaining--
        }

        ends[tag] = -1
      }

      touched.length = 0
    }

    return result
  }

  /** First match at or after text offset `from`. */
  first(text: string, from = 0): PhraseMatch | undefined {
    const scan = scanOf(text)
    const entries = this.candidates(text, scan)
    if (entries.length === 0) return undefined
    if (from !== 0) return this.search(text, scan.tokens!, entries, from)
    const results = (scan.results ??= new Map())
    const cached = results.get(this.firstSlot) as PhraseMatch | null | undefined
    if (cached !== undefined) return cached ?? undefined
    const found = this.search(text, scan.tokens!, entries, 0)
    results.set(this.firstSlot, found ?? NO_MATCH)
    return found
  }

  private search(text: string, tokens: Token[], entries: Entry[], from: number): PhraseMatch | undefined {
    for (let position = 0; position < tokens.length; position++) {
      if (tokens[position].start < from) continue
      const end = this.longestAt(tokens, position, entries)
      if (end !== -1) return toMatch(text, tokens, position, end)
    }

    return undefined
  }

  /** All non-overlapping matches, left to right (cached per text; do not modify). */
  all(text: string): PhraseMatch[] {
    const scan = scanOf(text)
    const entries = this.candidates(text, scan)
    if (entries.length === 0) return NO_MATCHES
    const results = (scan.results ??= new Map())
    let found = results.get(this.allSlot) as PhraseMatch[] | undefined
    if (!found) {
      found = this.scanAll(text, scan.tokens!, entries)
      results.set(this.allSlot, found)
    }

    return found
  }

  private scanAll(text: string, tokens: Token[], entries: Entry[]): PhraseMatch[] {
    const found: PhraseMatch[] = []
    for (let position = 0; position < tokens.length; position++) {
      const end = this.longestAt(tokens, position, entries)
      if (end === -1) continue
      found.push(toMatch(text, tokens, position, end))
      position = end - 1
    }

    return found
  }

  test(text: string): boolean {
    return this.first(text) !== undefined
  }
}

function toMatch(text: string, tokens: Token[], start: number, end: number): PhraseMatch {
  // Trailing gaps match nothing visible: trim back to the last real token.
  const from = tokens[start].start
  const to = tokens[end - 1].end
  return {start: from, end: to, text: text.slice(from, to)}
}

/** Parse one phrase (throws `PhraseSyntaxError`); for validation and tests. */
export function parsePhrase(phrase: string, lexicons: Lexicons = {}): void {
  parse(phrase, lexicons, false, 0)
}

/**
 * Compile phrases into one matcher. `flags` without `i` makes literal words
 * case-sensitive (for names like "FDA" or "Nature").
 */
export function compilePhrases(phrases: string[], lexicons: Lexicons = {}, flags = 'iu'): PhraseMatcher {
  const caseSensitive = !flags.includes('i')
  const nodes = phrases.map((phrase) => parse(phrase, lexicons, caseSensitive, 0))
  return new PhraseMatcher(nodes, phrases)
}

/**
 * Compile several phrase lists into one tagged matcher: `firstPerTag(text)`
 * gives the first match of each list in a single scan.
 */
export function compileTagged(lists: string[][], lexicons: Lexicons = {}, flags = 'iu'): PhraseMatcher {
  const caseSensitive = !flags.includes('i')
  const phrases: string[] = []
  const nodes: Node[] = []
  const tags: number[] = []
  lists.forEach((list, tag) => {
    for (const phrase of list) {
      phrases.push(phrase)
      nodes.push(parse(phrase, lexicons, caseSensitive, 0))
      tags.push(tag)
    }
  })
  return new PhraseMatcher(nodes, phrases, tags.length > 0 ? tags : [lists.length - 1])
}

type Matcher = PhraseMatcher | RegExp

/** All non-overlapping matches of `matcher` in `text`. */
export function allMatches(matcher: Matcher, text: string): PhraseMatch[] {
  if (matcher instanceof PhraseMatcher) return matcher.all(text)
  const found: PhraseMatch[] = []
  const re = matcher.global ? matcher : new RegExp(matcher.source, matcher.flags + 'g')
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

/** First match of `matcher` in `text`, if any. */
export function firstMatch(matcher: Matcher, text: string, from = 0): PhraseMatch | undefined {
  if (matcher instanceof PhraseMatcher) return matcher.first(text, from)
  matcher.lastIndex = from
  const match = matcher.exec(text)
  if (!match) return undefined
  return {start: match.index, end: match.index + match[0].length, text: match[0]}
}
