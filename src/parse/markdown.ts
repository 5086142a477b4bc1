/**
 * Markdown: parse with remark (GFM, YAML/TOML front matter) into mdast. The
 * processor is created lazily and reused. MDX is in `mdx.ts`, so a run over
 * Markdown never loads the MDX (acorn) stack.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'

let markdownProcessor: Processor<Root> | undefined

/** remark with GFM and YAML/TOML front matter: the base of both Markdown and MDX. */
export function remarkBase() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
}

export function parseMarkdown(value: string): Root {
  markdownProcessor ??= remarkBase().freeze() as unknown as Processor<Root>
  return markdownProcessor.parse(value) as Root
}
