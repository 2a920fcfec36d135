#!/usr/bin/env python3
"""Refreshes docs/coverage/security-hub.md from docs/coverage/security-hub.yaml (the list is the source).

Rewrites the totals, the per-service table, the "Next candidates" table (drops what is no longer
judgeable) and each control's row under "Controls by service"; the hand-written sections are kept.
Run from the repository root: python3 tools/coverage/security_hub_view.py
"""
import re
import sys
from collections import Counter, OrderedDict

import yaml

YAML = 'docs/coverage/security-hub.yaml'
MD = 'docs/coverage/security-hub.md'
CLASSES = ['implemented', 'judgeable', 'runtime', 'not-applicable']


def is_tagging(c):
    return 'tagged' in c['title'].lower()


def pct(a, b):
    return f'{round(100 * a / b)}%' if b else '-'


def cell(c):
    if c['coverage'] == 'implemented':
        return ', '.join(f'`{x}`' for x in c['srmControls'])
    if c['coverage'] == 'judgeable':
        return c.get('decidedBy') or ''
    return c.get('why') or ''


def totals(controls, services):
    n = Counter(c['coverage'] for c in controls)
    impl, judge = n['implemented'], n['judgeable']
    judgeable = [c for c in controls if c['coverage'] == 'judgeable']
    tags = sum(1 for c in judgeable if is_tagging(c))
    account = sum(1 for c in judgeable if (c.get('decidedBy') or '').startswith('account setting'))
    sev = Counter(c['severity'] for c in judgeable if not is_tagging(c))
    out = ['## Totals', '', '| coverage | controls |', '|---|---:|']
    out += [f'| {k} | {n[k]} |' for k in CLASSES]
    out += [f'| **all** | **{len(controls)}** |', '',
            f'Implemented share of what configuration can decide (implemented / (implemented + judgeable)): '
            f'**{pct(impl, impl + judge)}** ({impl} of {impl + judge}).', '']
    out += [f'Of the {judge} judgeable controls, {tags} only ask for tags and {account} are decided by account-level '
            f'settings (the scenario\'s account block). The ones that are not about tags, by severity: '
            + ', '.join(f'{sev[s]} {s}' for s in ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] if sev[s]) + '.', '']
    out += ['### Per service', '',
            '| service | controls | implemented | judgeable | runtime | not-applicable | implemented of (implemented + judgeable) |',
            '|---|---:|---:|---:|---:|---:|---:|']
    for s in services:
        cs = [c for c in controls if c['service'] == s]
        k = Counter(c['coverage'] for c in cs)
        out.append(f'| {s} | {len(cs)} | ' + ' | '.join(str(k[x]) for x in CLASSES)
                   + f' | {pct(k["implemented"], k["implemented"] + k["judgeable"])} |')
    return out


def main():
    controls = yaml.safe_load(open(YAML))['securityHubControls']
    by_id = {c['id']: c for c in controls}
    md = open(MD).read().split('\n')
    start = md.index('## Totals')
    end = next(i for i in range(start, len(md)) if md[i].startswith('| service | controls |'))
    rows_end = end + 2
    services = []
    while rows_end < len(md) and md[rows_end].startswith('| '):
        services.append(md[rows_end].split('|')[1].strip())
        rows_end += 1
    missing = sorted({c['service'] for c in controls} - set(services))
    services += missing
    md[start:rows_end] = totals(controls, services)
    out, in_next = [], False
    for line in md:
        if line.startswith('## '):
            in_next = line == '## Next candidates'
        m = re.match(r'\| \[([^\]]+)\]\(', line)
        if m and m.group(1) in by_id:
            c = by_id[m.group(1)]
            if in_next:
                if c['coverage'] != 'judgeable':
                    continue
            else:
                parts = line.split(' | ')
                if len(parts) == 4:
                    line = ' | '.join(parts[:2] + [c['coverage'], cell(c)]) + ' |'
        out.append(line)
    open(MD, 'w').write('\n'.join(out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
