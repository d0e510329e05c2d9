// Long-lived reference-Yjs process for the crdt module's tests (YjsHarness.java drives it).
//
// Protocol: one JSON object per line on stdin, one JSON reply per line on stdout, in order.
//   request: {"id": n, "cmd": "...", ...arguments}
//   reply:   {"id": n, "ok": true, "result": ...} or {"id": n, "ok": false, "error": "..."}
// Binary values (updates, state vectors, messages) travel as base64 strings.
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import { createInterface } from 'node:readline'
import { readFileSync } from 'node:fs'
import { applyOp, describe, describeValue, fromB64, newDoc, toB64, transact } from './ops.mjs'
import { loadTrace, replayConcurrent, replaySequential } from './traces.mjs'

// Stdout carries replies only. Yjs prints there itself in some cases (when an update makes a
// document change its client id, for one); those lines go to stderr instead.
console.log = console.error
console.info = console.error

const docs = new Map()
const awarenesses = new Map()

const getDoc = (name) => {
  const d = docs.get(name)
  if (d === undefined) throw new Error('no document ' + name)
  return d
}

const getAwareness = (name) => {
  const a = awarenesses.get(name)
  if (a === undefined) throw new Error('no awareness ' + name)
  return a
}

// A delta entry with inserted values in describeValue form (EventsCompatTest compares them).
const describeDelta = (d) => {
  const o = {}
  if (d.insert !== undefined) o.insert = typeof d.insert === 'string' ? d.insert : Array.isArray(d.insert) ? d.insert.map(describeValue) : describeValue(d.insert)
  if (d.retain !== undefined) o.retain = d.retain
  if (d.delete !== undefined) o.delete = d.delete
  if (d.attributes !== undefined) o.attributes = describeValue(d.attributes)
  return o
}

// y-websocket's message types.
const messageSync = 0
const messageAwareness = 1
const messageAuth = 2
const messageQueryAwareness = 3

const frame = (type, write) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return toB64(encoding.toUint8Array(e))
}

const takeEmitted = (d) => {
  const out = d.emitted.map(toB64)
  d.emitted.length = 0
  d.origins.length = 0
  return out
}

const versions = () => {
  const v = (p) => JSON.parse(readFileSync(new URL(`./node_modules/${p}/package.json`, import.meta.url), 'utf8')).version
  return { yjs: v('yjs'), lib0: v('lib0'), 'y-protocols': v('y-protocols'), node: process.version }
}

const metaStates = (aw) => {
  const out = {}
  for (const [client, meta] of aw.meta) {
    const state = aw.states.get(client)
    out[client] = { clock: meta.clock, state: state === undefined ? null : JSON.stringify(state) }
  }
  return out
}

