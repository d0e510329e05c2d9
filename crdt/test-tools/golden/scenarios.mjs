// Scripted histories for the golden fixtures. gen-golden.mjs runs them through Yjs and writes
// golden.json; GoldenFixtureTest.java runs the same steps in Java and compares bytes.
//
// A scenario: docs (name -> client id and gc flag) and steps, each either a transaction
// { doc, ops } (ops in the test-tools/ops.mjs format) or a sync { sync: [from, to] }, which
// applies from's state diffed against to's state vector to `to`, or a relay { relay: [from, to, k] },
// which applies the k-th local update of `from` to `to` (out of order: pending structs / deletes).

const T = (name = 't', path) => ({ type: 'text', name, ...(path ? { path } : {}) })
const M = (name = 'm', path) => ({ type: 'map', name, ...(path ? { path } : {}) })
const A = (name = 'a', path) => ({ type: 'array', name, ...(path ? { path } : {}) })
const ins = (target, index, text, attrs) => ({ op: 'insertText', target, index, text, ...(attrs ? { attrs } : {}) })
const del = (target, index, length) => ({ op: 'deleteText', target, index, length })
const fmt = (target, index, length, attrs) => ({ op: 'formatText', target, index, length, attrs })
const embed = (target, index, value, attrs) => ({ op: 'insertEmbed', target, index, value, ...(attrs ? { attrs } : {}) })
const set = (target, key, value) => ({ op: 'mapSet', target, key, value })
const unset = (target, key) => ({ op: 'mapDelete', target, key })
const ains = (target, index, values) => ({ op: 'arrayInsert', target, index, values })
const push = (target, values) => ({ op: 'arrayPush', target, values })
const adel = (target, index, length) => ({ op: 'arrayDelete', target, index, length })
const tx = (doc, ...ops) => ({ doc, ops })
const sync = (from, to) => ({ sync: [from, to] })
const relay = (from, to, k) => ({ relay: [from, to, k] })
const one = (clientId, gc = true) => ({ a: { clientId, gc } })

