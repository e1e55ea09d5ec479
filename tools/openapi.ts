import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { generateOpenApiDocument } from '../apps/api/src/openapi';

/** The committed contract, and the portal's types generated from it. */
export const OPENAPI_JSON = join(__dirname, '..', 'apps/api/openapi.json');
export const SCHEMA_TYPES = join(__dirname, '..', 'apps/web/src/api/schema.d.ts');

const TYPES_BANNER = '/**\n * Generated from apps/api/openapi.json by `npm run openapi` (openapi-typescript). Do not edit.\n */\n\n';

/** Both files' exact text, rendered from the code as it is now. */
export async function renderContract(): Promise<{ json: string; types: string }> {
  const document = await generateOpenApiDocument();
  const json = `${JSON.stringify(document, null, 2)}\n`;
  const types = TYPES_BANNER + astToString(await openapiTS(JSON.parse(json) as OpenAPI3));
  return { json, types };
}

async function main() {
  const { json, types } = await renderContract();
  writeFileSync(OPENAPI_JSON, json);
  mkdirSync(dirname(SCHEMA_TYPES), { recursive: true });
  writeFileSync(SCHEMA_TYPES, types);
  process.stdout.write(`wrote ${OPENAPI_JSON} and ${SCHEMA_TYPES}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
