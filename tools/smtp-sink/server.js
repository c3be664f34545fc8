// A real SMTP server for the tests, on loopback. Each accepted message is written to
// <dir>/<time>-<n>.eml (written under a temporary name, then renamed, so a reader never sees half a
// message). Recipients at refuse.invalid are refused with 550, as a relay refuses an unknown address;
// AUTH is optional, and when given only the user "mamori" with the password "relay-secret" is accepted.
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const port = Number(args.port || 2525);
const dir = args.dir || path.join(__dirname, 'mail');
fs.mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  size: 10 * 1024 * 1024,
  onAuth(auth, session, callback) {
    if (auth.username === 'mamori' && auth.password === 'relay-secret') return callback(null, { user: auth.username });
    return callback(new Error('535 5.7.8 Authentication credentials invalid'));
  },
  onRcptTo(address, session, callback) {
    if (address.address.toLowerCase().endsWith('@refuse.invalid')) {
      const err = new Error('5.1.1 Recipient address rejected: User unknown in relay recipient table');
      err.responseCode = 550;
      return callback(err);
    }
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      count += 1;
      const name = `${Date.now()}-${process.pid}-${count}`;
      const envelope = `X-Envelope-To: ${session.envelope.rcptTo.map((r) => r.address).join(', ')}\r\n`;
      fs.writeFileSync(path.join(dir, `${name}.tmp`), Buffer.concat([Buffer.from(envelope), ...chunks]));
      fs.renameSync(path.join(dir, `${name}.tmp`), path.join(dir, `${name}.eml`));
      callback(null, 'Queued');
    });
  },
});
server.on('error', (e) => console.error('smtp-sink:', e.message));
server.listen(port, '127.0.0.1', () => console.log(`smtp-sink listening on 127.0.0.1:${port}, writing to ${dir}`));
