/**
 * MDX: the Markdown base (GFM, YAML/TOML front matter) plus remark-mdx (ESM,
 * JSX, expressions) into mdast. Loaded only when a run meets an `.mdx` file.
 */
import type {Root} from 'mdast'
import remarkMdx from 'remark-mdx'
import type {Processor} from 'unified'
import {remarkBase} from './markdown.js'

let mdxProcessor: Processor<Root> | undefined

export function parseMdx(value: string): Root {
  mdxProcessor ??= remarkBase().use(remarkMdx).freeze() as unknown as Processor<Root>
  return mdxProcessor.parse(value) as Root
}
