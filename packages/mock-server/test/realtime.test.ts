import { describe, expect, it } from 'vitest'
import { CommandLineError, parseCommandLine } from '../src/command.js'
import { createMockHandler, startMockServer } from '../src/index.js'

describe('the amqp option', () => {
  it('is off by default: no broker side, nothing declared or published', async () => {
    expect(createMockHandler().realtime).toBeUndefined()
    const server = await startMockServer()
    expect(server.handler.realtime).toBeUndefined()
    await server.close()
  })

  it('is parsed from --amqp and checked', () => {
    expect(parseCommandLine(['--amqp', 'amqp://127.0.0.1']).amqp).toBe('amqp://127.0.0.1')
    expect(parseCommandLine([]).amqp).toBeUndefined()
    expect(() => parseCommandLine(['--amqp', '127.0.0.1'])).toThrow(CommandLineError)
    expect(() => parseCommandLine(['--amqp', '127.0.0.1'])).toThrow(/amqp:\/\/127\.0\.0\.1/)
  })

  it('rejects a URL that is not amqp(s) with a TypeError naming the fix', () => {
    expect(() => createMockHandler({ amqp: 'http://127.0.0.1' })).toThrow(/amqp:\/\/ or amqps:\/\//)
    expect(() => createMockHandler({ amqp: 'not a url' })).toThrow(/amqp must be a URL/)
  })

  it('fails to start, naming the broker without its password, when RabbitMQ is not there', async () => {
    // Port 9 on loopback: nothing listens (discard), so the connection is refused at once.
    const error = await startMockServer({ amqp: 'amqp://svc:hunter2@127.0.0.1:9' }).catch((e: Error) => e)
    expect(String((error as Error).message)).toMatch(/Cannot connect to RabbitMQ at amqp:\/\/127\.0\.0\.1:9/)
    expect(String((error as Error).message)).not.toContain('hunter2')
  })
})
