/**
 * The entry of the CLI's startup snapshot (see scripts/snapshot.mjs).
 *
 * `node --snapshot-blob fitlint.blob --build-snapshot fitlint-snapshot.cjs
 * SAMPLE…` loads the CLI, lints the sample folders once, in every format and
 * report, to a sink, and Node then writes the whole heap to the blob: the
 * loaded modules, the compiled phrase matchers and the bytecode of every
 * function the sample ran. `node --snapshot-blob fitlint.blob -- ARGS` (what
 * the `fitlint` bin runs, scripts/bin-loader.js) starts from that heap and
 * calls `start` with the user's arguments, without loading, compiling or
 * registering anything again.
 *
 * The sample run only fills caches keyed by content (compiled phrase data,
 * parsed word lists); nothing in it depends on the files, folders or
 * configuration of a later run. Regular expressions run interpreted while the
 * snapshot is built (V8 cannot write their machine code into a snapshot; the
 * bundle's first line sets the flag), and the flags are back to Node's
 * defaults when the heap is written, so the blob fits a plain `node`.
 */
import {Readable, Writable} from 'node:stream'
import v8 from 'node:v8'
import {clearTextCaches} from '../language/text-cache.js'
import {main, type Io} from './run.js'
import {start} from './start.js'

const sink = (): Writable =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback()
    }
  })

async function warmUp(samples: string[]): Promise<void> {
  const io: Io = {stdout: sink(), stderr: sink(), stdin: Readable.from([]), cwd: process.cwd(), env: {}, isTTY: false, stderrIsTTY: false}
  for (const format of ['stylish', 'json']) {
    // Exit codes 0 and 1 are lint results; 2 means the sample did not run.
    const code = await main([...samples, '--no-config', '--format', format], io)
    if (code === 2) throw new Error(`fitlint snapshot: the sample run failed (${samples.join(', ')})`)
  }

  clearTextCaches()
}

const samples = process.argv.slice(2)
warmUp(samples).catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`)
  process.exitCode = 1
})

v8.startupSnapshot.addSerializeCallback(() => {
  v8.setFlagsFromString('--no-regexp-interpret-all')
  v8.setFlagsFromString('--regexp-tier-up')
})

v8.startupSnapshot.setDeserializeMainFunction(() => {
  start(process.argv.slice(1))
})
