/**
 * The fitlint extension: a thin client of `fitlint-language-server`, which is
 * bundled next to this file (dist/server.mjs) and runs in its own process.
 * Everything fitlint knows lives in the server; this file starts it, passes
 * settings and workspace trust, and restarts it on demand.
 */
import * as vscode from 'vscode'
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions
} from 'vscode-languageclient/node'

const LANGUAGES = ['markdown', 'mdx', 'html', 'plaintext']

let client: LanguageClient | undefined
let output: vscode.OutputChannel | undefined

function documentSelector(): DocumentSelector {
  return LANGUAGES.flatMap((language) => [
    {scheme: 'file', language},
    {scheme: 'untitled', language}
  ])
}

/** What the server needs before it lints the first document. */
function initializationOptions(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('fitlint')
  return {
    // Untrusted workspace: the server never runs JavaScript config files.
    trusted: vscode.workspace.isTrusted,
    enable: config.get<boolean>('enable', true),
    rules: config.get<Record<string, string>>('rules', {}),
    debounce: config.get<number>('debounce', 200),
    maxFileSize: config.get<number>('maxFileSize', 2_000_000),
    trace: config.get<string>('trace.server', 'off')
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.mjs')
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.ipc},
    debug: {module, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6009']}}
  }

  output ??= vscode.window.createOutputChannel('fitlint')
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: initializationOptions(),
    // Sends `fitlint.*` settings to the server when they change.
    synchronize: {configurationSection: 'fitlint'},
    diagnosticCollectionName: 'fitlint',
    outputChannel: output
  }

  client = new LanguageClient('fitlint', 'fitlint', serverOptions, clientOptions)
  await client.start()
}

async function stop(): Promise<void> {
  const running = client
  client = undefined
  if (running) {
    try {
      await running.stop()
    } catch {
      // Already stopped or never started.
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop()
  await start(context)
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('fitlint.restartServer', async () => {
      await restart(context)
      void vscode.window.setStatusBarMessage('fitlint: server restarted', 3000)
    }),
    // Trust can only be granted during a session: restart so JS configs load.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)),
    {dispose: () => void stop()}
  )

  await start(context)
}

export async function deactivate(): Promise<void> {
  await stop()
}
