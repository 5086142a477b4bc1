/**
 * Walk an HTML document (hast) into the article builder: only the document's
 * prose. The content root is `<main>`, else the `<article>` elements, else
 * `<body>`. Scripts, styles, forms, navigation and other site chrome
 * (by element, ARIA role, or class/id such as `nav`, `sidebar`, `cookie`,
 * `share`, `comments`) are skipped.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import type {ArticleBuilder} from './builder.js'

type HNode = Root | RootContent | ElementContent

const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'form',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'svg',
  'math',
  'iframe',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'dialog',
  'menu',
  'pre',
  'img',
  'picture'
])

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'del',
  'ins',
  'label',
  'font',
  'img'
])

const LITERAL = new Set(['code', 'kbd', 'samp', 'var'])

const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog'
])

const CHROME_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|cookies?|cookie-banner|share|sharing|social|related|newsletter|subscribe|advert|advertisement|ad-slot|ads|comments?|comment-list|skip-link|toc|table-of-contents)(?:$|[\s_-])/i

export function walkHast(tree: Root, builder: ArticleBuilder): void {
  collectComments(tree, builder)
  readMetadata(tree, builder)
  const roots = contentRoots(tree)
  const isBody = roots.length === 1 && (roots[0].type === 'root' || roots[0].tagName === 'body')
  const walker = new HastWalker(builder, isBody)
  for (const root of roots) {
    walker.flowChildren(root.children as HNode[], 'paragraph')
  }

  collectSiteNotes(tree, roots, isBody, builder)
}

/** Sidebars, widgets and footers, whose links (a "my kit" widget) may be affiliate links. */
const SITE_LINK_REGION = /(?:^|[\s_-])(?:sidebar|widget|widget-area|footer|shop|kit|gear|recommended|affiliate|sponsor|sponsors|partners?)(?:$|[\s_-])/i

/** Footers and fine print (where sites put a site-wide disclaimer). */
const SITE_NOTE = /(?:^|[\s_-])(?:disclaimer|fine-?print|legal|medical-?notice|site-?info|colophon)(?:$|[\s_-])/i

/**
 * Text of the page's footers and fine-print boxes that the prose walk does
 * not read (outside `<main>`/`<article>`, or site chrome): kept as site
 * notes, so a site-wide medical disclaimer in the footer is seen.
 */
function collectSiteNotes(tree: Root, roots: Array<Root | Element>, isBody: boolean, builder: ArticleBuilder): void {
  const inRoot = new Set<HNode>(isBody ? [] : (roots as HNode[]))
  const visit = (node: HNode, insideRoot: boolean): void => {
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template' || node.tagName === 'noscript') return
      const note = node.tagName === 'footer' || SITE_NOTE.test(namesOf(node))
      // Notes inside the prose were read already (unless the prose walk skipped them as chrome).
      if (note && (!insideRoot || isChrome(node, false) || node.tagName === 'footer')) {
        const text = textOf(node).replace(/\s+/g, ' ').trim()
        if (text && node.position) builder.siteNotes.push({text, start: node.position.start.offset ?? 0, end: node.position.end.offset ?? 0})
        return
      }
    }

    const inside = insideRoot || inRoot.has(node)
    for (const child of (node as Element).children ?? []) visit(child as HNode, inside)
  }

  visit(tree as unknown as HNode, false)

  // Links in sidebars, widgets and footers that the prose walk did not read.
  const links = (node: HNode, insideRoot: boolean, region: boolean): void => {
    if (node.type !== 'element' && node.type !== 'root') return
    let inRegion = region
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template' || node.tagName === 'nav') return
      const properties = node.properties ?? {}
      if (inRegion && node.tagName === 'a' && typeof properties.href === 'string' && node.position) {
        const rel = relOf(node)
        builder.siteLinks.push({
          index: builder.siteLinks.length,
          url: properties.href,
          text: textOf(node).replace(/\s+/g, ' ').trim(),
          ...(rel === undefined ? {} : {rel}),
          start: node.position.start.offset ?? 0,
          end: node.position.end.offset ?? 0,
          origin: 'html'
        })
        return
      }

      const regionHere = node.tagName === 'aside' || node.tagName === 'footer' || SITE_LINK_REGION.test(namesOf(node))
      if (regionHere && (!insideRoot || isChrome(node, false))) inRegion = true
    }

    const inside = insideRoot || inRoot.has(node)
    for (const child of (node as Element).children ?? []) links(child as HNode, inside, inRegion)
  }

  links(tree as unknown as HNode, false, false)
}

