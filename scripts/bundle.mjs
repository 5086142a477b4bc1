// Bundle the executables, after `tsc` and postbuild (see README, Development).
//
// `tsc` compiles every module to dist/ (the library API, dist/src/index.js,
// stays that way). Loading the CLI from there meant about 430 ES modules for
// one Markdown file, each resolved, read and compiled on its own: most of the
// cold start. esbuild bundles the entry points from the TypeScript sources
// and writes them over tsc's files of the same names:
//
//   dist/src/cli/fitlint.cjs  the CLI, one CommonJS file, run by
//   dist/src/cli/bin.js       the `fitlint` bin: scripts/bin-loader.js, which
//                             starts the CLI from its startup snapshot
//                             (fitlint.blob) or runs fitlint.cjs with V8's
//                             code cache (fitlint.cjs.cache); both are
//                             written at the end here
//   dist/src/cli/fitlint-snapshot.cjs  the same CLI as the script that
//                             scripts/snapshot.mjs turns into fitlint.blob
//   dist/src/lsp/bin.js       the `fitlint-language-server` bin
//   dist/src/cli/worker.js    the `--concurrency` worker thread
//
// The language server and the worker are ES modules with code splitting:
// code they share, and everything loaded on demand (`import()`: the MDX and
// HTML parsers, reporters), goes into chunks in dist/src/chunks/. In the
// CLI's single file, code behind `import()` (MDX, HTML, reporters, git,
// cache, workers, progress) is still only run when needed, and the code
// cache spares parsing it.
//
// fitlint's modules find their data with `new URL('./data.yml',
// import.meta.url)`. In a bundle that URL is the output file's, so each
// `import.meta.url` in src/ and rules/ is rewritten to the URL the module has
// in tsc's output (dist/<its path>.js), relative to the output file. Every
// output file sits two folders below dist/ (checked below), so one relative
// path works in all of them. `new URL('worker.js', import.meta.url)` in
// src/cli/workers.ts thus names dist/src/cli/worker.js, the bundled worker.
//
// Substitutions:
// - `load-plugin` and `parse-json`: unified-engine loads plugins, presets and
//   config files with them; fitlint passes its plugin as a function and turns
//   config detection off, so the CLI never runs them (they pull in npm's
//   config definitions and Babel's code frame): stubs that throw.
// - src/cli/unified-engine-internals.ts reaches into the pinned
//   unified-engine's files at run time (its `exports` hide them); in the
//   bundle the same files are imported directly.
// - yargs' and cliui's `string-width` load on first use (see below).
// - vfile-reporter's `string-width` (stylish output) builds a segmenter and
//   an emoji regular expression for every character of every cell: a
//   wrapper answers `length` for text made of characters one column wide
//   (printable ASCII, Latin letters, “typographic” punctuation), and asks
//   string-width for anything else (about 20-50 ms of a cold run with 20
//   messages).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import * as esbuild from 'esbuild'
import {buildSnapshot} from './snapshot.mjs'

const root = path.resolve(import.meta.dirname, '..')
const dist = path.join(root, 'dist')
const chunks = path.join(dist, 'src', 'chunks')

