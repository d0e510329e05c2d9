// Generates yjs-rich-text-fuzz.json (RichTextFuzzTest): two Yjs docs doing random rich-text ops
// (insert with/without attributes, delete, format, embeds) with occasional full-state syncs; each
// run records its ops and the SHA-256 of both documents' encodeStateAsUpdate at the end.
// Run from crdt/test-tools (for the pinned yjs): node ../src/test/resources/io/coderoom/crdt/yjs-rich-text-fuzz.mjs SEED RUNS
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
// resolve yjs from the working directory (crdt/test-tools), not from this file
const Y = createRequire(process.cwd() + '/')('yjs')
let seed = Number(process.argv[2] || 1)
const rnd = () => { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296 }
const pick = a => a[Math.floor(rnd() * a.length)]
const sha = u => createHash('sha256').update(u).digest('hex')
const KEYS = ['bold', 'italic', 'color']
const VALS = [true, null, 'red', { x: 1 }]
// fresh objects per op: Yjs compares object-valued attributes by identity in places
const attrs = () => { const o = {}; const n = Math.floor(rnd() * 3); for (let i = 0; i < n; i++) o[pick(KEYS)] = JSON.parse(JSON.stringify(pick(VALS))); return o }
const runs = []
for (let r = 0; r < Number(process.argv[3] || 40); r++) {
  const docs = [new Y.Doc(), new Y.Doc()]
  docs[0].clientID = 1 + Math.floor(rnd() * 5); docs[1].clientID = 10 + Math.floor(rnd() * 5)
  const ops = []
  for (let i = 0; i < 40; i++) {
    const d = rnd() < 0.5 ? 0 : 1
    const t = docs[d].getText('t')
    const len = t.length
    const k = rnd()
    let op
    if (k < 0.35) op = { d, op: 'insert', index: Math.floor(rnd() * (len + 1)), text: pick(['a', 'bc', 'xyz', '\n', 'é😀']), attrs: rnd() < 0.5 ? attrs() : null }
    else if (k < 0.55 && len > 0) { const index = Math.floor(rnd() * len); op = { d, op: 'delete', index, length: 1 + Math.floor(rnd() * Math.min(4, len - index)) } }
    else if (k < 0.8 && len > 0) { const index = Math.floor(rnd() * len); op = { d, op: 'format', index, length: 1 + Math.floor(rnd() * Math.min(5, len - index)), attrs: attrs() } }
    else if (k < 0.88) op = { d, op: 'embed', index: Math.floor(rnd() * (len + 1)), embed: { img: pick(['a', 'b']) }, attrs: rnd() < 0.5 ? attrs() : null }
    else op = { d, op: 'sync' }
    ops.push(op)
    if (op.op === 'insert') op.attrs ? t.insert(op.index, op.text, op.attrs) : t.insert(op.index, op.text)
    else if (op.op === 'delete') t.delete(op.index, op.length)
    else if (op.op === 'format') t.format(op.index, op.length, op.attrs)
    else if (op.op === 'embed') t.insertEmbed(op.index, op.embed, op.attrs || undefined)
    else { const u0 = Y.encodeStateAsUpdate(docs[0]); const u1 = Y.encodeStateAsUpdate(docs[1]); Y.applyUpdate(docs[0], u1); Y.applyUpdate(docs[1], u0) }
  }
  runs.push({ c0: docs[0].clientID, c1: docs[1].clientID, ops, sha0: sha(Y.encodeStateAsUpdate(docs[0])), sha1: sha(Y.encodeStateAsUpdate(docs[1])) })
}
console.log(JSON.stringify({ seed: Number(process.argv[2] || 1), runs }))
