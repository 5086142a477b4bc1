/**
 * “fitlint: 120/400 files” on stderr, rewritten in place, for people
 * watching a terminal. Only when stderr is a TTY and `CI` is unset: never in
 * CI logs, pipes or files. Redrawn at most every 100 ms; the line is cleared
 * when the run ends so the report starts on a clean line.
 */
export interface Progress {
  tick(): void
  done(): void
}

const INTERVAL = 100

export function createProgress(stream: NodeJS.WritableStream, total: number): Progress {
  let count = 0
  let last = 0
  let shown = false
  const draw = () => {
    stream.write(`\r\u001B[2Kfitlint: ${count}/${total} files`)
    shown = true
    last = Date.now()
  }

  return {
    tick() {
      count++
      if (!shown || count === total || Date.now() - last >= INTERVAL) draw()
    },
    done() {
      if (shown) stream.write('\r\u001B[2K')
    }
  }
}
