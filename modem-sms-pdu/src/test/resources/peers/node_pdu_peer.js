// Independent peer for the PDU codec tests: npm's node-pdu (found through NODE_PATH).
// stdin, first line a command:
//   decode      then one hex PDU (SMSC prefix first) per line
//   encode N    then one line: the text as hex of its UTF-8 (N = number); SMSC left empty
// stdout: for decode one 'PART key=value ...' line per PDU; for encode one hex PDU per line.
'use strict';
const pdu = require('node-pdu');

const h = (text) => Buffer.from(text || '', 'utf8').toString('hex');
const lines = require('fs').readFileSync(0, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
const command = lines[0].split(' ');

if (command[0] === 'decode') {
  for (const line of lines.slice(1)) {
    const message = pdu.parse(line);
    const header = message.data.parts[0].header;
    const type = message instanceof pdu.Deliver ? 'Deliver' : message instanceof pdu.Submit ? 'Submit' : 'Other';
    const ref = header ? header.getPointer() : -1;
    const part = header ? header.getCurrent() : -1;
    const all = header ? header.getSegments() : -1;
    const time = message instanceof pdu.Deliver ? message.serviceCenterTimeStamp.getIsoString() : '-';
    console.log(`PART type=${type} number=${h(message.address.phone)} text=${h(message.data.getText())} ref=${ref} part=${part} all=${all} time=${time}`);
  }
} else if (command[0] === 'encode') {
  const text = Buffer.from(lines[1], 'hex').toString('utf8');
  for (const part of new pdu.Submit(command[1], text).getPartStrings()) {
    console.log(part.toUpperCase());
  }
} else {
  console.error('unknown command ' + command[0]);
  process.exit(2);
}
