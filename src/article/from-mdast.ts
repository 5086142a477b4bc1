/**
 * Walk an mdast tree (Markdown or MDX) into the article builder.
 *
 * Prose is paragraphs, headings, list items, blockquotes, table cells and the
 * text inside JSX children. Code, ESM, expressions, front matter and footnote
 * definitions are not prose. JSX attributes that hold URLs (`href`, `url`,
 * `link`) are recorded as links so affiliate checks see product cards.
 */
import type {ArticleBuilder} from './builder.js'
import {readFrontmatter} from '../parse/frontmatter.js'

interface Point {
  offset?: number
}

interface MdNode {
  type: string
  value?: string
  url?: string
  title?: string | null
  depth?: number
  identifier?: string
  label?: string | null
  name?: string | null
  attributes?: Array<{type: string; name?: string; value?: unknown}>
  children?: MdNode[]
  position?: {start: Point; end: Point}
}

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'footnoteReference',
  'html',
  'mdxTextExpression',
  'mdxJsxTextElement'
])

const URL_ATTRIBUTES = new Set(['href', 'url', 'link', 'to', 'src'])

export function walkMdast(tree: MdNode, builder: ArticleBuilder): void {
  const definitions = new Map<string, MdNode>()
  collectDefinitions(tree, definitions)
  const walker = new MdastWalker(builder, definitions)
  walker.flowChildren(tree.children ?? [], 'paragraph')
}

function collectDefinitions(node: MdNode, map: Map<string, MdNode>): void {
  if (node.type === 'definition' && node.identifier) {
    if (!map.has(node.identifier)) map.set(node.identifier, node)
  }

  if (node.children) {
    for (const child of node.children) collectDefinitions(child, map)
  }
}

function start(node: MdNode): number {
  return node.position?.start.offset ?? 0
}

function end(node: MdNode): number {
  return node.position?.end.offset ?? start(node)
}

class MdastWalker {
  constructor(
    private readonly builder: ArticleBuilder,
    private readonly definitions: Map<string, MdNode>
  ) {}

  /** Visit flow (block) content. `kind` is what a paragraph here is. */
  flowChildren(children: MdNode[], kind: 'paragraph' | 'listItem' | 'blockquote'): void {
    let index = 0
    while (index < children.length) {
      const child = children[index]
      if (PHRASING.has(child.type) && child.type !== 'html' && child.type !== 'mdxTextExpression') {
        // Loose phrasing in flow position (JSX children on one line): one block.
        let stop = index
        while (stop < children.length && PHRASING.has(children[stop].type)) stop++
        const run = children.slice(index, stop)
        this.builder.startBlock(kind, start(run[0]), end(run[run.length - 1]))
        for (const node of run) this.phrasing(node)
        this.builder.endBlock()
        index = stop
        continue
      }

      this.flow(child, kind)
      index++
    }
  }

