// Copy rule data (YAML) and rule docs (README.md) next to the compiled rules,
// so `dist/rules/<id>/index.js` finds them with `new URL('./data.yml', import.meta.url)`;
// YAML data also as `data.yml.json` (see src/language/data.ts).
import fs from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'

const root = path.resolve(import.meta.dirname, '..')
const from = path.join(root, 'rules')
const to = path.join(root, 'dist', 'rules')

function copy(folder) {
  for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
    const source = path.join(folder, entry.name)
    const target = path.join(to, path.relative(from, source))
    if (entry.isDirectory()) {
      copy(source)
    } else if (/\.(ya?ml|md)$/.test(entry.name)) {
      fs.mkdirSync(path.dirname(target), {recursive: true})
      fs.copyFileSync(source, target)
      // Parsed once here: JSON loads faster than YAML at startup.
      // Written beside and renamed, so a lint running during a build never reads half a file.
      if (/\.ya?ml$/.test(entry.name)) {
        const temporary = `${target}.json.${process.pid}.tmp`
        fs.writeFileSync(temporary, JSON.stringify(parse(fs.readFileSync(source, 'utf8'))))
        fs.renameSync(temporary, target + '.json')
      }
    }
  }
}

copy(from)
fs.chmodSync(path.join(root, 'dist/src/cli/bin.js'), 0o755)
if (fs.existsSync(path.join(root, 'dist/src/lsp/bin.js'))) {
  fs.chmodSync(path.join(root, 'dist/src/lsp/bin.js'), 0o755)
}