/** Rewrite `import.meta.url` in fitlint's sources to their URL in tsc's output. */
const moduleUrls = {
  name: 'fitlint-module-urls',
  setup(build) {
    build.onLoad({filter: /\.ts$/}, async (args) => {
      const relative = path.relative(root, args.path).split(path.sep).join('/')
      if (!/^(?:src|rules)\//.test(relative)) return undefined
      const source = await fs.promises.readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      const target = '../../' + relative.replace(/\.ts$/, '.js')
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(target)}, import.meta.url).href`),
        loader: 'ts',
        resolveDir: path.dirname(args.path)
      }
    })
  }
}

const engineDir = path.dirname(path.join(root, 'node_modules/unified-engine/package.json'))

/** See the header: stubs and direct imports for the bundle. */
const substitutions = {
  name: 'fitlint-substitutions',
  setup(build) {
    build.onResolve({filter: /^(?:load-plugin|parse-json)$/}, (args) => ({path: args.path, namespace: 'fitlint-stub'}))
    build.onLoad({filter: /^load-plugin$/, namespace: 'fitlint-stub'}, () => ({
      contents: [
        "const unsupported = () => Promise.reject(new Error('fitlint does not load unified plugins by name'))",
        'export const loadPlugin = unsupported',
        'export const resolvePlugin = unsupported'
      ].join('\n'),
      loader: 'js'
    }))
    // yargs looks for a package.json above the working folder to guess a
    // version (fitlint passes its own) by listing every folder on the way up:
    // from a scratch folder in a crowded /tmp that is a readdir of thousands
    // of entries on every start. The search finds nothing in the bundle.
    build.onResolve({filter: /^escalade\/sync$/}, (args) => ({path: args.path, namespace: 'fitlint-stub'}))
    build.onLoad({filter: /^escalade\/sync$/, namespace: 'fitlint-stub'}, () => ({
      contents: 'export default function escalade() { return undefined }',
      loader: 'js'
    }))
    build.onLoad({filter: /^parse-json$/, namespace: 'fitlint-stub'}, () => ({
      contents: "export default function parseJson() { throw new Error('fitlint does not read unified config files') }",
      loader: 'js'
    }))
    build.onResolve({filter: /^string-width$/}, (args) =>
      /[\\/]node_modules[\\/]vfile-reporter[\\/]/.test(args.importer) ? {path: 'string-width', namespace: 'fitlint-width'} : undefined
    )
    build.onLoad({filter: /.*/, namespace: 'fitlint-width'}, () => ({
      contents: [
        "import stringWidth from 'string-width'",
        // Printable ASCII, Latin-1 and Latin Extended-A, general punctuation (“ ” ’ – — …):
        // one column each; © ® ‼ ⁉ can be emoji and are left out.
        'const NARROW = /^[\\x20-\\x7e\\u00a0-\\u00a8\\u00aa-\\u00ad\\u00af-\\u017f\\u2010-\\u203b\\u203d-\\u2048\\u204a-\\u205e]*$/',
        'export default function width(value, options) {',
        '  return typeof value === "string" && NARROW.test(value) ? value.length : stringWidth(value, options)',
        '}'
      ].join('\n'),
      loader: 'js',
      resolveDir: path.join(root, 'node_modules/vfile-reporter')
    }))
    // yargs and cliui measure text only for --help; their string-width
    // builds a Unicode-sets regular expression (\p{RGI_Emoji}) and a
    // segmenter when loaded (~10-20 ms): loaded on first use instead.
    build.onResolve({filter: /^string-width$/}, (args) => {
      const owner = /[\\/]node_modules[\\/](yargs|cliui)[\\/]/.exec(args.importer)?.[1]
      return owner ? {path: owner, namespace: 'fitlint-lazy-width'} : undefined
    })
    build.onLoad({filter: /.*/, namespace: 'fitlint-lazy-width'}, (args) => ({
      contents: [
        'let stringWidth',
        "export default function width(value, options) { stringWidth ??= require('string-width').default; return stringWidth(value, options) }"
      ].join('\n'),
      loader: 'js',
      resolveDir: path.join(root, 'node_modules', args.path)
    }))
    build.onLoad({filter: /[\\/]src[\\/]cli[\\/]unified-engine-internals\.ts$/}, () => ({
      contents: [
        "import {Ignore} from './lib/ignore.js'",
        "import * as glob from 'glob'",
        'export async function loadIgnore() { return Ignore }',
        'export function loadGlob() { return glob }'
      ].join('\n'),
      loader: 'js',
      resolveDir: engineDir
    }))
  }
}

fs.rmSync(chunks, {recursive: true, force: true})

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [moduleUrls, substitutions],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true
}

/** In the CLI bundle, `import()` goes through the loader (see src/config/import-module.ts). */
const loaderImport = {
  name: 'fitlint-loader-import',
  setup(build) {
    build.onLoad({filter: /[\\/]src[\\/]config[\\/]import-module\.ts$/}, () => ({
      contents: "export function importModule(href) { return typeof __fitlintImport === 'function' ? __fitlintImport(href) : import(href) }",
      loader: 'js'
    }))
  }
}

/** The CLI as one CommonJS script (the bin's bundle and the snapshot entry). */
const cliScript = {
  ...common,
  plugins: [loaderImport, ...common.plugins],
  format: 'cjs',
  define: {'import.meta.url': '__fitlintModuleUrl'}
}
const MODULE_URL = "var __fitlintModuleUrl = require('node:url').pathToFileURL(__filename).href;"

// The CLI: one CommonJS file, run by scripts/bin-loader.js with V8's code cache.
const cli = await esbuild.build({
  ...cliScript,
  entryPoints: ['src/cli/bin.ts'],
  outfile: path.join(dist, 'src/cli/fitlint.cjs'),
  banner: {js: MODULE_URL}
})

// The CLI's startup snapshot entry (src/cli/snapshot.ts; scripts/snapshot.mjs
// builds the blob from it): the same CLI, as a script for
// `node --build-snapshot`. Its first line has regular expressions run
// interpreted while the snapshot is built; it imports JavaScript config files
// with Node's default loader, as a deserialized snapshot has no loader of its own.
await esbuild.build({
  ...cliScript,
  entryPoints: ['src/cli/snapshot.ts'],
  outfile: path.join(dist, 'src/cli/fitlint-snapshot.cjs'),
  sourcemap: false,
  minifyWhitespace: true,
  banner: {
    js: [
      "require('node:v8').setFlagsFromString('--regexp-interpret-all');",
      MODULE_URL,
      "var __fitlintImport = (href) => { const vm = require('node:vm'); return new vm.Script(`import(${JSON.stringify(href)})`, {importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER}).runInThisContext() };"
    ].join('\n')
  }
})

const result = await esbuild.build({
  ...common,
  entryPoints: {
    'src/lsp/bin': 'src/lsp/bin.ts',
    'src/cli/worker': 'src/cli/worker.ts'
  },
  outdir: dist,
  chunkNames: 'src/chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  // CommonJS dependencies (yaml, vscode-languageserver…) call `require`.
  banner: {js: "import {createRequire as __fitlintCreateRequire} from 'node:module';const require = __fitlintCreateRequire(import.meta.url);"}
})

// What is in each output (for size work): FITLINT_METAFILE=path npm run build.
if (process.env.FITLINT_METAFILE) fs.writeFileSync(process.env.FITLINT_METAFILE, JSON.stringify({cli: cli.metafile, esm: result.metafile}))

for (const output of [...Object.keys(cli.metafile.outputs), ...Object.keys(result.metafile.outputs)]) {
  if (output.endsWith('.map')) continue
  const depth = path.relative(dist, path.resolve(root, output)).split(path.sep).length
  if (depth !== 3) throw new Error(`bundle: ${output} is not two folders below dist/ (see scripts/bundle.mjs)`)
}

// esbuild escapes non-ASCII characters in strings but leaves them in regular
// expression literals (’, …, ° in rule code): one such character makes V8
// hold the whole 3 MB source as a two-byte string, twice the memory, in
// every process and in the startup snapshot. Each UTF-16 unit above 0x7f
// becomes a \uXXXX escape, which means the same character in a string, a
// template, a regular expression (with or without the u flag; a surrogate
// pair stays one code point) and an identifier; an identity escape (\’)
// loses its backslash. Columns after such a character on its line shift in
// the source map (83 lines of 100,000).
function asciiOnly(file) {
  const source = fs.readFileSync(file, 'utf8')
  const escaped = source.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, character) => {
    const unit = '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0')
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + unit
  })
  if (escaped !== source) fs.writeFileSync(file, escaped)
}

for (const file of ['src/cli/fitlint.cjs', 'src/cli/fitlint-snapshot.cjs']) asciiOnly(path.join(dist, file))

fs.copyFileSync(path.join(root, 'scripts/bin-loader.js'), path.join(dist, 'src/cli/bin.js'))
fs.rmSync(path.join(dist, 'src/cli/bin.js.map'), {force: true})
for (const bin of ['src/cli/bin.js', 'src/lsp/bin.js']) fs.chmodSync(path.join(dist, bin), 0o755)

// V8's code cache for the CLI: lint the fixtures (every rule, every format
// and the stylish report) once and keep what was compiled. Best effort: a
// build without it still works, with a slower start.
const cache = path.join(dist, 'src/cli/fitlint.cjs.cache')
fs.rmSync(cache, {force: true})
const sample = ['fixtures', 'examples'].map((folder) => path.join(root, folder)).find((folder) => fs.existsSync(folder))
if (sample) {
  const run = spawnSync(process.execPath, [path.join(dist, 'src/cli/bin.js'), sample, '--no-config'], {
    cwd: root,
    env: {...process.env, FITLINT_CODE_CACHE: 'write', NO_COLOR: '1'},
    stdio: 'ignore',
    timeout: 120_000
  })
  if (!fs.existsSync(cache)) process.stderr.write(`bundle: no code cache written (exit ${run.status ?? run.signal}); the CLI starts slower\n`)
}

buildSnapshot(dist)
