// Replays the editing traces (crdt/test-data/editing-traces) through Yjs. TraceReplay.java implements the same rules, so both
// sides end with byte-identical documents.
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

export function loadTrace (path) {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'))
}

/** Sequential trace: one document; one Yjs transaction per trace txn (per patch if perPatch). */
export function replaySequential (trace, clientId, perPatch) {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const text = doc.getText('text')
  if (trace.startContent) text.insert(0, trace.startContent)
  const apply = ([pos, del, ins]) => {
    if (del > 0) text.delete(pos, del)
    if (ins !== '') text.insert(pos, ins)
  }
  for (const txn of trace.txns) {
    if (perPatch) {
      for (const p of txn.patches) doc.transact(() => apply(p))
    } else {
      doc.transact(() => { for (const p of txn.patches) apply(p) })
    }
  }
  return doc
}

/**
 * Concurrent trace: one document per agent with client id `agent + 1`. Before an agent's txn its
 * document catches up to the version of the txn's parents by applying the updates of the other
 * agents' txns it has not seen yet, one update per txn, in ascending trace index (a causal order,
 * since parents precede their children). Versions are per-agent prefix counts, which is exact
 * because each agent's txns are totally ordered. Then the patches run as one local transaction,
 * whose update is recorded. At the end every agent catches up to everything.
 */
export function replayConcurrent (trace) {
  const n = trace.numAgents
  const docs = []
  const have = []
  const updates = []
  const txnIndex = [] // txnIndex[b][s]: trace index of agent b's s-th txn
  for (let a = 0; a < n; a++) {
    const doc = new Y.Doc()
    doc.clientID = a + 1
    docs.push(doc)
    have.push(new Array(n).fill(0))
    updates.push([])
    txnIndex.push([])
  }
  const versions = []
  const catchUp = (a, target) => {
    const next = have[a]
    for (;;) {
      let best = -1
      for (let b = 0; b < n; b++) {
        if (b !== a && next[b] < target[b] && (best < 0 || txnIndex[b][next[b]] < txnIndex[best][next[best]])) best = b
      }
      if (best < 0) return
      Y.applyUpdate(docs[a], updates[best][next[best]])
      next[best]++
    }
  }
  trace.txns.forEach((txn, index) => {
    const a = txn.agent
    const v = new Array(n).fill(0)
    for (const p of txn.parents) {
      const pv = versions[p]
      for (let b = 0; b < n; b++) if (pv[b] > v[b]) v[b] = pv[b]
    }
    catchUp(a, v)
    const doc = docs[a]
    const text = doc.getText('text')
    let update = null
    const listener = (u) => { update = u }
    doc.on('update', listener)
    doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        if (del > 0) text.delete(pos, del)
        if (ins !== '') text.insert(pos, ins)
      }
    })
    doc.off('update', listener)
    updates[a].push(update === null ? new Uint8Array([0, 0]) : update)
    txnIndex[a].push(index)
    have[a][a] = updates[a].length
    v[a] = updates[a].length
    versions.push(v)
  })
  const all = updates.map(u => u.length)
  for (let a = 0; a < n; a++) catchUp(a, all)
  return docs
}
