// Hocuspocus 3 with no extensions (in memory, no auth hook), for the sync benchmark.
// Usage: PORT=1235 node hocuspocus.mjs
import { Server } from '@hocuspocus/server'

const server = new Server({ port: Number(process.env.PORT ?? 1235), address: '127.0.0.1', quiet: true })
await server.listen()
console.log(`hocuspocus listening on 127.0.0.1:${server.configuration.port}`)
