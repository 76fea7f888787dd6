#!/usr/bin/env node
// A generic SOAP client for the integration tests: it knows nothing of the gateway's code, only the WSDL.
//
//   node call.js <wsdl-url> <operation> '<json args>'
//
// Environment: GW_SECRET (required) and GW_ACCESS_KEY (default project-approval) sign each POST with the
// X-Gw-* headers of specs/security.md. Prints one JSON object on stdout:
//   { "ok": true,  "status": 200, "operations": [...], "result": {...} }
//   { "ok": false, "status": 500, "operations": [...], "fault": { "faultcode", "faultstring", "detail" }, "message" }
'use strict';

const crypto = require('node:crypto');
const soap = require('soap');

const [wsdlUrl, operation, argsJson] = process.argv.slice(2);
if (!wsdlUrl || !operation) {
  console.error('usage: node call.js <wsdl-url> <operation> <json-args>');
  process.exit(2);
}
const accessKey = process.env.GW_ACCESS_KEY || 'project-approval';
const secret = process.env.GW_SECRET;
if (!secret) {
  console.error('GW_SECRET is required');
  process.exit(2);
}

function signatureHeaders(method, url, body) {
  const { pathname, searchParams } = new URL(url);
  const query = [...searchParams.entries()]
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const date = new Date().toUTCString();
  const nonce = crypto.randomBytes(16).toString('hex');
  const digest = crypto.createHash('sha256').update(body).digest('hex');
  const toSign = `${method}\n${pathname}\n${query}\n${accessKey}\n${date}\n${nonce}\n${digest}\n`;
  return {
    'X-Gw-Access-Key': accessKey,
    'X-Gw-Algorithm': 'hmac-sha256',
    'X-Gw-Date': date,
    'X-Gw-Nonce': nonce,
    'X-Gw-Content-SHA256': digest,
    'X-Gw-Signature': crypto.createHmac('sha256', secret).update(toSign).digest('base64'),
  };
}

// The soap package's own HTTP client, with the signature added to every request that has a body.
class SignedHttpClient extends soap.HttpClient {
  request(rurl, data, callback, exheaders, exoptions) {
    if (data) exheaders = { ...(exheaders || {}), ...signatureHeaders('POST', rurl, Buffer.from(data, 'utf8')) };
    return super.request(rurl, data, callback, exheaders, exoptions);
  }
}

async function main() {
  const client = await soap.createClientAsync(wsdlUrl, { httpClient: new SignedHttpClient({}) });
  const description = client.describe();
  const operations = Object.values(description).flatMap((ports) => Object.values(ports).flatMap((ops) => Object.keys(ops)));
  const method = client[`${operation}Async`];
  if (typeof method !== 'function') {
    return { ok: false, operations, message: `operation ${operation} is not in the WSDL` };
  }
  try {
    const [result, rawResponse] = await method.call(client, JSON.parse(argsJson || '{}'));
    return { ok: true, status: 200, operations, result, rawResponse };
  } catch (err) {
    const fault = err.root && err.root.Envelope && err.root.Envelope.Body ? err.root.Envelope.Body.Fault : undefined;
    return {
      ok: false,
      status: err.response ? err.response.status : undefined,
      operations,
      fault,
      message: err.message,
      rawResponse: err.body,
    };
  }
}

main().then(
  (outcome) => process.stdout.write(JSON.stringify(outcome) + '\n'),
  (err) => {
    process.stdout.write(JSON.stringify({ ok: false, message: String(err && err.stack ? err.stack : err) }) + '\n');
    process.exitCode = 1;
  },
);
