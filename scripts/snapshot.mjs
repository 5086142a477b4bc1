// Write the CLI's startup snapshot: dist/src/cli/fitlint.blob and its stamp
// fitlint.blob.json (see src/cli/snapshot.ts and scripts/bin-loader.js).
//
//   node scripts/snapshot.mjs [DIST]     # default: this checkout's dist/
//
// Run by scripts/bundle.mjs after bundling, and by the benchmark for its copy
// of dist/: a snapshot holds the absolute paths of the folder it was built
// in, so the stamp names that folder and the bin uses the blob only there.
// Best effort: without a blob the bin starts the usual way, only slower.
// The blob is checked before it is kept: a sample file linted through it must
// give the same JSON report, byte for byte, as the usual start.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const root = path.resolve(import.meta.dirname, '..')

export function buildSnapshot(dist = path.join(root, 'dist')) {
  const cli = path.join(dist, 'src/cli')
  const blob = path.join(cli, 'fitlint.blob')
  const stamp = blob + '.json'
  fs.rmSync(stamp, {force: true})
  fs.rmSync(blob, {force: true})
  const fail = (why) => {
    process.stderr.write(`snapshot: no startup snapshot (${why}); the CLI starts slower\n`)
    return false
  }

  const samples = ['fixtures', 'examples'].map((folder) => path.join(root, folder)).filter((folder) => fs.existsSync(folder))
  if (samples.length === 0) return fail('no fixtures/ or examples/ folder to warm it up with')
  const temporary = `${blob}.${process.pid}.tmp`
  const build = spawnSync(
    process.execPath,
    ['--no-warnings', '--snapshot-blob', temporary, '--build-snapshot', path.join(cli, 'fitlint-snapshot.cjs'), ...samples],
    {cwd: root, env: {...process.env, NO_COLOR: '1'}, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000}
  )
  if (build.status !== 0 || build.stderr.trim() !== '' || !fs.existsSync(temporary)) {
    fs.rmSync(temporary, {force: true})
    return fail(`building it failed: exit ${build.status ?? build.signal}${build.stderr.trim() ? `: ${build.stderr.trim().split('\n').slice(0, 5).join(' / ')}` : ''}`)
  }

  const sample = findSample(samples)
  const lint = (args, env = {}) =>
    spawnSync(process.execPath, [...args, '--format', 'json', '--no-config', sample], {
      cwd: root,
      env: {...process.env, ...env},
      encoding: 'utf8',
      timeout: 60_000
    })
  const usual = lint([path.join(cli, 'bin.js')], {FITLINT_NO_SNAPSHOT: '1'})
  const fast = lint(['--snapshot-blob', temporary, '--'])
  if (fast.status !== usual.status || fast.stdout !== usual.stdout || fast.stderr !== usual.stderr) {
    fs.rmSync(temporary, {force: true})
    return fail(`a run through it differed from the usual start on ${path.relative(root, sample)}: exit ${fast.status} vs ${usual.status}${fast.stderr ? `, ${fast.stderr.trim().split('\n')[0]}` : ''}`)
  }

  fs.renameSync(temporary, blob)
  const {size, mtimeMs} = fs.statSync(blob)
  fs.writeFileSync(stamp, JSON.stringify({node: process.version, arch: process.arch, platform: process.platform, dir: cli, size, mtimeMs}, undefined, 2) + '\n')
  return true
}

/** The first Markdown file under the sample folders. */
function findSample(folders) {
  for (const folder of folders) {
    for (const entry of fs.readdirSync(folder, {recursive: true})) {
      if (String(entry).endsWith('.md')) return path.join(folder, String(entry))
    }
  }

  return folders[0]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildSnapshot(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
}
