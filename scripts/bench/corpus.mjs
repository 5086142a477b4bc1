/**
 * Deterministic corpus of fitness and health articles for the speed
 * benchmark: a seeded PRNG assembles articles from the paragraph templates in
 * paragraphs.mjs and renders them as Markdown, MDX, HTML or plain text.
 * Same seed and options → byte-identical files; no network, no randomness
 * from the clock.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {fillers} from './fillers.mjs'
import {headings, listItems, paragraphs, titles} from './paragraphs.mjs'

/** Bump when the output changes in a way the file hash would not catch. */
const GENERATOR_VERSION = 1

/** Average article size; 400 files ≈ 8 MB. */
export const BYTES_PER_FILE = 20_000

// ---------------------------------------------------------------------------
// PRNG: xmur3 string hash → sfc32 (small, fast, well distributed).

function xmur3(text) {
  let h = 1779033703 ^ text.length
  for (let index = 0; index < text.length; index++) {
    h = Math.imul(h ^ text.charCodeAt(index), 3432918353)
    h = (h << 13) | (h >>> 19)
  }

  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507)
    h = Math.imul(h ^ (h >>> 13), 3266489909)
    return (h ^= h >>> 16) >>> 0
  }
}

export function createRng(seed) {
  const hash = xmur3(String(seed))
  let a = hash()
  let b = hash()
  let c = hash()
  let d = hash()
  return () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)]
const chance = (rng, p) => rng() < p
const int = (rng, low, high) => low + Math.floor(rng() * (high - low + 1))

/** Pick a key from `{key: weight}`. */
function weighted(rng, weights) {
  let total = 0
  for (const value of Object.values(weights)) total += value
  let roll = rng() * total
  for (const [key, value] of Object.entries(weights)) {
    roll -= value
    if (roll < 0) return key
  }

  return Object.keys(weights)[0]
}

// ---------------------------------------------------------------------------
// Template expansion.

/**
 * Expand `{slot}`, `{a|b}` and `{?text}` (nestable). `memo` keeps one value
 * per slot name inside a paragraph; `sticky` holds article-wide picks (the
 * article's topic) that win over fresh picks.
 */
export function expand(template, rng, memo = new Map(), sticky = new Map()) {
  let out = ''
  let index = 0
  while (index < template.length) {
    const open = template.indexOf('{', index)
    if (open === -1) {
      out += template.slice(index)
      break
    }

    out += template.slice(index, open)
    let depth = 0
    let close = open
    for (; close < template.length; close++) {
      const char = template[close]
      if (char === '{') depth++
      else if (char === '}' && --depth === 0) break
    }

    out += expandInner(template.slice(open + 1, close), rng, memo, sticky)
    index = close + 1
  }

  return out
}

function expandInner(inner, rng, memo, sticky) {
  const options = splitTopLevel(inner)
  if (options.length > 1) return expand(pick(rng, options), rng, memo, sticky)
  if (inner.startsWith('?')) return chance(rng, 0.5) ? expand(inner.slice(1), rng, memo, sticky) : ''
  if (memo.has(inner)) return memo.get(inner)
  if (sticky.has(inner)) return sticky.get(inner)
  const base = inner.replace(/\d+$/, '')
  const filler = fillers[base]
  if (!filler) throw new Error('Unknown slot `{' + inner + '}`')
  const value = typeof filler === 'function' ? filler(rng) : pick(rng, filler)
  memo.set(inner, value)
  return value
}

function splitTopLevel(text) {
  const parts = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '{') depth++
    else if (char === '}') depth--
    else if (char === '|' && depth === 0) {
      parts.push(text.slice(start, index))
      start = index + 1
    }
  }

  parts.push(text.slice(start))
  return parts
}

