/**
 * Markdown and MDX: parse with remark (GFM, YAML/TOML front matter, MDX) into
 * mdast. Processors are created lazily and reused.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'

let markdownProcessor: Processor<Root> | undefined
let mdxProcessor: Processor<Root> | undefined

export function parseMarkdown(value: string): Root {
  markdownProcessor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .freeze() as unknown as Processor<Root>
  return markdownProcessor.parse(value) as Root
}

export function parseMdx(value: string): Root {
  mdxProcessor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(remarkMdx)
    .freeze() as unknown as Processor<Root>
  return mdxProcessor.parse(value) as Root
}
