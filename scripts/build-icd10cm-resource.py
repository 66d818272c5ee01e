#!/usr/bin/env python3
"""Builds ChartScribe's ICD-10-CM resource from the public-domain CDC/NCHS release files.

Usage:
  python3 scripts/build-icd10cm-resource.py --tabular DIR --order FILE --release NAME [--out FILE]

  --tabular  folder with the flattened FY tabular and index: ICD10CM_<year>_codes.csv
             (Code,Description,ChapterID,SectionID: every code written in the Tabular List, headers and
             leaves, without 7th-character extensions) and ICD10CM_<year>_Index.csv
             (RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code: the Alphabetic Index in order).
  --order    a complete CDC order file converted to CSV (order_number,icd10cm_code,valid_billing_code,
             short,long,...), an older year is fine: it is read only to learn the 7th characters.
  --release  the name the resource carries and responses show, e.g. "FY2025 (April 2025 update)".
  --out      default src/main/resources/coding/icd10cm-release.tsv.gz

Why an older order file: the flattened tabular lists codes but not the 7th-character extensions, and
Tabular notes (which carry the 7th-character tables) are not in the files at hand. A code that the
order file extends with a 7th character keeps exactly those characters; a leaf added since then takes
the characters of its nearest relative in the order file (same subcategory, else category). The
count of leaves so inferred is printed. Excludes1 notes are in none of the files; the coder keeps its
own Excludes1 pairs (org.chartscribe.coding.CodingRules).

Output (UTF-8, gzip, tab-separated, one record a line; the loader is org.chartscribe.coding.Icd10Release):
  #release<TAB>NAME
  R<TAB>id<TAB>A=initial encounter|D=subsequent encounter|...      a 7th-character table
  C<TAB>code<TAB>title[<TAB>rule id]      a leaf: billable as is, or only with one of the rule's characters
  I<TAB>level<TAB>term<TAB>nonessential modifiers<TAB>see<TAB>see also<TAB>code    index rows in order
  E<TAB>level<TAB>term<TAB>nonessential modifiers<TAB>see<TAB>see also<TAB>code    External Cause Index rows
                                                                            (ICD10CM_<year>_ExternalIndex.csv, when present)
"""
import argparse
import collections
import csv
import glob
import gzip
import os
import sys


def bare(code):
    return code.replace('.', '').strip().upper()


def dotted(code):
    return code if len(code) <= 3 else code[:3] + '.' + code[3:]


def read_tabular(folder):
    path = glob.glob(os.path.join(folder, 'ICD10CM_*_codes.csv'))
    if len(path) != 1:
        sys.exit('expected one ICD10CM_<year>_codes.csv in ' + folder)
    with open(path[0], newline='', encoding='utf-8-sig') as f:
        rows = [(bare(r['Code']), r['Description'].strip()) for r in csv.DictReader(f)]
    codes = dict(rows)
    prefixes = set()
    for c in codes:
        for i in range(3, len(c)):
            prefixes.add(c[:i])
    leaves = [(c, t) for c, t in rows if c not in prefixes]
    return codes, leaves


def read_order(path):
    """7th-character tables learnt from an order file: stem (6 chars, X-padded) -> ((char, suffix), ...)."""
    billable, titles = set(), {}
    with open(path, newline='', encoding='utf-8-sig') as f:
        for r in csv.DictReader(f):
            code = bare(r['icd10cm_code'])
            titles[code] = r['icd10cm_long_description'].strip()
            if r['valid_billing_code'].strip() == '1':
                billable.add(code)
    stems = collections.defaultdict(dict)
    for code in billable:
        if len(code) != 7:
            continue
        stem = code[:6]
        base = stem.rstrip('X')
        stem_title = titles.get(base) or titles.get(stem)
        if stem_title is None or base in billable:
            continue  # a 7-character code that is not an extension
        title = titles[code]
        suffix = title[len(stem_title) + 2:] if title.startswith(stem_title + ', ') else None
        stems[stem][code[6]] = suffix
    return billable, titles, stems


