// The official Node `bandwidth-sdk` against `telhook emulate`, run by hand (npm needed; not
// part of `cargo test`). It backs the README's "npm bandwidth-sdk 8.1.4 works against it
// unchanged":
//
//   mkdir -p /tmp/bwnode && cd /tmp/bwnode && npm init -y && npm install bandwidth-sdk@8.1.4
//   telhook listen &                                      # the app's stand-in, port 5000
//   telhook emulate --provider bandwidth --api-auth user:pass --seed 1 &
//   NODE_PATH=/tmp/bwnode/node_modules node tests/sdk/bandwidth-node.js http://127.0.0.1:4010
//
// It prints what the SDK got for each call and exits 1 if any answer is not what the SDK's
// models allow. The routing probes show that a configured `basePath` wins over `serverIndex`
// (the variants without one go to messaging.bandwidth.com and fail offline, as they should).
'use strict';
const { Configuration, MessagesApi, MessageStatusEnum, ListMessageDirectionEnum,
        MessageTypeEnum, MessageDirectionEnum, PriorityEnum } = require('bandwidth-sdk');
const axios = require('axios');

const EMU = (process.argv[2] || process.env.EMU || '').replace(/\/+$/, '');
if (!EMU) { console.error('usage: node trial.js http://127.0.0.1:PORT'); process.exit(2); }
const BASE = EMU + '/api/v2';
const ACCOUNT = '9900000';
const APP = '93de2206-9669-4e07-948d-329f4b722ee2';
const FROM = '+19195551234';
const TIMEOUT = { timeout: 8000 };
let problems = 0;

const show = (label, x) => console.log(`\n== ${label}\n` + (typeof x === 'string' ? x : JSON.stringify(x, null, 2)));
const problem = (msg) => { problems++; console.log('  !! ' + msg); };

// Conformance of a parsed body with the SDK's models (models/*.ts): type per field, enum values.
const enumOf = (e) => ({ enum: Object.values(e) });
const MESSAGE = { id: 'string', owner: 'string', applicationId: 'string', time: 'string', segmentCount: 'number',
  direction: enumOf(MessageDirectionEnum), to: 'array', from: 'string', media: 'array', text: 'string', tag: 'string',
  priority: enumOf(PriorityEnum), expiration: 'string' };
const ITEM = { messageId: 'string', accountId: 'string', sourceTn: 'string', destinationTn: 'string',
  messageStatus: enumOf(MessageStatusEnum), messageDirection: enumOf(ListMessageDirectionEnum),
  messageType: enumOf(MessageTypeEnum), segmentCount: 'number', errorCode: 'number', receiveTime: 'string',
  carrierName: 'string?', messageSize: 'number?', messageLength: 'number', attachmentCount: 'number?',
  recipientCount: 'number?', campaignClass: 'string?', campaignId: 'string?', bwLatency: 'number?',
  carrierLatency: 'number?', callingNumberCountryA3: 'string?', calledNumberCountryA3: 'string?',
  product: 'string?', location: 'string?' };
const PAGEINFO = { prevPage: 'string', nextPage: 'string', prevPageToken: 'string', nextPageToken: 'string' };
const LIST = { totalCount: 'number', pageInfo: PAGEINFO, messages: ['array', ITEM] };
const ERR = { type: 'string', description: 'string' };
const CREATE_ERR = { type: 'string', description: 'string', fieldErrors: ['array', { fieldName: 'string', description: 'string' }] };

function conform(where, v, schema, required = []) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return problem(`${where}: not an object: ${JSON.stringify(v)}`);
  for (const r of required) if (!(r in v)) problem(`${where}.${r}: required field missing`);
  for (const [k, val] of Object.entries(v)) {
    const t = schema[k];
    const at = `${where}.${k}`;
    if (t === undefined) { problem(`${at}: not in the SDK model (extra field): ${JSON.stringify(val)}`); continue; }
    if (typeof t === 'string') {
      const nullable = t.endsWith('?'); const base = t.replace('?', '');
      if (val === null) { if (!nullable) problem(`${at}: null, model type ${base} (not nullable)`); continue; }
      if (base === 'array' ? !Array.isArray(val) : typeof val !== base) problem(`${at}: ${JSON.stringify(val)} is not ${base}`);
    } else if (Array.isArray(t)) {
      if (!Array.isArray(val)) { problem(`${at}: not an array`); continue; }
      val.forEach((x, i) => conform(`${at}[${i}]`, x, t[1]));
    } else if (t.enum) {
      if (!t.enum.includes(val)) problem(`${at}: ${JSON.stringify(val)} not in the SDK enum ${JSON.stringify(t.enum)}`);
    } else conform(at, val, t);
  }
}

function describeError(e) {
  return {
    errorClass: e.constructor && e.constructor.name, isAxiosError: !!e.isAxiosError, message: e.message, code: e.code,
    requestUrl: e.config && (e.config.url), status: e.response && e.response.status,
    contentType: e.response && e.response.headers['content-type'],
    wwwAuthenticate: e.response && e.response.headers['www-authenticate'],
    data: e.response && e.response.data,
  };
}

