// Preloaded with `node --import` into a process under test: any connection to a host other than this machine
// fails at once and is reported on stderr, so a test can assert that nothing tried to reach the network.
import net from "node:net";
import dns from "node:dns";

const local = /^(localhost|127\.\d+\.\d+\.\d+|::1|0\.0\.0\.0)$/;

function refuse(host: string): Error {
  process.stderr.write(`offline: blocked connection to ${host}\n`);
  return Object.assign(new Error(`offline: blocked connection to ${host}`), {code: "ENETUNREACH"});
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: any[]) {
  const options = typeof args[0] === "object" && args[0] !== null ? args[0] : {port: args[0], host: args[1]};
  const host = options.path ? "localhost" : String(options.host ?? "localhost");
  if (!local.test(host)) {
    process.nextTick(() => this.destroy(refuse(host)));
    return this;
  }
  return (connect as any).apply(this, args);
} as typeof connect;

const lookup = dns.lookup;
(dns as any).lookup = function (hostname: string, ...rest: any[]) {
  const callback = rest[rest.length - 1];
  if (!local.test(hostname)) return process.nextTick(() => callback(refuse(hostname)));
  return (lookup as any).call(dns, hostname, ...rest);
};
