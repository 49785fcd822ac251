// The ceiling: the post page's exact bytes from a bare node:http server (plain Node, no loader).
// `node bench/baseline-server.mjs <file>` listens on a free 127.0.0.1 port and prints it.
import fs from 'node:fs';
import http from 'node:http';

const body = fs.readFileSync(process.argv[2]);
const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length };

const server = http.createServer((request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