  flow(node: MdNode, kind: 'paragraph' | 'listItem' | 'blockquote'): void {
    const builder = this.builder
    switch (node.type) {
      case 'yaml':
      case 'toml': {
        builder.frontmatter = readFrontmatter(
          node.type,
          node.value ?? '',
          start(node),
          end(node)
        )
        if (builder.frontmatter.error) {
          builder.problems.push({
            reason: `Cannot parse ${node.type.toUpperCase()} front matter: ${builder.frontmatter.error}`,
            start: start(node),
            end: end(node),
            fatal: false
          })
        }

        return
      }

      case 'heading': {
        builder.newPassage()
        builder.startBlock('heading', start(node), end(node), node.depth)
        this.phrasingChildren(node)
        builder.endBlock()
        builder.newPassage()
        return
      }

      case 'paragraph': {
        // Paragraphs in list items and blockquotes continue their passage;
        // top-level ones start a new one.
        if (kind === 'paragraph') builder.newPassage()
        builder.startBlock(kind, start(node), end(node))
        this.phrasingChildren(node)
        builder.endBlock()
        return
      }

      case 'list': {
        // A list belongs to the paragraph that introduces it.
        if (kind === 'paragraph' && !builder.lastBlockIsParagraph()) {
          builder.newPassage()
        }

        builder.pushContainer('list')
        for (const item of node.children ?? []) {
          this.flowChildren(item.children ?? [], 'listItem')
        }

        builder.popContainer()
        return
      }

      case 'blockquote': {
        builder.pushContainer('blockquote')
        for (const child of node.children ?? []) {
          if (child.type === 'paragraph') builder.newPassage()
          this.flow(child, 'blockquote')
        }

        builder.popContainer()
        builder.newPassage()
        return
      }

      case 'table': {
        builder.newPassage()
        builder.pushContainer('table')
        for (const row of node.children ?? []) {
          for (const cell of row.children ?? []) {
            builder.startBlock('tableCell', start(cell), end(cell))
            this.phrasingChildren(cell)
            builder.endBlock()
          }
        }

        builder.popContainer()
        builder.newPassage()
        return
      }

      case 'footnoteDefinition': {
        builder.addFootnoteDefinition({
          label: node.identifier ?? node.label ?? '',
          text: textContent(node),
          start: start(node),
          end: end(node)
        })
        // Links inside definitions still count as links (sources).
        this.collectLinks(node)
        return
      }

      case 'definition': {
        builder.addLink({
          url: node.url ?? '',
          text: node.label ?? node.identifier ?? '',
          title: node.title ?? undefined,
          start: start(node),
          end: end(node),
          origin: 'definition'
        })
        return
      }

      case 'html': {
        this.html(node)
        return
      }

      case 'mdxFlowExpression': {
        this.expression(node)
        return
      }

      case 'mdxJsxFlowElement': {
        // A JSX component is its own block of the document.
        builder.newPassage()
        this.jsxAttributes(node)
        builder.pushContainer('jsx:' + (node.name ?? 'fragment'))
        this.flowChildren(node.children ?? [], kind)
        builder.popContainer()
        builder.newPassage()
        return
      }

      default: {
        // code, math, thematicBreak, mdxjsEsm: not prose.
      }
    }
  }

  phrasingChildren(node: MdNode): void {
    for (const child of node.children ?? []) this.phrasing(child)
  }

  phrasing(node: MdNode): void {
    const builder = this.builder
    switch (node.type) {
      case 'text': {
        builder.addText(node.value ?? '', start(node), end(node))
        return
      }

      case 'inlineCode': {
        // Code is literal: keep it in the text (so sentences read right) but
        // mark it so phrase matchers skip it.
        const from = start(node)
        const to = end(node)
        const value = node.value ?? ''
        const inner = this.builder.source.indexOf(value, from)
        if (inner !== -1 && inner + value.length <= to) {
          builder.addText(value, inner, inner + value.length, true)
        } else {
          builder.addText(value, from, to, true)
        }

        return
      }

      case 'break': {
        builder.addSeparator(' ')
        return
      }

      case 'emphasis':
      case 'strong':
      case 'delete': {
        this.phrasingChildren(node)
        return
      }

      case 'link': {
        builder.openLink({
          url: node.url ?? '',
          title: node.title ?? undefined,
          start: start(node),
          end: end(node),
          origin: 'markdown'
        })
        this.phrasingChildren(node)
        builder.closeLink()
        return
      }

      case 'linkReference': {
        const definition = node.identifier
          ? this.definitions.get(node.identifier)
          : undefined
        if (definition) {
          builder.openLink({
            url: definition.url ?? '',
            title: definition.title ?? undefined,
            start: start(node),
            end: end(node),
            origin: 'markdown'
          })
          this.phrasingChildren(node)
          builder.closeLink()
        } else {
          // `[3]` with no definition is literal text: a reference marker.
          builder.addText(
            this.builder.source.slice(start(node), end(node)),
            start(node),
            end(node)
          )
        }

        return
      }

      case 'footnoteReference': {
        builder.addFootnoteReference({
          label: node.identifier ?? '',
          start: start(node),
          end: end(node)
        })
        return
      }

      case 'html': {
        this.html(node)
        return
      }

      case 'mdxTextExpression': {
        this.expression(node)
        return
      }

      case 'mdxJsxTextElement': {
        this.jsxAttributes(node)
        this.phrasingChildren(node)
        return
      }

      default: {
        // image, imageReference: not prose.
      }
    }
  }

