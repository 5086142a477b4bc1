/**
 * Collects prose blocks, links, footnotes and comments while a format walker
 * (Markdown/MDX, HTML, plain text) visits its tree. Every walker feeds the
 * same builder, so every format ends in the same model.
 */
import {createPiece, mapEndOffset, mapOffset, type Piece} from './offset-map.js'
import type {
  Block,
  BlockKind,
  Directive,
  FootnoteDefinition,
  Frontmatter,
  Link
} from './types.js'

export interface RawBlock {
  kind: BlockKind
  depth?: number
  text: string
  start: number
  end: number
  containers: string[]
  passage: number
  pieces: Piece[]
  literal: Array<[number, number]>
}

export interface FootnoteReference {
  label: string
  start: number
  end: number
}

/** Characters normalised in block text (same length, so offsets hold). */
const NORMALISE: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u00A0': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u200B': ' ',
  '\t': ' ',
  '\r': ' ',
  '\n': ' ',
  '\u0000': ' '
}
const NORMALISE_RE = /[\u2018\u2019\u201A\u201B\u2032\u201C-\u201F\u00AB\u00BB\u00A0\u2009\u202F\u200B\t\r\n\u0000]/g

export class ArticleBuilder {
  readonly source: string
  blocks: RawBlock[] = []
  links: Link[] = []
  footnoteReferences: FootnoteReference[] = []
  footnotes: FootnoteDefinition[] = []
  directives: Directive[] = []
  siteNotes: Array<{text: string; start: number; end: number}> = []
  siteLinks: Link[] = []
  frontmatter: Frontmatter | undefined
  problems: Array<{reason: string; start: number; end: number; fatal: boolean}> =
    []

  private containers: string[] = []
  private current: RawBlock | undefined
  private passage = -1
  /**
   * Open link nodes, with the text added since each opened. (Not a slice
   * of the block text: that is a rope while it grows, and slicing it
   * flattens and keeps the whole text per link, quadratic in time and heap.)
   */
  private linkStack: Array<{link: Link; parts: string[]}> = []
  /** Last character of the current block text (no regex on a growing rope). */
  private lastChar = ''

  constructor(source: string) {
    this.source = source
  }

  pushContainer(name: string): void {
    this.containers.push(name)
  }

  popContainer(): void {
    this.containers.pop()
  }

  /** Start a new passage (a paragraph and what belongs to it). */
  newPassage(): void {
    this.passage++
  }

  /** Whether the last block was a plain paragraph at the given container depth. */
  lastBlockIsParagraph(): boolean {
    const last = this.blocks[this.blocks.length - 1]
    return Boolean(last && last.kind === 'paragraph')
  }

  startBlock(kind: BlockKind, start: number, end: number, depth?: number): void {
    if (this.current) this.endBlock()
    if (this.passage < 0) this.passage = 0
    this.current = {
      kind,
      depth,
      text: '',
      start,
      end,
      containers: [...this.containers],
      passage: this.passage,
      pieces: [],
      literal: []
    }
    this.lastChar = ''
  }

  get inBlock(): boolean {
    return this.current !== undefined
  }

  /** Add text that came from `source[start, end)`. */
  addText(value: string, start: number, end: number, literal = false): void {
    const block = this.current
    if (!block || value.length === 0) return
    // A CRLF line ending is one space in the text, as LF is (not two): the
    // piece aligns the text back to the source.
    if (value.includes('\r\n')) value = value.replace(/\r\n/g, '\n')
    const textStart = block.text.length
    block.pieces.push(createPiece(this.source, value, textStart, start, end))
    const text = value.replace(NORMALISE_RE, (char) => NORMALISE[char] ?? ' ')
    block.text += text
    this.lastChar = text.charAt(text.length - 1)
    for (const open of this.linkStack) open.parts.push(text)
    if (literal) block.literal.push([textStart, block.text.length])
  }

  /** Add a separator (white space) that has no source of its own. */
  addSeparator(value = ' '): void {
    const block = this.current
    if (!block || block.text.length === 0) return
    if (/\s/.test(this.lastChar)) return
    block.text += value
    this.lastChar = value.charAt(value.length - 1)
    for (const open of this.linkStack) open.parts.push(value)
  }

  /** Current length of the block text (to track link text). */
  get textLength(): number {
    return this.current ? this.current.text.length : 0
  }

  endBlock(): void {
    const block = this.current
    this.current = undefined
    if (!block) return
    if (block.text.trim().length === 0) return
    this.blocks.push(block)
  }

  openLink(link: Omit<Link, 'index' | 'text'>): void {
    const full: Link = {...link, index: this.links.length, text: ''}
    this.links.push(full)
    this.linkStack.push({link: full, parts: []})
  }

  closeLink(): void {
    const open = this.linkStack.pop()
    if (!open) return
    if (this.current) {
      open.link.text = open.parts.join('').trim()
    }
  }

  /** A link with no prose text (a definition, a JSX `href`...). */
  addLink(link: Omit<Link, 'index'>): void {
    this.links.push({...link, index: this.links.length})
  }

  addFootnoteReference(reference: FootnoteReference): void {
    this.footnoteReferences.push(reference)
  }

  addFootnoteDefinition(definition: FootnoteDefinition): void {
    this.footnotes.push(definition)
  }

  addComment(value: string, start: number, end: number): void {
    const directive = parseDirective(value, start, end)
    if (directive) this.directives.push(directive)
  }

  /** Finish: turn raw blocks into blocks with mapping functions. */
  finishBlocks(): Array<Omit<Block, 'section' | 'sentences'>> {
    if (this.current) this.endBlock()
    return this.blocks.map((raw, index) => {
      const pieces = raw.pieces
      return {
        index,
        kind: raw.kind,
        depth: raw.depth,
        text: raw.text,
        start: pieces.length > 0 ? mapOffset(pieces, 0) : raw.start,
        end: pieces.length > 0 ? mapEndOffset(pieces, raw.text.length) : raw.end,
        nodeEnd: raw.end,
        containers: raw.containers,
        passage: raw.passage,
        literal: raw.literal,
        toSource(textOffset: number) {
          return mapOffset(pieces, textOffset)
        }
      }
    })
  }

  /** Map an exclusive end offset in block `index`'s text. */
  endInSource(index: number, textEnd: number): number {
    return mapEndOffset(this.blocks[index].pieces, textEnd)
  }
}

/**
 * Parse `fitlint-disable rule-a, rule-b -- reason` style comment text.
 * Only comments starting with `fitlint-` are directives.
 */
export function parseDirective(
  value: string,
  start: number,
  end: number
): Directive | undefined {
  const match = /^\s*fitlint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/.exec(
    value
  )
  if (!match) return undefined
  const keyword = match[1] as Directive['keyword']
  let rest = match[2]
  let reason: string | undefined
  const dashes = rest.indexOf('--')
  if (dashes !== -1) {
    reason = rest.slice(dashes + 2).trim() || undefined
    rest = rest.slice(0, dashes)
  }

  const ruleIds = rest
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean)
  return {keyword, ruleIds, reason, start, end}
}
