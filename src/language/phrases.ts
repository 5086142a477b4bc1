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
 * Patterns are matched over word tokens, not with regular expressions: each
 * compiled matcher indexes its phrases by their possible first words, so a
 * sentence is scanned once per matcher and only phrases that can start at a
 * word are tried. Matching explores sets of token positions (no
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
  /** Prefixes of `norm`, computed once when first needed. */
  prefixes?: string[]
}

const CLITIC = /^(.+?)('s|'re|'ll|'ve|'d|'m|n't)$/
const TOKEN_RE = /\d[\d,]*\d(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}\p{N}_']+|[^\s\p{L}\p{N}]/gu

/** Split text into word, number and punctuation tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const source = text.replace(/’/g, "'")
  TOKEN_RE.lastIndex = 0
  let match: RegExpExecArray | null
  let previousHyphenEnd = -1
  while ((match = TOKEN_RE.exec(source))) {
    const raw = match[0]
    const start = match.index
    const end = start + raw.length
    if (raw === '-' || raw === '–' || raw === '—') {
      // A hyphen joining two words is not a token of its own.
      if (raw === '-' && start > 0 && /[\p{L}\p{N}]/u.test(source.charAt(start - 1)) && /[\p{L}\p{N}]/u.test(source.charAt(end))) {
        previousHyphenEnd = end
        continue
      }
    }

    const afterHyphen = start === previousHyphenEnd
    if (/^\d/.test(raw)) {
      tokens.push({norm: raw, raw, start, end, kind: 'number', afterHyphen})
      continue
    }

    if (/^[^\p{L}\p{N}_']$/u.test(raw)) {
      tokens.push({norm: raw, raw, start, end, kind: 'punct', afterHyphen})
      continue
    }

    // A clitic on its own ("'s" in a pattern) is one word.
    if (/^'(?:s|re|ll|ve|d|m)$/i.test(raw)) {
      tokens.push({norm: raw.toLowerCase(), raw, start, end, kind: 'word', afterHyphen: false})
      continue
    }

    // Leading/trailing quote marks are punctuation, not part of the word.
    let word = raw
    let from = start
    while (word.startsWith("'")) {
      tokens.push({norm: "'", raw: "'", start: from, end: from + 1, kind: 'punct', afterHyphen: false})
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
      const at = from + word.length + index
      tokens.push({norm: "'", raw: "'", start: at, end: at + 1, kind: 'punct', afterHyphen: false})
    }
  }

  return tokens
}

function pushWord(tokens: Token[], word: string, start: number, afterHyphen: boolean): void {
  const lower = word.toLowerCase()
  const clitic = CLITIC.exec(lower)
  if (clitic && clitic[1].length > 0 && !/^\d+$/.test(clitic[1])) {
    const stemLength = clitic[1].length
    tokens.push({norm: clitic[1], raw: word.slice(0, stemLength), start, end: start + stemLength, kind: 'word', afterHyphen})
    tokens.push({norm: clitic[2], raw: word.slice(stemLength), start: start + stemLength, end: start + word.length, kind: 'word', afterHyphen: false})
    return
  }

  // "400mg": a number touching its unit is two tokens.
  const unit = /^(\d+(?:\.\d+)?)(\p{L}+)$/u.exec(word)
  if (unit) {
    tokens.push({norm: unit[1], raw: unit[1], start, end: start + unit[1].length, kind: 'number', afterHyphen})
    tokens.push({norm: unit[2].toLowerCase(), raw: unit[2], start: start + unit[1].length, end: start + word.length, kind: 'word', afterHyphen: false})
    return
  }

  tokens.push({norm: lower, raw: word, start, end: start + word.length, kind: 'word', afterHyphen})
}

const tokenCache = textCache<string, Token[]>()

/** Tokens of `text`, cached: many matchers look at the same sentence. */
export function tokensOf(text: string): Token[] {
  let tokens = tokenCache.get(text)
  if (!tokens) {
    tokens = tokenize(text)
    tokenCache.set(text, tokens)
  }

  return tokens
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
  byPrefix: Map<string, Node[]>
  rest: Node[]
}

/** Distinct key lengths of a prefix map, cached. */
const prefixLengths = new WeakMap<Map<string, unknown[]>, number[]>()

/** Look up everything indexed under a prefix of `word` (shortest first). */
function prefixLookup<T>(map: Map<string, T[]>, word: string, visit: (item: T) => void): void {
  if (map.size === 0) return
  let lengths = prefixLengths.get(map as Map<string, unknown[]>)
  if (!lengths) {
    lengths = [...new Set([...map.keys()].map((key) => key.length))].sort((a, b) => a - b)
    prefixLengths.set(map as Map<string, unknown[]>, lengths)
  }

  for (const length of lengths) {
    if (length > word.length) break
    const items = map.get(word.slice(0, length))
    if (items) for (const item of items) visit(item)
  }
}

/** Like `prefixLookup`, with the token's prefix strings computed once. */
function tokenPrefixLookup<T>(map: Map<string, T[]>, token: Token, visit: (item: T) => void): void {
  if (map.size === 0) return
  const word = token.norm
  let prefixes = token.prefixes
  if (!prefixes) {
    prefixes = []
    for (let length = 1; length <= Math.min(word.length, 16); length++) prefixes.push(word.slice(0, length))
    token.prefixes = prefixes
  }

  for (const prefix of prefixes) {
    const items = map.get(prefix)
    if (items) for (const item of items) visit(item)
  }

  if (word.length > 16) prefixLookup(map, word, (item) => visit(item))
}

function addTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

function parse(phrase: string, lexicons: Lexicons, caseSensitive: boolean, depth: number): Node {
  if (depth > 4) throw new PhraseSyntaxError(phrase, 'word lists nest too deeply')
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
    return [alternatives([{type: 'seq', items: split}, ...joined], false)]
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
  const index: AltIndex = {byWord: new Map(), byPrefix: new Map(), rest: []}
  for (const option of node.options) {
    const first: FirstSet = {words: new Set(), prefixes: [], number: false, open: false}
    const empty = firstSet(option, first)
    if (empty || first.open) {
      index.rest.push(option)
      continue
    }

    if (first.number) first.words.add(NUMBER_KEY)
    for (const word of first.words) addTo(index.byWord, word, option)
    for (const prefix of first.prefixes) addTo(index.byPrefix, prefix, option)
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
      return token && (token.kind === 'number' || NUMBER_WORDS.has(token.norm)) ? next(position) : EMPTY
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
      if (token && token.kind !== 'punct' && node.words.has(token.norm)) add(position + 1)
      const index = node.index ?? indexAlt(node)
      // A number token starts both the options written with that number ("10K time") and those with `#`.
      const options = token ? index.byWord.get(token.norm) : undefined
      if (options) for (const option of options) for (const end of step(option, tokens, position)) add(end)
      if (token && (token.kind === 'number' || NUMBER_WORDS.has(token.norm))) {
        const numeric = index.byWord.get(NUMBER_KEY)
        if (numeric) for (const option of numeric) for (const end of step(option, tokens, position)) add(end)
      }

      if (token && token.kind === 'word') {
        tokenPrefixLookup(index.byPrefix, token, (option) => {
          for (const end of step(option, tokens, position)) add(end)
        })
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

/** Index key for number tokens (digits and number words). */
const NUMBER_KEY = '\u0000#'

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

/** Anchors of shared nodes (word lists), computed once. */
const anchors = new WeakMap<Node, Anchor | null>()

function anchorOf(node: Node): Anchor | undefined {
  if (node.type !== 'alt' && node.type !== 'seq') return findAnchor(node)
  let anchor = anchors.get(node)
  if (anchor === undefined) {
    anchor = findAnchor(node) ?? null
    anchors.set(node, anchor)
  }

  return anchor ?? undefined
}

/** Anchors are read, never changed, so they may be shared. */
function findAnchor(node: Node): Anchor | undefined {
  switch (node.type) {
    case 'word': {
      return {words: new Set([node.caseSensitive ? node.value.toLowerCase() : node.value]), prefixes: []}
    }

    case 'prefix': {
      return {words: new Set(), prefixes: [node.value]}
    }

    case 'punct': {
      return {words: new Set([node.value]), prefixes: []}
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
      const words = new Set(node.words)
      const prefixes: string[] = []
      for (const option of node.options) {
        const anchor = anchorOf(option)
        if (!anchor) return undefined
        for (const word of anchor.words) words.add(word)
        prefixes.push(...anchor.prefixes)
      }

      return {words, prefixes}
    }

    default: {
      return undefined
    }
  }
}

function size(anchor: Anchor): number {
  return anchor.words.size + anchor.prefixes.length * 4
}

interface Entry {
  node: Node
  /** Found when first needed (`null`: none); most entries are never tried. */
  anchor?: Anchor | null
  id: number
  /** Which phrase list (tag) the entry came from, for tagged matchers. */
  tag: number
}

const wordSets = textCache<Token[], Set<string>>()

/** The distinct words of a token list (cached with the tokens). */
function wordSet(tokens: Token[]): Set<string> {
  let set = wordSets.get(tokens)
  if (!set) {
    set = new Set(tokens.map((token) => token.norm))
    wordSets.set(tokens, set)
  }

  return set
}

function anchorPresent(anchor: Anchor, tokens: Token[], words: Set<string>): boolean {
  for (const word of anchor.words) if (words.has(word)) return true
  for (const prefix of anchor.prefixes) {
    for (const token of tokens) if (token.norm.startsWith(prefix)) return true
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

/** Compiled phrases. */
export class PhraseMatcher {
  private readonly byWord = new Map<string, Entry[]>()
  private readonly byPrefix = new Map<string, Entry[]>()
  private readonly open: Entry[] = []
  private readonly entries: Entry[] = []
  readonly phrases: string[]

  /** Number of tags (phrase lists) in a tagged matcher. */
  readonly tags: number

  constructor(nodes: Node[], phrases: string[], tags?: number[]) {
    this.phrases = phrases
    this.tags = tags ? Math.max(0, ...tags) + 1 : 1
    const tagged = nodes.flatMap((node, index) => distribute(node).map((part) => [part, tags?.[index] ?? 0] as const))
    for (const [node, tag] of tagged) {
      const entry: Entry = {node, id: this.entries.length, tag}
      this.entries.push(entry)
      const first: FirstSet = {words: new Set(), prefixes: [], number: false, open: false}
      const empty = firstSet(node, first)
      if (first.open || empty) {
        this.open.push(entry)
        continue
      }

      if (first.number) first.words.add(NUMBER_KEY)
      for (const word of first.words) {
        const list = this.byWord.get(word)
        if (list) list.push(entry)
        else this.byWord.set(word, [entry])
      }

      for (const prefix of first.prefixes) addTo(this.byPrefix, prefix, entry)
    }
  }

  /**
   * Whether an entry can match `tokens` at all (its anchor occurs), checked
   * lazily and remembered for this text: 0 unknown, 1 yes, 2 no.
   */
  private possible(tokens: Token[]): (entry: Entry) => boolean {
    const words = wordSet(tokens)
    // Reused between calls: an entry's state counts only if stamped this call.
    this.generation = (this.generation + 1) >>> 0 || 1
    const generation = this.generation
    const stamps = (this.stamps ??= new Uint32Array(this.entries.length))
    const states = (this.states ??= new Uint8Array(this.entries.length))
    return (entry) => {
      if (stamps[entry.id] !== generation) {
        stamps[entry.id] = generation
        if (entry.anchor === undefined) entry.anchor = anchorOf(entry.node) ?? null
        states[entry.id] = !entry.anchor || anchorPresent(entry.anchor, tokens, words) ? 1 : 2
      }

      return states[entry.id] === 1
    }
  }

  private generation = 0
  private stamps: Uint32Array | undefined
  private states: Uint8Array | undefined

  /** The longest match starting at token `position`, as an end position. */
  private longestAt(tokens: Token[], position: number, possible: (entry: Entry) => boolean): number {
    const token = tokens[position]
    if (token.afterHyphen || token.kind === 'punct' && !this.byWord.has(token.norm)) return -1
    let best = -1
    const candidates = this.byWord.get(token.norm)
    if (candidates) best = this.tryAll(candidates, tokens, position, possible, best)
    if (token.kind === 'number' || (token.kind === 'word' && NUMBER_WORDS.has(token.norm))) {
      const numbers = this.byWord.get(NUMBER_KEY)
      if (numbers) best = this.tryAll(numbers, tokens, position, possible, best)
    }

    if (token.kind === 'word' && this.byPrefix.size > 0) {
      tokenPrefixLookup(this.byPrefix, token, (entry) => {
        best = this.tryAll([entry], tokens, position, possible, best)
      })
    }

    if (this.open.length > 0) best = this.tryAll(this.open, tokens, position, possible, best)
    return best
  }

  private tryAll(entries: Entry[], tokens: Token[], position: number, possible: (entry: Entry) => boolean, best: number): number {
    for (const entry of entries) {
      if (!possible(entry)) continue
      for (const end of step(entry.node, tokens, position)) if (end > best && end > position) best = end
    }

    return best
  }

  /**
   * The first (leftmost, then longest) match of each tag, in one scan of the
   * text: how a rule checks all its phrase groups at once.
   */
  firstPerTag(text: string): Array<PhraseMatch | undefined> {
    const cached = this.recentTagged.get(text)
    if (cached) return cached
    const result: Array<PhraseMatch | undefined> = new Array(this.tags).fill(undefined)
    const tokens = tokensOf(text)
    const possible = this.possible(tokens)
    let remaining = this.tags
    // The longest end per tag at this position; only the tags touched here are reset.
    const ends = new Int32Array(this.tags).fill(-1)
    const touched: number[] = []
    let position = 0
    const visit = (entry: Entry) => {
      const tag = entry.tag
      if (result[tag] || !possible(entry)) return
      for (const end of step(entry.node, tokens, position)) {
        if (end > ends[tag] && end > position) {
          if (ends[tag] === -1) touched.push(tag)
          ends[tag] = end
        }
      }
    }

    for (; position < tokens.length && remaining > 0; position++) {
      const token = tokens[position]
      if (token.afterHyphen) continue
      const candidates = this.byWord.get(token.norm)
      if (candidates) for (const entry of candidates) visit(entry)
      if (token.kind === 'number' || (token.kind === 'word' && NUMBER_WORDS.has(token.norm))) {
        const numbers = this.byWord.get(NUMBER_KEY)
        if (numbers) for (const entry of numbers) visit(entry)
      }

      if (token.kind === 'word') tokenPrefixLookup(this.byPrefix, token, visit)
      for (const entry of this.open) visit(entry)
      for (const tag of touched) {
        if (!result[tag]) {
          result[tag] = toMatch(text, tokens, position, ends[tag])
          remaining--
        }

        ends[tag] = -1
      }

      touched.length = 0
    }

    this.recentTagged.set(text, result)
    return result
  }

  private readonly recentTagged = textCache<string, Array<PhraseMatch | undefined>>()

  /** Results for recent texts: the same sentence is asked about many times. */
  private readonly recent = textCache<string, PhraseMatch | null>()

  /** First match at or after text offset `from`. */
  first(text: string, from = 0): PhraseMatch | undefined {
    if (from === 0) {
      const cached = this.recent.get(text)
      if (cached !== undefined) return cached ?? undefined
      const found = this.search(text, 0)
      this.recent.set(text, found ?? null)
      return found
    }

    return this.search(text, from)
  }

  private search(text: string, from: number): PhraseMatch | undefined {
    const tokens = tokensOf(text)
    if (tokens.length === 0) return undefined
    const possible = this.possible(tokens)
    for (let position = 0; position < tokens.length; position++) {
      if (tokens[position].start < from) continue
      const end = this.longestAt(tokens, position, possible)
      if (end !== -1) return toMatch(text, tokens, position, end)
    }

    return undefined
  }

  /** All non-overlapping matches, left to right (cached per text; do not modify). */
  all(text: string): PhraseMatch[] {
    let found = this.recentAll.get(text)
    if (!found) {
      found = this.scanAll(text)
      this.recentAll.set(text, found)
    }

    return found
  }

  private readonly recentAll = textCache<string, PhraseMatch[]>()

  private scanAll(text: string): PhraseMatch[] {
    const tokens = tokensOf(text)
    const found: PhraseMatch[] = []
    if (tokens.length === 0) return found
    const possible = this.possible(tokens)
    for (let position = 0; position < tokens.length; position++) {
      const end = this.longestAt(tokens, position, possible)
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