/**
 * Page metadata that plays the role of front matter: <meta name="author">,
 * article:published_time / modified_time, and JSON-LD (author, reviewedBy,
 * datePublished, dateModified, lastReviewed).
 */
function readMetadata(tree: Root, builder: ArticleBuilder): void {
  const data: Record<string, unknown> = {}
  let start = -1
  let end = -1
  const note = (node: HNode) => {
    if (start === -1 || start > (node.position?.start.offset ?? 0)) start = node.position?.start.offset ?? 0
    end = Math.max(end, node.position?.end.offset ?? 0)
  }

  const visit = (node: HNode): void => {
    if (node.type === 'element') {
      const properties = node.properties ?? {}
      if (node.tagName === 'meta') {
        const name = String(properties.name ?? properties.property ?? properties.itemProp ?? '').toLowerCase()
        const content = typeof properties.content === 'string' ? properties.content : undefined
        const key = META_KEYS[name]
        if (key && content && data[key] === undefined) {
          data[key] = content
          note(node)
        }
      }

      if (node.tagName === 'script' && String(properties.type ?? '').toLowerCase() === 'application/ld+json') {
        try {
          readJsonLd(JSON.parse(textOf(node)), data)
          note(node)
        } catch {
          // Broken JSON-LD is not our business.
        }
      }
    }

    if ('children' in node) for (const child of node.children) visit(child as HNode)
  }

  visit(tree)
  if (Object.keys(data).length > 0) {
    builder.frontmatter = {kind: 'html', data, start: Math.max(0, start), end: Math.max(start, end)}
  }
}

const META_KEYS: Record<string, string> = {
  author: 'author',
  'article:author': 'author',
  'article:published_time': 'published',
  'datepublished': 'published',
  'date': 'published',
  'article:modified_time': 'updated',
  'datemodified': 'updated',
  'last-modified': 'updated',
  'lastreviewed': 'last_reviewed',
  'reviewedby': 'medically_reviewed_by'
}

function personName(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(personName).filter(Boolean).join(', ') || undefined
  if (value && typeof value === 'object' && 'name' in value) return personName((value as {name: unknown}).name)
  return undefined
}

function readJsonLd(json: unknown, data: Record<string, unknown>): void {
  const items = Array.isArray(json) ? json : json && typeof json === 'object' && '@graph' in json ? (json as {'@graph': unknown[]})['@graph'] : [json]
  for (const item of items) {
    if (!item || typeof item !== 'object') continue
    const record = item as Record<string, unknown>
    const author = personName(record.author)
    if (author && data.author === undefined) data.author = author
    const reviewer = personName(record.reviewedBy)
    if (reviewer && data.medically_reviewed_by === undefined) data.medically_reviewed_by = reviewer
    for (const [from, to] of [['datePublished', 'published'], ['dateModified', 'updated'], ['lastReviewed', 'last_reviewed']]) {
      if (typeof record[from] === 'string' && data[to] === undefined) data[to] = record[from]
    }
  }
}

function collectComments(node: HNode, builder: ArticleBuilder): void {
  if (node.type === 'comment') {
    builder.addComment(node.value, start(node), end(node))
    return
  }

  if ('children' in node) {
    for (const child of node.children) collectComments(child as HNode, builder)
  }
}

/** Pick `<main>`, else every `<article>`, else `<body>`, else the root. */
function contentRoots(tree: Root): Array<Root | Element> {
  const main: Element[] = []
  const articles: Element[] = []
  let body: Element | undefined

  const find = (node: HNode, insideArticle: boolean): void => {
    if (node.type === 'element') {
      if (node.tagName === 'main' && main.length === 0) main.push(node)
      if (node.tagName === 'article' && !insideArticle) articles.push(node)
      if (node.tagName === 'body' && !body) body = node
      if (SKIP.has(node.tagName) && node.tagName !== 'head') return
      insideArticle ||= node.tagName === 'article'
    }

    if ('children' in node) {
      for (const child of node.children) find(child as HNode, insideArticle)
    }
  }

  find(tree, false)
  if (main.length > 0) return main
  if (articles.length > 0) return articles
  return [body ?? tree]
}

