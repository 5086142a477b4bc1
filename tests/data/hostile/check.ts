/**
 * Shared checks for the hardening and fuzz tests: what every lint result must
 * satisfy whatever the input (positions inside the file and consistent with
 * its text, a stable serialisation to compare runs), hostile markup tokens to
 * mutate articles with, and the fixture articles to mutate.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {ROOT} from '../../helpers.js'

export const EXTENSIONS = ['md', 'mdx', 'html', 'txt'] as const
export type Extension = (typeof EXTENSIONS)[number]

/** Markup and encoding hazards inserted into articles by the fuzzers. */
export const HOSTILE_TOKENS = [
  '<', '>', '</', '/>', '{', '}', '[', ']', '(', ')', '*', '**', '_', '`', '```', '~~~', '---', '***',
  '+++', '|', '#', '# ', '> ', '- ', '* ', '1. ', '\\', '"', "'", '’', '&', '&amp;', '&#0;', '&#xD800;',
  '\u0000', '\uFEFF', '\r', '\r\n', '\n', '\n\n', '\t', '    ', '\u2028', '\u00A0', '\u200B', '\u202E',
  '\u0301', '\uD800', '\uDFFF', '\uDBFF', '💪', '\uFFFD', '<!--', '-->', '{/*', '*/}', '<div>', '</div>',
  '<p>', '<script>', '</script>', '<style>', '<br/>', '<Foo', '<Foo>', '</Foo>', '{1 +', 'import x from',
  'export const', '[^1]', '[^1]: ', '](', '](http://', 'http://', 'https://amzn.to/x', '$$', '!', '?', '.',
  '...', ';', ':', ',', '%', '°', '400mg', '1,200', '2.5',
  '<!-- fitlint-disable -->', '<!-- fitlint-disable-next-line unsafe-advice -- why -->',
  '<!-- fitlint-enable -->', '{/* fitlint-disable-next-line */}', '<!-- fitlint-disable-line nope -->'
]

/** Words that make rules fire, so that fuzzed positions are exercised. */
export const HEALTH_WORDS = [
  'push through the pain', 'take', '5000 mg', 'of vitamin C', 'daily', 'creatine', 'cures', 'diabetes',
  'chest pain', 'shortness of breath', 'see a doctor', 'consult your physician', 'this is not medical advice',
  'studies show', 'proven', 'guaranteed', 'melt fat', 'detox', 'fasting', 'for 7 days', 'squat', 'deep',
  'keep going', 'ignore', 'numbness', 'affiliate', 'we earn a commission', 'supplement', 'pregnant',
  'sauna suit', 'reviewed by', 'Dr. Smith', 'RD', 'updated', '2019', 'source', 'according to',
  'https://pubmed.ncbi.nlm.nih.gov/1/', 'https://www.amazon.com/dp/B0?tag=x-20', 'never', 'always',
  'you should', 'do not', "don't", 'every', 'fat', 'weight loss', 'ketones', 'insulin', 'heart attack'
]

/**
 * Whole sentences that make rules fire in every format on their own (checked
 * by the fuzz test): fragments from HEALTH_WORDS rarely form one by chance.
 */
export const HEALTH_SENTENCES = [
  'Push through the pain.', 'Keep going through chest pain.', 'Creatine cures diabetes.',
  'This detox tea will melt fat.', 'Studies show fasting for 7 days is safe.',
  'Wear a sauna suit to lose weight fast.', 'Whey protein supports muscle recovery.',
  'Guaranteed weight loss in 7 days.', 'Fasting is proven to cure insulin resistance.'
]

/** Plain data for one message, to compare runs. */
export function snapshot(file: VFile): string[] {
  return file.messages.map((message) =>
    JSON.stringify({
      ruleId: message.ruleId,
      source: message.source,
      reason: message.reason,
      fatal: message.fatal,
      place: message.place ?? null,
      line: message.line ?? null,
      column: message.column ?? null,
      note: message.note ?? null,
      url: message.url ?? null,
      expected: message.expected ?? null,
      actual: message.actual ?? null
    })
  )
}

