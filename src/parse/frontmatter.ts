/**
 * Parse YAML or TOML front matter. Broken front matter is reported, never
 * thrown: the article is still linted, without front-matter data.
 */
import {parse as parseToml} from 'smol-toml'
import {parse as parseYaml} from 'yaml'
import type {Frontmatter} from '../article/types.js'
import {textCache} from '../language/text-cache.js'

/**
 * Data (or the error) per front matter text, for the current and the
 * previous article: a re-lint reads unchanged front matter once. The data
 * is shared: callers must not modify it.
 */
const recent = textCache<string, Frontmatter>()

export function readFrontmatter(
  kind: 'yaml' | 'toml',
  value: string,
  start: number,
  end: number
): Frontmatter {
  const key = kind + '\u0000' + value
  let read = recent.get(key)
  if (!read) {
    read = parse(kind, value)
    recent.set(key, read)
  }

  return {...read, start, end}
}

function parse(kind: 'yaml' | 'toml', value: string): Frontmatter {
  const start = 0
  const end = 0
  // YAML and TOML parsers know LF and CRLF; a file with lone CR line endings
  // (old Mac) has them too.
  const text = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value
  try {
    const data: unknown =
      kind === 'yaml'
        ? parseYaml(text, {maxAliasCount: 100, prettyErrors: false})
        : parseToml(text)
    if (data === null || data === undefined) {
      return {kind, data: {}, start, end}
    }

    if (typeof data !== 'object' || Array.isArray(data)) {
      return {
        kind,
        data: undefined,
        error: 'expected key/value pairs',
        start,
        end
      }
    }

    return {kind, data: data as Record<string, unknown>, start, end}
  } catch (error) {
    // The yaml package reports a stack overflow as RESOURCE_EXHAUSTION with
    // the engine's own message; other parsers throw the RangeError.
    const code = (error as {code?: unknown}).code
    if ((error instanceof RangeError || code === 'RESOURCE_EXHAUSTION') && /call stack/i.test(String((error as Error).message))) {
      return {kind, data: undefined, error: 'it is nested too deeply to read', start, end}
    }

    const message = String((error as Error).message ?? error)
      .split('\n')[0]
      .slice(0, 200)
    return {kind, data: undefined, error: message, start, end}
  }
}
