#!/usr/bin/env python3
"""Brings docs/coverage/config-rules.yaml and .md up to date with the pack's controls.

A judgeable rule that some control now names in @configRule (a DRL control, or a row of
rules/catalog/tagging-controls.yaml) becomes implemented with those controls as srmControls; the
markdown's totals, per-service table, per-service rows and the "Already decided" and "most
valuable" lists follow the YAML. The hand-written sections are kept.
Run from the repository root: python3 tools/coverage/config_rules_view.py
"""
import glob
import re
from collections import Counter, OrderedDict, defaultdict

import yaml

YAML = 'docs/coverage/config-rules.yaml'
MD = 'docs/coverage/config-rules.md'
CLASSES = ['implemented', 'judgeable', 'runtime', 'not-applicable']


def controls_by_config_rule():
    named = defaultdict(set)
    for f in glob.glob('rules/**/*.drl', recursive=True):
        text = open(f, encoding='utf-8').read()
        for m in re.finditer(r'rule "([^"]+)"(.*?)\nwhen', text, re.S):
            if '@kind("control")' not in m.group(2):
                continue
            cr = re.search(r'@configRule\("([^"]*)"\)', m.group(2))
            if cr:
                for r in cr.group(1).split(','):
                    if r.strip():
                        named[r.strip()].add(m.group(1))
    tagging = yaml.safe_load(open('rules/catalog/tagging-controls.yaml', encoding='utf-8'))
    config = yaml.safe_load(open(YAML, encoding='utf-8'))['configRules']
    for row in tagging.get('taggingControls', []):
        if row.get('configRule'):
            named[row['configRule']].add(row['control'])
        # Security Hub's tagging controls run its own tagged-* rules; the managed *-tagged rule of the
        # same resource types checks the same thing (tags present, aws: keys ignored)
        for r in config:
            if r['id'].endswith('-tagged') and set(r.get('resourceTypes') or []) & set(row.get('types') or []):
                named[r['id']].add(row['control'])
    return named


def sync_yaml(named):
    text = open(YAML, encoding='utf-8').read()
    moved = []

    def fix(m):
        block = m.group(0)
        rid = m.group(1)
        if 'coverage: judgeable' in block and rid in named:
            moved.append(rid)
            block = block.replace('coverage: judgeable', 'coverage: implemented', 1)
            block = re.sub(r'srmControls: \[\]', 'srmControls: [' + ', '.join(sorted(named[rid])) + ']', block, count=1)
        return block

    text = re.sub(r'  - id: (\S+)\n(?:    .*\n)+', fix, text)
    open(YAML, 'w', encoding='utf-8').write(text)
    return moved


def cell(r):
    if r['coverage'] == 'implemented':
        return 'srm: ' + ', '.join(f'`{c}`' for c in r['srmControls'])
    if r['coverage'] == 'judgeable':
        return r.get('decidedBy') or ''
    return r.get('why') or ''


def row(r):
    return (f"| [`{r['id']}`]({r['source']}) | {r['coverage']} | {cell(r)} | {', '.join(r.get('securityHub') or [])} |")


def main():
    named = controls_by_config_rule()
    moved = sync_yaml(named)
    rules = yaml.safe_load(open(YAML, encoding='utf-8'))['configRules']
    md = open(MD, encoding='utf-8').read()
    n = Counter(r['coverage'] for r in rules)
    services = OrderedDict()
    for r in rules:
        services.setdefault(r['service'], []).append(r)

    total = ['| coverage | rules |', '| --- | ---: |'] + [f'| {c} | {n[c]} |' for c in CLASSES] + [f'| **all** | **{len(rules)}** |']
    md = re.sub(r'\| coverage \| rules \|\n(?:\|.*\n)+', '\n'.join(total) + '\n', md, count=1)
    per = ['| service | implemented | judgeable | runtime | not-applicable | all |', '| --- | ---: | ---: | ---: | ---: | ---: |']
    for s, rs in services.items():
        c = Counter(r['coverage'] for r in rs)
        per.append(f"| {s} | {c['implemented']} | {c['judgeable']} | {c['runtime']} | {c['not-applicable']} | {len(rs)} |")
    md = re.sub(r'\| service \| implemented \| judgeable \| runtime \| not-applicable \| all \|\n(?:\|.*\n)+', '\n'.join(per) + '\n', md, count=1)

    judgeable = {r['id'] for r in rules if r['coverage'] == 'judgeable'}
    # lists of judgeable rules: drop the ones implemented now
    md = '\n'.join(l for l in md.split('\n')
                   if not (re.match(r'- `([^`]+)` -> ', l) and re.match(r'- `([^`]+)`', l).group(1) not in judgeable)
                   and not (re.match(r'\| \d+ \| \[`([^`]+)`\]', l) and re.match(r'\| \d+ \| \[`([^`]+)`\]', l).group(1) not in judgeable))

    by_id = {r['id']: r for r in rules}

    def section(m):
        name = m.group(1)
        rs = sorted(services.get(name, []), key=lambda r: (CLASSES.index(r['coverage']), r['id']))
        head = '| rule | coverage | srm control, deciding properties, or reason | Security Hub |\n| --- | --- | --- | --- |\n'
        return f'### {name}\n\n' + head + '\n'.join(row(r) for r in rs) + '\n'

    md = re.sub(r'### (.+)\n\n\| rule \| coverage \| srm control, deciding properties, or reason \| Security Hub \|\n(?:\|.*\n)+',
                section, md)
    open(MD, 'w', encoding='utf-8').write(md)
    print(f'{len(moved)} rules moved to implemented; totals: ' + ', '.join(f'{c} {n[c]}' for c in CLASSES))


if __name__ == '__main__':
    main()
