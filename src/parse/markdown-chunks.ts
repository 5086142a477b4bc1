/**
 * Markdown for a text that is an edit of one parsed before (the editor, on
 * every keystroke): parse only the parts that changed, and give exactly the
 * tree a full parse gives.
 *
 * The text is cut into chunks at lines that start with an ASCII letter after
 * a blank line (outside fenced code and front matter). At such a line every
 * open block has ended (a blank line ends paragraphs, tables and HTML blocks
 * of kinds 6 and 7; an unindented line that is no list marker, `>` or
 * footnote continuation ends lists, block quotes and footnote definitions),
 * unless the chunk before ends inside fenced code or an HTML block that runs
 * over blank lines (`<!--`, `<pre>`, …): that is checked on the chunk's tree
 * (its last block must end before its trailing blank lines), and any doubt
 * means a full parse. Such a chunk parses alone exactly as in place, but for
 * link references and footnote calls, which resolve against the
 * definitions of the whole document: each chunk is parsed with the
 * document's definition labels appended (`[label]: #`), and those extra
 * nodes are dropped. Positions are shifted by the chunk's line and offset.
 *
 * Chunk trees are cached (with the definitions they were parsed with) for
 * the current and the previous article. A text with few known chunks (a new
 * document) is parsed whole, and its tree is cut into chunks for next time.
 * The tree returned must not be modified (it shares nodes with the cache).
 * tests/parse-chunks.test.ts compares chunked and full parses of every
 * fixture and corpus article and of random edits of them.
 */
import type {Root, RootContent} from 'mdast'
import {textCache} from '../language/text-cache.js'
import {parseMarkdown} from './markdown.js'

interface Point {
  line: number
  column: number
  offset?: number
}

interface Chunk {
  /** Top-level nodes, positions relative to the chunk (line 1, offset 0). */
  nodes: RootContent[]
  /** Line endings in the chunk text. */
  lineBreaks: number
  /** Seed lines for the definitions in the chunk (`[label]: #`, `[^label]: x`). */
  seeds: string[]
  /** Its last block ends before its trailing blank lines (nothing runs into the next chunk). */
  clean: boolean
}

/** Chunks by definitions key and text. */
const chunks = textCache<string, Chunk>()

/** Definition keys of recent documents, most recent first. */
const recentKeys: string[] = []

/** Below this size a text is parsed whole. */
const MIN_LENGTH = 2000

/** Chunks are at least this long (shorter ones join the next). */
const MIN_CHUNK = 400

/** Sentinel: the text cannot be chunked safely; parse it whole. */
class Unchunkable extends Error {}

export function parseMarkdownReusing(value: string): Root {
  const cuts = value.length < MIN_LENGTH ? [] : chunkStarts(value)
  if (cuts.length === 0) return parseMarkdown(value)
  const starts = [0, ...cuts]
  const texts = starts.map((start, index) => value.slice(start, index + 1 < starts.length ? starts[index + 1] : value.length))
  try {
    // The definitions key under which most chunks are known.
    let key: string | undefined
    let best = 0
    for (const candidate of recentKeys) {
      let hits = 0
      for (const text of texts) if (chunks.get(candidate + '\u0000' + text)) hits++
      if (hits > best) {
        best = hits
        key = candidate
      }
    }

    // A new document (or mostly new): parse it whole and keep its chunks.
    if (key === undefined || best * 2 < texts.length) return parseWhole(value, starts, texts)
    const seeds = key === '' ? [] : key.split('\n')
    const found: Chunk[] = []
    for (const text of texts) {
      found.push(chunks.get(key + '\u0000' + text) ?? parseChunk(text, seeds))
    }

    // The definitions of this text must be the ones the chunks were parsed with.
    if (definitionsKey(found) !== key) return parseWhole(value, starts, texts)
    for (let index = 0; index < found.length - 1; index++) if (!found[index].clean) return parseWhole(value, starts, texts)
    for (let index = 0; index < found.length; index++) chunks.set(key + '\u0000' + texts[index], found[index])
    remember(key)
    return assemble(value, starts, found)
  } catch (error) {
    if (error instanceof Unchunkable) return parseMarkdown(value)
    throw error
  }
}