export const scenarios = [
  {
    name: 'ascii-typing-and-deletes',
    docs: one(1),
    steps: [
      tx('a', ins(T(), 0, 'Hello World')),
      tx('a', ins(T(), 5, ',')),
      tx('a', del(T(), 0, 1), ins(T(), 0, 'J')),
      tx('a', ins(T(), 12, '!')),
      tx('a', del(T(), 3, 5)),
      tx('a', ins(T(), 13 - 5, ' again')),
      tx('a', del(T(), 0, 2))
    ]
  },
  {
    name: 'ascii-typing-one-char-per-transaction',
    docs: one(7),
    steps: [...'the quick brown fox'].map((c, i) => tx('a', ins(T(), i, c)))
      .concat([tx('a', del(T(), 4, 6)), tx('a', ins(T(), 4, 'slow ')), tx('a', del(T(), 0, 4))])
  },
  {
    name: 'emoji-and-surrogate-pairs',
    docs: one(2),
    steps: [
      tx('a', ins(T(), 0, 'a😀b👍🏽c中é')),
      tx('a', del(T(), 1, 2)),
      tx('a', ins(T(), 3, '🚀🚀')),
      // Inside a surrogate pair: Yjs splits the pair and replaces the halves with U+FFFD.
      tx('a', ins(T(), 4, 'x')),
      tx('a', del(T(), 7, 1)),
      tx('a', ins(T(), 0, '💡'))
    ]
  },
  {
    name: 'deleted-content-without-gc',
    docs: one(3, false),
    steps: [
      tx('a', ins(T(), 0, 'abcdefghijklmnopqrstuvwxyz')),
      tx('a', del(T(), 2, 10)),
      tx('a', set(M(), 'x', 1), set(M(), 'x', 'two'), set(M(), 'y', { $yText: 'nested' })),
      tx('a', unset(M(), 'y')),
      tx('a', ains(A(), 0, [1, 2, 3, 'four', { five: 5 }])),
      tx('a', adel(A(), 1, 3))
    ]
  },
  {
    name: 'gc-deleted-content',
    docs: one(4, true),
    steps: [
      tx('a', ins(T(), 0, 'abcdefghijklmnopqrstuvwxyz')),
      tx('a', del(T(), 2, 10)),
      tx('a', set(M(), 'x', 1), set(M(), 'x', 'two'), set(M(), 'y', { $yText: 'nested' })),
      tx('a', ins(M('m', ['y']), 6, ' text')),
      tx('a', unset(M(), 'y')),
      tx('a', ains(A(), 0, [1, 2, 3, 'four', { five: 5 }])),
      tx('a', adel(A(), 1, 3)),
      tx('a', set(M(), 'z', { $yArray: [{ $yMap: { k: 'v' } }] })),
      tx('a', set(M(), 'z', null))
    ]
  },
  {
    name: 'map-overwrites-and-value-kinds',
    docs: one(5),
    steps: [
      tx('a', set(M(), 'k', 0), set(M(), 'k', 42), set(M(), 'k', -42)),
      tx('a', set(M(), 'k', 2147483647), set(M(), 'big', 2147483648), set(M(), 'neg', -4294967296)),
      tx('a', set(M(), 'f32', 0.5), set(M(), 'f64', 0.1), set(M(), 'max', 9007199254740991)),
      tx('a', set(M(), 's', ''), set(M(), 's', 'str'), set(M(), 'bool', true), set(M(), 'bool', false)),
      tx('a', set(M(), 'null', null), set(M(), 'undef', { $undefined: true })),
      tx('a', set(M(), 'arr', [1, 'two', [3], { four: 4 }]), set(M(), 'obj', { a: { b: { c: [null, true] } } })),
      tx('a', set(M(), 'bytes', { $bytes: 'AAEC/w==' }), set(M(), 'empty', { $bytes: '' })),
      tx('a', unset(M(), 'k'), unset(M(), 'null'), set(M(), 'k', 'back')),
      tx('a', unset(M(), 'missing'))
    ]
  },
  {
    name: 'nested-types',
    docs: one(6),
    steps: [
      tx('a', set(M(), 'text', { $yText: 'hi' }), set(M(), 'list', { $yArray: [1, { $yMap: { inner: { $yArray: ['x'] } } }] })),
      tx('a', ins(M('m', ['text']), 2, ' there'), del(M('m', ['text']), 0, 1)),
      tx('a', ains(M('m', ['list']), 1, ['y', { $yText: 'deep' }])),
      tx('a', ins(M('m', ['list', 2]), 4, 'er')),
      tx('a', set(M('m', ['list', 3]), 'added', { $yMap: {} })),
      tx('a', push(M('m', ['list', 3, 'inner']), ['z', { $yText: '' }])),
      tx('a', ains(A(), 0, [{ $yArray: [] }, { $yMap: { t: { $yText: 'x' } } }])),
      tx('a', adel(M('m', ['list']), 0, 2))
    ]
  },
  {
    name: 'array-operations',
    docs: one(8),
    steps: [
      tx('a', ains(A(), 0, [1, 2, 3])),
      tx('a', ains(A(), 3, [4, 5]), ains(A(), 0, [0])),
      tx('a', push(A(), ['end', null, true])),
      tx('a', adel(A(), 1, 4)),
      tx('a', ains(A(), 2, [{ $bytes: 'AQID' }, [1, [2]], { o: 1 }])),
      tx('a', adel(A(), 0, 1), adel(A(), 2, 2)),
      tx('a', ains(A(), 1, ['x', 'y']))
    ]
  },
  {
    name: 'two-clients-concurrent',
    docs: { a: { clientId: 2, gc: true }, b: { clientId: 1, gc: true } },
    steps: [
      tx('a', ins(T(), 0, 'shared')),
      sync('a', 'b'),
      // Concurrent inserts at the same place: Yjs orders them by client id.
      tx('a', ins(T(), 6, ' from a')),
      tx('b', ins(T(), 6, ' from b')),
      tx('a', set(M(), 'who', 'a'), ains(A(), 0, ['a1'])),
      tx('b', set(M(), 'who', 'b'), ains(A(), 0, ['b1'])),
      tx('b', del(T(), 0, 3)),
      sync('a', 'b'),
      sync('b', 'a'),
      tx('a', ins(T(), 0, '>'))
    ]
  },
  {
    name: 'three-clients-partial-sync',
    docs: { a: { clientId: 10, gc: true }, b: { clientId: 20, gc: false }, c: { clientId: 30, gc: true } },
    steps: [
      tx('a', ins(T(), 0, 'aaa')),
      tx('b', ins(T(), 0, 'bbb')),
      sync('a', 'c'),
      tx('c', ins(T(), 1, 'c'), set(M(), 'c', 1)),
      sync('c', 'b'),
      tx('b', del(T(), 0, 4)),
      tx('a', del(T(), 1, 1)),
      sync('b', 'a'),
      sync('a', 'c'),
      sync('c', 'b')
    ]
  },
  {
    name: 'large-client-ids',
    docs: { a: { clientId: 4294967295, gc: true }, b: { clientId: 2147483648, gc: true } },
    steps: [
      tx('a', ins(T(), 0, 'max')),
      tx('b', ins(T(), 0, 'half')),
      sync('a', 'b'),
      sync('b', 'a'),
      tx('a', ins(T(), 3, '-'), set(M(), 'id', 4294967295))
    ]
  },
  {
    name: 'out-of-order-delivery-and-pending',
    docs: { a: { clientId: 11, gc: true }, b: { clientId: 12, gc: true }, c: { clientId: 13, gc: false } },
    steps: [
      tx('a', ins(T(), 0, 'one ')),
      tx('a', ins(T(), 4, 'two '), set(M(), 'k', 1)),
      tx('a', del(T(), 0, 2), ains(A(), 0, ['x'])),
      tx('a', ins(T(), 2, 'three'), set(M(), 'k', 2)),
      // b sees a's updates backwards: each waits for its predecessors as pending structs / deletes.
      relay('a', 'b', 3),
      relay('a', 'b', 2),
      tx('b', ins(T(), 0, 'b')),
      relay('a', 'b', 3),
      relay('a', 'b', 1),
      relay('a', 'b', 0),
      // c gets only the deletes' update first, then the rest.
      relay('a', 'c', 2),
      relay('b', 'c', 0),
      sync('a', 'c'),
      sync('c', 'b')
    ]
  },
  {
    name: 'formatted-text',
    docs: one(9),
    steps: [
      tx('a', ins(T(), 0, 'bold plain italic')),
      tx('a', fmt(T(), 0, 4, { bold: true })),
      tx('a', fmt(T(), 11, 6, { italic: true, color: '#f00' })),
      tx('a', ins(T(), 4, '!', { bold: true })),
      tx('a', fmt(T(), 2, 6, { bold: null })),
      tx('a', embed(T(), 3, { image: 'cat.png' })),
      tx('a', del(T(), 0, 2)),
      tx('a', ins(T(), 0, 'H', { header: 1 }))
    ]
  }
]
