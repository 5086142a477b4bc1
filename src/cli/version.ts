import fs from 'node:fs'

let version: string | undefined

/** fitlint's version, from package.json. */
export function packageVersion(): string {
  if (version === undefined) {
    const url = new URL('../../../package.json', import.meta.url)
    version = (JSON.parse(fs.readFileSync(url, 'utf8')) as {version: string}).version
  }

  return version
}
