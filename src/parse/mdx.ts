/**
 * MDX: remark with GFM, YAML/TOML front matter and remark-mdx (ESM, JSX,
 * expressions) into mdast. Loaded only when a run meets an `.mdx` file.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'

let mdxProcessor: Processor<Root> | undefined

export function parseMdx(value: string): Root {
  mdxProcessor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(remarkMdx)
    .freeze() as unknown as Processor<Root>
  return mdxProcessor.parse(value) as Root
}
