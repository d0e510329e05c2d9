// Replays editing traces in the reference Yjs and prints one JSON line of figures per trace.
//   node --expose-gc bench.mjs [--runs N] TRACE_DIR name...
// Sequential traces: one document, one transaction per trace txn (per edit for automerge-paper,
// like crdt-benchmarks B4). Concurrent traces: traces.mjs replayConcurrent. TraceBench.java
// runs the same work in Java and prints both side by side.
//   node bench.mjs --apply FILE...
// Applies each file (a v1 update) to a fresh document once and prints how long it took: the
// worst-case updates TraceBench writes.
import * as Y from 'yjs'
import fs from 'node:fs'
import { loadTrace, replayConcurrent, replaySequential } from './traces.mjs'

const args = process.argv.slice(2)
let runs = 3
if (args[0] === '--runs') { runs = Number(args[1]); args.splice(0, 2) }
const gc = () => { if (global.gc) { global.gc(); global.gc() } }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

if (args[0] === '--apply') {
  for (const file of args.slice(1)) {
    const update = new Uint8Array(fs.readFileSync(file))
    const doc = new Y.Doc()
    const t0 = performance.now()
    Y.applyUpdate(doc, update)
    const applyMs = performance.now() - t0
    console.log(JSON.stringify({ file, updateBytes: update.length, applyMs }))
    doc.destroy()
  }
  process.exit(0)
}
const [dir, ...names] = args

for (const name of names) {
  const trace = loadTrace(`${dir}/${name}.json.gz`)
  const concurrent = trace.kind === 'concurrent'
  const replayTimes = []
  const encodeTimes = []
  const applyTimes = []
  let size = 0
  let heap = 0
  let ok = true
  for (let r = 0; r < runs; r++) {
    gc()
    const heapBefore = process.memoryUsage().heapUsed
    let t0 = performance.now()
    const docs = concurrent ? replayConcurrent(trace) : [replaySequential(trace, 1, false)]
    replayTimes.push(performance.now() - t0)
    gc()
    heap = process.memoryUsage().heapUsed - heapBefore
    const doc = docs[0]
    ok = ok && doc.getText('text').toString() === trace.endContent
    t0 = performance.now()
    const update = Y.encodeStateAsUpdate(doc)
    encodeTimes.push(performance.now() - t0)
    size = update.length
    const fresh = new Y.Doc()
    t0 = performance.now()
    Y.applyUpdate(fresh, update)
    applyTimes.push(performance.now() - t0)
    ok = ok && fresh.getText('text').toString() === trace.endContent
    docs.forEach(d => d.destroy())
    fresh.destroy()
  }
  console.log(JSON.stringify({
    name,
    ok,
    runs,
    replayMs: median(replayTimes),
    encodeMs: median(encodeTimes),
    applyMs: median(applyTimes),
    updateBytes: size,
    heapBytes: heap
  }))
}