/** Parse the whole text, and cut its tree into chunks for the next edit. */
function parseWhole(value: string, starts: number[], texts: string[]): Root {
  const tree = parseMarkdown(value)
  const found: Array<Chunk | undefined> = []
  let child = 0
  let lines = 0
  /** Where the nodes so far end: a node of an earlier chunk may run over whole chunks (an unclosed `<!--`). */
  let reach = 0
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]
    const end = index + 1 < starts.length ? starts[index + 1] : value.length
    const nodes: RootContent[] = []
    // A chunk that a node of an earlier chunk runs into is not kept: its own
    // nodes would miss that text (and an unchanged copy of it in the next
    // version of the document would come back empty).
    let straddles = reach > start
    while (child < tree.children.length && offsetOf(tree.children[child].position?.start) < end) {
      const node = tree.children[child++]
      reach = Math.max(reach, offsetOf(node.position?.end))
      if (offsetOf(node.position?.end) > end) straddles = true
      nodes.push(node)
    }

    const lineBreaks = countLineBreaks(texts[index])
    // Chunks with a node running over their end are not kept.
    found.push(straddles ? undefined : makeChunk(value, nodes, texts[index], -start, -lines, index + 1 === starts.length))
    lines += lineBreaks
  }

  const key = definitionsKey(found.filter((chunk): chunk is Chunk => chunk !== undefined))
  for (let index = 0; index < found.length; index++) {
    const chunk = found[index]
    if (chunk) chunks.set(key + '\u0000' + texts[index], chunk)
  }

  remember(key)
  return tree
}

/** A chunk from nodes of a tree of `source`, moved by `offset` and `lines` to start at line 1, offset 0. */
function makeChunk(source: string, nodes: RootContent[], text: string, offset: number, lines: number, last: boolean): Chunk {
  const seeds = new Set<string>()
  for (const node of nodes) collectSeeds(source, node, seeds)
  const relative = offset === 0 && lines === 0 ? nodes : nodes.map((node) => shift(node, lines, offset))
  return {nodes: relative, lineBreaks: countLineBreaks(text), seeds: [...seeds], clean: last || endsClean(relative, text)}
}

/** Parse one chunk alone, with the document's definitions appended. */
function parseChunk(text: string, seeds: string[]): Chunk {
  if (seeds.length === 0) {
    const tree = parseMarkdown(text)
    if (tree.children.some((node) => offsetOf(node.position?.end) > text.length)) throw new Unchunkable()
    return makeChunk(text, tree.children, text, 0, 0, false)
  }

  const separator = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(text) ? '' : /(?:\r\n|\r|\n)$/.test(text) ? '\n' : '\n\n'
  const input = text + separator + seeds.join('\n\n') + '\n'
  const tree = parseMarkdown(input)
  const own: RootContent[] = []
  let extra = 0
  for (const node of tree.children) {
    const start = offsetOf(node.position?.start)
    if (start < text.length) {
      // Nothing of the chunk may run into the appended definitions.
      if (offsetOf(node.position?.end) > text.length) throw new Unchunkable()
      own.push(node)
    } else if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      extra++
    } else {
      throw new Unchunkable()
    }
  }

  if (extra !== seeds.length) throw new Unchunkable()
  return makeChunk(input, own, text, 0, 0, false)
}

/** The tree of the whole text from its chunks. */
function assemble(value: string, starts: number[], found: Chunk[]): Root {
  const children: RootContent[] = []
  let lines = 0
  for (let index = 0; index < found.length; index++) {
    const chunk = found[index]
    for (const node of chunk.nodes) children.push(shift(node, lines, starts[index]))
    lines += chunk.lineBreaks
  }

  const lastBreak = Math.max(value.lastIndexOf('\n'), value.lastIndexOf('\r'))
  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: lines + 1, column: value.length - lastBreak, offset: value.length}}
  }
}

