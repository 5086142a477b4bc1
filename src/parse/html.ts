/**
 * HTML: parse with rehype-parse (parse5) into hast with positions.
 */
import type {Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified, type Processor} from 'unified'

let processor: Processor<Root> | undefined

export function parseHtml(value: string): Root {
  processor ??= unified()
    .use(rehypeParse, {fragment: false})
    .freeze() as unknown as Processor<Root>
  return processor.parse(value) as Root
}
