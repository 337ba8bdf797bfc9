import net from 'node:net';
import http from 'node:http';
import { describe, expect, it } from 'vitest';

describe('outbound network guard', () => {
  it('refuses a TCP connection to a public address', () => {
    expect(() => net.connect(443, '93.184.216.34')).toThrow(/outbound network connection/);
  });

  it('refuses fetch to a public host name', async () => {
    await expect(fetch('https://example.com/')).rejects.toThrow(/outbound network connection/);
  });

  it('allows loopback, so local servers can be tested', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    server.close();
    expect(body).toBe('ok');
  });
});
