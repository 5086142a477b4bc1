/**
 * Build the Article model once per file: parse per format, walk the tree into
 * blocks, split sentences, then link sentences to sections, passages, links
 * and citations. Rules get this model and never re-walk trees.
 */
import {startArticle} from '../language/text-cache.js'
import {ArticleBuilder} from './builder.js'
import {findTextCitations} from './citations.js'
import {walkHast} from './from-hast.js'
import {walkMdast} from './from-mdast.js'
import {walkText} from './from-text.js'
import {splitSentences} from './sentences.js'
import {markdownBudget, maskPlain, plainWarning, unmaskPlain} from '../parse/budget.js'
import {findNestingProblem} from '../parse/depth.js'
import {getParser, getReusingMarkdown} from '../parse/index.js'
import type {
  Article,
  Block,
  Citation,
  Format,
  Passage,
  Section,
  Sentence
} from './types.js'

/** Extensions fitlint reads, and the format each one is. */
export const FORMAT_BY_EXTENSION: Record<string, Format> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mdx': 'mdx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text'
}

export function formatFromPath(path: string | undefined): Format {
  if (!path) return 'markdown'
  const dot = path.lastIndexOf('.')
  const extension = dot === -1 ? '' : path.slice(dot).toLowerCase()
  return FORMAT_BY_EXTENSION[extension] ?? 'markdown'
}

/** Thrown when a file cannot be parsed at all (broken MDX, nesting too deep). */
export class ParseError extends Error {
  line?: number
  column?: number
  constructor(message: string, line?: number, column?: number) {
    super(message)
    this.name = 'ParseError'
    this.line = line
    this.column = column
  }
}

/**
 * Build the model. The format's parser must be loaded (`loadParser`).
 * Throws `ParseError` when the file cannot be parsed at all (broken MDX).
 */
export interface BuildOptions {
  /**
   * The text may be an edit of one built before (the editor): parse
   * Markdown chunk by chunk, reusing unchanged chunks (same tree). Needs
   * `loadReusingMarkdown()`.
   */
  reuse?: boolean
}

export function buildArticle(source: string, format: Format, options: BuildOptions = {}): Article {
  // Results cached per text belong to the previous article: drop them.
  startArticle()
  // A byte order mark would hide front matter from the parsers: parse the
  // text after it, then shift every offset back into the original.
  if (source.charCodeAt(0) === 0xfeff) {
    return shiftArticle(buildArticle(source.slice(1), format, options), source, 1)
  }

  const builder = new ArticleBuilder(source)

  if (format === 'markdown' || format === 'mdx') {
    const problem = findNestingProblem(source, format === 'mdx')
    if (problem) {
      throw new ParseError(
        `Cannot lint: ${problem.what} are nested deeper than ${problem.limit} levels; fitlint cannot read this file`,
        problem.line,
        1
      )
    }
  }

  const budget = format === 'markdown' || format === 'mdx' ? markdownBudget(source) : undefined
  if (budget?.tooManyBlocks) {
    const {limit, line} = budget.tooManyBlocks
    throw new ParseError(
      `Cannot lint: this file has more than ${limit.toLocaleString('en-US')} Markdown blocks (headings, paragraphs, list items, table rows), more than the parser reads in time; fitlint reads files of up to ${limit.toLocaleString('en-US')} blocks`,
      line,
      1
    )
  }

  switch (format) {
    case 'markdown': {
      const plain = budget?.plain ?? []
      if (plain.length === 0) {
        // An editor's re-lint re-uses the parse of unchanged chunks.
        const parse = (options.reuse ? getReusingMarkdown() : undefined) ?? getParser('markdown')
        walkMdast(parse(source) as never, builder)
        break
      }

      // Paragraphs too long for micromark: parsed as letters, read as plain text.
      const tree = getParser('markdown')(maskPlain(source, plain)) as never
      unmaskPlain(tree, source, plain)
      for (const range of plain) builder.problems.push({reason: plainWarning(range), start: range.start, end: range.end, fatal: false})
      walkMdast(tree, builder)
      break
    }

    case 'mdx': {
      const long = budget?.plain[0]
      if (long) {
        throw new ParseError(`Cannot lint: a paragraph is too long for the MDX parser (${long.why}); fitlint cannot read this file`, lineOf(source, long.start), 1)
      }

      let tree
      try {
        tree = getParser('mdx')(source)
      } catch (error) {
        const cause = error as {
          reason?: string
          message?: string
          line?: number
          column?: number
          place?: {line?: number; column?: number; start?: {line?: number; column?: number}}
        }
        const place = cause.place?.start ?? cause.place
        const reason = String(cause.reason ?? cause.message ?? error).split('\n')[0]
        // micromark puts the position in the reason: "… (3:1-3:10)".
        const inReason = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason)
        throw new ParseError(
          'Cannot parse MDX: ' + reason,
          cause.line ?? place?.line ?? (inReason ? Number(inReason[1]) : undefined),
          cause.column ?? place?.column ?? (inReason ? Number(inReason[2]) : undefined)
        )
      }

      walkMdast(tree as never, builder)
      break
    }

    case 'html': {
      walkHast(getParser('html')(source) as never, builder)
      break
    }

    case 'text': {
      walkText(source, builder)
      break
    }
  }

  return finish(builder, format)
}

