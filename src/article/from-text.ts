/**
 * Plain text into the article builder.
 *
 * Two shapes are common. Hand-written text is hard-wrapped with blank lines
 * between paragraphs; scraped pages put one block per line (headings, menu
 * items, paragraphs) with no blank lines at all. We detect the wrapped shape
 * (most lines in a paragraph continue a sentence) and join its lines;
 * otherwise every non-empty line is its own paragraph. A line that reads like
 * a short title (no final punctuation, few words) counts as a heading so
 * section logic works on scraped pages too.
 */
import type {ArticleBuilder} from './builder.js'
import {readFrontmatter} from '../parse/frontmatter.js'

interface Line {
  text: string
  start: number
  end: number
}

export function walkText(source: string, builder: ArticleBuilder): void {
  let lines = splitLines(source)
  // YAML front matter at the top of a text file, as in Markdown.
  if (lines[0]?.text.trim() === '---') {
    const close = lines.findIndex((line, index) => index > 0 && index < 80 && line.text.trim() === '---')
    if (close > 0) {
      const value = lines.slice(1, close).map((line) => line.text).join('\n')
      builder.frontmatter = readFrontmatter('yaml', value, lines[0].start, lines[close].end)
      if (builder.frontmatter.error) {
        builder.problems.push({reason: `Cannot parse YAML front matter: ${builder.frontmatter.error}`, start: lines[0].start, end: lines[close].end, fatal: false})
      }

      lines = lines.slice(close + 1)
    }
  }

  const groups = paragraphs(lines)

  for (const group of groups) {
    // Bare URLs in plain text are links (sources, affiliate links).
    for (const line of group) {
      // With a scheme, or a scheme-less "www." address or link shortener
      // ("amzn.to/3xYz", "bit.ly/abc"), as scraped pages print them.
      const urls = /\bhttps?:\/\/[^\s)<>\]"']+|(?<![\w.@/-])(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|(?:amzn\.to|amzn\.eu|a\.co|bit\.ly|tinyurl\.com|geni\.us|rstyle\.me|shopstyle\.it|t\.co|ow\.ly|buff\.ly|go\.skimresources\.com|shareasale\.com|howl\.me))\/?[^\s)<>\]"']*/gi
      let match: RegExpExecArray | null
      while ((match = urls.exec(line.text))) {
        const url = trimTrailingPunctuation(match[0])
        const absolute = /^https?:\/\//i.test(url) ? url : 'https://' + url
        builder.addLink({url: absolute, text: '', start: line.start + match.index, end: line.start + match.index + url.length, origin: 'text'})
      }
    }

    const first = group[0]
    const last = group[group.length - 1]
    const single = group.length === 1 ? first.text.trim() : ''
    const heading = single !== '' && looksLikeHeading(single)
    builder.newPassage()
    builder.startBlock(heading ? 'heading' : 'paragraph', first.start, last.end, heading ? 2 : undefined)
    group.forEach((line, index) => {
      if (index > 0) builder.addSeparator(' ')
      // "user_name | 15 March 2024 | The comment…": keep the prose only.
      const meta = index === 0 ? /^(?:[^|]{1,40}\s\|\s){1,4}/.exec(line.text) : null
      const rest = meta ? line.text.slice(meta[0].length) : ''
      if (meta && rest.trim().split(/\s+/).length >= 6) {
        builder.addText(rest, line.start + meta[0].length, line.end)
      } else {
        builder.addText(line.text, line.start, line.end)
      }
    })
    builder.endBlock()
    if (heading) builder.newPassage()
  }
}

function splitLines(source: string): Line[] {
  const lines: Line[] = []
  const re = /\r\n|\r|\n/g
  let from = 0
  let match: RegExpExecArray | null
  while ((match = re.exec(source))) {
    lines.push({text: source.slice(from, match.index), start: from, end: match.index})
    from = match.index + match[0].length
  }

  lines.push({text: source.slice(from), start: from, end: source.length})
  return lines
}

/** Group lines into paragraphs. */
function paragraphs(lines: Line[]): Line[][] {
  const blocks: Line[][] = []
  let current: Line[] = []
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else {
      current.push(line)
    }
  }

  if (current.length > 0) blocks.push(current)

  // Decide per blank-line block: hard-wrapped prose is joined, otherwise one
  // paragraph per line.
  const result: Line[][] = []
  for (const block of blocks) {
    if (block.length > 1 && isWrapped(block)) {
      result.push(block)
    } else {
      for (const line of block) result.push([line])
    }
  }

  return result
}

/**
 * A block is hard-wrapped prose when most of its line breaks fall inside a
 * sentence: the line does not end a sentence and is long-ish.
 */
function isWrapped(block: Line[]): boolean {
  let continued = 0
  for (let index = 0; index < block.length - 1; index++) {
    const text = block[index].text.trimEnd()
    const next = block[index + 1].text.trimStart()
    const endsSentence = /[.!?:;"')\]]$/.test(text)
    if (!endsSentence && (text.length >= 40 || /^[a-z(]/.test(next))) continued++
  }

  return continued >= Math.ceil((block.length - 1) / 2)
}

function looksLikeHeading(text: string): boolean {
  if (text.length > 90) return false
  // A sentence may end in a footnote marker: "…before bed.*", "…sleep.†", "…[1]".
  if (/[.!,;:]["'’”)\]]*\s*(?:[*†‡§¶]+|\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?$/.test(text)) return false
  // A claim line ending in a marker without a full stop is prose, not a title.
  if (/\p{Ll}[*†‡]+$/u.test(text)) return false
  const words = text.split(/\s+/).length
  if (words > 12) return false
  // Titles start with a capital, a digit or a quote.
  return /^["'\d\p{Lu}]/u.test(text)
}

/**
 * A URL without the punctuation after it (`…/study.`). A loop, not
 * `/[.,;:!?]+$/`: that regex is quadratic on a long run of dots.
 */
function trimTrailingPunctuation(url: string): string {
  let end = url.length
  while (end > 0 && '.,;:!?'.includes(url.charAt(end - 1))) end--
  return url.slice(0, end)
}