  /** Raw HTML in Markdown: comments are directives; `<a href>` are links. */
  html(node: MdNode): void {
    const value = node.value ?? ''
    const from = start(node)
    const comments = /<!--([\s\S]*?)-->/g
    let match: RegExpExecArray | null
    while ((match = comments.exec(value))) {
      this.builder.addComment(
        match[1],
        from + match.index,
        from + match.index + match[0].length
      )
    }

    const anchors = /<a\s[^>]*>|<\/a\s*>/gi
    while ((match = anchors.exec(value))) {
      const tag = match[0]
      if (tag.startsWith('</')) {
        this.builder.closeLink()
        continue
      }

      const href = attribute(tag, 'href')
      if (href === undefined) continue
      const link = {
        url: href,
        rel: attribute(tag, 'rel'),
        title: attribute(tag, 'title'),
        start: from + match.index,
        end: from + match.index + tag.length,
        origin: 'html' as const
      }
      if (node.type === 'html' && this.builder.inBlock) {
        this.builder.openLink(link)
      } else {
        this.builder.addLink({...link, text: ''})
      }
    }
  }

  /** MDX `{/* fitlint-disable ... *\/}` comments. */
  expression(node: MdNode): void {
    const value = node.value ?? ''
    const match = /^\s*\/\*([\s\S]*)\*\/\s*$/.exec(value)
    if (match) this.builder.addComment(match[1], start(node), end(node))
  }

  jsxAttributes(node: MdNode): void {
    for (const attribute of node.attributes ?? []) {
      if (
        attribute.type === 'mdxJsxAttribute' &&
        attribute.name &&
        URL_ATTRIBUTES.has(attribute.name.toLowerCase()) &&
        typeof attribute.value === 'string' &&
        /^(https?:)?\/\/|^\//.test(attribute.value)
      ) {
        const relAttribute = node.attributes?.find(
          (a) => a.type === 'mdxJsxAttribute' && a.name === 'rel'
        )
        this.builder.addLink({
          url: attribute.value,
          text: jsxLabel(node),
          rel: typeof relAttribute?.value === 'string' ? relAttribute.value : undefined,
          // The link is the tag, not the prose inside the component: a
          // <ProductCard href> does not make its description link text.
          start: start(node),
          end: node.children?.length ? start(node.children[0]) : end(node),
          origin: 'jsx'
        })
      }
    }
  }

  collectLinks(node: MdNode): void {
    if (node.type === 'link' && node.url) {
      this.builder.addLink({
        url: node.url,
        text: textContent(node),
        start: start(node),
        end: end(node),
        origin: 'markdown'
      })
    }

    for (const child of node.children ?? []) this.collectLinks(child)
  }
}

function jsxLabel(node: MdNode): string {
  for (const attribute of node.attributes ?? []) {
    if (
      attribute.type === 'mdxJsxAttribute' &&
      (attribute.name === 'name' || attribute.name === 'title') &&
      typeof attribute.value === 'string'
    ) {
      return attribute.value
    }
  }

  return textContent(node)
}

function textContent(node: MdNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value
  return (node.children ?? []).map(textContent).join('')
}

/** Read one attribute value from an HTML tag string. */
export function attribute(tag: string, name: string): string | undefined {
  const re = new RegExp(
    '\\s' + name + '\\s*=\\s*(?:"([^"]*)"|\'([^\']*)\'|([^\\s>]+))',
    'i'
  )
  const match = re.exec(tag)
  if (!match) return undefined
  return match[1] ?? match[2] ?? match[3]
}
