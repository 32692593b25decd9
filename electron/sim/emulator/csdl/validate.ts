/**
 * Checks a JSON value against a CSDL type the way Graph's OData reader does (OData JSON Format 4.01 and
 * CSDL 4.01 rules), with messages in the OData library's words, so the emulator answers a bad body as
 * Graph would and not as the product's own schema would:
 * - property names: a declared property is checked; an undeclared one is refused on a closed type and kept
 *   as a dynamic property on an open type (every VTC quality type is OpenType="true": Graph accepts a
 *   misspelt metric and drops it from the quality data); `name@annotation` keys are annotations;
 * - nullability: Nullable="false" properties must be present and not null (for a collection: neither the
 *   collection nor its items may be null);
 * - types: Edm.Guid, Edm.Duration (xsd:dayTimeDuration, sign allowed), Edm.Int32/Int64 ranges, Edm.Double
 *   and Edm.Single (also the strings "NaN", "INF", "-INF"), Edm.DateTimeOffset, enum members by name;
 * - `@odata.type`: required where the declared type is abstract, must name a known type derived from the
 *   declared one, and that type must not itself be abstract.
 */
import { allProperties, derivesFrom, type CsdlModel, type CsdlProperty, type CsdlStructuredType } from './model';

export interface CsdlIssue {
  /** e.g. `quality.mediaQualityList[0]["@odata.type"]`; '' is the body itself. */
  path: string;
  message: string;
}

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
/** xsd:dayTimeDuration: at least one component; a `T` needs at least one time component after it. */
const DURATION = /^-?P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
const DATE_TIME_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/;
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
// 2^63 − 1 is not a double: JSON numbers near it round to 2^63, which the check lets through.
const INT64 = { min: -(2 ** 63), max: 2 ** 63 };
const FLOAT_SPECIALS = new Set(['NaN', 'INF', '-INF']);
const ODATA_TYPE = '@odata.type';

/** The body of a bound action: every non-binding parameter by name, unknown names refused. */
export function validateActionBody(model: CsdlModel, actionName: string, body: unknown): CsdlIssue[] {
  const action = model.actions.get(actionName);
  if (!action) throw new Error(`CSDL: no action named ${actionName}`);
  if (!isObject(body)) return [{ path: '', message: `The request payload for the operation '${actionName}' must be a JSON object of its parameters.` }];
  const issues: CsdlIssue[] = [];
  const names = new Set(action.parameters.map((parameter) => parameter.name));
  for (const key of Object.keys(body)) {
    if (!names.has(key) && !key.includes('@')) {
      issues.push({ path: key, message: `The parameter '${key}' in the request payload is not a valid parameter for the operation '${actionName}'.` });
    }
  }
  const missing = action.parameters.filter((parameter) => !parameter.nullable && body[parameter.name] === undefined).map((parameter) => parameter.name);
  if (missing.length > 0) {
    issues.push({ path: '', message: `One or more parameters of the operation '${actionName}' are missing from the request payload. The missing parameters are: ${missing.join(', ')}.` });
  }
  for (const parameter of action.parameters) {
    if (body[parameter.name] !== undefined) issues.push(...checkProperty(model, parameter, body[parameter.name], parameter.name));
  }
  return issues;
}

/** A value (an entity or complex value) of the named structured type. */
export function validateStructured(model: CsdlModel, typeName: string, value: unknown, path = ''): CsdlIssue[] {
  return checkValue(model, typeName, false, value, path);
}

function checkProperty(model: CsdlModel, property: CsdlProperty, value: unknown, path: string): CsdlIssue[] {
  const expected = `${property.collection ? `Collection(${property.type})` : property.type}[Nullable=False]`;
  if (value === null) {
    if (property.collection || !property.nullable) {
      return [{ path, message: `A null value was found for the property named '${property.name}', which has the expected type '${expected}'. The expected type '${expected}' does not allow null values.` }];
    }
    return [];
  }
  if (!property.collection) return checkValue(model, property.type, property.nullable, value, path);
  if (!Array.isArray(value)) {
    return [{ path, message: `A value of the property '${property.name}' must be a JSON array: its type is 'Collection(${property.type})'.` }];
  }
  return value.flatMap((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (item === null && !property.nullable) {
      return [{ path: itemPath, message: `A null value was found in the collection '${property.name}', whose items have the type '${property.type}[Nullable=False]'.` }];
    }
    return item === null ? [] : checkValue(model, property.type, property.nullable, item, itemPath);
  });
}

