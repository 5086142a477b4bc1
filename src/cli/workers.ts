/**
 * `--concurrency N|auto`: a pool of worker threads that lint files. The main
 * thread still finds and reads files, resolves configs, uses the cache and
 * reports; workers only run `lintVFile`. Each worker gets a config once and
 * then only its id. Results come back as plain messages, so the report is
 * the same as a serial run's, in the same order.
 */
import {Worker} from 'node:worker_threads'
import type {ResolvedConfig} from '../config/types.js'
import type {StoredMessage} from './messages.js'

export interface Task {
  id: number
  path: string
  cwd: string
  text: string
  configId: number
  /** Sent the first time a worker sees `configId`. */
  config?: ResolvedConfig
}

export type TaskResult = {id: number; messages: StoredMessage[]} | {id: number; error: string}

interface Pending {
  task: Task
  config: ResolvedConfig
  resolve: (messages: StoredMessage[]) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  configs: Set<number>
  current?: Pending
}

export class WorkerPool {
  readonly size: number
  private readonly slots: Slot[] = []
  private readonly queue: Pending[] = []
  private readonly configIds = new WeakMap<ResolvedConfig, number>()
  private nextId = 0
  private nextConfigId = 0
  private closed = false

  constructor(size: number) {
    this.size = size
    for (let index = 0; index < size; index++) this.slots.push(this.spawn())
  }

  lint(path: string, cwd: string, text: string, config: ResolvedConfig): Promise<StoredMessage[]> {
    let configId = this.configIds.get(config)
    if (configId === undefined) {
      configId = this.nextConfigId++
      this.configIds.set(config, configId)
    }

    return new Promise((resolve, reject) => {
      this.queue.push({task: {id: this.nextId++, path, cwd, text, configId}, config, resolve, reject})
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the worker pool was closed'))
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('worker.js', import.meta.url))
    const slot: Slot = {worker, configs: new Set()}
    worker.on('message', (result: TaskResult) => {
      const pending = slot.current
      slot.current = undefined
      if (pending) {
        if ('error' in result) pending.reject(new Error(result.error))
        else pending.resolve(result.messages)
      }

      this.pump()
    })
    const die = (error: Error) => {
      const pending = slot.current
      slot.current = undefined
      pending?.reject(error)
      if (this.closed) return
      // Replace the dead worker and carry on with the rest.
      const index = this.slots.indexOf(slot)
      if (index !== -1) this.slots[index] = this.spawn()
      this.pump()
    }

    worker.on('error', die)
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) die(new Error(`a lint worker stopped (exit code ${code})`))
    })
    return slot
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0) continue
      const pending = this.queue.shift()!
      const task: Task = slot.configs.has(pending.task.configId) ? pending.task : {...pending.task, config: pending.config}
      slot.current = pending
      try {
        slot.worker.postMessage(task)
        slot.configs.add(task.configId)
      } catch (error) {
        // A config that cannot be cloned (functions from a JS config).
        slot.current = undefined
        pending.reject(error as Error)
      }
    }
  }
}
