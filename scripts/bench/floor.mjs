#!/usr/bin/env node
/**
 * The floor for the speed benchmark: read and parse the same files fitlint
 * reads, with the same parsers, and nothing else — no config, no rules, no
 * report. Markdown: remark-parse + remark-frontmatter + remark-gfm (+
 * remark-mdx for .mdx), as in src/parse/markdown.ts; HTML: rehype-parse;
 * then parse-english's `ParseEnglish` over the prose of each block (what
 * fitlint's sentence splitter does). Plain text goes straight to
 * ParseEnglish.
 *
 * Usage: node scripts/bench/floor.mjs <files or folders...>
 * Prints one summary line (files, bytes, blocks, sentences).
 */
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx', '.html', '.htm', '.xhtml', '.txt', '.text'])

let markdown
let mdx
let html
const english = new ParseEnglish()

async function parserFor(extension) {
  if (extension === '.mdx') {
    // Loaded only when needed, like fitlint does.
    mdx ??= unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml', 'toml'])
      .use(remarkGfm)
      .use((await import('remark-mdx')).default)
      .freeze()
    return mdx
  }

  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') {
    html ??= unified().use(rehypeParse, {fragment: false}).freeze()
    return html
  }

  markdown ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()
  return markdown
}

// mdast: prose lives in paragraphs, headings and table cells (also inside
// lists, blockquotes, footnote definitions and JSX). Code, HTML, front matter
// and ESM are not prose.
const MDAST_PROSE = new Set(['paragraph', 'heading', 'tableCell'])
const MDAST_SKIP = new Set(['code', 'html', 'yaml', 'toml', 'mdxjsEsm', 'mdxFlowExpression', 'definition'])

// hast: prose lives in these elements; scripts and styles are not prose.
const HAST_PROSE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dt', 'dd', 'figcaption', 'caption', 'title', 'blockquote'])
const HAST_SKIP = new Set(['script', 'style', 'pre', 'code', 'template', 'noscript'])

function collectMdast(node, blocks) {
  if (MDAST_SKIP.has(node.type)) return
  if (MDAST_PROSE.has(node.type)) {
    blocks.push(textOf(node))
    return
  }

  if (node.children) for (const child of node.children) collectMdast(child, blocks)
}

function collectHast(node, blocks) {
  if (node.type === 'element') {
    if (HAST_SKIP.has(node.tagName)) return
    if (HAST_PROSE.has(node.tagName)) {
      blocks.push(textOf(node))
      return
    }
  }

  if (node.children) for (const child of node.children) collectHast(child, blocks)
}

/** Concatenated text of a subtree (mdast `text`/`inlineCode`, hast `text`). */
function textOf(node) {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (!node.children) return ''
  let value = ''
  for (const child of node.children) value += textOf(child)
  return value
}

function walk(target, out) {
  const stats = fs.statSync(target)
  if (stats.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue
      walk(path.join(target, entry), out)
    }
  } else if (EXTENSIONS.has(path.extname(target).toLowerCase())) {
    out.push(target)
  }
}

const inputs = process.argv.slice(2)
if (inputs.length === 0) {
  process.stderr.write('Usage: node scripts/bench/floor.mjs <files or folders...>\n')
  process.exit(2)
}

const files = []
for (const input of inputs) walk(input, files)

let bytes = 0
let blockCount = 0
let sentences = 0
for (const file of files) {
  const value = fs.readFileSync(file, 'utf8')
  bytes += Buffer.byteLength(value)
  const extension = path.extname(file).toLowerCase()
  const blocks = []
  if (extension === '.txt' || extension === '.text') {
    blocks.push(value)
  } else {
    const processor = await parserFor(extension)
    const tree = processor.parse(value)
    if (processor === html) collectHast(tree, blocks)
    else collectMdast(tree, blocks)
  }

  for (const text of blocks) {
    blockCount++
    const tree = english.parse(text)
    for (const paragraph of tree.children) {
      if (paragraph.children) for (const child of paragraph.children) if (child.type === 'SentenceNode') sentences++
    }
  }
}

process.stdout.write(`floor: ${files.length} files, ${bytes} bytes, ${blockCount} blocks, ${sentences} sentences\n`)
