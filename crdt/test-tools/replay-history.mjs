// Replays one Java peer's history from a failed ConvergenceTest seed through Yjs, printing the
// updates each step emits, the final content and the encoded state, to compare with Java.
//   node replay-history.mjs ../target/convergence-seed-N.json [peerName]
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import { describe, fromB64, newDoc, toB64, transact } from './ops.mjs'

const histories = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const wanted = process.argv[3]
for (const steps of histories) {
  if (wanted !== undefined && steps[0].newDoc !== wanted) continue
  let d
  for (const s of steps) {
    if (s.newDoc) {
      console.log('PEER ' + s.newDoc + ' client ' + s.clientId + ' gc ' + s.gc)
      d = newDoc(s.clientId, s.gc)
      continue
    }
    d.emitted.length = 0
    if (s.transact) transact(d.doc, s.transact)
    else Y.applyUpdate(d.doc, fromB64(s.applyUpdate), 'remote')
    console.log('STEP ' + JSON.stringify(s).slice(0, 160))
    for (const u of d.emitted) console.log('  EMIT ' + toB64(u))
  }
  console.log('FINAL ' + JSON.stringify(describe(d.doc, { t: 'text', m: 'map', a: 'array' })))
  console.log('STATE ' + toB64(Y.encodeStateAsUpdate(d.doc)))
}