def rule_for(leaf, stems, billable22, titles22):
    """The 7th characters for a FY leaf, and whether they were inferred from a relative."""
    stem = leaf.ljust(6, 'X') if len(leaf) < 7 else None
    if stem is None:
        return None, False
    if stem in stems:
        return stems[stem], False
    if leaf in billable22 or leaf in titles22:
        return None, False  # known to the order file and billable without an extension, or a header
    for n in range(len(leaf) - 1, 2, -1):
        prefix = leaf[:n]
        related = [s for s in stems if s.startswith(prefix)]
        plain = [c for c in billable22 if c.startswith(prefix) and len(c) < 7]
        if related or plain:
            if len(related) <= len(plain):
                return None, True
            counts = collections.Counter(tuple(sorted(stems[s].items(), key=lambda kv: kv[0])) for s in related)
            return dict(counts.most_common(1)[0][0]), True
    return None, False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tabular', required=True)
    ap.add_argument('--order', required=True)
    ap.add_argument('--release', required=True)
    ap.add_argument('--out', default='src/main/resources/coding/icd10cm-release.tsv.gz')
    a = ap.parse_args()

    codes, leaves = read_tabular(a.tabular)
    billable22, titles22, stems = read_order(a.order)
    rules, rule_ids = [], {}
    out_codes, inferred, extended, missing_suffix = [], 0, 0, 0
    for code, title in leaves:
        rule, guessed = rule_for(code, stems, billable22, titles22)
        rid = ''
        if rule:
            if any(s is None for s in rule.values()):
                missing_suffix += 1
            key = tuple(sorted((ch, s or '') for ch, s in rule.items()))
            if key not in rule_ids:
                rule_ids[key] = str(len(rules) + 1)
                rules.append(key)
            rid = rule_ids[key]
            extended += 1
            inferred += guessed
        out_codes.append((code, title, rid))

    index_path = glob.glob(os.path.join(a.tabular, 'ICD10CM_*_Index.csv'))
    if len(index_path) != 1:
        sys.exit('expected one ICD10CM_<year>_Index.csv in ' + a.tabular)
    with open(index_path[0], newline='', encoding='utf-8-sig') as f:
        index = [r for r in csv.DictReader(f)]

    external_path = glob.glob(os.path.join(a.tabular, 'ICD10CM_*_ExternalIndex.csv'))
    external = []
    if len(external_path) == 1:
        with open(external_path[0], newline='', encoding='utf-8-sig') as f:
            external = [r for r in csv.DictReader(f)]

    def clean(s):
        return ' '.join((s or '').replace('\t', ' ').split())

    billable_count = 0
    with gzip.open(a.out, 'wt', encoding='utf-8', compresslevel=9, newline='\n') as out:
        out.write('#release\t' + a.release + '\n')
        out.write('# Derived from the CDC/NCHS ICD-10-CM release (US Government work, public domain) by\n')
        out.write('# scripts/build-icd10cm-resource.py; 7th characters learnt from ' + os.path.basename(a.order) + '\n')
        for i, key in enumerate(rules, 1):
            out.write('R\t%d\t%s\n' % (i, '|'.join('%s=%s' % kv for kv in key)))
        for code, title, rid in out_codes:
            billable_count += len(rules[int(rid) - 1]) if rid else 1
            out.write('C\t%s\t%s%s\n' % (dotted(code), clean(title), '\t' + rid if rid else ''))
        for r in index:
            code = clean(r['Code']).rstrip('.')
            out.write('I\t%s\t%s\t%s\t%s\t%s\t%s\n' % (r['Level'], clean(r['Term']), clean(r['NonEssModif']),
                                                        clean(r['See']), clean(r['SeeAlso']), code))
        for r in external:
            code = clean(r['Code']).rstrip('.')
            out.write('E\t%s\t%s\t%s\t%s\t%s\t%s\n' % (r['Level'], clean(r['Term']), clean(r['NonEssModif']),
                                                        clean(r['See']), clean(r['SeeAlso']), code))
    print('%s: %d leaves, %d with a 7th character (%d inferred from a relative, %d with an untitled character), '
          '%d billable codes, %d 7th-character tables, %d index rows, %d external-cause index rows -> %s (%d bytes)'
          % (a.release, len(leaves), extended, inferred, missing_suffix, billable_count, len(rules), len(index),
             len(external), a.out, os.path.getsize(a.out)))


if __name__ == '__main__':
    main()
