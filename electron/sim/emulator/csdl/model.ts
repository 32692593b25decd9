/**
 * Microsoft Graph's CSDL (the fragments in graph-v1.0-fragments.xml, copied byte for byte from
 * ../shared/reference/csdl/) read into a type model the emulator checks bodies and callRecords against.
 * The emulator takes its rules from here and not from the product's zod schemas in shared/graph, so a field
 * the product gets wrong is not silently "right" in its own emulator.
 *
 * The fragments have two namespaces: the loose top-level elements are `microsoft.graph` (alias `graph`),
 * and a <Schema> element holds `microsoft.graph.callRecords`. A type defined twice in the fragments
 * (identity, identitySet: the second copies come from another namespace of the full document) keeps its
 * first definition. `graph.entity`, the base of every entity type, is not in the fragments: it is the
 * `id` key (Edm.String) that every Graph entity has.
 */
import { XMLParser } from 'fast-xml-parser';

export const GRAPH_NAMESPACE = 'microsoft.graph';
const GRAPH_ALIAS = 'graph';

export interface CsdlProperty {
  name: string;
  /** Qualified element type: `Edm.Guid`, `microsoft.graph.teleconferenceDeviceMediaQuality`. */
  type: string;
  collection: boolean;
  /** For a collection, whether its items may be null (CSDL 4.0 §7.2.1); else whether the value may. */
  nullable: boolean;
}

export interface CsdlStructuredType {
  kind: 'complex' | 'entity';
  /** Qualified name, e.g. `microsoft.graph.teleconferenceDeviceVideoQuality`. */
  name: string;
  baseType: string | undefined;
  abstract: boolean;
  openType: boolean;
  /** Declared on this type only; `allProperties` adds the inherited ones. */
  properties: CsdlProperty[];
}

export interface CsdlEnumType {
  name: string;
  members: string[];
}

export interface CsdlAction {
  name: string;
  /** Without the binding parameter: what the request body carries. */
  parameters: CsdlProperty[];
}

export interface CsdlModel {
  structured: ReadonlyMap<string, CsdlStructuredType>;
  enums: ReadonlyMap<string, CsdlEnumType>;
  actions: ReadonlyMap<string, CsdlAction>;
}

type XmlElement = Record<string, unknown>;

const REPEATED = new Set(['ComplexType', 'EnumType', 'EntityType', 'Property', 'NavigationProperty', 'Member', 'Action', 'Function', 'Parameter', 'Schema']);

export function parseCsdl(xml: string): CsdlModel {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => REPEATED.has(name) });
  const document: unknown = parser.parse(xml);
  const root = element(element(document)['Fragments']);
  const structured = new Map<string, CsdlStructuredType>();
  const enums = new Map<string, CsdlEnumType>();
  const actions = new Map<string, CsdlAction>();
  structured.set(`${GRAPH_NAMESPACE}.entity`, {
    kind: 'entity',
    name: `${GRAPH_NAMESPACE}.entity`,
    baseType: undefined,
    abstract: true,
    openType: false,
    properties: [{ name: 'id', type: 'Edm.String', collection: false, nullable: false }],
  });

  const readNamespace = (container: XmlElement, namespace: string): void => {
    for (const [tag, kind] of [['ComplexType', 'complex'], ['EntityType', 'entity']] as const) {
      for (const node of elements(container[tag])) {
        const name = `${namespace}.${text(node, 'Name')}`;
        if (structured.has(name)) continue;
        const properties = [...elements(node['Property']), ...elements(node['NavigationProperty'])].map(property);
        structured.set(name, {
          kind,
          name,
          baseType: node['BaseType'] === undefined ? undefined : qualify(text(node, 'BaseType')),
          abstract: node['Abstract'] === 'true',
          openType: node['OpenType'] === 'true',
          properties,
        });
      }
    }
    for (const node of elements(container['EnumType'])) {
      const name = `${namespace}.${text(node, 'Name')}`;
      if (!enums.has(name)) enums.set(name, { name, members: elements(node['Member']).map((member) => text(member, 'Name')) });
    }
    for (const node of elements(container['Action'])) {
      const parameters = elements(node['Parameter']).map(property);
      const bound = node['IsBound'] === 'true';
      actions.set(text(node, 'Name'), { name: text(node, 'Name'), parameters: bound ? parameters.slice(1) : parameters });
    }
  };

  readNamespace(root, GRAPH_NAMESPACE);
  for (const schema of elements(root['Schema'])) readNamespace(schema, text(schema, 'Namespace'));
  return { structured, enums, actions };
}

/** A type's declared and inherited properties, base first. */
export function allProperties(model: CsdlModel, type: CsdlStructuredType): Map<string, CsdlProperty> {
  const chain: CsdlStructuredType[] = [];
  for (let current: CsdlStructuredType | undefined = type; current; current = current.baseType ? model.structured.get(current.baseType) : undefined) {
    chain.unshift(current);
  }
  return new Map(chain.flatMap((link) => link.properties.map((prop) => [prop.name, prop] as const)));
}

/** True when `type` is `ancestor` or derives from it. */
export function derivesFrom(model: CsdlModel, type: CsdlStructuredType, ancestor: string): boolean {
  for (let current: CsdlStructuredType | undefined = type; current; current = current.baseType ? model.structured.get(current.baseType) : undefined) {
    if (current.name === ancestor) return true;
  }
  return false;
}

function property(node: XmlElement): CsdlProperty {
  const raw = text(node, 'Type');
  const collection = /^Collection\((.+)\)$/.exec(raw);
  return {
    name: text(node, 'Name'),
    type: qualify(collection ? (collection[1] as string) : raw),
    collection: collection !== null,
    nullable: node['Nullable'] !== 'false',
  };
}

/** `graph.x` → `microsoft.graph.x`; Edm types and fully qualified names stay as they are. */
function qualify(typeName: string): string {
  return typeName.startsWith(`${GRAPH_ALIAS}.`) ? `${GRAPH_NAMESPACE}.${typeName.slice(GRAPH_ALIAS.length + 1)}` : typeName;
}

function element(value: unknown): XmlElement {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('CSDL: expected an XML element');
  return Object.fromEntries(Object.entries(value));
}

function elements(value: unknown): XmlElement[] {
  return value === undefined ? [] : Array.isArray(value) ? value.map(element) : [element(value)];
}

function text(node: XmlElement, attribute: string): string {
  const value = node[attribute];
  if (typeof value !== 'string' || value === '') throw new Error(`CSDL: element without a ${attribute} attribute`);
  return value;
}
