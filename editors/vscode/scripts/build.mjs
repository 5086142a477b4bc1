// Build the extension into dist/:
//
// - dist/extension.js: the client (CommonJS, `vscode` external);
// - dist/server.mjs: fitlint-language-server with all of fitlint (ESM);
// - dist/rules/**, dist/src/**: the rules' YAML data and README files.
//
// fitlint's modules find their data with `new URL('./data.yml', import.meta.url)`.
// In one bundle every module would share the bundle's URL, so each
// `import.meta.url` in fitlint's own sources is rewritten to the URL the module
// would have at dist/<its path>.js, and the data files are copied to those
// places: rules/medical-disclaimer/index.ts asks for
// dist/rules/medical-disclaimer/data.yml, src/lsp/hover.ts for
// dist/rules/<id>/README.md.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import * as esbuild from 'esbuild'
import {writeSchemas} from './schema.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const extension = path.resolve(here, '..')
const root = path.resolve(extension, '../..')
const dist = path.join(extension, 'dist')
const watch = process.argv.includes('--watch')

/** Rewrite `import.meta.url` in fitlint's sources to their unbundled URL. */
const moduleUrls = {
  name: 'fitlint-module-urls',
  setup(build) {
    build.onLoad({filter: /\.ts$/}, async (args) => {
      const relative = path.relative(root, args.path)
      if (!/^(?:src|rules)[\\/]/.test(relative)) return undefined
      const source = await fs.promises.readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      const target = './' + relative.split(path.sep).join('/').replace(/\.ts$/, '.js')
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(target)}, import.meta.url).href`),
        loader: 'ts',
        resolveDir: path.dirname(args.path)
      }
    })
  }
}

/** Copy data and docs (everything but code) from src/ and rules/ into dist/. */
function copyData() {
  let count = 0
  const copy = (folder) => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      const source = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        copy(source)
      } else if (/\.(?:ya?ml|json|md)$/.test(entry.name)) {
        const target = path.join(dist, path.relative(root, source))
        fs.mkdirSync(path.dirname(target), {recursive: true})
        fs.copyFileSync(source, target)
        count++
      }
    }
  }

  copy(path.join(root, 'rules'))
  copy(path.join(root, 'src'))
  return count
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none'
}

const client = {
  ...common,
  entryPoints: [path.join(extension, 'src/extension.ts')],
  outfile: path.join(dist, 'extension.js'),
  format: 'cjs',
  external: ['vscode'],
  minify: !watch
}

const server = {
  ...common,
  entryPoints: [path.join(root, 'src/lsp/bin.ts')],
  outfile: path.join(dist, 'server.mjs'),
  format: 'esm',
  // CommonJS dependencies (vscode-languageserver) call `require`.
  banner: {js: "import {createRequire as __fitlintCreateRequire} from 'node:module';const require = __fitlintCreateRequire(import.meta.url);"},
  plugins: [moduleUrls],
  minify: !watch,
  // Function names stay readable in stack traces of bug reports.
  keepNames: true
}

fs.rmSync(dist, {recursive: true, force: true})
fs.mkdirSync(dist, {recursive: true})
const copied = copyData()
await writeSchemas(path.join(extension, 'schemas'))

if (watch) {
  const contexts = await Promise.all([esbuild.context(client), esbuild.context(server)])
  await Promise.all(contexts.map((context) => context.watch()))
  console.log('fitlint extension: watching…')
} else {
  await Promise.all([esbuild.build(client), esbuild.build(server)])
  const size = (file) => (fs.statSync(path.join(dist, file)).size / 1024).toFixed(0) + ' KB'
  console.log(`fitlint extension: dist/extension.js ${size('extension.js')}, dist/server.mjs ${size('server.mjs')}, ${copied} data files`)
}
