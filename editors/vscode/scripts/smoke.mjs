// Check the bundled server really lints: run dist/server.mjs over stdio on a
// temp workspace (a YAML config, an article in each format), and require a
// medical-disclaimer diagnostic for each, hover text from the bundled rule
// README, and no crash. Part of `vscode:prepublish`, so no .vsix ships a
// server that cannot find its rule data.
import {fork, spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const server = path.resolve(here, '../dist/server.mjs')
const ADVICE = 'Squat three times a week. Keep your heels down and push your knees out. Add 2.5 kg each week. Warm up for ten minutes before you lift. Stretch your hips after each session.'
const DOCUMENTS = {
  'article.md': ['markdown', `# Squat day\n\n${ADVICE}\n`],
  'article.mdx': ['mdx', `import {Note} from './note.js'\n\n# Squat day\n\n${ADVICE}\n`],
  'article.html': ['html', `<!doctype html>\n<html><body>\n<h1>Squat day</h1>\n<p>${ADVICE}</p>\n</body></html>\n`],
  'article.txt': ['plaintext', `Squat day\n\n${ADVICE}\n`]
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fitlint-vscode-smoke-'))
fs.writeFileSync(path.join(workspace, '.fitlintrc.yaml'), 'rules:\n  medical-disclaimer: error\n')

const child = spawn(process.execPath, [server, '--stdio'], {cwd: workspace, stdio: ['pipe', 'pipe', 'pipe']})
let stderr = ''
child.stderr.on('data', (chunk) => (stderr += chunk))
let buffer = Buffer.alloc(0)
const pending = new Map()
const published = new Map()
let nextId = 1

child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk])
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n')
    if (end === -1) return
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1])
    if (buffer.length < end + 4 + length) return
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'))
    buffer = buffer.subarray(end + 4 + length)
    if (message.id !== undefined && message.method) send({jsonrpc: '2.0', id: message.id, result: null})
    else if (message.id !== undefined) pending.get(message.id)?.(message)
    else if (message.method === 'textDocument/publishDiagnostics') published.set(message.params.uri, message.params.diagnostics)
  }
})

function send(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8')
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
  child.stdin.write(body)
}

function request(method, params) {
  const id = nextId++
  return new Promise((resolve) => {
    pending.set(id, resolve)
    send({jsonrpc: '2.0', id, method, params})
  })
}

async function until(check, what, timeout = 15_000) {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}\n${stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function fail(message) {
  throw new Error(message)
}

/** VS Code starts the server with `--node-ipc` (TransportKind.ipc): check that transport too. */
async function overIpc() {
  const forked = fork(server, ['--node-ipc', `--clientProcessId=${process.pid}`], {cwd: workspace, stdio: ['pipe', 'pipe', 'pipe', 'ipc']})
  const messages = []
  forked.on('message', (message) => messages.push(message))
  forked.send({jsonrpc: '2.0', id: 1, method: 'initialize', params: {processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, initializationOptions: {debounce: 0}}})
  await until(() => messages.some((message) => message.id === 1), 'initialize over IPC')
  forked.send({jsonrpc: '2.0', method: 'initialized', params: {}})
  const uri = pathToFileURL(path.join(workspace, 'ipc.md')).href
  forked.send({jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri, languageId: 'markdown', version: 1, text: DOCUMENTS['article.md'][1]}}})
  await until(() => messages.some((message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri), 'diagnostics over IPC')
  const diagnostics = messages.find((message) => message.method === 'textDocument/publishDiagnostics').params.diagnostics
  if (!diagnostics.some((diagnostic) => diagnostic.code === 'medical-disclaimer')) fail('IPC: no medical-disclaimer diagnostic')
  forked.send({jsonrpc: '2.0', id: 2, method: 'shutdown'})
  await until(() => messages.some((message) => message.id === 2), 'shutdown over IPC')
  forked.send({jsonrpc: '2.0', method: 'exit'})
  const code = await new Promise((resolve) => forked.on('exit', resolve))
  if (code !== 0) fail('IPC: server exited with ' + code)
  console.log('ok over node IPC (as VS Code runs it)')
}

try {
  const root = pathToFileURL(workspace).href
  const init = await request('initialize', {processId: process.pid, rootUri: root, workspaceFolders: [{uri: root, name: 'smoke'}], capabilities: {}, initializationOptions: {debounce: 0}})
  if (init.result?.serverInfo?.name !== 'fitlint-language-server') fail('unexpected initialize result: ' + JSON.stringify(init))
  send({jsonrpc: '2.0', method: 'initialized', params: {}})

  for (const [name, [languageId, text]] of Object.entries(DOCUMENTS)) {
    const uri = pathToFileURL(path.join(workspace, name)).href
    send({jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri, languageId, version: 1, text}}})
    await until(() => published.has(uri), `diagnostics for ${name}`)
    const diagnostics = published.get(uri)
    const codes = diagnostics.map((diagnostic) => diagnostic.code)
    if (codes.includes('internal-error') || codes.includes('config')) fail(`${name}: ${diagnostics[0].message}`)
    const disclaimer = diagnostics.find((diagnostic) => diagnostic.code === 'medical-disclaimer')
    if (!disclaimer) fail(`${name}: no medical-disclaimer diagnostic: ${JSON.stringify(diagnostics)}`)
    if (disclaimer.severity !== 1) fail(`${name}: the YAML config (medical-disclaimer: error) was not applied`)

    if (name === 'article.md') {
      const hover = await request('textDocument/hover', {textDocument: {uri}, position: disclaimer.range.start})
      const value = hover.result?.contents?.value ?? ''
      const readme = path.resolve(here, '../dist/rules/medical-disclaimer/README.md')
      if (!fs.existsSync(readme)) fail('rule docs not bundled: ' + readme)
      const firstLine = fs.readFileSync(readme, 'utf8').split('\n').find((line) => /^[A-Za-z]/.test(line)) ?? ''
      if (!value.includes(firstLine.slice(0, 40))) fail('hover has no README excerpt: ' + value)
    }

    console.log(`ok ${name}: ${codes.join(', ')}`)
  }

  await request('shutdown')
  send({jsonrpc: '2.0', method: 'exit'})
  const code = await new Promise((resolve) => child.on('exit', resolve))
  if (code !== 0) fail('server exited with ' + code)
  await overIpc()
  console.log('fitlint extension: the bundled server lints (' + path.relative(process.cwd(), server) + ')')
} catch (error) {
  console.error('fitlint extension smoke test failed: ' + error.message)
  child.kill()
  process.exitCode = 1
} finally {
  fs.rmSync(workspace, {recursive: true, force: true})
}
