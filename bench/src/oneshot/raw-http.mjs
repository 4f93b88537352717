// The one-shot floor: a script that does one authenticated GET with node:http and prints the body,
// configured the way maxcli is (MAX_SERVER, MAX_USERNAME, MAX_TOKEN).
import http from 'node:http'

const server = new URL(process.env.MAX_SERVER ?? '')
const username = process.env.MAX_USERNAME ?? ''
const path = process.argv[2] ?? `/people/${encodeURIComponent(username)}`
const req = http.get(
  {
    host: server.hostname,
    port: server.port,
    path,
    headers: {
      accept: 'application/json',
      'x-oauth-token': process.env.MAX_TOKEN ?? '',
      'x-oauth-username': username,
      'x-oauth-scope': 'widgetcli',
    },
  },
  (res) => {
    /** @type {Buffer[]} */
    const chunks = []
    res.on('data', (chunk) => chunks.push(chunk))
    res.on('end', () => {
      process.stdout.write(`${JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')), null, 2)}\n`)
      if (res.statusCode !== 200) process.exitCode = 1
    })
  },
)
req.on('error', (error) => {
  process.stderr.write(`${error.message}\n`)
  process.exitCode = 1
})
