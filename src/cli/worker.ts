/**
 * A lint worker (`--concurrency`): receives a file's path and text with its
 * resolved config, lints it with the same `lintVFile` as the main thread, and
 * sends the messages back as plain data.
 */
import {parentPort} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import {lintVFile} from '../engine/lint-file.js'
import {addLineHashes, storeMessage, type Message} from './messages.js'
import type {Task, TaskResult} from './workers.js'

const configs = new Map<number, ResolvedConfig>()

parentPort!.on('message', async (task: Task) => {
  let result: TaskResult
  try {
    if (task.config) configs.set(task.configId, task.config)
    const config = configs.get(task.configId)
    if (!config) throw new Error(`worker has no config #${task.configId}`)
    const file = new VFile({path: task.path, cwd: task.cwd, value: task.text})
    await lintVFile(file, config)
    addLineHashes(file, task.text)
    result = {id: task.id, messages: (file.messages as Message[]).map(storeMessage)}
  } catch (error) {
    result = {id: task.id, error: String((error as Error)?.message ?? error)}
  }

  parentPort!.postMessage(result)
})
