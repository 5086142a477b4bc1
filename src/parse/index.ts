/**
 * Parsers per format, loaded on demand: a run over Markdown files never loads
 * the MDX (acorn) or HTML (parse5) stacks. `loadParser` is async (dynamic
 * import); `getParser` is sync once loaded.
 */
import type {Format} from '../article/types.js'

export type ParseFunction = (value: string) => unknown

const loaded = new Map<Format, ParseFunction>()

export async function loadParser(format: Format): Promise<ParseFunction> {
  const existing = loaded.get(format)
  if (existing) return existing
  let parse: ParseFunction
  switch (format) {
    case 'markdown': {
      parse = (await import('./markdown.js')).parseMarkdown
      break
    }

    case 'mdx': {
      parse = (await import('./mdx.js')).parseMdx
      break
    }

    case 'html': {
      parse = (await import('./html.js')).parseHtml
      break
    }

    case 'text': {
      parse = (value) => value
      break
    }
  }

  loaded.set(format, parse)
  return parse
}

let reusingMarkdown: ParseFunction | undefined

/**
 * The Markdown parser for a text that may be an edit of one parsed before
 * (library API, language server): parses only the chunks that changed, with
 * the same tree as `markdown` (see `markdown-chunks.ts`).
 */
export async function loadReusingMarkdown(): Promise<ParseFunction> {
  reusingMarkdown ??= (await import('./markdown-chunks.js')).parseMarkdownReusing
  return reusingMarkdown
}

export function getReusingMarkdown(): ParseFunction | undefined {
  return reusingMarkdown
}

export function getParser(format: Format): ParseFunction {
  const parse = loaded.get(format)
  if (!parse) throw new Error('Parser for `' + format + '` is not loaded; call loadParser first')
  return parse
}
