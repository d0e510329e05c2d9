// Writes golden/golden.json: each scenario of golden/scenarios.mjs with what Yjs makes of it.
//   node gen-golden.mjs          regenerate golden/golden.json
//   node gen-golden.mjs --check  exit 1 if golden/golden.json differs from what this Yjs makes
// GoldenFixtureTest.java replays the scenarios in Java against these bytes (no node needed), and
// GoldenFreshnessTest.java runs --check.
import * as Y from 'yjs'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, newDoc, toB64, transact } from './ops.mjs'
import { scenarios } from './golden/scenarios.mjs'

const ROOTS = { t: 'text', m: 'map', a: 'array' }
const EMPTY_SV = new Uint8Array([0])

function run (scenario) {
  const docs = {}
  for (const [name, d] of Object.entries(scenario.docs)) docs[name] = newDoc(d.clientId, d.gc)
  const emitted = []
  const local = []
  const localByDoc = {}
  for (const name of Object.keys(docs)) localByDoc[name] = []
  for (const step of scenario.steps) {
    if (step.relay) {
      // Deliver the k-th local update of `from` to `to`, in whatever order the steps say.
      const [from, to, k] = step.relay
      const update = localByDoc[from][k]
      docs[to].emitted.length = 0
      Y.applyUpdate(docs[to].doc, update, 'remote')
      emitted.push({ doc: to, updates: docs[to].emitted.map(toB64), synced: toB64(update) })
    } else if (step.sync) {
      const [from, to] = step.sync
      const update = Y.encodeStateAsUpdate(docs[from].doc, Y.encodeStateVector(docs[to].doc))
      docs[to].emitted.length = 0
      Y.applyUpdate(docs[to].doc, update, 'remote')
      emitted.push({ doc: to, updates: docs[to].emitted.map(toB64), synced: toB64(update) })
    } else {
      docs[step.doc].emitted.length = 0
      transact(docs[step.doc].doc, step.ops)
      const updates = docs[step.doc].emitted.map(toB64)
      emitted.push({ doc: step.doc, updates })
      local.push(...docs[step.doc].emitted)
      localByDoc[step.doc].push(...docs[step.doc].emitted)
    }
  }
  const names = Object.keys(docs)
  const final = {}
  for (const name of names) {
    const doc = docs[name].doc
    const stateDiffs = {}
    for (const other of names) stateDiffs[other] = toB64(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(docs[other].doc)))
    final[name] = {
      state: toB64(Y.encodeStateAsUpdate(doc)),
      stateVector: toB64(Y.encodeStateVector(doc)),
      content: describe(doc, ROOTS),
      stateDiffs
    }
  }
  const merged = Y.mergeUpdates(local)
  const diffs = { '': toB64(Y.diffUpdate(merged, EMPTY_SV)) }
  for (const name of names) diffs[name] = toB64(Y.diffUpdate(merged, Y.encodeStateVector(docs[name].doc)))
  // Diffs against state vectors from the middle of the history.
  const half = Y.mergeUpdates(local.slice(0, Math.ceil(local.length / 2)))
  diffs['half'] = toB64(Y.diffUpdate(merged, Y.encodeStateVectorFromUpdate(half)))
  const expected = {
    emitted,
    final,
    merge: {
      inputs: local.map(toB64),
      all: toB64(merged),
      reversed: toB64(Y.mergeUpdates([...local].reverse())),
      pairs: local.slice(1).map((u, i) => toB64(Y.mergeUpdates([local[i], u]))),
      half: toB64(half),
      stateVector: toB64(Y.encodeStateVectorFromUpdate(merged)),
      halfStateVector: toB64(Y.encodeStateVectorFromUpdate(half)),
      diffs
    }
  }
  for (const d of Object.values(docs)) d.doc.destroy()
  return { ...scenario, expected }
}

const file = new URL('./golden/golden.json', import.meta.url)
const versions = JSON.parse(readFileSync(new URL('./node_modules/yjs/package.json', import.meta.url), 'utf8')).version
const text = JSON.stringify({ generator: 'test-tools/gen-golden.mjs', yjs: versions, scenarios: scenarios.map(run) }, null, 1) + '\n'
if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8')
  if (current !== text) {
    console.error('golden/golden.json is stale: run `node gen-golden.mjs` in crdt/test-tools')
    process.exit(1)
  }
  console.log('golden/golden.json is up to date')
} else {
  writeFileSync(file, text)
  console.log('wrote golden/golden.json with ' + scenarios.length + ' scenarios')
}