async function main() {
  // 1. Routing: which URL each Configuration variant actually calls (listMessages: no side effect).
  const variants = [
    ['basePath + serverIndex 1', { basePath: BASE, serverIndex: 1 }],
    ['basePath + serverIndex 0', { basePath: BASE, serverIndex: 0 }],
    ['basePath, no serverIndex', { basePath: BASE }],
    ['no basePath + serverIndex 1', { serverIndex: 1 }],
    ['no basePath + serverIndex 0', { serverIndex: 0 }],
    ['no basePath, no serverIndex', {}],
  ];
  for (const [label, cfg] of variants) {
    const api = new MessagesApi(new Configuration({ ...cfg, username: 'user', password: 'pass', baseOptions: TIMEOUT }));
    try {
      const r = await api.listMessages(ACCOUNT, 'probe-routing');
      show(`routing: ${label}`, { requestUrl: r.config.url, status: r.status, data: r.data });
    } catch (e) { show(`routing: ${label} (error)`, describeError(e)); }
  }

  const cfg = new Configuration({ basePath: BASE, serverIndex: 1, username: 'user', password: 'pass' });
  const api = new MessagesApi(cfg);

  // 2. createMessage: delivered and failed numbers.
  const sent = {};
  for (const to of ['+13125550123', '+13125550190']) {
    try {
      const r = await api.createMessage(ACCOUNT, { applicationId: APP, to: new Set([to]), from: FROM, text: `hello ${to}`, tag: 'trial' });
      show(`createMessage to ${to}`, { requestUrl: r.config.url, status: r.status, contentType: r.headers['content-type'], data: r.data });
      if (r.status !== 202) problem(`status ${r.status}, expected 202`);
      conform('Message', r.data, MESSAGE);
      if (typeof r.data !== 'object') problem('body was not parsed as JSON');
      sent[to] = r.data.id;
    } catch (e) { problem(`createMessage to ${to} threw`); show(`createMessage to ${to} (error)`, describeError(e)); }
  }

  // 3. Settle (control API, not part of the SDK).
  try {
    const r = await axios.post(EMU + '/_telhook/settle', {}, TIMEOUT);
    show('POST /_telhook/settle', { status: r.status, data: r.data });
  } catch (e) { problem('settle failed'); show('settle (error)', describeError(e)); }

  // 4. listMessages by messageId.
  for (const [to, id] of Object.entries(sent)) {
    try {
      const r = await api.listMessages(ACCOUNT, id);
      show(`listMessages messageId=${id} (to ${to})`, { requestUrl: r.config.url, status: r.status, data: r.data });
      conform('MessagesList', r.data, LIST);
      const m = (r.data.messages || [])[0];
      if (!m) problem('no message listed');
      else show('  summary', { messageStatus: m.messageStatus, errorCode: m.errorCode, totalCount: r.data.totalCount });
    } catch (e) { problem(`listMessages ${id} threw`); show(`listMessages ${id} (error)`, describeError(e)); }
  }

  // 5. Wrong credentials: expect 401.
  try {
    const bad = new MessagesApi(new Configuration({ basePath: BASE, serverIndex: 1, username: 'user', password: 'wrong' }));
    const r = await bad.createMessage(ACCOUNT, { applicationId: APP, to: new Set(['+13125550123']), from: FROM, text: 'x' });
    problem(`wrong credentials accepted: ${r.status}`); show('wrong credentials', r.data);
  } catch (e) {
    const d = describeError(e); show('createMessage with wrong password (error)', d);
    if (d.status !== 401) problem(`expected 401, got ${d.status}`);
    if (d.data && typeof d.data === 'object') conform('MessagingRequestError', d.data, ERR, ['type', 'description']);
    else problem(`401 body not JSON: ${JSON.stringify(d.data)}`);
  }

  // 6. Invalid `to`: expect 400 with fieldErrors.
  try {
    const r = await api.createMessage(ACCOUNT, { applicationId: APP, to: new Set(['12345']), from: FROM, text: 'x' });
    problem(`invalid to accepted: ${r.status}`); show('invalid to', r.data);
  } catch (e) {
    const d = describeError(e); show('createMessage with to ["12345"] (error)', d);
    if (d.status !== 400) problem(`expected 400, got ${d.status}`);
    if (d.data && typeof d.data === 'object') {
      conform('CreateMessageRequestError', d.data, CREATE_ERR, ['type', 'description']);
      if (!Array.isArray(d.data.fieldErrors) || !d.data.fieldErrors.length) problem('no fieldErrors');
    } else problem(`400 body not JSON: ${JSON.stringify(d.data)}`);
  }

  // 7. Emulator's own record (control API).
  try {
    const r = await axios.get(EMU + '/_telhook/messages', TIMEOUT);
    show('GET /_telhook/messages', { status: r.status, data: r.data });
  } catch (e) { show('GET /_telhook/messages (error)', describeError(e)); }

  console.log(`\n${problems} problem(s)`);
  process.exitCode = problems ? 1 : 0;
}

main().catch((e) => { console.error(e); process.exit(1); });
