// Starts CongoDB on 127.0.0.1:PORT (argv[2]) with in-memory storage; prints "ready" once listening.
// The deep import avoids smartmongo's index, which would load mongodb-memory-server (it downloads mongod).
import * as congodb from '@push.rocks/smartmongo/dist_ts/congodb/index.js';

const port = Number(process.argv[2] ?? 27117);
const server = new congodb.CongoServer({ port, host: '127.0.0.1', storage: 'memory' });
await server.start();
console.log(`ready mongodb://127.0.0.1:${port}/?directConnection=true`);
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