interface LinePoint {
  line: number
  column: number
  offset: number
}

/** Line starts of `text`, breaking on CRLF, LF and lone CR (as micromark and vfile-location do). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) starts.push(index + 1)
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++
      starts.push(index + 1)
    }
  }

  return starts
}

/** The 1-based line and column of `offset`. */
export function pointAt(starts: number[], offset: number): LinePoint {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }

  return {line: low + 1, column: offset - starts[low] + 1, offset}
}

/**
 * Problems with message positions: every point must lie inside the file
 * (offset in [0, length], line in [1, lines], column within its line) and
 * its line/column must be what its offset says; start must not come after end.
 */
export function positionProblems(text: string, file: VFile): string[] {
  const problems: string[] = []
  const starts = lineStarts(text)
  const lineEnd = (line: number) => {
    // Offset just after the last character of the line, line ending excluded.
    const next = line < starts.length ? starts[line] : text.length
    let end = next
    if (line < starts.length) {
      end--
      if (text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--
    }

    return end
  }

  const checkPoint = (label: string, point: Partial<LinePoint> | undefined) => {
    if (!point) return
    const {line, column, offset} = point
    if (typeof line !== 'number' || typeof column !== 'number' || !Number.isInteger(line) || !Number.isInteger(column)) {
      problems.push(`${label}: line/column missing or not integers: ${JSON.stringify(point)}`)
      return
    }

    if (line < 1 || line > starts.length) {
      problems.push(`${label}: line ${line} outside 1..${starts.length}`)
      return
    }

    const maxColumn = lineEnd(line) - starts[line - 1] + 1
    // One past the end of a line is allowed (an end point, or the point of
    // an empty line); two columns past is not.
    if (column < 1 || column > maxColumn + 1) {
      problems.push(`${label}: column ${column} outside 1..${maxColumn + 1} on line ${line}`)
    }

    if (offset !== undefined) {
      if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
        problems.push(`${label}: offset ${offset} outside 0..${text.length}`)
        return
      }

      const expected = pointAt(starts, offset)
      if (expected.line !== line || expected.column !== column) {
        // A point at a line ending may be told as the end of that line or the
        // start of the next: both are the same offset.
        problems.push(`${label}: offset ${offset} is ${expected.line}:${expected.column}, message says ${line}:${column}`)
      }
    }
  }

  for (const [index, message] of file.messages.entries()) {
    const label = `message ${index} (${message.ruleId})`
    const place = message.place
    if (!place) continue
    if ('start' in place) {
      checkPoint(label + ' start', place.start)
      checkPoint(label + ' end', place.end)
      const a = place.start
      const b = place.end
      if (a && b && (a.line > b.line || (a.line === b.line && a.column > b.column))) {
        problems.push(`${label}: start ${a.line}:${a.column} after end ${b.line}:${b.column}`)
      }

      if (a?.offset !== undefined && b?.offset !== undefined && a.offset > b.offset) {
        problems.push(`${label}: start offset ${a.offset} after end offset ${b.offset}`)
      }
    } else {
      checkPoint(label, place)
    }

    if (message.line !== undefined && message.line !== null) {
      const start = 'start' in place ? place.start : place
      if (message.line !== start.line || message.column !== start.column) {
        problems.push(`${label}: line/column ${message.line}:${message.column} differ from place ${start.line}:${start.column}`)
      }
    }
  }

  return problems
}

/** Fixture articles (text and extension), in a stable order. */
export function fixtureArticles(): Array<{name: string; extension: Extension; text: string}> {
  const root = path.join(ROOT, 'fixtures')
  return (fs.readdirSync(root, {recursive: true}) as string[])
    .filter((name) => /\.(md|mdx|html|txt)$/.test(name))
    .sort()
    .map((name) => ({
      name,
      extension: path.extname(name).slice(1) as Extension,
      text: fs.readFileSync(path.join(root, name), 'utf8')
    }))
}

/** Run `fn` and return its result with the wall time in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{value: T; ms: number}> {
  const start = performance.now()
  const value = await fn()
  return {value, ms: performance.now() - start}
}