function start(node: HNode): number {
  return node.position?.start.offset ?? 0
}

function end(node: HNode): number {
  return node.position?.end.offset ?? start(node)
}

/** An element's class names and id, as one string to test names against. */
function namesOf(element: Element): string {
  const properties = element.properties ?? {}
  const className = Array.isArray(properties.className) ? properties.className.join(' ') : typeof properties.className === 'string' ? properties.className : ''
  const id = typeof properties.id === 'string' ? properties.id : ''
  return id ? `${className} ${id}` : className
}

/** A link's `rel`, as one string. */
function relOf(element: Element): string | undefined {
  const rel = element.properties?.rel
  return Array.isArray(rel) ? rel.join(' ') : typeof rel === 'string' ? rel : undefined
}

function isChrome(element: Element, topLevel: boolean): boolean {
  if (SKIP.has(element.tagName)) return true
  const properties = element.properties ?? {}
  const role = typeof properties.role === 'string' ? properties.role : ''
  if (role && CHROME_ROLES.has(role)) return true
  if (properties.hidden !== undefined && properties.hidden !== false) return true
  if (properties.ariaHidden === 'true') return true
  if ((element.tagName === 'header' || element.tagName === 'footer' || element.tagName === 'aside') && topLevel) {
    return true
  }

  // The page's own content is not chrome for a class name: `<article
  // class="newsletter">` is a newsletter issue, not a signup box. (Comment
  // lists and share bars inside it still are.)
  if (element.tagName === 'article' || element.tagName === 'main') return false
  return CHROME_NAME.test(namesOf(element))
}

function isInline(node: HNode): boolean {
  if (node.type === 'text') return true
  if (node.type === 'element') return INLINE.has(node.tagName)
  return false
}

class HastWalker {
  /** Depth inside `<article>`/`<main>`/`<section>`: chrome checks are looser there. */
  private depth = 0

  /**
   * @param siteChrome whether the content root is the whole `<body>`, so its
   *   top-level `<header>`, `<footer>` and `<aside>` are site chrome.
   */
  constructor(
    private readonly builder: ArticleBuilder,
    private readonly siteChrome: boolean
  ) {}

  flowChildren(children: HNode[], kind: 'paragraph' | 'listItem' | 'blockquote'): void {
    let index = 0
    while (index < children.length) {
      const child = children[index]
      if (isInline(child)) {
        let stop = index
        while (stop < children.length && (isInline(children[stop]) || children[stop].type === 'comment')) stop++
        const run = children.slice(index, stop)
        const hasText = run.some((node) => textOf(node).trim().length > 0)
        if (hasText) {
          this.builder.startBlock(kind, start(run[0]), end(run[run.length - 1]))
          for (const node of run) this.phrasing(node)
          this.builder.endBlock()
        }

        index = stop
        continue
      }

      if (child.type === 'element') this.flow(child, kind)
      index++
    }
  }

  flow(element: Element, kind: 'paragraph' | 'listItem' | 'blockquote'): void {
    const builder = this.builder
    if (isChrome(element, this.siteChrome && this.depth === 0)) return
    const tag = element.tagName

    if (/^h[1-6]$/.test(tag)) {
      builder.newPassage()
      builder.startBlock('heading', start(element), end(element), Number(tag.charAt(1)))
      this.phrasingChildren(element)
      builder.endBlock()
      builder.newPassage()
      return
    }

    if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'address') {
      if (kind === 'paragraph') builder.newPassage()
      builder.startBlock(kind, start(element), end(element))
      this.phrasingChildren(element)
      builder.endBlock()
      return
    }

