/**
 * Run the `fitlint` command as a process: `main`, its exit code, and the
 * process-level guards. Shared by the bin (src/cli/bin.ts) and the startup
 * snapshot (src/cli/snapshot.ts).
 */
import {main} from './run.js'

export function start(argv: string[]): void {
  let finished = false

  // The reader of a pipe went away (`fitlint … | head`): it wants no more
  // output, so stop quietly instead of dying on an unhandled EPIPE with a
  // stack trace. The exit code is the run's if it is known, else 0.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      finished = true
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
    })
  }

  // A run that never settles would otherwise exit 0 with no report.
  process.on('beforeExit', () => {
    if (!finished) {
      finished = true
      process.stderr.write('fitlint: internal error: the run stopped before it finished (please report it)\n')
      process.exitCode = 2
    }
  })

  main(argv).then(
    (code) => {
      finished = true
      process.exitCode = code
    },
    (error: unknown) => {
      finished = true
      process.stderr.write(`fitlint: internal error: ${String((error as Error)?.stack ?? error)}\n`)
      process.exitCode = 2
    }
  )
}
