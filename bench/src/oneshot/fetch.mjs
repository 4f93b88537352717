// The one-shot GET with Node's global fetch, configured like maxcli (MAX_SERVER, MAX_USERNAME, MAX_TOKEN).
const username = process.env.MAX_USERNAME ?? ''
const path = process.argv[2] ?? `/people/${encodeURIComponent(username)}`
const res = await fetch(`${process.env.MAX_SERVER}${path}`, {
  headers: {
    accept: 'application/json',
    'x-oauth-token': process.env.MAX_TOKEN ?? '',
    'x-oauth-username': username,
    'x-oauth-scope': 'widgetcli',
  },
})
process.stdout.write(`${JSON.stringify(await res.json(), null, 2)}\n`)
if (res.status !== 200) process.exitCode = 1