/** Capitalise the first letter of the text and of each sentence. */
function sentenceCase(text) {
  return text
    .replace(/^(\W*)([a-z])/, (_, lead, letter) => lead + letter.toUpperCase())
    .replace(/([.!?]["”)]?\s+)([a-z])/g, (_, lead, letter) => lead + letter.toUpperCase())
}

// ---------------------------------------------------------------------------
// Article model: a list of blocks, rendered per format afterwards.

const KINDS = {
  guide: {advice: 8, cited: 4, uncited: 2, hedge: 2, symptom: 2, anecdote: 1, nutrition: 2, unsafe: 1, overclaim: 1, supplement: 1, quote: 1},
  roundup: {affiliate: 5, supplement: 4, overclaim: 2, uncited: 2, cited: 2, advice: 2, hedge: 1, unsafe: 1, anecdote: 1, faq: 1},
  clinical: {cited: 8, advice: 3, hedge: 3, symptom: 3, uncited: 1, nutrition: 1, quote: 1},
  blog: {anecdote: 5, advice: 3, uncited: 3, unsafe: 2, overclaim: 2, hedge: 1, nutrition: 2, symptom: 1, affiliate: 1, cited: 1},
  plan: {advice: 6, nutrition: 3, cited: 2, uncited: 1, unsafe: 1, symptom: 2, hedge: 1, anecdote: 1}
}

const TOPIC_SLOTS = ['exercise', 'activity', 'supplement', 'diet', 'bodypart', 'population', 'brand', 'gear']

/**
 * Compose one article. Stops adding sections once the rendered Markdown
 * reaches `targetBytes` or `targetWords`.
 */
export function composeArticle(rng, {targetBytes = Infinity, targetWords = Infinity} = {}) {
  const kind = weighted(rng, {guide: 4, roundup: 2, clinical: 2, blog: 3, plan: 2})
  const weights = KINDS[kind]
  const sticky = new Map()
  for (const slot of TOPIC_SLOTS) {
    if (chance(rng, 0.6)) sticky.set(slot, expand('{' + slot + '}', rng))
  }

  const fill = (template) => sentenceCase(expand(template, rng, new Map(), sticky))
  const title = titleCase(fill(pick(rng, titles)))
  const author = expand('{firstname} {lastname}', rng)
  const article = {
    kind,
    title,
    author,
    date: `${int(rng, 2019, 2025)}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`,
    frontmatter: chance(rng, 0.85),
    toml: chance(rng, 0.08),
    meta: {
      tags: Array.from({length: int(rng, 1, 4)}, () => expand('{{activity}|{supplement}|{diet}|{bodypart}}', rng)),
      reviewed: chance(rng, 0.3) ? expand('Dr. {firstname} {lastname}', rng) : undefined,
      ymyl: chance(rng, 0.4),
      category: pick(rng, ['fitness', 'nutrition', 'health', 'gear', 'running', 'strength']),
      disclaimer: chance(rng, 0.1) ? 'standard' : undefined
    },
    blocks: [],
    footnotes: new Set()
  }

  const blocks = article.blocks
  const push = (block) => {
    blocks.push(block)
    if (block.text) for (const match of block.text.matchAll(/\[\^?(\d)\]/g)) article.footnotes.add(match[1])
  }

  push({type: 'paragraph', text: fill(pick(rng, paragraphs.intro))})
  const disclaimerAt = chance(rng, 0.55) ? (chance(rng, 0.5) ? 'top' : 'bottom') : 'none'
  if (disclaimerAt === 'top') push({type: 'paragraph', text: fill(pick(rng, paragraphs.disclaimer)), role: 'disclaimer'})
  if (kind === 'roundup' && chance(rng, 0.6)) push({type: 'paragraph', text: fill(pick(rng, paragraphs.affiliate.slice(4)))})

  let bytes = 0
  let words = 0
  for (;;) {
    const section = []
    section.push({type: 'heading', depth: 2, text: titleCase(fill(pick(rng, headings)))})
    const count = int(rng, 2, 6)
    for (let index = 0; index < count; index++) {
      const roll = rng()
      if (roll < 0.1) {
        section.push({type: 'list', ordered: chance(rng, 0.4), items: Array.from({length: int(rng, 3, 7)}, () => fill(pick(rng, listItems)))})
      } else if (roll < 0.14) {
        section.push(makeTable(rng, fill))
      } else if (roll < 0.17) {
        section.push({type: 'quote', text: fill(pick(rng, paragraphs.quote))})
      } else if (roll < 0.2) {
        section.push({type: 'heading', depth: 3, text: titleCase(fill(pick(rng, headings)))})
      } else if (roll < 0.21) {
        section.push(makeCode(rng))
      } else {
        const category = weighted(rng, weights)
        section.push({type: 'paragraph', text: fill(pick(rng, paragraphs[category])), role: category})
      }
    }

    if (kind !== 'clinical' && chance(rng, 0.08)) {
      section.push({type: 'heading', depth: 2, text: 'Frequently asked questions'})
      for (let index = int(rng, 2, 4); index > 0; index--) section.push({type: 'paragraph', text: fill(pick(rng, paragraphs.faq))})
    }

    let sectionBytes = 0
    let sectionWords = 0
    for (const block of section) {
      const text = blockText(block)
      sectionBytes += text.length + 2
      sectionWords += countWords(text)
    }

    // Stop at whichever side of the target is closer (front matter, title,
    // outro and references come on top: about 700 bytes, 100 words).
    const byteGoal = targetBytes - 700
    const wordGoal = targetWords - 100
    const overshoot = Math.min(bytes + sectionBytes - byteGoal, (words + sectionWords - wordGoal) * 6)
    const missing = Math.min(byteGoal - bytes, (wordGoal - words) * 6)
    if (bytes > 0 && overshoot > 0 && overshoot > missing) break
    for (const block of section) push(block)
    bytes += sectionBytes
    words += sectionWords
    if (bytes >= byteGoal || words >= wordGoal) break
  }

  push({type: 'paragraph', text: fill(pick(rng, paragraphs.outro))})
  if (disclaimerAt === 'bottom') push({type: 'paragraph', text: fill(pick(rng, paragraphs.disclaimer)), role: 'disclaimer'})
  article.references = [...article.footnotes].sort().map((number) => ({
    number,
    text: sentenceCase(expand('{researcher} {?et al. }({year}). {What|How|Whether|Effects of} {supplement|activity|diet} {and|on|for} {benefit} in {population}. {journal}.', rng)),
    url: expand('{studyurl}', rng)
  }))
  return article
}

function titleCase(text) {
  const small = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with'])
  return text
    .split(' ')
    .map((word, index) => (index > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ')
}

function makeTable(rng, fill) {
  const shape = pick(rng, ['plan', 'macros', 'products'])
  if (shape === 'plan') {
    const rows = []
    for (let week = 1; week <= int(rng, 4, 8); week++) {
      rows.push([`Week ${week}`, fill('{sets} x {reps} {exercise}'), fill('{minutes} min {intensity} {activity}'), fill('{frequency}')])
    }

    return {type: 'table', header: ['Week', 'Strength', 'Cardio', 'How often'], rows}
  }

  if (shape === 'macros') {
    const rows = []
    for (let index = int(rng, 4, 8); index > 0; index--) {
      rows.push([fill('{food}'), String(int(rng, 2, 35)), String(int(rng, 40, 450)), String(int(rng, 0, 12))])
    }

    return {type: 'table', header: ['Food', 'Protein (g)', 'Calories', 'Fibre (g)'], rows}
  }

  const rows = []
  for (let index = int(rng, 3, 7); index > 0; index--) {
    rows.push([fill('[{brand}]({affurl})'), '$' + int(rng, 19, 89), fill('{mg} mg'), String(int(rng, 6, 10)) + '/10'])
  }

  return {type: 'table', header: ['Product', 'Price', 'Caffeine', 'Our score'], rows}
}

function makeCode(rng) {
  return pick(rng, [
    {type: 'code', lang: 'js', value: `// Rough daily protein target\nconst kg = ${int(rng, 50, 110)}\nconst grams = Math.round(kg * 1.6)\nconsole.log(grams + ' g protein a day')`},
    {type: 'code', lang: 'python', value: `# Epley one-rep max estimate\nweight, reps = ${int(rng, 40, 180)}, ${int(rng, 2, 10)}\nprint(round(weight * (1 + reps / 30)))`},
    {type: 'code', lang: 'text', value: `Warm-up: ${int(rng, 5, 15)} min easy\nMain: ${int(rng, 3, 8)} x 3 min hard / 2 min easy\nCool-down: ${int(rng, 5, 10)} min walk`}
  ])
}

function blockText(block) {
  switch (block.type) {
    case 'list':
      return block.items.join('\n')
    case 'table':
      return [block.header, ...block.rows].map((row) => row.join(' | ')).join('\n')
    case 'code':
      return block.value
    default:
      return block.text
  }
}

export function countWords(text) {
  const matches = text.match(/[A-Za-z0-9][\w'’-]*/g)
  return matches ? matches.length : 0
}

// ---------------------------------------------------------------------------
// Renderers.

function yamlString(value) {
  return JSON.stringify(value)
}

function frontmatter(article) {
  const {meta} = article
  if (article.toml) {
    const lines = ['+++', `title = ${yamlString(article.title)}`, `author = ${yamlString(article.author)}`, `date = ${article.date}`]
    lines.push(`tags = [${meta.tags.map(yamlString).join(', ')}]`)
    if (meta.reviewed) lines.push(`reviewedBy = ${yamlString(meta.reviewed)}`)
    lines.push('+++')
    return lines.join('\n')
  }

  const lines = ['---', `title: ${yamlString(article.title)}`, `author: ${yamlString(article.author)}`, `date: ${article.date}`]
  lines.push(`category: ${meta.category}`, 'tags:', ...meta.tags.map((tag) => `  - ${tag}`))
  if (meta.ymyl) lines.push('ymyl: true')
  if (meta.reviewed) lines.push(`reviewedBy: ${yamlString(meta.reviewed)}`, `lastReviewed: ${article.date}`)
  if (meta.disclaimer) lines.push(`disclaimer: ${meta.disclaimer}`)
  lines.push('---')
  return lines.join('\n')
}

function renderMarkdown(article, mdx = false) {
  const out = []
  if (article.frontmatter || mdx) out.push(frontmatter(article))
  if (mdx) out.push("import {Callout} from '../../components/Callout'\nimport {ProductCard} from '../../components/ProductCard'")
  out.push('# ' + article.title)
  for (const block of article.blocks) {
    switch (block.type) {
      case 'heading':
        out.push('#'.repeat(block.depth) + ' ' + block.text)
        break
      case 'list':
        out.push(block.items.map((item, index) => (block.ordered ? `${index + 1}. ` : '- ') + item).join('\n'))
        break
      case 'table': {
        const row = (cells) => '| ' + cells.join(' | ') + ' |'
        out.push([row(block.header), row(block.header.map(() => '---')), ...block.rows.map(row)].join('\n'))
        break
      }

      case 'quote':
        out.push('> ' + block.text)
        break
      case 'code':
        out.push('```' + block.lang + '\n' + block.value + '\n```')
        break
      default:
        if (mdx && block.role === 'disclaimer') {
          out.push(`<Callout type="info">\n${block.text}\n</Callout>`)
        } else if (mdx && block.role === 'affiliate' && /^\[/.test(block.text)) {
          const href = /\((https?:[^)]+)\)/.exec(block.text)?.[1] ?? '#'
          out.push(`<ProductCard href="${href}" rating={4.5} />\n\n${block.text}`)
        } else {
          out.push(block.text)
        }
    }
  }

  if (article.references.length > 0) {
    out.push('## References')
    for (const reference of article.references) out.push(`[^${reference.number}]: ${reference.text} ${reference.url}`)
  }

  if (!mdx && article.kind === 'blog') out.push('<!-- related-posts -->')
  return out.join('\n\n') + '\n'
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function inlineHtml(text) {
  return escapeHtml(text)
    .replace(/\[\^(\d)\]/g, '<sup><a href="#ref-$1">[$1]</a></sup>')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, label, url) =>
      `<a href="${url.replace(/"/g, '&quot;')}"${/amzn|amazon|shareasale|skimresources|linksynergy|\/go\//.test(url) ? ' rel="sponsored nofollow"' : ''}>${label}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
}

function renderHtml(article) {
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    `  <title>${escapeHtml(article.title)} | ${pick(createRng(article.title), ['GainsDaily', 'FitGearHQ', 'RunWell', 'StrongHer', 'LiftLab'])}</title>`,
    `  <meta name="description" content="${escapeHtml(article.title)}: what the evidence says.">`,
    `  <meta name="author" content="${escapeHtml(article.author)}">`,
    '  <link rel="stylesheet" href="/assets/site.css">',
    '  <script src="/assets/analytics.js" defer></script>',
    '</head>',
    '<body>',
    '<nav><a href="/">Home</a> <a href="/training/">Training</a> <a href="/nutrition/">Nutrition</a> <a href="/gear/">Gear</a></nav>',
    '<article class="post">',
    '  <header>',
    `    <h1>${escapeHtml(article.title)}</h1>`,
    `    <p class="byline">By ${escapeHtml(article.author)} &middot; ${article.date}</p>`,
    '  </header>'
  ]
  for (const block of article.blocks) {
    switch (block.type) {
      case 'heading':
        out.push(`  <h${block.depth}>${inlineHtml(block.text)}</h${block.depth}>`)
        break
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul'
        out.push(`  <${tag}>`, ...block.items.map((item) => `    <li>${inlineHtml(item)}</li>`), `  </${tag}>`)
        break
      }

      case 'table':
        out.push('  <table>', '    <thead><tr>' + block.header.map((cell) => `<th>${inlineHtml(cell)}</th>`).join('') + '</tr></thead>', '    <tbody>')
        for (const row of block.rows) out.push('      <tr>' + row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join('') + '</tr>')
        out.push('    </tbody>', '  </table>')
        break
      case 'quote':
        out.push(`  <blockquote><p>${inlineHtml(block.text)}</p></blockquote>`)
        break
      case 'code':
        out.push(`  <pre><code class="language-${block.lang}">${escapeHtml(block.value)}</code></pre>`)
        break
      default:
        out.push(block.role === 'disclaimer' ? `  <aside class="disclaimer"><p>${inlineHtml(block.text)}</p></aside>` : `  <p>${inlineHtml(block.text)}</p>`)
    }
  }

  if (article.references.length > 0) {
    out.push('  <h2>References</h2>', '  <ol class="references">')
    for (const reference of article.references) {
      out.push(`    <li id="ref-${reference.number}">${escapeHtml(reference.text)} <a href="${reference.url}">${reference.url}</a></li>`)
    }

    out.push('  </ol>')
  }

  out.push('</article>', '<footer><p>&copy; 2024 Example Media. <a href="/privacy">Privacy</a> <a href="/disclaimer">Disclaimer</a></p></footer>', '</body>', '</html>')
  return out.join('\n') + '\n'
}

function plainInline(text) {
  return text
    .replace(/\[\^(\d)\]/g, '[$1]')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
}

function renderText(article) {
  const out = [article.title.toUpperCase(), `By ${article.author}, ${article.date}`]
  for (const block of article.blocks) {
    switch (block.type) {
      case 'heading':
        out.push(plainInline(block.text))
        break
      case 'list':
        out.push(block.items.map((item, index) => (block.ordered ? `${index + 1}) ` : '* ') + plainInline(item)).join('\n'))
        break
      case 'table':
        out.push([block.header, ...block.rows].map((row) => row.map(plainInline).join('\t')).join('\n'))
        break
      case 'quote':
        out.push('    ' + plainInline(block.text))
        break
      case 'code':
        out.push(block.value)
        break
      default:
        out.push(plainInline(block.text))
    }
  }

  if (article.references.length > 0) {
    out.push('References', article.references.map((reference) => `[${reference.number}] ${reference.text} ${reference.url}`).join('\n'))
  }

  return out.join('\n\n') + '\n'
}

export function render(article, extension) {
  switch (extension) {
    case '.mdx':
      return renderMarkdown(article, true)
    case '.html':
      return renderHtml(article)
    case '.txt':
      return renderText(article)
    default:
      return renderMarkdown(article)
  }
}

function slugify(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
}

// ---------------------------------------------------------------------------
// Corpus on disk.

const SECTIONS = ['training', 'nutrition', 'supplements', 'running', 'recovery', 'gear', 'health']

/** Hash of everything that determines the corpus: options and generator source. */
export function corpusKey({files, bytes, seed}) {
  const hash = crypto.createHash('sha256')
  hash.update(JSON.stringify({files, bytes, seed, GENERATOR_VERSION}))
  for (const name of ['corpus.mjs', 'fillers.mjs', 'paragraphs.mjs']) {
    hash.update(fs.readFileSync(new URL(name, import.meta.url)))
  }

  return hash.digest('hex').slice(0, 12)
}

export function defaultCorpusDir(options) {
  return path.join(os.tmpdir(), 'fitlint-bench-' + corpusKey(options))
}

/**
 * Write the corpus to `dir` (or reuse it when its manifest matches). Layout:
 *   articles/<section>/<slug>.<ext>   the corpus
 *   linear/one/, linear/two/          N files, and an exact copy (the 2N run)
 *   single/one.md                     cold-start article (~1,500 words)
 *   relint/article.md                 re-lint article (~3,000 words)
 */
export function ensureCorpus({files, bytes, seed, dir}) {
  const key = corpusKey({files, bytes, seed})
  const existing = readManifest(dir)
  if (existing?.key === key && existing.paths.every((file) => fs.existsSync(path.join(dir, file)))) {
    return {...existing, dir, reused: true}
  }

  // Never delete a folder that is not one of ours (`--dir` is user input).
  if (fs.existsSync(dir) && !existing && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists and is not a benchmark corpus (no manifest.json); pick another --dir`)
  }

  // Write into a sibling folder and rename it into place, so a second
  // benchmark started meanwhile never reads a half-written corpus.
  const out = dir + '.partial-' + process.pid
  fs.rmSync(out, {recursive: true, force: true})
  fs.mkdirSync(out, {recursive: true})
  const manifest = writeCorpus(out, {key, files, bytes, seed})
  fs.rmSync(dir, {recursive: true, force: true})
  try {
    fs.renameSync(out, dir)
  } catch (error) {
    fs.rmSync(out, {recursive: true, force: true})
    const other = readManifest(dir)
    if (other?.key !== key) throw error
  }

  return {...manifest, dir, reused: false}
}

function readManifest(dir) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    return typeof manifest.key === 'string' && Array.isArray(manifest.paths) ? manifest : undefined
  } catch {
    return undefined
  }
}

function writeCorpus(dir, {key, files, bytes, seed}) {
  // Sizes: log-normal-ish weights, normalised to the byte budget.
  const weights = []
  for (let index = 0; index < files; index++) {
    const rng = createRng(seed + ':size:' + index)
    const gaussian = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
    weights.push(Math.exp(0.55 * gaussian))
  }

  const weightTotal = weights.reduce((sum, value) => sum + value, 0)
  const paths = []
  const byExtension = {}
  let totalBytes = 0
  let totalWords = 0
  let targetSoFar = 0
  const used = new Set()
  for (let index = 0; index < files; index++) {
    const rng = createRng(seed + ':file:' + index)
    const extension = weighted(rng, {'.md': 80, '.mdx': 8, '.html': 7, '.txt': 5})
    // The composer estimates size from prose; correct by how far the files
    // written so far ended up from their plan, so the total lands on `bytes`.
    const planned = (bytes * weights[index]) / weightTotal
    const correction = targetSoFar > 0 ? Math.min(1.5, Math.max(0.5, targetSoFar / totalBytes)) : 0.92
    const target = Math.max(1500, planned * correction)
    targetSoFar += target
    const article = composeArticle(rng, {targetBytes: target})
    const section = pick(rng, SECTIONS)
    let name = slugify(article.title) || 'article'
    while (used.has(section + '/' + name)) name += '-' + index
    used.add(section + '/' + name)
    const relative = path.join('articles', section, name + extension)
    const text = render(article, extension)
    fs.mkdirSync(path.join(dir, 'articles', section), {recursive: true})
    fs.writeFileSync(path.join(dir, relative), text)
    paths.push(relative)
    byExtension[extension] = (byExtension[extension] ?? 0) + 1
    totalBytes += Buffer.byteLength(text)
    totalWords += countWords(text)
  }

  // Linearity: the first half of the corpus, and an exact copy of it, so the
  // 2N run does exactly twice the work of the N run.
  const half = Math.max(1, Math.floor(files / 2))
  let halfBytes = 0
  for (const [index, relative] of paths.slice(0, half).entries()) {
    const name = String(index).padStart(4, '0') + '-' + path.basename(relative)
    for (const copy of ['one', 'two']) {
      fs.mkdirSync(path.join(dir, 'linear', copy), {recursive: true})
      fs.copyFileSync(path.join(dir, relative), path.join(dir, 'linear', copy, name))
    }

    halfBytes += fs.statSync(path.join(dir, relative)).size
  }

  const single = render(composeArticle(createRng(seed + ':single'), {targetWords: 1500}), '.md')
  const relint = render(composeArticle(createRng(seed + ':relint'), {targetWords: 3000}), '.md')
  fs.mkdirSync(path.join(dir, 'single'), {recursive: true})
  fs.mkdirSync(path.join(dir, 'relint'), {recursive: true})
  fs.writeFileSync(path.join(dir, 'single', 'one.md'), single)
  fs.writeFileSync(path.join(dir, 'relint', 'article.md'), relint)

  const manifest = {
    key,
    seed,
    files,
    bytes: totalBytes,
    words: totalWords,
    byExtension,
    linear: {files: half, bytes: halfBytes},
    single: {path: 'single/one.md', bytes: Buffer.byteLength(single), words: countWords(single)},
    relint: {path: 'relint/article.md', bytes: Buffer.byteLength(relint), words: countWords(relint)},
    paths
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, undefined, 1) + '\n')
  return manifest
}