function checkValue(model: CsdlModel, typeName: string, nullable: boolean, value: unknown, path: string): CsdlIssue[] {
  if (value === null) return nullable ? [] : [{ path, message: `A null value was found where a value of type '${typeName}[Nullable=False]' was expected.` }];
  if (typeName.startsWith('Edm.')) return checkPrimitive(typeName, value, path);
  const enumType = model.enums.get(typeName);
  if (enumType) {
    return typeof value === 'string' && enumType.members.includes(value)
      ? []
      : [{ path, message: `The value '${String(value)}' is not a valid member of the enumeration type '${typeName}'.` }];
  }
  const declared = model.structured.get(typeName);
  if (!declared) throw new Error(`CSDL: type ${typeName} is not in the model`);
  return checkStructured(model, declared, value, path);
}

function checkStructured(model: CsdlModel, declared: CsdlStructuredType, value: unknown, path: string): CsdlIssue[] {
  if (!isObject(value)) return [{ path, message: `A value of type '${declared.name}' must be a JSON object; found ${describe(value)}.` }];
  const typePath = joinPath(path, ODATA_TYPE);
  let actual = declared;
  const annotated = value[ODATA_TYPE];
  if (annotated !== undefined) {
    const name = typeof annotated === 'string' && annotated.startsWith('#') ? annotated.slice(1) : undefined;
    const found = name === undefined ? undefined : model.structured.get(name);
    if (!found) return [{ path: typePath, message: `A type named '${String(annotated)}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.` }];
    if (!derivesFrom(model, found, declared.name)) {
      return [{ path: typePath, message: `An incompatible type '${found.name}' was found; the expected type is '${declared.name}' or a type derived from it.` }];
    }
    actual = found;
  }
  if (actual.abstract) {
    const message = annotated === undefined
      ? `The type '${actual.name}' is abstract: the value needs an '${ODATA_TYPE}' naming one of its derived types.`
      : `The type '${actual.name}' is abstract and cannot be instantiated; name one of its derived types.`;
    return [{ path: typePath, message }];
  }

  const issues: CsdlIssue[] = [];
  const properties = allProperties(model, actual);
  for (const key of Object.keys(value)) {
    if (properties.has(key) || key.includes('@') || actual.openType) continue;
    issues.push({ path: joinPath(path, key), message: `The property '${key}' does not exist on type '${actual.name}'. Make sure to only use property names that are defined by the type.` });
  }
  for (const property of properties.values()) {
    const propertyValue = value[property.name];
    const propertyPath = joinPath(path, property.name);
    if (propertyValue === undefined) {
      if (!property.nullable) issues.push({ path: propertyPath, message: `The property '${property.name}' of type '${actual.name}' is required (Nullable="false") but was not found.` });
      continue;
    }
    issues.push(...checkProperty(model, property, propertyValue, propertyPath));
  }
  return issues;
}

function checkPrimitive(typeName: string, value: unknown, path: string): CsdlIssue[] {
  const refuse = (): CsdlIssue[] => [{ path, message: `Cannot convert the literal '${literal(value)}' to the expected type '${typeName}'.` }];
  switch (typeName) {
    case 'Edm.String':
      return typeof value === 'string' ? [] : refuse();
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? [] : refuse();
    case 'Edm.Guid':
      return typeof value === 'string' && GUID.test(value) ? [] : refuse();
    case 'Edm.Duration':
      return typeof value === 'string' && DURATION.test(value) ? [] : refuse();
    case 'Edm.DateTimeOffset':
      return typeof value === 'string' && DATE_TIME_OFFSET.test(value) && !Number.isNaN(Date.parse(value)) ? [] : refuse();
    case 'Edm.Int32':
      return inRange(value, INT32) ? [] : refuse();
    case 'Edm.Int64':
      return inRange(value, INT64) ? [] : refuse();
    case 'Edm.Double':
    case 'Edm.Single':
    case 'Edm.Decimal':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeName !== 'Edm.Decimal' && typeof value === 'string' && FLOAT_SPECIALS.has(value)) ? [] : refuse();
    default:
      throw new Error(`CSDL: primitive type ${typeName} is not supported by the emulator`);
  }
}

function inRange(value: unknown, range: { min: number; max: number }): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** `a.b[0]["@odata.type"]`: identifiers joined with dots, other keys quoted in brackets. */
function joinPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
