/** Validators for X API v2 response bodies, built from X's own OpenAPI 2.159 document. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const OPENAPI_PATH = fileURLToPath(new URL('../../../../shared/data/x-api/openapi.json', import.meta.url));
const SCHEMA_ID = 'x-api-openapi-2.159';

type JsonObject = Record<string, unknown>;
interface OpenApiDocument {
  info: { version: string };
  components: { schemas: Record<string, JsonObject> };
}

const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;
const allOfMembers = namesUsedInAllOf(document.components.schemas);
const schemas = Object.fromEntries(
  Object.entries(document.components.schemas).map(([name, schema]) => [name, forbidExtraProperties(schema, allOfMembers.has(name))]),
);

// ajv-formats is CommonJS; its callable sits on .default under NodeNext.
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv };
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const format of ['int32', 'int64', 'double']) ajv.addFormat(format, true);
ajv.addSchema({ $id: SCHEMA_ID, components: { schemas } });

/** The OpenAPI document's version, to make sure the tests read the 2.159 names. */
export const openApiVersion = document.info.version;

const compiled = new Map<string, ValidateFunction>();

/** Errors (empty when valid) of `body` against components/schemas/`name`, extra properties refused. */
export function schemaErrors(name: string, body: unknown): string[] {
  let validate = compiled.get(name);
  if (!validate) {
    if (!document.components.schemas[name]) throw new Error(`no schema ${name} in ${OPENAPI_PATH}`);
    validate = ajv.compile({ $ref: `${SCHEMA_ID}#/components/schemas/${name}` });
    compiled.set(name, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

/** The problem schema X's discriminator maps an error body's `type` to (Problem when unmapped). */
export function problemSchemaFor(body: { type?: string }): string {
  const problem = document.components.schemas.Problem as { discriminator?: { mapping?: Record<string, string> } };
  const ref = body.type === undefined ? undefined : problem.discriminator?.mapping?.[body.type];
  return ref ? (ref.split('/').pop() as string) : 'Problem';
}

/**
 * Adds additionalProperties:false to every object schema that lists properties, so a misspelt field name
 * (e.g. `referenced_tweet`) fails. Schemas combined through allOf are left open, since allOf would then
 * refuse the other members' properties.
 */
function forbidExtraProperties(schema: unknown, open: boolean): JsonObject {
  if (Array.isArray(schema)) return schema.map((item) => forbidExtraProperties(item, false)) as unknown as JsonObject;
  if (!schema || typeof schema !== 'object') return schema as JsonObject;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema as JsonObject)) {
    if (key === 'allOf' && Array.isArray(value)) out[key] = value.map((member) => forbidExtraProperties(member, true));
    else if (key === 'example' || key === 'discriminator') out[key] = value;
    else out[key] = forbidExtraProperties(value, false);
  }
  if (!open && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function namesUsedInAllOf(all: Record<string, JsonObject>): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown, inAllOf: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, inAllOf));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as JsonObject)) {
      if (key === '$ref' && inAllOf && typeof value === 'string') names.add(value.split('/').pop() as string);
      else visit(value, key === 'allOf');
    }
  };
  visit(all, false);
  return names;
}