const commands = {
  ping: () => versions(),

  // With observe, the roots t (text), m (map) and a (array) are instantiated and observed; their
  // events are kept for takeEvents.
  newDoc: ({ doc, clientId, gc, observe }) => {
    if (docs.has(doc)) docs.get(doc).doc.destroy()
    const d = newDoc(clientId, gc)
    d.events = []
    if (observe) {
      d.doc.getText('t').observe((e) => d.events.push({ target: 't', delta: e.delta.map(describeDelta) }))
      d.doc.getMap('m').observe((e) => d.events.push({ target: 'm', keys: [...e.keysChanged].sort() }))
      d.doc.getArray('a').observe((e) => d.events.push({ target: 'a', delta: e.delta.map(describeDelta) }))
    }
    docs.set(doc, d)
    return null
  },
  takeEvents: ({ doc }) => {
    const d = getDoc(doc)
    const out = d.events
    d.events = []
    return out
  },
  destroyDoc: ({ doc }) => {
    const d = docs.get(doc)
    if (d !== undefined) d.doc.destroy()
    docs.delete(doc)
    return null
  },
  reset: () => {
    for (const a of awarenesses.values()) a.destroy()
    awarenesses.clear()
    for (const d of docs.values()) d.doc.destroy()
    docs.clear()
    return null
  },
  // Runs ops as one transaction; returns the updates the document emitted meanwhile.
  transact: ({ doc, ops }) => {
    const d = getDoc(doc)
    d.emitted.length = 0
    transact(d.doc, ops)
    return takeEmitted(d)
  },
  op: ({ doc, op }) => {
    applyOp(getDoc(doc).doc, op)
    return null
  },
  applyUpdate: ({ doc, update }) => {
    const d = getDoc(doc)
    d.emitted.length = 0
    Y.applyUpdate(d.doc, fromB64(update), 'remote')
    return takeEmitted(d)
  },
  // Applies each update in its own call (origin 'remote'); returns, per update, the updates
  // emitted meanwhile, and those of them a provider would send on (origin not 'remote': the
  // transactions Yjs itself starts afterwards, such as formatting cleanup).
  applyUpdates: ({ doc, updates }) => {
    const d = getDoc(doc)
    return updates.map(u => {
      d.emitted.length = 0
      d.origins.length = 0
      Y.applyUpdate(d.doc, fromB64(u), 'remote')
      const forward = d.emitted.filter((_, i) => d.origins[i] !== 'remote').map(toB64)
      return { updates: takeEmitted(d), forward }
    })
  },
  takeUpdates: ({ doc }) => takeEmitted(getDoc(doc)),
  encodeStateAsUpdate: ({ doc, sv }) => toB64(Y.encodeStateAsUpdate(getDoc(doc).doc, sv === undefined ? undefined : fromB64(sv))),
  encodeStateVector: ({ doc }) => toB64(Y.encodeStateVector(getDoc(doc).doc)),
  describe: ({ doc, roots }) => describe(getDoc(doc).doc, roots),
  textLength: ({ doc, name }) => getDoc(doc).doc.getText(name).length,

  mergeUpdates: ({ updates }) => toB64(Y.mergeUpdates(updates.map(fromB64))),
  diffUpdate: ({ update, sv }) => toB64(Y.diffUpdate(fromB64(update), fromB64(sv))),
  encodeStateVectorFromUpdate: ({ update }) => toB64(Y.encodeStateVectorFromUpdate(fromB64(update))),
  // Apply to a fresh document and re-encode: what Yjs makes of an update (or null if it throws).
  normalize: ({ update, gc }) => {
    const d = new Y.Doc({ gc: gc !== false })
    try {
      Y.applyUpdate(d, fromB64(update))
      return toB64(Y.encodeStateAsUpdate(d))
    } catch (e) {
      return null
    } finally {
      d.destroy()
    }
  },

  // y-protocols sync inside y-websocket frames: y-websocket writes its message type (0 sync,
  // 1 awareness, 2 auth, 3 query awareness) and then the y-protocols message.
  syncStep1: ({ doc }) => frame(messageSync, (e) => syncProtocol.writeSyncStep1(e, getDoc(doc).doc)),
  syncStep2: ({ doc, sv }) => frame(messageSync, (e) => syncProtocol.writeSyncStep2(e, getDoc(doc).doc, sv === undefined ? undefined : fromB64(sv))),
  syncUpdate: ({ update }) => frame(messageSync, (e) => syncProtocol.writeUpdate(e, fromB64(update))),
  permissionDenied: ({ reason }) => frame(messageAuth, (e) => authProtocol.writePermissionDenied(e, reason)),
  awarenessFrame: ({ aw, clients }) => frame(messageAwareness, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(getAwareness(aw), clients))),
  // What a y-websocket client does with a frame: returns the reply frame (null if none).
  readFrame: ({ doc, aw, message }) => {
    const decoder = decoding.createDecoder(fromB64(message))
    const encoder = encoding.createEncoder()
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case messageSync: {
        encoding.writeVarUint(encoder, messageSync)
        const syncType = syncProtocol.readSyncMessage(decoder, encoder, getDoc(doc).doc, 'remote', (e) => { throw e })
        return { type, syncType, reply: encoding.length(encoder) > 1 ? toB64(encoding.toUint8Array(encoder)) : null }
      }
      case messageAwareness:
        awarenessProtocol.applyAwarenessUpdate(getAwareness(aw), decoding.readVarUint8Array(decoder), 'remote')
        return { type, reply: null }
      case messageAuth: {
        let reason = null
        authProtocol.readAuthMessage(decoder, getDoc(doc).doc, (_, r) => { reason = r })
        return { type, reason, reply: null }
      }
      case messageQueryAwareness:
        return { type, reply: null }
      default:
        throw new Error('unknown message type ' + type)
    }
  },

  // y-protocols awareness. States travel as JSON strings so both sides compare the same text.
  newAwareness: ({ aw, doc }) => {
    if (awarenesses.has(aw)) awarenesses.get(aw).destroy()
    const a = new awarenessProtocol.Awareness(getDoc(doc).doc)
    awarenesses.set(aw, a)
    return null
  },
  setLocalState: ({ aw, state }) => {
    getAwareness(aw).setLocalState(state === null ? null : JSON.parse(state))
    return null
  },
  encodeAwarenessUpdate: ({ aw, clients }) => toB64(awarenessProtocol.encodeAwarenessUpdate(getAwareness(aw), clients)),
  applyAwarenessUpdate: ({ aw, update }) => {
    const changes = []
    const a = getAwareness(aw)
    const listener = (change) => changes.push(change)
    a.on('change', listener)
    try {
      awarenessProtocol.applyAwarenessUpdate(a, fromB64(update), 'remote')
    } finally {
      a.off('change', listener)
    }
    return changes
  },
  removeAwarenessStates: ({ aw, clients }) => {
    awarenessProtocol.removeAwarenessStates(getAwareness(aw), clients, 'test')
    return null
  },
  awarenessStates: ({ aw }) => metaStates(getAwareness(aw)),

  // Editing traces, replayed by the same rules as TraceReplay.java.
  replaySequentialTrace: ({ path, clientId }) => {
    const trace = loadTrace(path)
    const doc = replaySequential(trace, clientId, false)
    const text = doc.getText('text').toString()
    const update = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    return { matches: text === trace.endContent, update: toB64(update), stateVector: toB64(Y.encodeStateVectorFromUpdate(update)) }
  },
  replayConcurrentTrace: ({ path }) => {
    const trace = loadTrace(path)
    const ds = replayConcurrent(trace)
    const out = ds.map(d => ({
      matches: d.getText('text').toString() === trace.endContent,
      update: toB64(Y.encodeStateAsUpdate(d)),
      stateVector: toB64(Y.encodeStateVector(d))
    }))
    ds.forEach(d => d.destroy())
    return out
  }
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
// Pipes are synchronous on Linux, so replies leave in order and none is lost at exit.
const write = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

rl.on('line', (line) => {
  if (line.trim() === '') return
  let req
  try {
    req = JSON.parse(line)
  } catch (e) {
    write({ id: null, ok: false, error: 'bad JSON: ' + e.message })
    return
  }
  const handler = commands[req.cmd]
  if (handler === undefined) {
    write({ id: req.id, ok: false, error: 'unknown command ' + req.cmd })
    return
  }
  try {
    const result = handler(req)
    write({ id: req.id, ok: true, result: result === undefined ? null : result })
  } catch (e) {
    write({ id: req.id, ok: false, error: String(e && e.stack ? e.stack : e) })
  }
})
rl.on('close', () => {
  for (const a of awarenesses.values()) a.destroy()
  for (const d of docs.values()) d.doc.destroy()
})
