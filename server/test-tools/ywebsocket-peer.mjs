// A stock y-websocket client (npm y-websocket + yjs) that the server's interop tests drive.
// Usage: node ywebsocket-peer.mjs SERVER_WS_URL ROOM_ID TOKEN SEED EDITS INTERVAL_MS
// Prints JSON lines: {"event":"synced"}, {"event":"edited"}, {"event":"closed","code":...,"reason":...}
// when the server closes the socket (the provider then reconnects by itself, as it does), and on
// the stdin line "report" {"event":"report","text":...,"clients":[...],"states":{...},"edits":N};
// the stdin line "quit" disconnects and exits.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { createInterface } from 'node:readline'

const [serverUrl, roomId, token, seedArg, editsArg, intervalArg] = process.argv.slice(2)
const seed = Number(seedArg)
const edits = Number(editsArg)
const interval = Number(intervalArg)

// mulberry32: a small seeded generator, so a failing run can be replayed.
let state = seed >>> 0
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const out = (message) => process.stdout.write(JSON.stringify(message) + '\n')

const doc = new Y.Doc()
const text = doc.getText('codemirror')
const provider = new WebsocketProvider(`${serverUrl}/ws/rooms/${roomId}`, 'code', doc, {
  WebSocketPolyfill: WebSocket,
  params: { token },
  disableBc: true
})
provider.awareness.setLocalStateField('user', { name: `node-${seed}` })
provider.on('connection-close', (event) => {
  if (event) out({ event: 'closed', code: event.code, reason: event.reason })
})

const words = ['let ', 'x', ' = ', '42', ';\n', 'if (', ') {', '}\n', 'é', '🙂', 'return ']

function editOnce () {
  const length = text.length
  if (length > 0 && random() < 0.3) {
    const index = Math.floor(random() * length)
    const count = Math.min(length - index, 1 + Math.floor(random() * 4))
    // Never split a surrogate pair: widen the deletion over a whole pair.
    const s = text.toString()
    let from = index
    let to = index + count
    if (from > 0 && isLow(s.charCodeAt(from))) from--
    if (to < s.length && isLow(s.charCodeAt(to))) to++
    text.delete(from, to - from)
  } else {
    const s = text.toString()
    let index = Math.floor(random() * (length + 1))
    if (index > 0 && index < s.length && isLow(s.charCodeAt(index))) index--
    text.insert(index, words[Math.floor(random() * words.length)])
  }
}

function isLow (code) {
  return code >= 0xdc00 && code <= 0xdfff
}

let started = false
let done = 0
provider.on('sync', (synced) => {
  if (!synced || started) return
  started = true
  out({ event: 'synced' })
  const timer = setInterval(() => {
    editOnce()
    if (++done >= edits) {
      clearInterval(timer)
      out({ event: 'edited' })
    }
  }, interval)
})

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'report') {
    out({
      event: 'report',
      text: text.toString(),
      clients: [...provider.awareness.getStates().keys()],
      states: Object.fromEntries(provider.awareness.getStates()),
      clientId: doc.clientID,
      edits: done
    })
  } else if (line === 'quit') {
    provider.destroy()
    process.exit(0)
  }
})
