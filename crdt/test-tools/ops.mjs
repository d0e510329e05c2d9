// Operations on Yjs documents, shared by the long-lived harness (harness.mjs) and the golden
// fixture generator (gen-golden.mjs). The Java side mirrors every rule here in
// src/test/java/io/coderoom/crdt/compat/JavaOps.java; keep the two in step.
import * as Y from 'yjs'

export const toB64 = (u8) => Buffer.from(u8).toString('base64')
export const fromB64 = (s) => new Uint8Array(Buffer.from(s, 'base64'))

/**
 * A target names a shared type: a root (`type` + `name`) and an optional `path` of map keys
 * (strings) and array indexes (numbers) leading to a nested type.
 */
export function resolve (doc, target) {
  const t = tryResolve(doc, target)
  if (t === null) throw new Error('path ' + JSON.stringify(target.path) + ' does not lead to a ' + (target.kind || 'shared type'))
  return t
}

/**
 * Like resolve, but returns null when a path step is not a shared type, or when `target.kind`
 * ("text", "map", "array") is given and the type found is of another kind.
 */
export function tryResolve (doc, target) {
  let t
  switch (target.type) {
    case 'text': t = doc.getText(target.name); break
    case 'map': t = doc.getMap(target.name); break
    case 'array': t = doc.getArray(target.name); break
    default: throw new Error('unknown root type ' + target.type)
  }
  for (const step of target.path || []) {
    if (typeof step === 'number' && !(t instanceof Y.Array && step < t.length)) return null
    if (typeof step === 'string' && !(t instanceof Y.Map)) return null
    const next = t.get(step)
    if (!(next instanceof Y.AbstractType)) return null
    t = next
  }
  if (target.kind === 'text' && !(t instanceof Y.Text)) return null
  if (target.kind === 'map' && !(t instanceof Y.Map)) return null
  if (target.kind === 'array' && !(t instanceof Y.Array)) return null
  return t
}

/** Turns a JSON value from the wire into a value Yjs stores. */
export function toYValue (v) {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(toYValue)
  if ('$bytes' in v) return fromB64(v.$bytes)
  if ('$undefined' in v) return undefined
  if ('$yText' in v) {
    const t = new Y.Text()
    if (v.$yText !== '') t.insert(0, v.$yText)
    return t
  }
  if ('$yMap' in v) {
    const m = new Y.Map()
    for (const [k, x] of Object.entries(v.$yMap)) m.set(k, toYValue(x))
    return m
  }
  if ('$yArray' in v) {
    const a = new Y.Array()
    a.insert(0, v.$yArray.map(toYValue))
    return a
  }
  const o = {}
  for (const [k, x] of Object.entries(v)) o[k] = toYValue(x)
  return o
}

/** Canonical JSON view of a document's content; JavaOps.describe produces the same shape. */
export function describeValue (v) {
  if (v instanceof Y.Text) return { $text: v.toDelta().map(d => d.attributes ? { insert: describeValue(d.insert), attributes: d.attributes } : { insert: describeValue(d.insert) }) }
  if (v instanceof Y.Map) {
    const o = {}
    for (const k of [...v.keys()].sort()) o[k] = describeValue(v.get(k))
    return { $map: o }
  }
  if (v instanceof Y.Array) return { $array: v.toArray().map(describeValue) }
  if (v instanceof Uint8Array) return { $bytes: toB64(v) }
  if (v === undefined) return { $undefined: true }
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(describeValue)
  const o = {}
  for (const k of Object.keys(v).sort()) o[k] = describeValue(v[k])
  return o
}

export function describe (doc, roots) {
  const out = {}
  for (const name of Object.keys(roots).sort()) out[name] = describeValue(resolve(doc, { type: roots[name], name }))
  return out
}

/** Length of a sequence type in its own units (UTF-16 code units for text). */
const seqLength = (t) => t.length

/**
 * `index` is exact; `rand` (a non-negative integer) picks `rand % (length + 1)` for inserts and
 * `rand % length` for deletes, so a driver can script random edits without reading the state.
 * Returns false when a random delete found nothing to delete.
 */
function insertIndex (t, op) {
  return op.index !== undefined ? op.index : op.rand % (seqLength(t) + 1)
}

function deleteRange (t, op) {
  if (op.index !== undefined) return [op.index, op.length]
  const len = seqLength(t)
  if (len === 0) return null
  const index = op.rand % len
  return [index, Math.min(op.rlen, len - index)]
}

/** Applies one op. With `ifExists`, an op whose target does not resolve is skipped. */
export function applyOp (doc, op) {
  const t = op.ifExists ? tryResolve(doc, op.target) : resolve(doc, op.target)
  if (t === null) return
  switch (op.op) {
    case 'insertText':
      t.insert(insertIndex(t, op), op.text, op.attrs || undefined)
      return
    case 'deleteText': {
      const r = deleteRange(t, op)
      if (r !== null && r[1] > 0) t.delete(r[0], r[1])
      return
    }
    case 'formatText': {
      const r = deleteRange(t, op)
      if (r !== null && r[1] > 0) t.format(r[0], r[1], op.attrs)
      return
    }
    case 'insertEmbed':
      t.insertEmbed(insertIndex(t, op), toYValue(op.value), op.attrs || undefined)
      return
    case 'mapSet':
      t.set(op.key, toYValue(op.value))
      return
    case 'mapDelete':
      t.delete(op.key)
      return
    case 'arrayInsert':
      t.insert(insertIndex(t, op), op.values.map(toYValue))
      return
    case 'arrayPush':
      t.push(op.values.map(toYValue))
      return
    case 'arrayDelete': {
      const r = deleteRange(t, op)
      if (r !== null && r[1] > 0) t.delete(r[0], r[1])
      return
    }
    default:
      throw new Error('unknown op ' + op.op)
  }
}

/** A document plus the v1 updates its transactions emitted (and their origins), oldest first. */
export function newDoc (clientId, gc) {
  const doc = new Y.Doc({ gc: gc !== false })
  doc.clientID = clientId
  const emitted = []
  const origins = []
  doc.on('update', (u, origin) => { emitted.push(u); origins.push(origin) })
  return { doc, emitted, origins }
}

export function transact (doc, ops) {
  doc.transact(() => {
    for (const op of ops) applyOp(doc, op)
  })
}