function finish(builder: ArticleBuilder, format: Format): Article {
  const rawBlocks = builder.finishBlocks()
  const blocks: Block[] = []
  const sentences: Sentence[] = []
  const sections: Section[] = []
  const citations: Citation[] = []
  const links = builder.links
  const source = builder.source

  // Sections from headings.
  let section: Section = {
    index: 0,
    path: [],
    depth: 0,
    start: 0,
    end: source.length,
    sentences: []
  }
  sections.push(section)

  // Dense passage numbering.
  const passageIds = new Map<number, number>()
  const passages: Passage[] = []

  // Open headings, by increasing depth: the parent of a new heading is the
  // last one with a smaller depth (a stack, so 40,000 headings stay linear).
  const open: Section[] = []

  for (const raw of rawBlocks) {
    if (raw.kind === 'heading') {
      const depth = raw.depth ?? 1
      // Path: the headings above this one with a smaller depth.
      while (open.length > 0 && open[open.length - 1].depth >= depth) open.pop()
      const parentPath = open.length > 0 ? open[open.length - 1].path : []

      section.end = raw.start
      section = {
        index: sections.length,
        path: [...parentPath, raw.text.trim()],
        heading: raw.index,
        depth,
        start: raw.start,
        end: source.length,
        sentences: []
      }
      sections.push(section)
      open.push(section)
    }

    let passageIndex = passageIds.get(raw.passage)
    if (passageIndex === undefined) {
      passageIndex = passages.length
      passageIds.set(raw.passage, passageIndex)
      passages.push({index: passageIndex, blocks: [], sentences: [], section: section.index})
    }

    const block: Block = {
      ...raw,
      section: section.index,
      passage: passageIndex,
      sentences: []
    }
    blocks.push(block)
    passages[passageIndex].blocks.push(block.index)

    const spans = splitSentences(block.text)
    for (const span of spans) {
      const text = block.text.slice(span.start, span.end)
      const start = block.toSource(span.start)
      const end = builder.endInSource(block.index, span.end)
      const sentence: Sentence = {
        index: sentences.length,
        text,
        textStart: span.start,
        start,
        end: Math.max(end, start),
        block: block.index,
        kind: block.kind,
        passage: passageIndex,
        section: section.index,
        isQuestion: /\?["')\]]*$/.test(text),
        isQuoted: isWhollyQuoted(text),
        inLink: false,
        citations: [],
        links: []
      }
      sentences.push(sentence)
      block.sentences.push(sentence.index)
      passages[passageIndex].sentences.push(sentence.index)
      section.sentences.push(sentence.index)
    }

    // Text citations, in source coordinates.
    for (const found of findTextCitations(block.text)) {
      citations.push({
        index: citations.length,
        kind: found.kind,
        start: block.toSource(found.start),
        end: builder.endInSource(block.index, found.end),
        value: found.value
      })
    }
  }

  for (const reference of builder.footnoteReferences) {
    citations.push({
      index: citations.length,
      kind: 'footnote',
      start: reference.start,
      end: reference.end,
      value: '[^' + reference.label + ']'
    })
  }

  for (const link of links) {
    if (link.origin === 'definition') continue
    citations.push({
      index: citations.length,
      kind: 'link',
      start: link.start,
      end: link.end,
      value: link.url,
      link: link.index
    })
  }

  citations.sort((a, b) => a.start - b.start)
  citations.forEach((citation, index) => {
    citation.index = index
  })

  attachToSentences(blocks, sentences, citations, links)

  return {
    format,
    source,
    frontmatter: builder.frontmatter,
    blocks,
    sentences,
    passages,
    sections,
    links,
    citations,
    footnotes: builder.footnotes,
    directives: builder.directives,
    ...(builder.siteNotes.length > 0 ? {siteNotes: builder.siteNotes} : {}),
    ...(builder.siteLinks.length > 0 ? {siteLinks: builder.siteLinks} : {}),
    problems: builder.problems
  }
}

/**
 * A citation belongs to the sentence it is in, or the one it directly follows
 * (before the next sentence of the same block starts). Links are attached
 * the same way.
 */
function attachToSentences(
  blocks: Block[],
  sentences: Sentence[],
  citations: Citation[],
  links: Article['links']
): void {
  if (sentences.length === 0) return
  // Ranges: [sentence.start, nextSentenceInBlock.start or block end].
  // (Sentences are in block order: the next one in the same block, if any,
  // is the next sentence.)
  const owners = sentences.map((sentence, index) => {
    const block = blocks[sentence.block]
    const next = sentences[index + 1]
    const until = next?.block !== sentence.block ? Math.max(block.nodeEnd, block.end, sentence.end) : next.start
    return {sentence, from: sentence.start, until}
  })

  const ownerOf = (offset: number): Sentence | undefined => {
    let low = 0
    let high = owners.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const owner = owners[mid]
      if (offset < owner.from) high = mid - 1
      else if (offset >= owner.until) low = mid + 1
      else return owner.sentence
    }

    return undefined
  }

  for (const citation of citations) {
    let sentence = ownerOf(citation.start)
    // A link that opens a sentence ("Intro. [A 2003 review](url) found…")
    // starts in the gap after the sentence before; it cites the sentence
    // its text is in.
    if (sentence && citation.kind === 'link' && citation.start >= sentence.end) {
      const next = sentences[sentence.index + 1]
      if (next && next.block === sentence.block && next.start < citation.end) sentence = next
    }

    if (sentence) sentence.citations.push(citation.index)
  }

  for (const link of links) {
    if (link.origin === 'definition') continue
    // Sentences overlapping the link (its text), else the one it follows.
    let first = lowerBound(sentences, link.start)
    if (first > 0 && sentences[first - 1].end > link.start) first--
    let attached = false
    for (let index = first; index < sentences.length && sentences[index].start < link.end; index++) {
      const sentence = sentences[index]
      if (sentence.end <= link.start) continue
      sentence.links.push(link.index)
      attached = true
      if (link.start <= sentence.start && link.end >= sentence.end) sentence.inLink = true
    }

    if (!attached) {
      const owner = ownerOf(link.start)
      if (owner) owner.links.push(link.index)
    }
  }
}

