/**
 * Preloaded with `NODE_OPTIONS=--require=<this file>` by the trust tests: every
 * way for Node code to reach the network (sockets, TLS, HTTP(S), HTTP/2, DNS,
 * fetch, WebSocket, UDP) is replaced by a function that records the attempt
 * in `$FITLINT_NETWORK_LOG` (one JSON line each) and throws. Each process or
 * worker thread that loads it writes a `loaded` line, so a test can tell the
 * guard was really in place.
 */
'use strict'
// CommonJS on purpose: `--require` preloads also run in worker threads
// (`--import` ones do not on Node 20), and `fitlint --concurrency` lints in workers.
const fs = require('node:fs')
const {isMainThread, threadId} = require('node:worker_threads')

const log = process.env.FITLINT_NETWORK_LOG

function record(entry) {
  if (log) fs.appendFileSync(log, JSON.stringify({pid: process.pid, thread: threadId, ...entry}) + '\n')
}

record({event: 'loaded', main: isMainThread, argv: process.argv.slice(1, 3)})

function blocked(api) {
  return function () {
    const target = [...arguments].slice(0, 2).map((value) => {
      try {
        return typeof value === 'object' ? JSON.stringify(value)?.slice(0, 200) : String(value).slice(0, 200)
      } catch {
        return typeof value
      }
    })
    record({event: 'network', api, target, stack: new Error('network').stack?.split('\n').slice(2, 8)})
    throw new Error(`network access blocked by the fitlint trust test: ${api}`)
  }
}

function patch(moduleName, names) {
  const module = require(moduleName)
  for (const name of names) {
    if (typeof module[name] === 'function') module[name] = blocked(`${moduleName}.${name}`)
  }
}

patch('node:net', ['connect', 'createConnection'])
const net = require('node:net')
net.Socket.prototype.connect = blocked('net.Socket#connect')
patch('node:tls', ['connect'])
patch('node:http', ['request', 'get'])
patch('node:https', ['request', 'get'])
patch('node:http2', ['connect'])
patch('node:dgram', ['createSocket'])
patch('node:dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse'])
const dns = require('node:dns')
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
  if (typeof dns.promises[name] === 'function') dns.promises[name] = blocked(`dns.promises.${name}`)
}

globalThis.fetch = blocked('fetch')
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocked('WebSocket')
if (typeof globalThis.EventSource === 'function') globalThis.EventSource = blocked('EventSource')
