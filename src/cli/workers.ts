/**
 * `--concurrency N|auto`: lint files on N threads — this one and N − 1
 * worker threads. The main thread finds and reads files, resolves configs,
 * uses the cache and reports. Files to lint wait in one queue: a worker with
 * room takes the next (each holds up to `DEPTH`, so it never waits for the
 * main thread), and the main thread lints one itself whenever it is free,
 * yielding between files so finished workers get new ones at once. Each
 * worker gets a config once and then only its id. Results come back as
 * plain messages, so the report is the same as a serial run's, in the same
 * order.
 */
import {Worker} from 'node:worker_threads'
import type {ResolvedConfig} from '../config/types.js'
import type {StoredMessage} from './messages.js'

/** Files in flight per worker. */
const DEPTH = 2

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

interface Job {
  path: string
  cwd: string
  text: string
  config: ResolvedConfig
  /** Lint in this thread instead. */
  local: () => Promise<void>
  /** Messages from a worker, or `undefined` when `local` did the work. */
  resolve: (messages: StoredMessage[] | undefined) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  configs: Set<number>
  pending: Map<number, Job>
}

export class WorkerPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private readonly configIds = new WeakMap<ResolvedConfig, number>()
  private nextId = 0
  private nextConfigId = 0
  private localBusy = false
  private closed = false

  /** `size` worker threads (the main thread lints too). */
  constructor(size: number) {
    for (let index = 0; index < size; index++) this.slots.push(this.spawn())
  }

  /** Lint a file in a worker or, via `local`, in this thread. */
  lint(path: string, cwd: string, text: string, config: ResolvedConfig, local: () => Promise<void>): Promise<StoredMessage[] | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({path, cwd, text, config, local, resolve, reject})
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) job.reject(new Error('the worker pool was closed'))
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.pending.size < DEPTH && this.queue.length > 0) this.send(slot, this.queue.shift()!)
    }

    if (this.queue.length > 0 && !this.localBusy) {
      this.localBusy = true
      // Yield first: results that came in meanwhile refill the workers.
      setImmediate(() => void this.runLocal())
    }
  }

  private async runLocal(): Promise<void> {
    const job = this.queue.shift()
    if (job) await this.runHere(job)
    this.localBusy = false
    this.pump()
  }

  private async runHere(job: Job): Promise<void> {
    try {
      await job.local()
      job.resolve(undefined)
    } catch (error) {
      job.reject(error)
    }
  }

  private send(slot: Slot, job: Job): void {
    let configId = this.configIds.get(job.config)
    if (configId === undefined) {
      configId = this.nextConfigId++
      this.configIds.set(job.config, configId)
    }

    const task: Task = {id: this.nextId++, path: job.path, cwd: job.cwd, text: job.text, configId}
    if (!slot.configs.has(configId)) task.config = job.config
    try {
      slot.worker.postMessage(task)
    } catch {
      // A config a worker cannot receive (functions from a JS config).
      void this.runHere(job)
      return
    }

    slot.configs.add(configId)
    slot.pending.set(task.id, job)
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('worker.js', import.meta.url))
    const slot: Slot = {worker, configs: new Set(), pending: new Map()}
    worker.on('message', (result: TaskResult) => {
      const job = slot.pending.get(result.id)
      slot.pending.delete(result.id)
      if (job) {
        if ('error' in result) job.reject(new Error(result.error))
        else job.resolve(result.messages)
      }

      this.pump()
    })
    const die = (error: Error) => {
      const index = this.slots.indexOf(slot)
      if (index === -1) return
      for (const job of slot.pending.values()) job.reject(error)
      slot.pending.clear()
      // Replace the dead worker; the files it had fail as internal errors.
      if (this.closed) {
        this.slots.splice(index, 1)
      } else {
        this.slots[index] = this.spawn()
        this.pump()
      }
    }

    worker.on('error', die)
    worker.on('exit', (code) => {
      if (!this.closed) die(new Error(`a lint worker stopped (exit code ${code})`))
    })
    return slot
  }
}