    if (tag === 'ul' || tag === 'ol' || tag === 'dl') {
      if (kind === 'paragraph' && !builder.lastBlockIsParagraph()) builder.newPassage()
      builder.pushContainer('list')
      for (const child of element.children) {
        if (child.type === 'element' && child.tagName === 'li') {
          this.flowChildren(child.children as HNode[], 'listItem')
        } else if (child.type === 'element') {
          this.flow(child, 'listItem')
        }
      }

      builder.popContainer()
      return
    }

    if (tag === 'blockquote') {
      builder.pushContainer('blockquote')
      builder.newPassage()
      this.flowChildren(element.children as HNode[], 'blockquote')
      builder.popContainer()
      builder.newPassage()
      return
    }

    if (tag === 'table') {
      builder.newPassage()
      builder.pushContainer('table')
      this.table(element)
      builder.popContainer()
      builder.newPassage()
      return
    }

    if (tag === 'figcaption' || tag === 'caption') {
      builder.startBlock('caption', start(element), end(element))
      this.phrasingChildren(element)
      builder.endBlock()
      return
    }

    // Generic containers (div, section, article, header, figure, aside...).
    const container = tag === 'aside' || tag === 'details' ? 'html:' + tag : undefined
    if (container) builder.pushContainer(container)
    this.depth++
    this.flowChildren(element.children as HNode[], kind)
    this.depth--
    if (container) builder.popContainer()
  }

  table(element: Element): void {
    for (const child of element.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'td' || child.tagName === 'th') {
        this.builder.startBlock('tableCell', start(child), end(child))
        this.phrasingChildren(child)
        this.builder.endBlock()
      } else if (child.tagName === 'caption') {
        this.flow(child, 'paragraph')
      } else {
        this.table(child)
      }
    }
  }

  phrasingChildren(element: Element): void {
    for (const child of element.children) this.phrasing(child as HNode)
  }

  phrasing(node: HNode, literal = false): void {
    const builder = this.builder
    if (node.type === 'text') {
      builder.addText(node.value, start(node), end(node), literal)
      return
    }

    if (node.type !== 'element') return
    const tag = node.tagName
    if (SKIP.has(tag) || (tag !== 'a' && isChrome(node, false) && !INLINE.has(tag))) return

    if (tag === 'br') {
      builder.addSeparator(' ')
      return
    }

    if (tag === 'sup' && isCitationMarker(node)) {
      builder.addFootnoteReference({
        label: textOf(node).replace(/[[\]\s]/g, ''),
        start: start(node),
        end: end(node)
      })
      this.linksIn(node)
      return
    }

    if (tag === 'a') {
      const properties = node.properties ?? {}
      const href = typeof properties.href === 'string' ? properties.href : undefined
      if (href !== undefined) {
        builder.openLink({
          url: href,
          rel: relOf(node),
          title: typeof properties.title === 'string' ? properties.title : undefined,
          start: start(node),
          end: end(node),
          origin: 'html'
        })
        for (const child of node.children) this.phrasing(child as HNode, literal)
        builder.closeLink()
        return
      }
    }

    if (!INLINE.has(tag)) {
      // A block element inside phrasing (bad HTML): keep its text.
      builder.addSeparator(' ')
      for (const child of node.children) this.phrasing(child as HNode, literal)
      builder.addSeparator(' ')
      return
    }

    const isLiteral = literal || LITERAL.has(tag)
    for (const child of node.children) this.phrasing(child as HNode, isLiteral)
  }

  linksIn(node: HNode): void {
    if (node.type !== 'element') return
    if (node.tagName === 'a' && typeof node.properties?.href === 'string') {
      this.builder.addLink({
        url: node.properties.href,
        text: textOf(node),
        start: start(node),
        end: end(node),
        origin: 'html'
      })
    }

    for (const child of node.children) this.linksIn(child as HNode)
  }
}

function isCitationMarker(node: Element): boolean {
  // Trimmed first: `^\s*\[?\s*` is quadratic on a long run of spaces.
  const text = textOf(node).trim()
  return /^\[?\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\]?$/.test(text)
}

function textOf(node: HNode): string {
  if (node.type === 'text') return node.value
  if ('children' in node) {
    return (node.children as HNode[]).map(textOf).join('')
  }

  return ''
}
