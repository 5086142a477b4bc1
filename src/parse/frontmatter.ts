/**
 * Parse YAML or TOML front matter. Broken front matter is reported, never
 * thrown: the article is still linted, without front-matter data.
 */
import {parse as parseToml} from 'smol-toml'
import {parse as parseYaml} from 'yaml'
import type {Frontmatter} from '../article/types.js'

export function readFrontmatter(
  kind: 'yaml' | 'toml',
  value: string,
  start: number,
  end: number
): Frontmatter {
  try {
    const data: unknown =
      kind === 'yaml'
        ? parseYaml(value, {maxAliasCount: 100, prettyErrors: false})
        : parseToml(value)
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
    const message = String((error as Error).message ?? error)
      .split('\n')[0]
      .slice(0, 200)
    return {kind, data: undefined, error: message, start, end}
  }
}
