/**
 * The Article model: everything a rule may look at, built once per file.
 *
 * All offsets are UTF-16 code unit offsets into the original file text
 * (`file.value`), whatever the format, so a rule never deals with markup.
 */

export type Format = 'markdown' | 'mdx' | 'html' | 'text'

/** What kind of block a sentence sits in. */
export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'listItem'
  | 'blockquote'
  | 'tableCell'
  | 'caption'

/** A prose block (paragraph, heading, list item, table cell, ...). */
export interface Block {
  index: number
  kind: BlockKind
  /** Heading depth (1-6) for headings. */
  depth?: number
  /** Prose text of the block, with markup removed. */
  text: string
  /** Source offsets of the block's prose (first to last character). */
  start: number
  end: number
  /** Where the block's node ends in the source (after trailing markup and footnote markers). */
  nodeEnd: number
  /**
   * Containers around the block, outermost first: `blockquote`, `list`,
   * `table`, `jsx:Callout`, `html:aside`, `emphasis` (whole block emphasised).
   */
  containers: string[]
  /** Index into `Article.sections`. */
  section: number
  /** Index into `Article.passages`. */
  passage: number
  /** Sentence indices in this block. */
  sentences: number[]
  /** Map an offset in `text` to a source offset. */
  toSource(textOffset: number): number
  /** Ranges of `text` that are code or otherwise literal. */
  literal: Array<[number, number]>
}

/** A sentence of prose. */
export interface Sentence {
  index: number
  /** Exact text (straight quotes, single spaces are NOT normalised). */
  text: string
  /** Offset of `text` inside its block's text. */
  textStart: number
  /** Source offsets. */
  start: number
  end: number
  block: number
  kind: BlockKind
  passage: number
  section: number
  /** Ends with a question mark. */
  isQuestion: boolean
  /** Sits wholly inside quotation marks or a blockquote. */
  isQuoted: boolean
  /** Sits wholly inside a link's text. */
  inLink: boolean
  /** Citations that belong to this sentence (inside it or right after it). */
  citations: number[]
  /** Links that overlap this sentence or directly follow it. */
  links: number[]
}

/** A run of blocks that belong together: a paragraph and the list it introduces. */
export interface Passage {
  index: number
  blocks: number[]
  sentences: number[]
  section: number
}

export interface Section {
  index: number
  /** Heading texts from the top level down to this section. */
  path: string[]
  /** Heading block index, if any (the first section may have none). */
  heading?: number
  depth: number
  /** Source offsets. */
  start: number
  end: number
  sentences: number[]
}

export interface Link {
  index: number
  url: string
  text: string
  title?: string
  rel?: string
  /** Source offsets of the whole link (or the element carrying the URL). */
  start: number
  end: number
  /** Where the link came from. */
  origin: 'markdown' | 'definition' | 'html' | 'jsx' | 'autolink' | 'text'
}

export type CitationKind =
  | 'link'
  | 'footnote'
  | 'bracket'
  | 'author-year'
  | 'doi'
  | 'pmid'

export interface Citation {
  index: number
  kind: CitationKind
  /** Source offsets. */
  start: number
  end: number
  /** The marker as written (`[3]`, `(Smith et al., 2019)`, `[^1]`, a URL). */
  value: string
  /** Link index for `link` citations. */
  link?: number
}

export interface FootnoteDefinition {
  label: string
  text: string
  start: number
  end: number
}

export interface Frontmatter {
  /** `html` is page metadata: <meta> tags and JSON-LD. */
  kind: 'yaml' | 'toml' | 'html'
  /** Parsed data, or undefined when it could not be parsed. */
  data: Record<string, unknown> | undefined
  error?: string
  start: number
  end: number
}

/** An inline-control comment (`<!-- fitlint-disable ... -->`). */
export interface Directive {
  keyword: 'disable' | 'enable' | 'disable-next-line' | 'disable-line'
  ruleIds: string[]
  reason?: string
  start: number
  end: number
}

/** A piece of site chrome text, with its place in the source. */
export interface SiteNote {
  text: string
  start: number
  end: number
}

export interface Article {
  format: Format
  /** The whole source text. */
  source: string
  frontmatter?: Frontmatter
  blocks: Block[]
  sentences: Sentence[]
  passages: Passage[]
  sections: Section[]
  links: Link[]
  citations: Citation[]
  footnotes: FootnoteDefinition[]
  directives: Directive[]
  /**
   * Site text outside the prose (HTML footers, fine print, disclaimer boxes
   * in the page chrome): not linted, but a site-wide disclaimer there counts.
   */
  siteNotes?: SiteNote[]
  /** Links in sidebars, widgets and footers outside the prose (affiliate links there need a disclosure too). */
  siteLinks?: Link[]
  /** Problems found while reading (broken front matter, ...). */
  problems: Array<{reason: string; start: number; end: number; fatal: boolean}>
}
