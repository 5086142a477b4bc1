/**
 * Hover on a flagged range: the rule's one-line summary, the opening sections
 * of its documentation (`rules/<id>/README.md`: the why and the sources), and
 * a link to the full page. Without a README: the message's note and the link.
 */
import fs from 'node:fs'
import {MarkupKind, type Hover, type Position, type Range} from 'vscode-languageserver'
import {builtinRules} from '../index.js'
import type {Entry} from './diagnostics.js'

const MAX_EXCERPT = 2500
const readmes = new Map<string, Promise<string | undefined>>()

/** The README of a built-in rule, if it ships one. */
export function ruleReadme(ruleId: string): Promise<string | undefined> {
  if (!builtinRules.some((rule) => rule.id === ruleId) || !/^[a-z\d-]+$/.test(ruleId)) {
    return Promise.resolve(undefined)
  }

  let text = readmes.get(ruleId)
  if (!text) {
    // dist/src/lsp/hover.js → dist/rules/<id>/README.md (the build copies it there).
    const url = new URL(`../../rules/${ruleId}/README.md`, import.meta.url)
    text = fs.promises.readFile(url, 'utf8').catch(() => undefined)
    readmes.set(ruleId, text)
  }

  return text
}

/**
 * The part of a rule README worth a hover: the introduction and the sections
 * about why and sources (or, failing those, the first sections), with
 * headings made small and the length capped.
 */
export function readmeExcerpt(markdown: string, base?: string): string {
  const text = markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // Tables (severity, scope...) are reference material: not for a hover.
    .replace(/^\|.*\n?/gm, '')
    // Relative links mean nothing in an editor: resolve them against the docs URL.
    .replace(/\]\((?![a-z][a-z\d+.-]*:|#)([^)\s]+)\)/gi, (whole, target: string) => {
      if (!base) return whole
      try {
        return `](${new URL(target, base).href})`
      } catch {
        return whole
      }
    })
  // Drop the title and anything before it (badges, front matter).
  const lines = text.split('\n')
  const title = lines.findIndex((line) => /^#\s/.test(line))
  const body = (title === -1 ? lines : lines.slice(title + 1)).join('\n')

  const parts = body.split(/\n(?=##\s)/)
  const intro = /^##\s/.test(parts[0]) ? '' : parts.shift() ?? ''
  const wanted = parts.filter((part) => /^##\s.*\b(?:why|sources?|references?|evidence|rationale|background)\b/i.test(part))
  const chosen = wanted.length > 0 ? wanted : parts.slice(0, intro.trim() ? 1 : 2)
  let excerpt = [intro, ...chosen]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n')
    .replace(/^(#{2,6})\s/gm, (_, hashes: string) => '#'.repeat(Math.min(6, hashes.length + 2)) + ' ')
    .replace(/\n{3,}/g, '\n\n')

  if (excerpt.length > MAX_EXCERPT) {
    const cut = excerpt.lastIndexOf('\n\n', MAX_EXCERPT)
    excerpt = excerpt.slice(0, cut > MAX_EXCERPT / 2 ? cut : MAX_EXCERPT).trimEnd() + '\n\n…'
  }

  return excerpt
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character)
  return after(position, range.start) && after(range.end, position)
}

const SEVERITY_NAME = ['', 'error', 'warning', 'info', 'hint']

export async function hover(entries: Entry[], position: Position): Promise<Hover | null> {
  const hits = entries.filter((entry) => contains(entry.diagnostic.range, position))
  if (hits.length === 0) return null

  const sections: string[] = []
  const seen = new Set<string>()
  for (const entry of hits) {
    const ruleId = entry.message.ruleId ?? 'fitlint'
    if (seen.has(ruleId)) continue
    seen.add(ruleId)
    const rule = builtinRules.find((candidate) => candidate.id === ruleId)
    const lines = [`**fitlint** · \`${ruleId}\` · ${SEVERITY_NAME[entry.diagnostic.severity ?? 2]}`]
    lines.push(entry.message.reason)
    if (rule) lines.push(`*${rule.docs.summary}*`)
    const readme = await ruleReadme(ruleId)
    if (readme) lines.push(readmeExcerpt(readme, entry.message.url ?? undefined))
    else if (entry.message.note) lines.push(entry.message.note)
    if (entry.message.url) lines.push(`[Rule documentation](${entry.message.url})`)
    sections.push(lines.join('\n\n'))
  }

  return {
    contents: {kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n')},
    range: hits[0].diagnostic.range
  }
}