/**
 * Offsets where a chunk may start: a line starting with an ASCII letter
 * after a blank line, outside fenced code and front matter, at least
 * MIN_CHUNK after the previous start.
 */
export function chunkStarts(value: string): number[] {
  const starts: number[] = []
  let lineStart = 0
  let previousBlank = false
  let fence: {char: string; length: number} | undefined
  // Front matter (`---`/`+++` on the first line) runs to its closing fence.
  let frontmatter = value.startsWith('---') || value.startsWith('+++') ? value.slice(0, 3) : undefined
  let first = true
  let last = 0
  while (lineStart < value.length) {
    let lineEnd = value.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = value.length
    const line = value.slice(lineStart, lineEnd)
    if (frontmatter) {
      if (!first && line.trimEnd() === frontmatter) frontmatter = undefined
    } else {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)
      if (fence) {
        if (opening && opening[1].charAt(0) === fence.char && opening[1].length >= fence.length && /^ {0,3}[`~]+[ \t\r]*$/.test(line)) fence = undefined
      } else if (opening) {
        fence = {char: opening[1].charAt(0), length: opening[1].length}
      } else if (previousBlank && lineStart - last >= MIN_CHUNK && /^[A-Za-z]/.test(line)) {
        starts.push(lineStart)
        last = lineStart
      }
    }

    previousBlank = line.trim() === ''
    first = false
    lineStart = lineEnd + 1
  }

  // Unclosed front matter: no chunks. A lone CR ends lines too: no chunks either.
  if (frontmatter || /\r(?!\n)/.test(value)) return []
  return starts
}

/** The last block ends before the chunk's trailing white space. */
function endsClean(nodes: RootContent[], text: string): boolean {
  const last = nodes[nodes.length - 1]
  if (!last) return true
  return offsetOf(last.position?.end) <= text.replace(/\s+$/, '').length
}

function definitionsKey(found: Chunk[]): string {
  const seeds = new Set<string>()
  for (const chunk of found) for (const seed of chunk.seeds) seeds.add(seed)
  return [...seeds].sort().join('\n')
}

function remember(key: string): void {
  const at = recentKeys.indexOf(key)
  if (at !== -1) recentKeys.splice(at, 1)
  recentKeys.unshift(key)
  if (recentKeys.length > 8) recentKeys.length = 8
}

/** Seed lines for the definitions under `node`, from their labels as written. */
function collectSeeds(source: string, node: RootContent | Root, seeds: Set<string>): void {
  if (node.type === 'definition') seeds.add('[' + rawLabel(source, node, 1) + ']: #')
  else if (node.type === 'footnoteDefinition') seeds.add('[^' + rawLabel(source, node, 2) + ']: x')
  if ('children' in node) for (const child of node.children) collectSeeds(source, child, seeds)
}

/** The label of a definition as written (after `[` or `[^`, up to the closing `]`). */
function rawLabel(source: string, node: RootContent, skip: number): string {
  const start = offsetOf(node.position?.start)
  const end = offsetOf(node.position?.end)
  for (let index = start + skip; index < end; index++) {
    const code = source.charCodeAt(index)
    if (code === 92 /* \ */) {
      index++
      continue
    }

    // A label over several lines is not worth the trouble.
    if (code === 10 || code === 13) break
    if (code === 93 /* ] */) return source.slice(start + skip, index)
  }

  throw new Unchunkable()
}

function countLineBreaks(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (text.charCodeAt(index + 1) === 10) index++
    }
  }

  return count
}

function offsetOf(point: Point | undefined): number {
  return point?.offset ?? 0
}

/** A deep copy of `node` with its positions moved by `lines` and `offset`. */
function shift<T>(node: T, lines: number, offset: number): T {
  if (Array.isArray(node)) return node.map((item: unknown) => shift(item, lines, offset)) as T
  if (node === null || typeof node !== 'object') return node
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position' && value) {
      const {start, end} = value as {start: Point; end: Point}
      copy.position = {
        start: {line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset},
        end: {line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset}
      }
    } else {
      copy[key] = typeof value === 'object' && value !== null ? shift(value, lines, offset) : value
    }
  }

  return copy as T
}
