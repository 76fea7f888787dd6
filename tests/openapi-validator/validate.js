// node validate.js <openapi.json> — validates the document against the OpenAPI schema and resolves every $ref.
// Prints one JSON line: {"valid":true,"openapi":"3.1.1","paths":N} or {"valid":false,"error":"…"}; exit 0 / 1.
'use strict';
const fs = require('fs');
const SwaggerParser = require('@apidevtools/swagger-parser');

(async () => {
  const file = process.argv[2];
  if (!file) {
    console.log(JSON.stringify({ valid: false, error: 'usage: node validate.js <openapi.json>' }));
    process.exit(2);
  }
  try {
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const api = await SwaggerParser.validate(doc);
    console.log(JSON.stringify({ valid: true, openapi: api.openapi, paths: Object.keys(api.paths || {}).length }));
  } catch (err) {
    console.log(JSON.stringify({ valid: false, error: String(err && err.message || err) }));
    process.exit(1);
  }
})();
