#!/usr/bin/env node
// Writes srm's CloudFormation schema data (rules/catalog/cloudformation/<namespace>.json) from the
// resource schemas that AWS publishes, as packaged in @aws-cdk/aws-service-spec.
//
// Usage: node generate.mjs <outDir> [--catalog <services.yaml>] [--check]
//   <outDir>    where the <namespace>.json files go, e.g. ../../rules/catalog/cloudformation
//   --catalog   srm's service catalogue (default: services.yaml in the parent of <outDir>)
//   --check     write nothing; exit 1 if a file would change (for CI or review)
//
// For every CloudFormation namespace that a type in the catalogue's `types:` or `properties:` lists,
// or in not-classified.yaml beside it, belongs to (AWS::S3, AWS::EC2, ...), every resource type of that namespace is written, so that srm
// also knows the satellite types (AWS::S3::BucketPolicy, ...). See README.md for the output format.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import YAML from 'yaml';

const require = createRequire(import.meta.url);
const SPEC_PACKAGE = '@aws-cdk/aws-service-spec';

function usage(message) {
  if (message) console.error(`generate.mjs: ${message}`);
  console.error('usage: node generate.mjs <outDir> [--catalog <services.yaml>] [--check]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { outDir: null, catalog: null, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--catalog') {
      opts.catalog = argv[++i] ?? usage('--catalog needs a file');
    } else if (a === '--check') {
      opts.check = true;
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (opts.outDir === null) {
      opts.outDir = a;
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (opts.outDir === null) usage('the output directory is missing');
  opts.catalog ??= path.join(path.dirname(path.resolve(opts.outDir)), 'services.yaml');
  return opts;
}

/** The version of the installed spec package, read from its own package.json. */
function specVersion() {
  const pkg = JSON.parse(fs.readFileSync(require.resolve(`${SPEC_PACKAGE}/package.json`), 'utf8'));
  return pkg.version;
}

/**
 * Resource types named by srm's service catalogue (`types:` lists and `properties:` keys) and by
 * not-classified.yaml beside it: a type srm deliberately does not classify may still be read by a
 * rule (an AWS::ApplicationAutoScaling::ScalableTarget that scales a DynamoDB table), so its
 * namespace's schema is written too.
 */
function cataloguedTypes(file) {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const types = new Set();
  for (const s of doc?.services ?? []) {
    for (const t of s.types ?? []) types.add(t);
    for (const t of Object.keys(s.properties ?? {})) types.add(t);
  }
  const notClassified = path.join(path.dirname(file), 'not-classified.yaml');
  if (fs.existsSync(notClassified)) {
    for (const group of YAML.parse(fs.readFileSync(notClassified, 'utf8'))?.notClassified ?? []) {
      for (const t of group.types ?? []) types.add(t);
    }
  }
  return types;
}

function namespaceOf(type) {
  const parts = type.split('::');
  if (parts.length !== 3) throw new Error(`not a CloudFormation resource type: ${type}`);
  return `${parts[0]}::${parts[1]}`;
}

/** AWS::S3 -> s3.json, AWS::ApiGatewayV2 -> apigatewayv2.json, Alexa::ASK -> alexa-ask.json. */
function fileNameOf(namespace) {
  const [org, service] = namespace.split('::');
  const base = org === 'AWS' ? service : `${org}-${service}`;
  return `${base.toLowerCase()}.json`;
}

const PRIMITIVES = {
  string: 'String',
  integer: 'Integer',
  number: 'Double',
  boolean: 'Boolean',
  json: 'Json',
  'date-time': 'Timestamp',
};

function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedAllowed(values) {
  const unique = [...new Set(values)];
  return unique.every((v) => typeof v === 'number') ? unique.sort((a, b) => a - b) : unique.map(String).sort(compareText);
}

/**
 * Converts a service-spec property type to srm's form, calling onRef for every named type used.
 * primitive / type / list / map as in the old CloudFormation resource specification; a union of
 * several types (the registry schema's oneOf/anyOf) becomes {"anyOf": [...]}.
 */
function convertType(t, db, onRef) {
  switch (t.type) {
    case 'string':
    case 'integer': {
      const out = { primitive: PRIMITIVES[t.type] };
      if (t.allowedValues?.length) out.allowed = sortedAllowed(t.allowedValues);
      return out;
    }
    case 'number':
    case 'boolean':
    case 'json':
    case 'date-time':
      return { primitive: PRIMITIVES[t.type] };
    case 'tag':
      onRef(null);
      return { type: 'Tag' };
    case 'ref': {
      const def = db.get('typeDefinition', t.reference);
      onRef(def);
      return { type: def.name };
    }
    case 'array':
      return { list: convertType(t.element, db, onRef) };
    case 'map':
      return { map: convertType(t.element, db, onRef) };
    case 'union': {
      const seen = new Map();
      for (const member of t.types) {
        const c = convertType(member, db, onRef);
        seen.set(JSON.stringify(sortKeys(c)), c);
      }
      const members = [...seen.entries()].sort(([a], [b]) => compareText(a, b)).map(([, c]) => c);
      return members.length === 1 ? members[0] : { anyOf: members };
    }
    default:
      throw new Error(`unknown property type '${t.type}' in ${SPEC_PACKAGE}; teach generate.mjs about it`);
  }
}

/** The registry schema's default, stored by the package as JSON text ("false", "\"NONE\"", "3"). */
function parseDefault(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function hasAllowed(c) {
  let inner = c;
  while (inner.list || inner.map) inner = inner.list ?? inner.map;
  return Array.isArray(inner.allowed);
}

function convertProperties(props, db, onRef, counts) {
  const out = {};
  for (const [name, p] of Object.entries(props)) {
    if (p.deprecated === 'IGNORE') continue; // the package marks these as wrongly added to the schema
    const c = convertType(p.type, db, onRef);
    if (p.required) c.required = true;
    if (p.defaultValue !== undefined) {
      c.default = parseDefault(p.defaultValue);
      counts.defaults++;
    }
    if (p.deprecated === 'WARN') c.deprecated = true;
    counts.properties++;
    if (hasAllowed(c)) counts.allowed++;
    out[name] = c;
  }
  return out;
}

// CloudFormation's resource tag: the legacy specification's built-in "Tag" property type.
const BUILTIN_TAG = {
  properties: {
    Key: { primitive: 'String', required: true },
    Value: { primitive: 'String', required: true },
  },
};

function convertResource(resource, db, counts) {
  const types = {};
  const pending = [];
  let usesTag = false;
  const onRef = (def) => {
    if (def === null) {
      usesTag = true;
    } else if (!(def.name in types)) {
      types[def.name] = null; // reserved; converted below
      pending.push(def);
    }
  };
  const properties = convertProperties(resource.properties, db, onRef, counts);
  while (pending.length > 0) {
    const def = pending.shift();
    types[def.name] = { properties: convertProperties(def.properties, db, onRef, counts) };
    counts.nestedTypes++;
  }
  if (usesTag && !('Tag' in types)) {
    types.Tag = BUILTIN_TAG;
    counts.nestedTypes++;
    counts.properties += Object.keys(BUILTIN_TAG.properties).length;
  }
  const out = { properties };
  if (Object.keys(types).length > 0) out.types = types;
  const attributes = Object.keys(resource.attributes ?? {}).sort(compareText);
  if (attributes.length > 0) out.attributes = attributes;
  if (resource.cloudFormationTransform) out.transform = resource.cloudFormationTransform;
  return out;
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort(compareText)) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

function render(doc) {
  return `${JSON.stringify(sortKeys(doc), null, 1)}\n`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const version = specVersion();
  const generatedFrom = `${SPEC_PACKAGE}@${version}`;
  const catalogued = cataloguedTypes(opts.catalog);
  const namespaces = new Set([...catalogued].map(namespaceOf));

  const db = loadAwsServiceSpecSync();
  const byNamespace = new Map();
  for (const r of db.all('resource')) {
    const ns = namespaceOf(r.cloudFormationType);
    if (!namespaces.has(ns)) continue;
    if (!byNamespace.has(ns)) byNamespace.set(ns, []);
    byNamespace.get(ns).push(r);
  }

  const counts = { files: 0, resourceTypes: 0, nestedTypes: 0, properties: 0, allowed: 0, defaults: 0 };
  const files = new Map();
  for (const ns of [...namespaces].sort(compareText)) {
    const resources = byNamespace.get(ns);
    if (!resources) continue; // reported below with the other gaps
    const resourceTypes = {};
    for (const r of resources) {
      resourceTypes[r.cloudFormationType] = convertResource(r, db, counts);
      counts.resourceTypes++;
    }
    const name = fileNameOf(ns);
    if (files.has(name)) throw new Error(`two namespaces map to ${name}`);
    files.set(name, render({ generatedFrom, resourceTypes }));
    counts.files++;
  }

  const known = new Set(db.all('resource').map((r) => r.cloudFormationType));
  const missing = [...catalogued].filter((t) => !known.has(t)).sort(compareText);

  const changed = writeFiles(opts, files);

  console.log(`${generatedFrom}: ${counts.files} files, ${counts.resourceTypes} resource types, ` +
    `${counts.nestedTypes} nested types, ${counts.properties} properties (${counts.allowed} with allowed values, ` +
    `${counts.defaults} with a default)`);
  if (missing.length > 0) console.log(`catalogued types the package lacks: ${missing.join(', ')}`);
  if (opts.check) {
    if (changed.length > 0) {
      console.log(`out of date: ${changed.join(', ')}`);
      process.exit(1);
    }
    console.log('up to date');
  } else {
    console.log(changed.length > 0 ? `changed: ${changed.join(', ')}` : 'no file changed');
  }
}

/** Writes the files that differ and removes generated files of namespaces no longer catalogued. */
function writeFiles(opts, files) {
  const dir = opts.outDir;
  const changed = [];
  const existing = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const f of existing) {
    if (files.has(f)) continue;
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    let generated = false;
    try {
      generated = typeof JSON.parse(text).generatedFrom === 'string';
    } catch {
      // not ours
    }
    if (generated) {
      changed.push(`${f} (removed)`);
      if (!opts.check) fs.rmSync(path.join(dir, f));
    }
  }
  if (!opts.check) fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of files) {
    const target = path.join(dir, f);
    const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (before === text) continue;
    changed.push(f);
    if (!opts.check) fs.writeFileSync(target, text);
  }
  return changed;
}

main();
