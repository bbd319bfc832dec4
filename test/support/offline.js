// Preloaded with `node --import` into every process under test: any connection to a host other than this machine
// fails at once and is reported on stderr, so a test can assert that nothing tried to reach the network.
// Plain JavaScript because it loads into every child process (npm, Framework, tsx's own), before any TS loader;
// preloading tsx as well made Framework's build hang on its first TypeScript data loader.
import net from "node:net";
import dns from "node:dns";

const local = /^(localhost|127\.\d+\.\d+\.\d+|::1|0\.0\.0\.0)$/;

function refuse(host) {
  process.stderr.write(`offline: blocked connection to ${host}\n`);
  return Object.assign(new Error(`offline: blocked connection to ${host}`), {code: "ENETUNREACH"});
}

// Node calls socket.connect with (options), (port, host) or, internally, one array of normalised arguments.
function target(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === "object" && first !== null) return first.path ? "localhost" : String(first.host ?? "localhost");
  if (typeof first === "string" && !/^\d+$/.test(first)) return "localhost"; // a Unix socket path
  return String(args[1] ?? "localhost");
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const host = target(args);
  if (!local.test(host)) {
    process.nextTick(() => this.destroy(refuse(host)));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  const callback = rest[rest.length - 1];
  if (!local.test(hostname)) return process.nextTick(() => callback(refuse(hostname)));
  return lookup.call(dns, hostname, ...rest);
};