/** Index of the first sentence starting at or after `offset`. */
function lowerBound(sentences: Sentence[], offset: number): number {
  let low = 0
  let high = sentences.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (sentences[mid].start < offset) low = mid + 1
    else high = mid
  }

  return low
}

function isWhollyQuoted(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.length < 3) return false
  const first = trimmed.charAt(0)
  if (first !== '"' && first !== "'") return false
  const inner = trimmed.slice(1).replace(/[.!?,]+$/, '')
  const close = inner.lastIndexOf(first)
  if (close !== inner.length - 1) return false
  return !inner.slice(0, -1).includes(first)
}

/** Move every source offset of `article` by `delta` (after a BOM). */
function shiftArticle(article: Article, source: string, delta: number): Article {
  for (const block of article.blocks) {
    const toSource = block.toSource
    block.start += delta
    block.end += delta
    block.nodeEnd += delta
    block.toSource = (offset: number) => toSource(offset) + delta
  }

  for (const list of [article.sentences, article.sections, article.links, article.citations, article.footnotes, article.directives, article.problems, article.siteNotes ?? [], article.siteLinks ?? []]) {
    for (const item of list as Array<{start: number; end: number}>) {
      item.start += delta
      item.end += delta
    }
  }

  if (article.frontmatter) {
    article.frontmatter.start += delta
    article.frontmatter.end += delta
  }

  article.source = source
  return article
}

/** 1-based line of a source offset. */
function lineOf(source: string, offset: number): number {
  let line = 1
  for (let index = 0; index < offset; index++) {
    const code = source.charCodeAt(index)
    if (code === 10 || (code === 13 && source.charCodeAt(index + 1) !== 10)) line++
  }

  return line
}
